import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import YAML from 'yaml';
import { registry } from '../../src/metrics/registry.js';
import '../../src/metrics/http.js';

/**
 * The alert rules in docs/operations.md are copied into Prometheus by operators: they must parse, and every series
 * they name must be one the app exports (a renamed metric would silently turn an alert off).
 */
const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'operations.md');

describe('alert rules in docs/operations.md', () => {
  const blocks = [...fs.readFileSync(DOC, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => YAML.parse(m[1]!));
  const rules = blocks.flatMap((b) => (b?.groups ?? []).flatMap((g: { rules: unknown[] }) => g.rules)) as { alert?: string; record?: string; expr: string }[];

  it('parse as Prometheus rule groups, each rule with an expression', () => {
    expect(rules.length).to.be.at.least(10);
    for (const r of rules) {
      expect(r.alert ?? r.record, JSON.stringify(r)).to.be.a('string');
      expect(r.expr).to.be.a('string').and.not.empty;
    }
    const alerts = rules.map((r) => r.alert).filter(Boolean);
    for (const a of ['ErrorBudgetFastBurn', 'ErrorBudgetSlowBurn', 'GenerationsWaitingTooLong', 'ImageProviderFailureRate', 'RateLimitSpike', 'RateLimitStoreDown']) {
      expect(alerts).to.include(a);
    }
  });

  it('name only series the app exports', () => {
    const recorded = new Set(rules.map((r) => r.record).filter(Boolean));
    const used = new Set(rules.flatMap((r) => [...r.expr.matchAll(/(?<![:\w])((?:ais_|http_)[a-z_]+)/g)].map((m) => m[1]!)));
    expect(used.size).to.be.at.least(6);
    for (const name of used) {
      if (recorded.has(name)) continue;
      const base = name.replace(/_(bucket|count|sum)$/, '');
      expect(registry.getSingleMetric(base), `${name} is not exported`).to.not.equal(undefined);
    }
  });
});
