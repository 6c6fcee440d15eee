import type { Transaction } from 'sequelize';
import { AppError, invalid } from '../../errors.js';
import { services } from '../../context.js';
import { Template, Category } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { applyMovement } from '../../ledger/ledger.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { TenantConfig, TierName } from '../../tenants/tenant-config.js';
import { runIdempotent, validateKey, findReplay, hashRequest, type StoredResponse } from '../../util/idempotency.js';
import { consume, giveBack } from '../../util/rate-limit.js';
import { checkPrompt } from '../../providers/content-policy.js';
import type { Principal } from '../../auth/principal.js';
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

/**
 * POST /api/studio/generate, the hot path of the product (docs/benchmarks.md). Four steps, each in one place:
 *  1. parseRequest: the body checked against the partner's config and the cost computed (no I/O);
 *  2. checkCaller: what needs the caller or the database before the money moves (consents, campaign grants, template
 *     and its default format, remixOf, content policy, the rate limit);
 *  3. writeGeneration: the transaction's statements (job, image, event, trigger, then the debit last);
 *  4. generateImage: the idempotency and rate-limit bookkeeping around them.
 * The transaction's writes are raw parameterised statements on the driver connection (db.run), not model instances:
 * Sequelize's per-statement machinery was most of the CPU of an acknowledgement.
 */
export interface GenerateRequest {
  prompt: string;
  tier: TierName;
  templateId: string | null;
  watermark: boolean;
  /** The format the body names; null takes the template's default (or square), known after checkCaller. */
  format: FormatName | null;
  /** Images drawn (1 to 4), each a creation of its own. */
  count: number;
  /** Millicredits per image, and debited in all (count × per image). */
  perImage: number;
  cost: number;
}

/** Step 1: validates the body (bad input is a 400 and writes nothing) and prices it. */
export function parseRequest(config: TenantConfig, body: GenerateBody): GenerateRequest {
  const prompt = validatePrompt(body.prompt, config);
  if (!Object.hasOwn(config.tiers, body.tier)) throw invalid('tier', `must be one of ${Object.keys(config.tiers).join(', ')}`);
  if (body.watermark !== undefined && typeof body.watermark !== 'boolean') throw invalid('watermark', 'must be a boolean');
  if (body.templateId !== undefined && (typeof body.templateId !== 'string' || body.templateId.length > 40)) {
    throw invalid('templateId', 'must be a template id');
  }
  const count = parseCount(body.count);
  const format = body.format === undefined ? null : parseFormat(body.format);
  const perImage = tierCost(config, body.tier);
  return { prompt, tier: body.tier, templateId: body.templateId ?? null, watermark: body.watermark ?? true, format, count, perImage, cost: perImage * count };
}

/** What checkCaller learns from the database: the template's style, the format to draw, the post remixed. */
interface CallerFacts { styleHint: string | null; format: FormatName; remixOf: string | null }

/** Step 2: the checks that need the caller or the database. Spends one rate-limit point. */
async function checkCaller(p: Principal, config: TenantConfig, req: GenerateRequest, limitKey: string, body: GenerateBody): Promise<CallerFacts> {
  await requireConsents(p, config);
  await payCampaignGrants(p.tenantId, p.userId, config);
  let styleHint: string | null = null;
  let defaultFormat: string | null = null;
  if (req.templateId !== null) {
    const template = await Template.findOne({ where: { id: req.templateId, tenantId: p.tenantId, isActive: true }, attributes: ['categoryId', 'defaultFormat'] });
    if (!template) throw invalid('templateId', 'no active template has this id');
    const category = await Category.findOne({ where: { id: template.categoryId, tenantId: p.tenantId }, attributes: ['style'] });
    styleHint = category?.style ?? null;
    defaultFormat = template.defaultFormat;
  }
  const format = req.format ?? parseFormat(undefined, defaultFormat);
  // A database read only when the body names a post to remix (studio/remix-of.ts).
  const remixOf = body.remixOf === undefined ? null : await checkRemixOf(p, body.remixOf);
  const policy = checkPrompt(req.prompt, config.moderation.blockedTerms);
  if (!policy.ok) throw new AppError('content_policy_violation', `The prompt is not allowed: ${policy.reason}.`, { terms: policy.terms });
  // Only accepted generations spend the rate budget, so a burst refused for lack of credits does not lock the user out.
  // The point is taken before the debit and given back if the request is refused or turns out to be a replay:
  // a check-then-spend would let a concurrent burst through entirely, since every request checks before any spends.
  await consume('generate', limitKey, config.limits.generatePerMinute, 60);
  return { styleHint, format, remixOf };
}

interface Generation { p: Principal; config: TenantConfig; req: GenerateRequest; facts: CallerFacts; jobId: string; imageIds: string[]; startedAt: number }

/** Step 3: every write of an accepted generation, in the caller's transaction. */
async function writeGeneration(t: Transaction, g: Generation): Promise<void> {
  const { db, queue } = services();
  const { p, req, jobId, imageIds } = g;
  const { format, remixOf, styleHint } = g.facts;
  const size = formatSize(g.config, req.tier, format);
  const now = new Date();
  const request = JSON.stringify({ prompt: req.prompt, tier: req.tier, templateId: req.templateId, watermark: req.watermark, width: size.width,
    height: size.height, styleHint, format, imageIds, remixOf, perImageCost: req.perImage });
  await db.run(t,
    `INSERT INTO generation_jobs (id, tenant_id, user_id, image_id, status, progress, attempts, max_attempts, cost, refunded, request, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'queued', 0, 0, 3, ?, ?, ?, ?, ?)`,
    [jobId, p.tenantId, p.userId, imageIds[0]!, req.cost, false, request, now, now]);
  // One row per image (count 1 to 4), in one multi-row statement.
  await db.run(t,
    `INSERT INTO generated_images (id, tenant_id, user_id, job_id, template_id, prompt_text, tier, width, height, format, status, watermark, credits_spent,
       billable, created_at, updated_at)
     VALUES ${imageIds.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)").join(', ')}`,
    imageIds.flatMap((id) => [id, p.tenantId, p.userId, jobId, req.templateId, req.prompt, req.tier, size.width, size.height, format, req.watermark,
      req.perImage, true, now, now]));
  // In the transaction (no separate write to wait for) and before the debit: the wallet row stays locked
  // only from the debit to the commit, which is what bounds one user's concurrent generations.
  // The same row analytics/track.ts writes for 'generate_acknowledged'.
  await db.run(t, 'INSERT INTO analytics_events (tenant_id, user_id, name, props, created_at) VALUES (?, ?, ?, ?, ?)',
    [p.tenantId, p.userId, 'generate_acknowledged', JSON.stringify({ ms: Math.round(performance.now() - g.startedAt), tier: req.tier, jobId }), now]);
  await queue.enqueueInTx(t, generateImageJob, { jobId });
  if (req.cost > 0) {
    await applyMovement(t, {
      tenantId: p.tenantId, userId: p.userId, delta: -req.cost, reason: 'generation', refType: 'job', refId: jobId,
      timezone: g.config.timezone, monthlyCapMilli: g.config.monthlySpendCapMilli,
      note: req.count > 1 ? `${req.count} × ${req.tier} generations` : `${req.tier} generation`,
    });
  }
}

/** Step 4. */
export async function generateImage(p: Principal, body: GenerateBody, rawKey?: string): Promise<{ status: number; body: GenerateResult; replayed: boolean }> {
  const startedAt = performance.now();
  const config = await getTenantConfig(p.tenantId);
  const key = validateKey(rawKey);
  const req = parseRequest(config, body);
  const limitKey = `${p.tenantId}:${p.userId}`;
  const perMinute = config.limits.generatePerMinute;

  let facts: CallerFacts;
  try {
    facts = await checkCaller(p, config, req, limitKey, body);
  } catch (err) {
    // A replay returns the first answer whatever the checks would say now (budget spent, template retired...). Replays
    // are rare, so the stored answer is looked up only here and on the claim's unique clash, not before every request.
    const earlier = key && err instanceof AppError ? await findReplay<GenerateResult>(p, key, ROUTE, hashRequest(ROUTE, body)) : undefined;
    if (earlier) return { ...earlier, replayed: true };
    throw err;
  }

  // Ids first, so the answer is known before the work and stored with the idempotency claim in one statement.
  const jobId = newId('job');
  const imageIds = Array.from({ length: req.count }, () => newId('img'));
  const response = { status: 202, body: { jobId, imageId: imageIds[0]!, creditDebited: req.cost / 1000, status: 'queued' as const, imageIds,
    format: facts.format, count: req.count } };
  const g: Generation = { p, config, req, facts, jobId, imageIds, startedAt };
  const work = async (t: Transaction): Promise<StoredResponse<GenerateResult>> => {
    await writeGeneration(t, g);
    return response;
  };
  let result: StoredResponse<GenerateResult> & { replayed: boolean };
  try {
    result = await runIdempotent<GenerateResult>(services().db.tx, p, key, ROUTE, body, work, { optimistic: true, response });
  } catch (err) {
    await giveBack('generate', limitKey, perMinute, 60);
    throw err;
  }
  if (result.replayed) await giveBack('generate', limitKey, perMinute, 60);
  return result;
}
