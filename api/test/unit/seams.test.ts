import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * The seams issue 9 opens, checked on the source: one place reads the environment, one folder names the payment
 * gateway, the queue names no job kind, the ledger keys no rule on a reason name, and payments/ stays below the
 * layers that call it.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SRC = path.join(ROOT, 'api', 'src');
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('seams', () => {
  it('reads process.env only in config.ts and the CLI entry points (cli/)', () => {
    const readers = files(SRC).filter((f) => read(f).includes('process.env')).map(rel);
    expect(readers.filter((f) => f !== 'config.ts' && !f.startsWith('cli/'))).to.deep.equal([]);
  });

  it('names Razorpay only in payments/gateways/ and the configuration', () => {
    // Code only: comments and API descriptions may say which gateway a route serves (the per-partner account is a
    // Razorpay account by definition), but no code outside gateways/ depends on it. generated/ is made from those descriptions.
    const code = (f: string) => read(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const naming = files(SRC).filter((f) => !rel(f).startsWith('generated/') && /razorpay/i.test(code(f))).map(rel);
    // payment-account.ts is the admin's view of the partner's own Razorpay account (issue 12 item 2): naming it is its job.
    const allowed = new Set(['config.ts', 'operations/credits/payment-account.ts']);
    expect(naming.filter((f) => !f.startsWith('payments/gateways/') && !allowed.has(f))).to.deep.equal([]);
    const widgets = files(path.join(ROOT, 'widgets', 'src')).filter((f) => /razorpay/i.test(read(f)));
    expect(widgets.map((f) => path.relative(ROOT, f))).to.deep.equal([]);
  });

  it('the queue names no job kind, and the ledger keys no rule on a reason name', () => {
    expect(read(path.join(SRC, 'jobs', 'queue.ts'))).to.not.match(/'generate-image'|generation-sweeper|enqueueGeneration/);
    expect(read(path.join(SRC, 'ledger', 'ledger.ts'))).to.not.match(/reason === '/);
    expect(read(path.join(SRC, 'analytics', 'kpis.ts'))).to.not.match(/reason === 'generation'|'generation'/);
  });

  it('payments/ imports no operations/, controllers/ or presenters/', () => {
    const wrong = files(path.join(SRC, 'payments')).filter((f) => /from '(\.\.\/)+(operations|controllers|presenters)\//.test(read(f))).map(rel);
    expect(wrong).to.deep.equal([]);
  });
});
