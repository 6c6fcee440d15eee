import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { AbortError, JobFailedError, JobTimeoutError } from '../errors.js';
import type {
  EnhancePromptRequest, EnhancePromptResponse, GenerateRequest, GenerateResponse, GetJobResponse,
  ListCategoriesResponse, ListTemplatesRequest, ListTemplatesResponse, ListTiersResponse, StudioSettings, ListFormatsResponse,
} from '../types.js';

export interface WaitForJobOptions {
  /** Called with the job whenever its status or progress changes. */
  onProgress?: (job: GetJobResponse) => void;
  /** Poll interval (default 1 000 ms). */
  intervalMs?: number;
  /** Give up after this long (default 120 000 ms) with a JobTimeoutError. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** When false, a failed job resolves instead of throwing JobFailedError (default true). */
  throwOnFailure?: boolean;
}

export class Studio {
  constructor(private readonly http: HttpCore) {}

  enhancePrompt(body: EnhancePromptRequest, opts?: RequestOptions): StudioPromise<EnhancePromptResponse> {
    return this.http.call('enhancePrompt', { body }, opts);
  }

  /**
   * Debits credits and queues a job. An `Idempotency-Key` is generated unless given in `opts`.
   * `format` (square, portrait, story, landscape, banner), `count` (1–4 variations, one debit of count × the tier cost) and
   * `remixOf` (a post opened with `remix.open`; the server records the remix when the job succeeds) are optional.
   */
  generate(body: GenerateRequest, opts?: RequestOptions): StudioPromise<GenerateResponse> {
    return this.http.call('generate', { body }, opts);
  }

  getJob(jobId: string, opts?: RequestOptions): StudioPromise<GetJobResponse> {
    return this.http.call('getJob', { params: { jobId } }, opts);
  }

  /** Polls a job until it succeeds (resolves) or fails (throws JobFailedError). */
  async waitForJob(jobId: string, options: WaitForJobOptions = {}): Promise<GetJobResponse> {
    const { onProgress, intervalMs = 1_000, timeoutMs = 120_000, signal, throwOnFailure = true } = options;
    const deadline = Date.now() + timeoutMs;
    let last: string | undefined;
    for (;;) {
      if (signal?.aborted) throw new AbortError(signal.reason);
      const job = await this.getJob(jobId, { signal });
      const fingerprint = `${job.status}:${job.progress}`;
      if (fingerprint !== last) {
        last = fingerprint;
        onProgress?.(job);
      }
      if (job.status === 'succeeded') return job;
      if (job.status === 'failed') {
        if (throwOnFailure) throw new JobFailedError(jobId, job);
        return job;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new JobTimeoutError(jobId, timeoutMs);
      await this.http.sleep(Math.min(intervalMs, remaining), signal);
    }
  }

  /** `generate` then `waitForJob`: resolves with the finished job. */
  async generateAndWait(body: GenerateRequest, options: WaitForJobOptions & { idempotencyKey?: string } = {}): Promise<GetJobResponse> {
    const started = await this.generate(body, { signal: options.signal, idempotencyKey: options.idempotencyKey });
    return this.waitForJob(started.jobId, options);
  }

  categories(opts?: RequestOptions): StudioPromise<ListCategoriesResponse> {
    return this.http.call('listCategories', {}, opts);
  }

  templates(query: ListTemplatesRequest = {}, opts?: RequestOptions): StudioPromise<ListTemplatesResponse> {
    return this.http.call('listTemplates', { query }, opts);
  }

  tiers(opts?: RequestOptions): StudioPromise<ListTiersResponse> {
    return this.http.call('listTiers', {}, opts);
  }

  /** The image formats with each tier's pixel size and cost per image, and the most variations per request. */
  formats(opts?: RequestOptions): StudioPromise<ListFormatsResponse> {
    return this.http.call('listFormats', {}, opts);
  }

  /** The partner's public settings: enabled features, tiers, formats and locale defaults (works without a token). */
  settings(opts?: RequestOptions): StudioPromise<StudioSettings> {
    return this.http.call('getStudioSettings', {}, opts);
  }
}
