import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { QueryTypes } from 'sequelize';
import { databases, services, sleep, startServer, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';

/** `npm run partner` as an operator runs it: a real process on the database a running server uses. */
const SECRET = 'cli-partner-shared-secret-0123456789abcdef';

for (const dbDef of databases()) {
  describe(`npm run partner (${dbDef.name})`, function () {
    this.timeout(300000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let env: Record<string, string>;
    let dir: string;

    const run = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', 'api/src/cli/partner.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60000 },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    });
    const tenantsSnapshot = async () => JSON.stringify(await services().db.sequelize.query('SELECT * FROM tenants ORDER BY id', { type: QueryTypes.SELECT }));
    /** The running server sees what another process wrote within its version check; poll rather than sleep. */
    async function eventually(fn: () => Promise<boolean>, ms = 8000) {
      const until = Date.now() + ms;
      while (!(await fn())) {
        if (Date.now() > until) throw new Error('condition not met in time');
        await sleep(100);
      }
    }

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-partner-cli-'));
      fs.writeFileSync(path.join(dir, 'secret'), SECRET + '\n');
      env = {
        NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, DATA_DIR: dir,
        MASTER_KEY: 'master-key-for-tests-0123456789', AUTH_JWT_SECRET: TEST_JWT_SECRET, PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789',
      };
    });
    after(async () => {
      await s?.close();
      await drop?.();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('creates, lists, updates, rotates and disables a partner, JSON out, and a running server follows each step', async () => {
      const created = await run('create', '--name', 'Cli Partner', '--algorithm', 'HS256', '--secret-file', path.join(dir, 'secret'),
        '--origin', 'https://cli.example', '--issuer', 'https://cli.example', '--max-token-lifetime', '3600');
      expect(created.code, created.stderr).to.equal(0);
      expect(created.stdout).not.to.contain(SECRET);
      const p = JSON.parse(created.stdout);
      expect(p).to.deep.include({ slug: 'cli-partner', name: 'Cli Partner', status: 'active', allowedOrigins: ['https://cli.example'], maxTokenLifetimeSeconds: 3600 });

      const token = jwt.sign({ sub: 'cli-user' }, SECRET, { algorithm: 'HS256', expiresIn: '10m', issuer: 'https://cli.example' });
      await eventually(async () => (await s.call('GET', '/api/credits/balance', { token })).status === 200);

      const list = await run('list');
      expect(list.code, list.stderr).to.equal(0);
      expect(JSON.parse(list.stdout).items.map((x: { id: string }) => x.id)).to.include(p.id).and.include('tnt_default');

      const got = await run('get', p.id);
      expect(JSON.parse(got.stdout).publishableKey).to.equal(p.publishableKey);

      const updated = await run('update', p.id, '--name', 'Cli Partner Renamed', '--site-url', 'https://cli.example/home');
      expect(updated.code, updated.stderr).to.equal(0);
      expect(JSON.parse(updated.stdout)).to.deep.include({ name: 'Cli Partner Renamed', siteUrl: 'https://cli.example/home', slug: 'cli-partner' });

      const rotated = await run('rotate-key', p.id);
      expect(rotated.code, rotated.stderr).to.equal(0);
      const newKey = JSON.parse(rotated.stdout).publishableKey;
      expect(newKey).to.match(/^pk_/).and.not.equal(p.publishableKey);
      await eventually(async () => (await s.call('GET', '/api/credits/balance', { token, headers: { 'x-partner-key': p.publishableKey } })).status === 401);
      expect((await s.call('GET', '/api/credits/balance', { token, headers: { 'x-partner-key': newKey } })).status).to.equal(200);

      const disabled = await run('disable', p.id);
      expect(disabled.code, disabled.stderr).to.equal(0);
      expect(JSON.parse(disabled.stdout).status).to.equal('disabled');
      await eventually(async () => (await s.call('GET', '/api/credits/balance', { token })).status === 401);

      const enabled = await run('enable', p.id);
      expect(JSON.parse(enabled.stdout).status).to.equal('active');
      await eventually(async () => (await s.call('GET', '/api/credits/balance', { token })).status === 200);
    });

    it('refuses bad input with the API\'s problem document on stderr (exit 1) and writes nothing', async () => {
      const before = await tenantsSnapshot();
      const cases: [string[], string][] = [
        [['create', '--name', 'Weak', '--algorithm', 'HS256', '--secret', 'short'], 'validation_error'],
        [['create', '--name', 'Bad Origin', '--algorithm', 'HS256', '--secret-file', path.join(dir, 'secret'), '--origin', 'https://x.example/path'], 'validation_error'],
        [['create', '--name', 'Private Jwks', '--algorithm', 'RS256', '--jwks-url', 'https://192.168.0.10/jwks.json'], 'validation_error'],
        [['create', '--json', JSON.stringify({ name: 'Extra', auth: { algorithm: 'HS256', secret: SECRET }, color: 'red' })], 'validation_error'],
        [['create', '--name', 'Dup', '--slug', 'cli-partner', '--algorithm', 'HS256', '--secret-file', path.join(dir, 'secret')], 'conflict'],
        [['update', 'tnt_missing', '--name', 'X'], 'not_found'],
        [['update', 'tnt_default', '--status', 'paused'], 'validation_error'],
      ];
      // Independent refusals: run side by side to keep the suite's wall time down.
      const results = await Promise.all(cases.map(([args]) => run(...args)));
      for (const [i, [args, code]] of cases.entries()) {
        const r = results[i]!;
        expect(r.code, `${args.join(' ')}: ${r.stdout}`).to.equal(1);
        expect(r.stdout).to.equal('');
        expect(JSON.parse(r.stderr).code, args.join(' ')).to.equal(code);
      }
      expect(await tenantsSnapshot()).to.equal(before);
    });

    it('prints its usage and exits 2 on an unknown command or option', async () => {
      const all = [['frobnicate'], ['create', '--colour', 'red']];
      const results = await Promise.all(all.map((args) => run(...args)));
      for (const [i, args] of all.entries()) {
        const r = results[i]!;
        expect(r.code, args.join(' ')).to.equal(2);
        expect(r.stderr).to.contain('usage: npm run partner');
      }
    });
  });
}
