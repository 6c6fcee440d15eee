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
import { formatSize, parseCount, parseFormat, type FormatName } from '../../studio/formats.js';
import { checkRemixOf } from '../../studio/remix-of.js';
import { requireConsents } from '../../privacy/consents.js';

export interface GenerateBody { prompt: string; tier: TierName; templateId?: string; watermark?: boolean; format?: FormatName; count?: number; remixOf?: string }
export interface GenerateResult { jobId: string; imageId: string; creditDebited: number; status: 'queued'; imageIds?: string[]; format?: FormatName; count?: number }

const ROUTE = 'POST /api/studio/generate';

export async function generateImage(p: Principal, body: GenerateBody, rawKey?: string): Promise<{ status: number; body: GenerateResult; replayed: boolean }> {
  const startedAt = performance.now();
  const config = await getTenantConfig(p.tenantId);
  const key = validateKey(rawKey);
  const prompt = validatePrompt(body.prompt, config);
  if (!Object.hasOwn(config.tiers, body.tier)) throw invalid('tier', `must be one of ${Object.keys(config.tiers).join(', ')}`);
  if (body.watermark !== undefined && typeof body.watermark !== 'boolean') throw invalid('watermark', 'must be a boolean');
  const count = parseCount(body.count);
  if (body.format !== undefined) parseFormat(body.format);

  // A replay returns the first answer before any limit or check applies to it again.
  if (key) {
    const earlier = await findReplay<GenerateResult>(p, key, ROUTE, hashRequest(ROUTE, body));
    if (earlier) return { ...earlier, replayed: true };
  }
  await requireConsents(p, config);
  await payCampaignGrants(p.tenantId, p.userId, config);
  let styleHint: string | null = null;
  let defaultFormat: string | null = null;
  if (body.templateId !== undefined) {
    if (typeof body.templateId !== 'string' || body.templateId.length > 40) throw invalid('templateId', 'must be a template id');
    const template = await Template.findOne({ where: { id: body.templateId, tenantId: p.tenantId, isActive: true } });
    if (!template) throw invalid('templateId', 'no active template has this id');
    const category = await Category.findOne({ where: { id: template.categoryId, tenantId: p.tenantId } });
    styleHint = category?.style ?? null;
    defaultFormat = template.defaultFormat;
  }
  const format = parseFormat(body.format, defaultFormat);
  const remixOf = body.remixOf === undefined ? null : await checkRemixOf(p, body.remixOf);
  const policy = checkPrompt(prompt, config.moderation.blockedTerms);
  if (!policy.ok) throw new AppError('content_policy_violation', `The prompt is not allowed: ${policy.reason}.`, { terms: policy.terms });

  // Only accepted generations spend the rate budget, so a burst refused for lack of credits does not lock the user out.
  // The point is taken before the debit and given back if the request is refused or turns out to be a replay:
  // a check-then-spend would let a concurrent burst through entirely, since every request checks before any spends.
  const limitKey = `${p.tenantId}:${p.userId}`;
  const perMinute = config.limits.generatePerMinute;
  await consume('generate', limitKey, perMinute, 60);

  const size = formatSize(config, body.tier, format);
  const perImage = tierCost(config, body.tier);
  const cost = perImage * count;
  const { db } = services();
  // Ids first, so the answer is known before the work and stored with the idempotency claim in one statement.
  const jobId = newId('job');
  const imageIds = Array.from({ length: count }, () => newId('img'));
  const imageId = imageIds[0]!;
  const response = { status: 202, body: { jobId, imageId, creditDebited: cost / 1000, status: 'queued' as const, imageIds, format, count } };
  const work = async (t: Transaction): Promise<StoredResponse<GenerateResult>> => {
    const request = { prompt, tier: body.tier, templateId: body.templateId ?? null, watermark: body.watermark ?? true, width: size.width, height: size.height, styleHint,
      format, imageIds, remixOf, perImageCost: perImage };
    await GenerationJob.create({ id: jobId, tenantId: p.tenantId, userId: p.userId, imageId, status: 'queued', progress: 0, attempts: 0, maxAttempts: 3,
      cost, refunded: false, request }, { transaction: t });
    await GeneratedImage.bulkCreate(imageIds.map((id) => ({ id, tenantId: p.tenantId, userId: p.userId, jobId, templateId: body.templateId ?? null, promptText: prompt,
      tier: body.tier, width: size.width, height: size.height, format, status: 'queued', watermark: body.watermark ?? true, creditsSpent: perImage, billable: true })),
    { transaction: t });
    // In the transaction (no separate write to wait for) and before the debit: the wallet row stays locked
    // only from the debit to the commit, which is what bounds one user's concurrent generations.
    await track(p.tenantId, p.userId, 'generate_acknowledged', { ms: Math.round(performance.now() - startedAt), tier: body.tier, jobId }, t);
    await services().queue.enqueueInTx(t, generateImageJob, { jobId });
    if (cost > 0) {
      await applyMovement(t, {
        tenantId: p.tenantId, userId: p.userId, delta: -cost, reason: 'generation', refType: 'job', refId: jobId,
        timezone: config.timezone, monthlyCapMilli: config.monthlySpendCapMilli, note: count > 1 ? `${count} × ${body.tier} generations` : `${body.tier} generation`,
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
