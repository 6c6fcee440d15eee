import { ProviderError } from '../errors.js';
import type { GenerateOptions, ImageProvider, ImageRequest } from './types.js';

/** Removes a key (and the visible head vendors echo as "sk-abc…wxyz") from text bound for a job row or a log line. */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 6) return text;
  let out = text.split(secret).join('[redacted]');
  const head = secret.slice(0, Math.min(8, secret.length - 4));
  if (head.length >= 4) out = out.split(head).join('[redacted]');
  return out;
}

/** Keeps the operator's key out of every error a remote provider lets escape (vendors and proxies echo keys in messages). */
export class ScrubbingImageProvider implements ImageProvider {
  readonly name: string;
  constructor(private readonly inner: ImageProvider, private readonly secret: string) { this.name = inner.name; }
  async generate(req: ImageRequest, opts?: GenerateOptions) {
    try {
      return await this.inner.generate(req, opts);
    } catch (err) {
      if (err instanceof ProviderError) {
        const clean = new ProviderError(err.code, scrubSecret(err.message, this.secret), err.retryable, err.status);
        clean.retryAfterMs = err.retryAfterMs;
        throw clean;
      }
      throw new ProviderError('provider_unavailable', scrubSecret(String((err as Error)?.message ?? err), this.secret), true);
    }
  }
}
