/**
 * Waits until `check` answers something truthy and returns it. The timeout is only a ceiling for a broken run
 * on a loaded machine: tests wait on conditions, never on fixed sleeps.
 */
export async function waitUntil<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30000, everyMs = 50): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
