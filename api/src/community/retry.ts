/**
 * Re-runs a whole transaction when MariaDB picks it as a deadlock victim or a lock wait times out: the
 * transaction was rolled back entirely, so running it again is safe and gives the same guarantees.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const e = err as { parent?: { code?: string; errno?: number }; original?: { code?: string } };
      const code = e?.parent?.code ?? e?.original?.code;
      const retryable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || e?.parent?.errno === 1213;
      if (!retryable || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}
