/**
 * A/B of the generate acknowledgement: another checkout (the base commit) against this one, alternating run by run
 * under the same load, both through THIS tree's harness (bench/generate.ts) so only the server code differs.
 *
 *   npx tsx bench/ab-generate.ts --base /work/wt/base --runs 3 --seconds 6 --db sqlite|mysql [--users 1] [--connections 50]
 *
 * The other checkout runs from a shadow directory: a copy of this harness next to symlinks to its api/, node_modules,
 * package.json and tsconfig.json. Each run gets a fresh database (MySQL: MYSQL_URL's server, a random database
 * dropped afterwards). Prints server CPU per acknowledgement (the figure that travels), acks/s and p95 per run, the
 * medians, and the bare-SQL debit ceiling measured in the same rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GenerateBenchResult } from './generate.js';
import { scratchDatabase } from './scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1]! : def; };
const baseDir = path.resolve(arg('base', '/work/wt/base'));
const runs = Number(arg('runs', '3'));
const seconds = Number(arg('seconds', '6'));
const connections = Number(arg('connections', '50'));
const users = Number(arg('users', '1'));
const dbName = arg('db', 'sqlite');
const withBare = !process.argv.includes('--skip-bare');

const makeDb = () => scratchDatabase(dbName === 'sqlite' ? 'sqlite' : 'mysql');

function shadowOf(dir: string): string {
  const shadow = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-ab-shadow-'));
  fs.mkdirSync(path.join(shadow, 'bench'));
  fs.copyFileSync(path.join(HERE, 'generate.ts'), path.join(shadow, 'bench', 'generate.ts'));
  for (const f of ['api', 'node_modules', 'package.json', 'tsconfig.json']) fs.symlinkSync(path.join(dir, f), path.join(shadow, f));
  return shadow;
}

type Bench = (o: { dbUrl: string; seconds: number; connections: number; users?: number }) => Promise<GenerateBenchResult>;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

async function main() {
  const shadow = shadowOf(baseDir);
  try {
    const sides: { name: string; run: Bench }[] = [
      { name: 'base', run: (await import(pathToFileURL(path.join(shadow, 'bench', 'generate.ts')).href)).runGenerateBench },
      { name: 'this', run: (await import(pathToFileURL(path.join(HERE, 'generate.ts')).href)).runGenerateBench },
    ];
    const { runBareSqlBench } = await import('./bare-sql.js');
    console.log(`A/B generate: ${dbName}, ${connections} clients over ${users} user(s), ${seconds} s × ${runs}, base ${baseDir}, ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const got: Record<string, GenerateBenchResult[]> = { base: [], this: [] };
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 ? [...sides].reverse() : sides) {
        const db = await makeDb();
        try {
          const r = await side.run({ dbUrl: db.url, seconds, connections, users });
          got[side.name]!.push(r);
          console.log(`  run ${i + 1} ${side.name}: CPU ${r.serverCpuMsPerAck.toFixed(2)} ms/ack  ${r.perSecond.toFixed(1)} acks/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  refused ${r.refused} errors ${r.errors}  (load ${os.loadavg()[0]!.toFixed(1)})`);
        } finally { await db.drop(); }
      }
      if (withBare) {
        const db = await makeDb();
        try {
          const b = await runBareSqlBench({ dbUrl: db.url, seconds, concurrency: connections });
          bare.push(b.perSecond);
          console.log(`  run ${i + 1} bare SQL debit: ${b.perSecond.toFixed(1)} tx/s  p95 ${b.p95.toFixed(1)} ms`);
        } finally { await db.drop(); }
      }
    }
    console.log('\n| side | CPU ms/ack | acks/s | p50 ms | p95 ms | generate / bare |\n|---|---:|---:|---:|---:|---:|');
    for (const s of sides) {
      const r = got[s.name]!;
      const acks = median(r.map((x) => x.perSecond));
      console.log(`| ${s.name} | ${median(r.map((x) => x.serverCpuMsPerAck)).toFixed(2)} | ${acks.toFixed(1)} | ${median(r.map((x) => x.p50)).toFixed(1)} | ${median(r.map((x) => x.p95)).toFixed(1)} | ${bare.length ? `${((100 * acks) / median(bare)).toFixed(0)} %` : '-'} |`);
    }
    if (bare.length) console.log(`bare-SQL debit median ${median(bare).toFixed(1)} tx/s`);
  } finally {
    fs.rmSync(shadow, { recursive: true, force: true });
  }
}
await main();
