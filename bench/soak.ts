/**
 * npm run soak -- --minutes N   [--users 200] [--kill-every 30] [--drain 600] [--limit 4] [--think-ms 2000-8000]
 *                              [--generate-weight 8] [--burst-every 10] [--keep]
 * On MariaDB (MYSQL_URL, default mysql://root@127.0.0.1:3306), Redis (REDIS_URL base, default redis://127.0.0.1:6379;
 * an empty database 8..15 is used and flushed at the end) and s3rver (started here): 2 API and 2 worker processes
 * (`node --import tsx api/src/main.ts`, ROLE=api / ROLE=worker) serve simulated users while every --kill-every
 * seconds a random one is killed with SIGKILL and started again. Then the jobs drain and the invariants are checked
 * (bench/soak-checks.ts). Prints the figures and writes them with the processes' logs to test-output/soak-<time>/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execSync } from 'node:child_process';
import { Sequelize } from 'sequelize';
import { AppProcess, ROOT, freePort, pickRedisDb, runCli, sleep, startS3 } from './soak-procs.js';
import { Client, newTally, runUser, tokenFor, type SimUser, type World } from './soak-users.js';
import { checkErrors, checkJobs, checkObjects, checkOrders, checkRateLimit, jobCounts, pending, type Check, type Window } from './soak-checks.js';

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def; };
const minutes = Number(arg('minutes', '10'));
const userCount = Number(arg('users', '200'));
const killEverySec = Number(arg('kill-every', '30'));
const drainSec = Number(arg('drain', '600'));
const limit = Number(arg('limit', '4'));
const keep = process.argv.includes('--keep');
// Think time between a user's actions: 200 users at 2-8 s is about 40 actions/s, 8 % of them generations.
const thinkMs = arg('think-ms', '2000-8000').split('-').map(Number) as [number, number];
// Share of generations in the mix (weight out of about 100) and one burst user in --burst-every users: lower them when
// the workers cannot keep up (a backlog that cannot drain makes "every job is terminal" fail).
const generateWeight = Number(arg('generate-weight', '8'));
const burstEvery = Number(arg('burst-every', '10'));
const GRACE_MS = 3000;

const pct = (xs: number[], p: number) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const secret = () => crypto.randomBytes(24).toString('base64url');
const log = (msg: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main() {
  const started = new Date();
  const outDir = path.join(ROOT, 'test-output', `soak-${started.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-soak-data-'));
  const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-soak-s3-'));

  const mysql = new URL(process.env.MYSQL_URL || 'mysql://root@127.0.0.1:3306');
  const dbName = `ais_soak_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Sequelize(dbName, decodeURIComponent(mysql.username), decodeURIComponent(mysql.password), { dialect: 'mysql', host: mysql.hostname, port: Number(mysql.port || 3306), logging: false });
  const root = new Sequelize('', decodeURIComponent(mysql.username), decodeURIComponent(mysql.password), { dialect: 'mysql', host: mysql.hostname, port: Number(mysql.port || 3306), logging: false });
  await root.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  mysql.pathname = `/${dbName}`;

  const redis = await pickRedisDb(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  if ('error' in redis) throw new Error(`Redis: ${redis.error}`);
  const bucket = 'soak-images';
  const s3 = await startS3(s3Dir, bucket);
  const metricsToken = secret();
  const env: Record<string, string> = {
    NODE_ENV: 'production', DATABASE_URL: mysql.toString(), DATA_DIR: dataDir, HOST: '127.0.0.1',
    AUTH_JWT_SECRET: secret(), PAYMENTS_SANDBOX_SECRET: secret(), MASTER_KEY: secret(), CURSOR_KEY: secret(), PAYMENTS_GATEWAY: 'sandbox',
    STORAGE_URL: `s3://${bucket}/soak`, S3_ENDPOINT: s3.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER',
    REDIS_URL: redis.url, METRICS_TOKEN: metricsToken, WORKER_CONCURRENCY: '2', LOG_LEVEL: 'info',
  };
  log(`database ${dbName}, Redis ${redis.url}, s3rver ${s3.endpoint}, logs in ${path.relative(ROOT, outDir)}`);

  const procs: AppProcess[] = [];
  for (let i = 1; i <= 2; i++) {
    const port = await freePort();
    procs.push(new AppProcess({ name: `api-${i}`, role: 'api', port, env: { ...env, PUBLIC_URL: `http://127.0.0.1:${port}` } }, outDir));
  }
  for (let i = 1; i <= 2; i++) procs.push(new AppProcess({ name: `worker-${i}`, role: 'worker', env: { ...env, METRICS_PORT: String(await freePort()) } }, outDir));
  const apis = procs.filter((p) => p.spec.role === 'api');

  const stopAll = async () => { await Promise.all(procs.map((p) => p.kill('SIGTERM'))); };
  process.on('SIGINT', () => { void stopAll().then(() => process.exit(130)); });

  const migrated = await runCli('api/src/cli/migrate.ts', env);
  if (migrated.code !== 0) throw new Error(`db:migrate failed:\n${migrated.output}`);
  // The first API seeds the default partner and its catalogue; the others start after it, as in docker-compose.yml.
  procs[0]!.start();
  await procs[0]!.ready();
  for (const p of procs.slice(1)) p.start();
  await Promise.all(procs.slice(1).map((p) => p.ready()));
  log('2 API and 2 worker processes are up');

  const tally = newTally();
  // Like a load balancer with health checks: only APIs that answered /readyz since their last start get requests.
  const client = new Client(() => { const up = apis.filter((a) => a.healthy).map((a) => a.url); return up.length ? up : apis.map((a) => a.url); }, tally);
  const setup = new Client(() => apis.map((a) => a.url), newTally());
  const adminUser: SimUser = { sub: 'soak-admin-0', admin: true };
  const adminToken = tokenFor(adminUser, env.AUTH_JWT_SECRET!);
  const cfg = await setup.call('setup', 'POST', '/api/admin/config', { token: adminToken, body: { config: { limits: { generatePerMinute: limit } }, note: 'soak' } });
  const effective = Number(cfg.body?.config?.limits?.generatePerMinute ?? (await setup.call('setup', 'GET', '/api/admin/config', { token: adminToken })).body?.config?.limits?.generatePerMinute ?? 20);
  if (cfg.status !== 200) log(`WARNING: could not set limits.generatePerMinute (${cfg.status}); using the partner's ${effective}`);
  const cats = await setup.call('setup', 'GET', '/api/studio/categories', { token: adminToken });
  const categories = ((cats.body?.items ?? []) as { id: string }[]).map((c) => c.id);

  const runMs = minutes * 60_000;
  const t0 = Date.now() + 20_000; // users start after their setup
  const users: SimUser[] = Array.from({ length: userCount }, (_, i) => ({
    sub: `soak-u${i}`, admin: i < 4,
    burstAt: i >= 4 && i % burstEvery === 5 % burstEvery ? t0 + Math.random() * Math.max(0, runMs - 30_000) : undefined,
  }));
  // Every 7th user arrives through a referral link of the user before it.
  const codes = new Map<string, string>();
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(users.slice(i, i + 10).map(async (u) => {
      const token = tokenFor(u, env.AUTH_JWT_SECRET!);
      const me = await setup.call('setup', 'GET', '/api/referrals/me', { token });
      if (me.status === 200) codes.set(u.sub, me.body.code);
      await setup.call('setup', 'POST', '/api/admin/credits/grant', { token: adminToken, body: { userId: u.sub, credits: 40, note: 'soak' } });
    }));
  }
  users.forEach((u, i) => { if (i % 7 === 3 && i > 0) u.referrer = codes.get(users[i - 1]!.sub); });
  const metrics = await fetch(`${apis[0]!.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((r) => r.status, () => 0);

  const world: World = { deadline: Date.now() + runMs, limit: effective, burstSize: effective * 2, secret: env.AUTH_JWT_SECRET!, categories, posts: [], codes: [], generateWeight,
    thinkMs, pollMs: 1000, maxPolls: 120 };
  log(`${userCount} users for ${minutes} min (generate limit ${effective}/min, bursts of ${world.burstSize}), a SIGKILL every ${killEverySec} s`);

  // Chaos: one process at a time, SIGKILL, start again; the window lasts until it is ready again (plus a grace).
  const windows: Window[] = [];
  const kills: { name: string; at: number; readyMs: number }[] = [];
  const restarting = new Set<AppProcess>();
  const killAndRestart = async (victim: AppProcess) => {
    restarting.add(victim);
    const w: Window = { from: Date.now(), to: Number.POSITIVE_INFINITY, what: victim.spec.name };
    windows.push(w);
    await victim.kill('SIGKILL');
    victim.start();
    await victim.ready();
    w.to = Date.now() + GRACE_MS;
    restarting.delete(victim);
    kills.push({ name: victim.spec.name, at: w.from, readyMs: Date.now() - w.from });
    log(`killed ${victim.spec.name}; back after ${((Date.now() - w.from) / 1000).toFixed(1)} s`);
  };
  const chaos = (async () => {
    const restarts: Promise<void>[] = [];
    for (let next = Date.now() + killEverySec * 1000; next < world.deadline; next += killEverySec * 1000) {
      await sleep(Math.max(0, next - Date.now()));
      // On the clock, even while another process is still coming back; never both APIs at once (an outage, not a restart).
      const candidates = procs.filter((p) => !restarting.has(p) && !(p.spec.role === 'api' && apis.some((a) => restarting.has(a))));
      if (candidates.length) restarts.push(killAndRestart(candidates[Math.floor(Math.random() * candidates.length)]!));
    }
    await Promise.all(restarts);
  })();
  let redisKeys = 0;
  const sampler = setInterval(() => { void redis.client.dbsize().then((n) => { redisKeys = Math.max(redisKeys, n); }, () => undefined); }, 2000);

  await Promise.all(users.map((u) => runUser(u, client, tally, world)));
  await chaos;
  clearInterval(sampler);
  redisKeys = Math.max(redisKeys, await redis.client.dbsize());
  const loadEnd = Date.now();
  log(`load done: ${tally.samples.length} requests; draining jobs`);

  const drainUntil = Date.now() + drainSec * 1000;
  let counts = await jobCounts(admin);
  while (pending(counts) > 0 && Date.now() < drainUntil) {
    await sleep(2000);
    counts = await jobCounts(admin);
  }
  const drainMs = Date.now() - loadEnd;
  log(`drain ${(drainMs / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);

  const ledger = await runCli('api/src/cli/ledger-check.ts', env);
  const checks: Check[] = [
    { name: 'the ledger check passes', status: ledger.code === 0 ? 'pass' : 'FAIL', detail: ledger.output.trim().split('\n').slice(-3).join(' | ') },
    ...(await checkJobs(admin)),
    await checkOrders(admin, tally),
    checkRateLimit(tally, effective, redisKeys),
    await checkObjects(admin, { endpoint: s3.endpoint, bucket }, dataDir),
    ...checkErrors(tally, windows),
  ];
  if (metrics !== 200) checks.push({ name: 'GET /metrics answers', status: 'warn', detail: `status ${metrics}: metrics are not in this build` });

  await stopAll();
  await s3.close();
  await redis.client.flushdb();
  redis.client.disconnect();
  await admin.close();
  if (!keep) await root.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await root.close();
  if (!keep) { fs.rmSync(dataDir, { recursive: true, force: true }); fs.rmSync(s3Dir, { recursive: true, force: true }); }

  const ok = tally.samples.filter((s) => s.status > 0);
  const lat = (label?: string) => ok.filter((s) => !label || s.label === label).map((s) => s.t1 - s.t0);
  const inWin = (s: { t0: number; t1: number }) => windows.some((w) => s.t1 >= w.from && s.t0 <= w.to);
  const statuses = tally.samples.reduce<Record<string, number>>((m, s) => { const k = s.status ? `${s.status}${s.code ? ` ${s.code}` : ''}` : `conn ${s.code}`; m[k] = (m[k] ?? 0) + 1; return m; }, {});
  const report = {
    machine: { cpu: os.cpus()[0]?.model ?? '?', cores: os.cpus().length, nproc: execSync('nproc').toString().trim(), memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    date: started.toISOString(), minutes, users: userCount, params: { thinkMs, generateWeight, burstEvery, limit: effective, killEverySec },
    requests: tally.samples.length, requestsPerSecond: Math.round((tally.samples.length / (runMs / 1000)) * 10) / 10,
    kills: kills.length, killed: kills.map((k) => `${k.name} (${(k.readyMs / 1000).toFixed(1)} s)`),
    errors: {
      '5xx in kill windows': tally.samples.filter((s) => s.status >= 500 && inWin(s)).length,
      '5xx outside': tally.samples.filter((s) => s.status >= 500 && !inWin(s)).length,
      'refused/reset in kill windows (retried)': tally.samples.filter((s) => s.status === 0 && s.code !== 'TimeoutError' && inWin(s)).length,
      'refused/reset outside': tally.samples.filter((s) => s.status === 0 && s.code !== 'TimeoutError' && !inWin(s)).length,
      'timed out (30 s) in kill windows': tally.samples.filter((s) => s.code === 'TimeoutError' && inWin(s)).length,
      'timed out (30 s) outside': tally.samples.filter((s) => s.code === 'TimeoutError' && !inWin(s)).length,
    },
    statuses,
    latencyMs: { all: { p50: pct(lat(), 50), p95: pct(lat(), 95) }, generateAck: { p50: pct(lat('generate'), 50), p95: pct(lat('generate'), 95) },
      feed: { p50: pct(lat('feed'), 50), p95: pct(lat('feed'), 95) }, poll: { p50: pct(lat('poll'), 50), p95: pct(lat('poll'), 95) } },
    jobs: counts, drainSeconds: Math.round(drainMs / 1000),
    actions: { generated: tally.generated, published: tally.published, likes: tally.likes, remixes: tally.remixes, referralClaims: tally.claims, ordersVerified: tally.verifiedOrders.size, bursts: tally.bursts.length },
    checks,
  };
  fs.writeFileSync(path.join(outDir, 'soak.json'), JSON.stringify(report, null, 2));
  console.log(`\n=== soak: ${minutes} min, ${userCount} users, ${report.requests} requests (${report.requestsPerSecond}/s), ${kills.length} kills ===`);
  console.log(`params: ${JSON.stringify(report.params)}`);
  console.log(`machine: ${report.machine.cpu}, ${report.machine.nproc} cores available, ${report.machine.memGb} GB, Node ${report.machine.node}`);
  console.log(`kills: ${report.killed.join(', ') || '-'}`);
  console.log(`errors: ${JSON.stringify(report.errors)}`);
  console.log(`statuses: ${JSON.stringify(statuses)}`);
  console.log(`latency ms: ${JSON.stringify(report.latencyMs)}`);
  console.log(`jobs: ${JSON.stringify(counts)} (drained in ${report.drainSeconds} s); ${JSON.stringify(report.actions)}`);
  for (const c of checks) console.log(`  [${c.status}] ${c.name}: ${c.detail}`);
  console.log(`report: ${path.relative(ROOT, path.join(outDir, 'soak.json'))}`);
  process.exit(checks.some((c) => c.status === 'FAIL') ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
