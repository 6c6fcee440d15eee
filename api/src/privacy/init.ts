import type { AppContext } from '../context.js';
import { eraseUserJob } from './erasure.js';
import { exportUserJob } from './export.js';
import { retentionJob } from './retention.js';

/** Privacy module (docs/privacy.md): the erasure and export jobs, and the daily retention job. */
export async function initPrivacy(ctx: AppContext) {
  ctx.queue.define(eraseUserJob);
  ctx.queue.define(exportUserJob);
  ctx.queue.define(retentionJob);
  await ctx.queue.every('1 day', retentionJob, {});
}
