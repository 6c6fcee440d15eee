import { services } from '../context.js';
import { assertSafeEndpoint, UnsafeEndpointError } from '../admin/ssrf.js';

/** What one attempt produced: an HTTP status (any), or an error that kept it from getting one. */
export interface AttemptResult { ok: boolean; status: number | null; error?: string }

const BODY_READ_CAP = 4096;

/** Reads at most BODY_READ_CAP bytes of the answer (a huge body must not hold the worker), then drops the rest. */
async function drain(res: Response) {
  const reader = res.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    while (read < BODY_READ_CAP) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * One POST to a partner's endpoint: the URL is checked again at send time (DNS may have changed since it was saved),
 * redirects are failures, and the whole attempt, body included, has WEBHOOK_TIMEOUT_MS (10 s).
 */
export async function sendWebhook(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const { config } = services();
  try {
    await assertSafeEndpoint(url, new Set(config.webhookAllowedHosts));
  } catch (err) {
    if (err instanceof UnsafeEndpointError) return { ok: false, status: null, error: `refused: ${err.message}` };
    throw err;
  }
  const signal = AbortSignal.timeout(config.webhooks.timeoutMs);
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    await drain(res);
    if (res.status >= 300 && res.status < 400) return { ok: false, status: res.status, error: 'redirects are not followed' };
    return { ok: res.status >= 200 && res.status < 300, status: res.status };
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, status: null, error: `no answer within ${config.webhooks.timeoutMs} ms` };
    return { ok: false, status: null, error: `could not connect: ${(err as Error)?.message ?? 'network error'}`.slice(0, 500) };
  }
}
