/**
 * A running job's progress, written at most once per `minIntervalMs` (issue 13 item 2).
 *
 * Every progress write of a job is one more write in the database's writers' queue (on SQLite the one writer mutex the
 * acknowledgements wait in), so a job reports often but writes seldom:
 * - a value is written at once when the last write is at least `minIntervalMs` old;
 * - otherwise it is kept, and written when the interval has passed (a trailing write): the last value reported is
 *   always written, unless the job settles first (`stop()`), whose own final write (succeeded with 100 %, failed,
 *   queued again) says more than any progress;
 * - writes never overlap and never go backwards: one at a time, in order, each the latest value at its start.
 * A failed write is ignored (progress is advisory; the job's settlement is what counts). `stop()` does not wait for a
 * write already started: the settlement must not queue behind it, and the write itself is conditional on the job still
 * running under this claim, so one that lands after the settlement changes nothing.
 */
export class ThrottledProgress {
  private written: number;
  private wanted: number;
  private lastWriteAt: number;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  /** `initial` is the value already stored (written by the claim), counted as written at construction. */
  constructor(private readonly write: (progress: number) => Promise<unknown>, private readonly minIntervalMs: number, initial = 0,
    private readonly clock: () => number = Date.now) {
    this.written = initial;
    this.wanted = initial;
    this.lastWriteAt = clock();
  }

  /** Reports a value; a value not above the last one reported is ignored. */
  report(progress: number) {
    if (this.stopped || progress <= this.wanted) return;
    this.wanted = progress;
    const wait = this.lastWriteAt + this.minIntervalMs - this.clock();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => { this.timer = undefined; this.flush(); }, wait);
  }

  /** The job settles: nothing more is written (a write already started still completes; see above). */
  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when the writes started so far are done (for tests). */
  idle(): Promise<void> { return this.writing; }

  /** The value last written (for tests and logs). */
  get lastWritten() { return this.written; }

  private flush() {
    if (this.stopped || this.wanted <= this.written) return;
    this.lastWriteAt = this.clock();
    this.writing = this.writing.then(async () => {
      const value = this.wanted;
      if (this.stopped || value <= this.written) return;
      this.written = value;
      await this.write(value).catch(() => undefined);
    });
  }
}
