import { expect } from 'chai';
import { ThrottledProgress } from '../../../src/jobs/job-progress.js';

/** The job's progress writes (issue 13 item 2): at most one per interval, the last value always, never backwards. */
describe('ThrottledProgress', () => {
  let now = 0;
  const clock = () => now;
  const writes: number[] = [];
  const make = (interval: number, initial = 10) => new ThrottledProgress(async (p) => { writes.push(p); }, interval, initial, clock);
  // Resolves once every write queued so far has run (timers of 0 ms and the write chain).
  const settle = () => new Promise((r) => setTimeout(r, 5));
  const waitFor = async (cond: () => boolean) => { for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5)); };
  beforeEach(() => { now = 1_000_000; writes.length = 0; });

  it('writes a value at once when the last write is older than the interval, and the burst after it once, its last value', async () => {
    const p = make(60_000);
    now += 60_000;
    p.report(20);
    p.report(30); // within the interval of the write of 20: kept
    p.report(40);
    await settle();
    // The write starts after the reports of this tick, with the latest value.
    expect(writes).to.deep.equal([40]);
    expect(p.lastWritten).to.equal(40);
    p.stop();
  });

  it('a value reported within the interval is written when the interval has passed (the last one reported always is)', async () => {
    const p = make(40, 10);
    p.report(20);
    p.report(50);
    p.report(80);
    await settle();
    expect(writes, 'nothing before the interval').to.deep.equal([]);
    now += 40; // the trailing timer (40 ms of real time) writes with the clock past the interval
    await waitFor(() => writes.length > 0);
    expect(writes).to.deep.equal([80]);
    p.report(85);
    await settle();
    expect(writes, 'throttled again after that write').to.deep.equal([80]);
    now += 40;
    await waitFor(() => writes.length > 1);
    expect(writes).to.deep.equal([80, 85]);
    p.stop();
  });

  it('never goes backwards and ignores values not above the last one', async () => {
    const p = make(0, 10);
    p.report(10);
    p.report(5);
    await settle();
    expect(writes).to.deep.equal([]);
    p.report(30);
    await settle();
    p.report(20);
    await settle();
    expect(writes).to.deep.equal([30]);
    p.stop();
  });

  it('stop() drops a pending value (the settlement writes the final state) and does not wait for a write in flight', async () => {
    let release!: () => void;
    const slow: number[] = [];
    const p = new ThrottledProgress(async (v) => { await new Promise<void>((r) => { release = r; }); slow.push(v); }, 0, 10, clock);
    p.report(50);
    await settle();
    p.stop();
    p.report(90);
    release();
    await p.idle();
    expect(slow, 'the write in flight completes, nothing after stop').to.deep.equal([50]);

    const q = make(10_000, 10);
    q.report(60);
    q.stop();
    now += 20_000;
    await new Promise((r) => setTimeout(r, 20));
    expect(writes, 'the pending value is never written after stop').to.deep.equal([]);
  });

  it('a failed write is ignored and later values are still written', async () => {
    const seen: number[] = [];
    const p = new ThrottledProgress(async (v) => { seen.push(v); if (v === 30) throw new Error('database busy'); }, 0, 10, clock);
    p.report(30);
    await settle();
    p.report(40);
    await settle();
    expect(seen).to.deep.equal([30, 40]);
    expect(p.lastWritten).to.equal(40);
    p.stop();
  });
});
