import { guardedFetch, UnsafeEndpointError } from './ssrf.js';
import { scrub } from '../providers/provider-clients.js';

export interface ConnectionTestResult {
  ok: boolean;
  /** HTTP status the provider answered, when it answered. */
  status?: number;
  latencyMs: number;
  /** What went wrong, without the key. */
  error?: string;
  /** Number of models the key can see (OpenAI-compatible providers). */
  models?: number;
}

/** The cheapest authenticated call of each provider: it proves the key and the endpoint without spending. */
function probeUrl(provider: string, endpoint: string) {
  const base = endpoint.replace(/\/+$/, '');
  return provider === 'stability' ? `${base}/v1/user/account` : `${base}/models`;
}

export async function testConnection(provider: string, endpoint: string, apiKey: string | undefined, timeoutMs = 10_000): Promise<ConnectionTestResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await guardedFetch(probeUrl(provider, endpoint), {
      method: 'GET',
      headers: { accept: 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      let message = '';
      try {
        const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string; name?: string };
        message = (typeof body.error === 'string' ? body.error : body.error?.message) ?? body.message ?? body.name ?? '';
      } catch { message = text.slice(0, 200); }
      const hint = res.status === 401 || res.status === 403 ? 'the key was refused' : res.status === 404 ? 'the endpoint has no such API' : 'the provider answered an error';
      return { ok: false, status: res.status, latencyMs: ms(), error: scrub(`${hint} (HTTP ${res.status})${message ? `: ${message.slice(0, 200)}` : ''}`, apiKey) };
    }
    let models: number | undefined;
    try {
      const body = JSON.parse(text) as { data?: unknown[] };
      if (Array.isArray(body.data)) models = body.data.length;
    } catch { /* not JSON: still reachable and authorised */ }
    return { ok: true, status: res.status, latencyMs: ms(), models };
  } catch (err) {
    const e = err as Error;
    const error = err instanceof UnsafeEndpointError ? `refused: ${e.message}`
      : e?.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s`
        : `could not connect: ${(e as { cause?: { code?: string } })?.cause?.code ?? e?.message ?? 'network error'}`;
    return { ok: false, latencyMs: ms(), error: scrub(error, apiKey) };
  }
}
