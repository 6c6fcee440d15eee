import { AppError, invalid } from '../../errors.js';
import { services } from '../../context.js';
import { Template, Category } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { explainRefusal, LEDGER_COLUMNS, ledgerValues, movementStatements, type Movement } from '../../ledger/ledger.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { TenantConfig, TierName } from '../../tenants/tenant-config.js';
import { validateKey, findReplay, hashRequest, claimValues, resolveClash, CLAIM_COLUMNS, type StoredResponse } from '../../util/idempotency.js';
import { insertRows, isUniqueViolation, retryOnDeadlock, type Database, type SqlValue, type Statement, type StatementResult } from '../../db.js';
import { Combiner } from '../../util/combiner.js';
import { logger } from '../../logger.js';
import { EVENT_COLUMNS, eventValues } from '../../analytics/track.js';
import { processCache } from '../../util/process-cache.js';
import { isSuspended, suspendedError } from '../../auth/suspension.js';
import { countLedgerMovementCommitted, generateGroupSize } from '../../metrics/registry.js';
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
 *  3. rowsOf / writeGroup: the rows (claim, job, images, event, trigger) and the debit, in one transaction shared by
 *     the acknowledgements waiting at the same time (group commit: one multi-row INSERT per table, one debit per user);
 *  4. generateImage: the idempotency and rate-limit bookkeeping around them.
 * The transaction is raw parameterised statements sent as db.script: on MySQL/MariaDB two round trips per group
 * (`START TRANSACTION; claims; jobs; images; events; triggers; debits`, then `ledger rows; COMMIT`). Sequelize's
 * per-statement machinery, then one round trip and one commit per statement and request, were most of the CPU of an
 * acknowledgement (docs/benchmarks.md).
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

/** One acknowledgement waiting for its transaction (writeGroup), and how to answer it. */
interface Pending {
  g: Generation;
  key: string | undefined;
  hash: string;
  response: StoredResponse<GenerateResult>;
  movement: Movement | null;
  /** 1, or 2 once an expired key was cleared (resolveClash). */
  attempt: number;
  /** Undefined when this request's rows are committed, else the earlier request's answer (a replay). */
  resolve(replay: StoredResponse<GenerateResult> | undefined): void;
  reject(err: unknown): void;
}

const JOB_COLUMNS = ['id', 'tenant_id', 'user_id', 'image_id', 'status', 'progress', 'attempts', 'max_attempts', 'cost', 'refunded', 'request', 'created_at',
  'updated_at'] as const;
const IMAGE_COLUMNS = ['id', 'tenant_id', 'user_id', 'job_id', 'template_id', 'prompt_text', 'tier', 'width', 'height', 'format', 'status', 'watermark',
  'credits_spent', 'billable', 'created_at', 'updated_at'] as const;

/** Step 3: the rows of one accepted generation: its key's claim, the job, one image per variation, the event, the job's trigger. */
function rowsOf(x: Pending, now: Date) {
  const { queue } = services();
  const { p, req, jobId, imageIds } = x.g;
  const { format, remixOf, styleHint } = x.g.facts;
  const size = formatSize(x.g.config, req.tier, format);
  const request = JSON.stringify({ prompt: req.prompt, tier: req.tier, templateId: req.templateId, watermark: req.watermark, width: size.width,
    height: size.height, styleHint, format, imageIds, remixOf, perImageCost: req.perImage });
  return {
    claim: x.key ? claimValues(p, x.key, ROUTE, x.hash, x.response, now) : null,
    job: [jobId, p.tenantId, p.userId, imageIds[0]!, 'queued', 0, 0, 3, req.cost, false, request, now, now],
    images: imageIds.map((id) => [id, p.tenantId, p.userId, jobId, req.templateId, req.prompt, req.tier, size.width, size.height, format, 'queued',
      req.watermark, req.perImage, true, now, now]),
    event: eventValues(p.tenantId, p.userId, 'generate_acknowledged', { ms: Math.round(performance.now() - x.g.startedAt), tier: req.tier, jobId }, now),
    trigger: queue.triggerRow(generateImageJob, { jobId }),
  };
}

/**
 * The transaction of a group (writeGroup) as db.script's two steps: every row of every member in multi-row INSERTs,
 * one debit per user for the sum of its members (user-id order), then, from the debits' results, the members' ledger
 * rows, or null (roll back) when a debit changed no row, its user in `refused`. `committed[i]`: member i's after-commit.
 */
function groupTransaction(group: Pending[], now: Date) {
  const { db } = services();
  const rows = group.map((x) => rowsOf(x, now));
  const triggers = new Map<string, { table: string; columns: string[]; values: SqlValue[][] }>();
  for (const { trigger } of rows) {
    const k = `${trigger.table}(${trigger.columns.join(',')})`;
    const same = triggers.get(k) ?? triggers.set(k, { table: trigger.table, columns: trigger.columns, values: [] }).get(k)!;
    same.values.push(trigger.values);
  }
  const byUser = new Map<string, Movement[]>();
  for (const x of group) if (x.movement) (byUser.get(x.movement.userId) ?? byUser.set(x.movement.userId, []).get(x.movement.userId)!).push(x.movement);
  const debits = [...byUser.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ms]) => {
    const total = ms.reduce((sum, m) => sum + m.delta, 0);
    // The strictest monthly cap among the members (the partner's config may have changed between them): a group it
    // refuses runs its members alone, each under its own.
    const caps = ms.flatMap((m) => (m.monthlyCapMilli === undefined || m.monthlyCapMilli === null ? [] : [m.monthlyCapMilli]));
    const monthlyCapMilli = caps.length ? Math.min(...caps) : null;
    return { ms, total, s: movementStatements(db.dialect, { ...ms[0]!, delta: total, monthlyCapMilli }, now, { unlessSuspended: true }) };
  });
  const refused = new Set<string>();
  return {
    first: [
      ...insertRows('idempotency_keys', CLAIM_COLUMNS, rows.flatMap((r) => (r.claim ? [r.claim] : []))),
      ...insertRows('generation_jobs', JOB_COLUMNS, rows.map((r) => r.job)),
      ...insertRows('generated_images', IMAGE_COLUMNS, rows.flatMap((r) => r.images)),
      ...insertRows('analytics_events', EVENT_COLUMNS, rows.map((r) => r.event)),
      ...[...triggers.values()].flatMap((t) => insertRows(t.table, t.columns, t.values)),
      ...debits.map((d) => d.s.update),
    ],
    then: (results: StatementResult[]): Statement[] | null => {
      refused.clear();
      const ledger: SqlValue[][] = [];
      const at = results.length - debits.length;
      for (const [i, d] of debits.entries()) {
        const after = d.s.balanceAfter(results[at + i]!);
        if (after === null) refused.add(d.ms[0]!.userId);
        if (after === null || refused.size) continue;
        // The user's balance before the group, then each movement in turn.
        let balance = after - d.total;
        for (const m of d.ms) ledger.push(ledgerValues(m, (balance += m.delta), now));
      }
      return refused.size ? null : insertRows('credit_ledger', LEDGER_COLUMNS, ledger);
    },
    refused,
    committed: rows.map((r) => r.trigger.committed),
  };
}

/**
 * Commits a group of acknowledgements (group commit, util/combiner.ts) in one transaction (groupTransaction), sent as
 * db.script: two round trips for the whole group on MySQL/MariaDB. Each debit also refuses a suspended user
 * (auth/suspension.ts leaves this route to it: the read of user_suspensions every other write makes, folded in).
 * Anything other than a clean commit (a refused debit, a key's clash, a deadlock) rolls the group back and runs each
 * member alone, where the outcome is its own: so every member ends exactly as in a transaction of its own.
 */
async function writeGroup(group: Pending[]): Promise<void> {
  const { db } = services();
  let tx: ReturnType<typeof groupTransaction> | undefined;
  let done: StatementResult[] | null = null;
  let error: unknown;
  try {
    const built = (tx = groupTransaction(group, new Date()));
    // A deadlock victim was rolled back entirely: run it again (db.ts retryOnDeadlock). Twins of a key waiting on a
    // claim whose group then rolls back can deadlock each other on the key's unique index (InnoDB's shared locks of
    // a duplicate check); a member alone would otherwise answer that as a 500.
    done = await retryOnDeadlock(() => db.script(built.first, built.then));
  } catch (err) {
    error = err ?? new Error('generate: the group failed');
  }
  if (done) {
    // Committed: whatever happens now, no member runs again.
    generateGroupSize.observe(group.length);
    for (const [i, x] of group.entries()) {
      try {
        tx!.committed[i]!();
        if (x.movement) countLedgerMovementCommitted(x.movement.reason);
      } catch (err) {
        logger().warn({ err }, 'after the generate commit');
      }
      x.resolve(undefined);
    }
    return;
  }
  // No answer and no error: a debit was refused (tx.refused names its users).
  const refusedUsers = error === undefined ? tx!.refused : null;
  if (group.length > 1) {
    // Rolled back. A refused debit: its user's members alone, the others again as a group (their debits passed).
    // Any other failure (a key's clash, a deadlock): each member alone, one after the other.
    const alone = refusedUsers ? group.filter((x) => refusedUsers.has(x.g.p.userId)) : group;
    const rest = refusedUsers ? group.filter((x) => !refusedUsers.has(x.g.p.userId)) : [];
    if (rest.length) await writeGroup(rest);
    for (const x of alone) await writeGroup([x]);
    return;
  }
  const x = group[0]!;
  try {
    if (refusedUsers) {
      // Why the debit changed no row, from the wallet as it is now (suspension first).
      const [wallet] = await db.read<{ balance: number | string; debt: number | string }>('SELECT balance, debt FROM wallets WHERE user_id = ?', [x.g.p.userId]);
      throw await explainRefusal(x.movement!, wallet ? { balance: Number(wallet.balance), debt: Number(wallet.debt) } : null, () => isSuspended(x.g.p.userId));
    }
    if (x.key && isUniqueViolation(error)) {
      const earlier = await resolveClash<GenerateResult>(x.g.p, x.key, ROUTE, x.hash, x.attempt);
      if (earlier === 'retry') {
        x.attempt++;
        return await writeGroup([x]);
      }
      if (earlier) return x.resolve(earlier);
    }
    throw error;
  } catch (err) {
    x.reject(err);
  }
}

/**
 * Up to two groups at once on MySQL/MariaDB (one fills while the other is on the wire), one on SQLite (its writers
 * queue on one lock anyway); at most 32 acknowledgements in a group.
 */
const combiners = processCache<Database, Combiner<Pending>>();
function combinerOf(db: Database): Combiner<Pending> {
  let c = combiners.get(db);
  if (!c) combiners.set(db, (c = new Combiner<Pending>({ maxInFlight: db.dialect === 'mysql' ? 2 : 1, maxGroup: 32, run: writeGroup })));
  return c;
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
  const movement: Movement | null = req.cost > 0 ? {
    tenantId: p.tenantId, userId: p.userId, delta: -req.cost, reason: 'generation', refType: 'job', refId: jobId,
    timezone: config.timezone, monthlyCapMilli: config.monthlySpendCapMilli,
    note: req.count > 1 ? `${req.count} × ${req.tier} generations` : `${req.tier} generation`,
  } : null;
  try {
    // A free generation has no debit to fold the suspension check into.
    if (!movement && (await isSuspended(p.userId))) throw suspendedError();
    const hash = key ? hashRequest(ROUTE, body) : '';
    // Exactly once per Idempotency-Key: the key's claim (with the answer, known in advance) is in the same transaction,
    // so a concurrent twin waits on the key's unique index and then finds the answer (CONTRACT.md).
    const replay = await new Promise<StoredResponse<GenerateResult> | undefined>((resolve, reject) =>
      combinerOf(services().db).submit({ g, key, hash, response, movement, attempt: 1, resolve, reject }));
    if (replay) {
      await giveBack('generate', limitKey, perMinute, 60);
      return { ...replay, replayed: true };
    }
  } catch (err) {
    await giveBack('generate', limitKey, perMinute, 60);
    throw err;
  }
  return { ...response, replayed: false };
}
