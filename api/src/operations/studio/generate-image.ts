import type { Transaction } from 'sequelize';
import { AppError, invalid } from '../../errors.js';
import { services } from '../../context.js';
import { GeneratedImage, GenerationJob, Template, Category } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { applyMovement } from '../../ledger/ledger.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { TierName } from '../../tenants/tenant-config.js';
import { runIdempotent, validateKey, findReplay, hashRequest, type StoredResponse } from '../../util/idempotency.js';
import { consume, giveBack } from '../../util/rate-limit.js';
import { checkPrompt } from '../../providers/content-policy.js';
import type { Principal } from '../../auth/principal.js';
import { track } from '../../analytics/track.js';
import { payCampaignGrants } from '../credits/pay-campaign-grants.js';
import { tierCost } from '../../studio/tiers.js';
import { validatePrompt } from '../../studio/prompt.js';
import { generateImageJob } from '../../jobs/generation-jobs.js';
import { requireConsents } from '../../privacy/consents.js';

export interface GenerateBody { prompt: string; tier: TierName; templateId?: string; watermark?: boolean }
export interface GenerateResult { jobId: string; imageId: string; creditDebited: number; status: 'queued' }

const ROUTE = 'POST /api/studio/generate';

export async function generateImage(p: Principal, body: GenerateBody, rawKey?: string): Promise<{ status: number; body: GenerateResult; replayed: boolean }> {
  const startedAt = performance.now();
  const config = await getTenantConfig(p.tenantId);
  const key = validateKey(rawKey);
  const prompt = validatePrompt(body.prompt, config);
  if (!Object.hasOwn(config.tiers, body.tier)) throw invalid('tier', `must be one of ${Object.keys(config.tiers).join(', ')}`);
  if (body.watermark !== undefined && typeof body.watermark !== 'boolean') throw invalid('watermark', 'must be a boolean');

  // A replay returns the first answer before any limit or check applies to it again.
  if (key) {
    const earlier = await findReplay<GenerateResult>(p, key, ROUTE, hashRequest(ROUTE, body));
    if (earlier) return { ...earlier, replayed: true };
  }
  await requireConsents(p, config);
  await payCampaignGrants(p.tenantId, p.userId, config);
  let styleHint: string | null = null;
  if (body.templateId !== undefined) {
    if (typeof body.templateId !== 'string' || body.templateId.length > 40) throw invalid('templateId', 'must be a template id');
    const template = await Template.findOne({ where: { id: body.templateId, tenantId: p.tenantId, isActive: true } });
    if (!template) throw invalid('templateId', 'no active template has this id');
    const category = await Category.findOne({ where: { id: template.categoryId, tenantId: p.tenantId } });
    styleHint = category?.style ?? null;
  }
  const policy = checkPrompt(prompt);
  if (!policy.ok) throw new AppError('content_policy_violation', `The prompt is not allowed: ${policy.reason}.`, { terms: policy.terms });

  // Only accepted generations spend the rate budget, so a burst refused for lack of credits does not lock the user out.
  // The point is taken before the debit and given back if the request is refused or turns out to be a replay:
  // a check-then-spend would let a concurrent burst through entirely, since every request checks before any spends.
  const limitKey = `${p.tenantId}:${p.userId}`;
  const perMinute = config.limits.generatePerMinute;
  await consume('generate', limitKey, perMinute, 60);

  const tier = config.tiers[body.tier];
  const cost = tierCost(config, body.tier);
  const { db } = services();
  // Ids first, so the answer is known before the work and stored with the idempotency claim in one statement.
  const jobId = newId('job');
  const imageId = newId('img');
  const response = { status: 202, body: { jobId, imageId, creditDebited: cost / 1000, status: 'queued' as const } };
  const work = async (t: Transaction): Promise<StoredResponse<GenerateResult>> => {
    const request = { prompt, tier: body.tier, templateId: body.templateId ?? null, watermark: body.watermark ?? true, width: tier.width, height: tier.height, styleHint };
    await GenerationJob.create({ id: jobId, tenantId: p.tenantId, userId: p.userId, imageId, status: 'queued', progress: 0, attempts: 0, maxAttempts: 3,
      cost, refunded: false, request }, { transaction: t });
    await GeneratedImage.create({ id: imageId, tenantId: p.tenantId, userId: p.userId, jobId, templateId: body.templateId ?? null, promptText: prompt,
      tier: body.tier, width: tier.width, height: tier.height, status: 'queued', watermark: body.watermark ?? true, creditsSpent: cost, billable: true },
    { transaction: t });
    // In the transaction (no separate write to wait for) and before the debit: the wallet row stays locked
    // only from the debit to the commit, which is what bounds one user's concurrent generations.
    await track(p.tenantId, p.userId, 'generate_acknowledged', { ms: Math.round(performance.now() - startedAt), tier: body.tier, jobId }, t);
    await services().queue.enqueueInTx(t, generateImageJob, { jobId });
    if (cost > 0) {
      await applyMovement(t, {
        tenantId: p.tenantId, userId: p.userId, delta: -cost, reason: 'generation', refType: 'job', refId: jobId,
        timezone: config.timezone, monthlyCapMilli: config.monthlySpendCapMilli, note: `${body.tier} generation`,
      });
    }
    return response;
  };
  let result: StoredResponse<GenerateResult> & { replayed: boolean };
  try {
    result = await runIdempotent<GenerateResult>(db.tx, p, key, ROUTE, body, work, { lookedUp: true, response });
  } catch (err) {
    await giveBack('generate', limitKey, perMinute, 60);
    throw err;
  }
  if (result.replayed) await giveBack('generate', limitKey, perMinute, 60);
  return result;
}
