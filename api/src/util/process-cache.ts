/**
 * Process-wide caches outside the AppContext, in front of the database: tenant config, tenants, user ids, JWT keys,
 * rate-limit counters, SSRF checks, paid campaign grants. Each is declared through here, so one call,
 * resetForTests(), empties all of them: the test harness calls it before booting a server, instead of knowing every
 * module that keeps something. Everything else a process holds (database, storage, queue, providers, routers) lives
 * in the AppContext (context.ts) and is made anew by every boot. Test overrides (util/clock.ts setClock,
 * admin/ssrf.ts setDnsLookup) are not reset here: a test sets them around its server's boot and restores them itself.
 */
const resets: (() => void)[] = [];

/** A Map that resetForTests() empties. */
export function processCache<K, V>(): Map<K, V> {
  const m = new Map<K, V>();
  resets.push(() => m.clear());
  return m;
}

/** A Set that resetForTests() empties. */
export function processSet<T>(): Set<T> {
  const s = new Set<T>();
  resets.push(() => s.clear());
  return s;
}

/** For a cache that is not a Map or a Set (a snapshot held in a variable): how to empty it. */
export function onResetForTests(fn: () => void) {
  resets.push(fn);
}

/** Empties every process cache. Tests only: production never needs it. */
export function resetForTests() {
  for (const reset of resets) reset();
}
