import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * `redocly lint` with the recommended ruleset (redocly.yaml) over docs/openapi.json: no errors allowed.
 * Warnings are printed, not fatal. The CLI runs as a child process, the way a developer runs it.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

describe('OpenAPI document passes redocly lint (recommended rules)', function () {
  this.timeout(120000);

  it('has no errors', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', 'docs/openapi.json', '--format=json'], {
      cwd: ROOT,
      encoding: 'utf8',
      // No network here: no telemetry, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    const start = r.stdout.indexOf('{');
    if (start < 0) expect.fail(`redocly lint printed no report (exit ${r.status}): ${r.stderr}`);
    const report = JSON.parse(r.stdout.slice(start)) as LintReport;
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors, 'redocly lint errors (npx redocly lint)').to.deep.equal([]);
    expect(report.totals.errors).to.equal(0);
  });
});
