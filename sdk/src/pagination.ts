import type { Page } from './types.js';

export type PageFetcher<T, P extends Page<T> = Page<T>> = (cursor: string | undefined) => Promise<P>;

/**
 * Async iteration over every item of a cursor-paged list:
 * `for await (const item of client.creations.iterate())`.
 * `.pages()` yields whole pages instead, for callers that want `nextCursor`.
 */
export class PageIterator<T, P extends Page<T> = Page<T>> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: PageFetcher<T, P>,
    private readonly startCursor?: string,
  ) {}

  async *pages(): AsyncGenerator<P, void, undefined> {
    let cursor = this.startCursor;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.fetchPage(cursor);
      yield page;
      const next = page.nextCursor ?? undefined;
      // A server that hands back a cursor twice would loop forever.
      if (!next || seen.has(next)) return;
      seen.add(next);
      cursor = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects items into an array, stopping after `max` (default: all). */
  async toArray(max = Infinity): Promise<T[]> {
    const out: T[] = [];
    if (max <= 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }
}
