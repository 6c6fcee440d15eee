import { invalid, notFound } from '../errors.js';
import { Post, RemixOpen } from '../models/index.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { featureEnabled, FeatureDisabledError } from '../tenants/features.js';
import type { Principal } from '../auth/principal.js';

/**
 * `remixOf` of a generation (issue 14): a listed post of the partner that the caller opened with remix/open.
 * Checked when the request is accepted, so a bad one is a 4xx with nothing debited; the remix itself is recorded
 * by the job when it succeeds (community/remix-reward.ts, the same rule as remix/record).
 */
export async function checkRemixOf(p: Principal, value: unknown): Promise<string> {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(value)) throw invalid('remixOf', 'must be a post id');
  if (!featureEnabled(await getTenantConfig(p.tenantId), 'remix')) throw new FeatureDisabledError('remix');
  const post = await Post.findOne({ where: { id: value, tenantId: p.tenantId, listed: true }, attributes: ['id'] });
  if (!post) throw notFound('post');
  const opened = await RemixOpen.findOne({ where: { postId: value, userId: p.userId }, attributes: ['id'] });
  if (!opened) throw invalid('remixOf', 'open the post for remixing first (POST /api/community/{postId}/remix/open)');
  return value;
}
