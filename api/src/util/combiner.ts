/**
 * Group commit for one kind of write: items submitted while earlier groups are in flight wait, and the next group takes
 * every waiting item (up to `maxGroup`) into one call of `run`. At most `maxInFlight` groups run at once. A lone item
 * goes at once, so nothing waits when the load is light; under load, one transaction carries many items, which is
 * what makes its round trips and commit cheap per item (operations/studio/generate-image.ts).
 * `run` settles every item of its group itself and must not throw.
 */
export class Combiner<T> {
  private waiting: T[] = [];
  private running = 0;

  constructor(private readonly o: { maxInFlight: number; maxGroup: number; run: (group: T[]) => Promise<void> }) {}

  submit(item: T): void {
    this.waiting.push(item);
    this.pump();
  }

  /** Items waiting and groups running (tests, metrics). */
  get pending() { return { waiting: this.waiting.length, running: this.running }; }

  private pump() {
    while (this.running < this.o.maxInFlight && this.waiting.length) {
      const group = this.waiting.length <= this.o.maxGroup ? this.waiting : this.waiting.slice(0, this.o.maxGroup);
      this.waiting = group === this.waiting ? [] : this.waiting.slice(this.o.maxGroup);
      this.running++;
      void this.o.run(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
