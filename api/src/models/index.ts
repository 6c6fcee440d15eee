import { DataTypes, Model, type Sequelize, type ModelAttributes } from 'sequelize';
import { LEDGER_REASONS, countsAsSpending, type LedgerReason } from '../ledger/reasons.js';
import { initWebhookModels } from './webhooks.js';
import { initMoneyModels } from './money.js';
import { initPosterModels } from './posters.js';
import { initPrivacyModels } from './privacy.js';
import { initSupportModels } from './support.js';

export { Poster, BrandKit, type BrandColors } from './posters.js';
export { WebhookEndpoint, WebhookEvent, WebhookDelivery, type DeliveryStatus } from './webhooks.js';
export { DebtEntry, OrderAdjustment, PartnerPaymentAccount, type AdjustmentKind, type AdjustmentStatus } from './money.js';
export { PrivacyRequest, Consent } from './privacy.js';
export { UserSuspension, TakedownRequest, ModerationAppeal, type TakedownStatus, type AppealStatus } from './support.js';

/**
 * Sequelize models for the core schema (migrations/0001-core.ts is the source of truth for columns).
 * Models hold no business rules: operations/ does. BIGINT millicredit columns are read as numbers;
 * they stay far below 2^53 (9 trillion credits).
 */
const S = (n = 191) => ({ type: DataTypes.STRING(n) });
const big = (name: string) => ({
  type: DataTypes.BIGINT,
  get(this: Model) {
    const v = this.getDataValue(name as never) as unknown;
    return v === null || v === undefined ? v : Number(v);
  },
});
const JSONTEXT = (name: string) => ({
  type: DataTypes.TEXT,
  get(this: Model) {
    const v = this.getDataValue(name as never) as unknown as string | null;
    return v == null ? null : JSON.parse(v);
  },
  set(this: Model, val: unknown) {
    this.setDataValue(name as never, (val == null ? null : JSON.stringify(val)) as never);
  },
});

export class Tenant extends Model {
  declare id: string; declare slug: string; declare name: string; declare publishableKey: string;
  declare jwtAlgorithm: string; declare jwtSecretEnc: string | null; declare jwtPublicKey: string | null; declare jwksUri: string | null;
  declare jwtIssuer: string | null; declare jwtAudience: string | null; declare siteUrl: string | null;
  declare status: 'active' | 'disabled'; declare allowedOrigins: string[] | null; declare maxTokenLifetime: number | null; declare revision: number;
  declare createdAt: Date; declare updatedAt: Date;
}
export class TenantConfigRow extends Model {
  declare id: number; declare tenantId: string; declare version: number; declare config: unknown; declare createdBy: string | null;
  declare note: string | null; declare createdAt: Date;
}
export class User extends Model {
  declare id: string; declare tenantId: string; declare sub: string; declare name: string | null; declare email: string | null; declare role: string;
  declare referralCode: string; declare referredByUserId: string | null; declare referralClaimedAt: Date | null; declare deviceId: string | null;
  declare signupIp: string | null; declare lastIp: string | null; declare priceBand: string | null; declare isPaying: boolean; declare firstPurchaseAt: Date | null;
  declare firstGenerationAt: Date | null; declare generationCount: number; declare lastActiveAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
}
export class Wallet extends Model {
  declare userId: string; declare tenantId: string; declare balance: number; declare spentMonth: string | null; declare spentInMonth: number; declare updatedAt: Date;
  /** Millicredits owed after a clawback (migrations/0800); spending is blocked while it is above zero. */
  declare debt: number;
}
export class LedgerEntry extends Model {
  declare id: number; declare tenantId: string; declare userId: string; declare delta: number; declare balanceAfter: number; declare reason: string;
  declare refType: string; declare refId: string; declare note: string | null; declare createdAt: Date;
  /** Counts towards the monthly cap and credits spent (ledger/reasons.ts). */
  declare spending: boolean;
}
export class IdempotencyKey extends Model {
  declare id: number; declare tenantId: string; declare userId: string; declare idemKey: string; declare route: string; declare requestHash: string;
  declare responseStatus: number; declare responseBody: string | null; declare createdAt: Date; declare expiresAt: Date;
}
export class Category extends Model {
  declare id: string; declare tenantId: string; declare name: string; declare slug: string; declare description: string | null; declare style: string | null;
  declare displayOrder: number; declare isActive: boolean; declare createdAt: Date; declare updatedAt: Date;
}
export class Template extends Model {
  declare id: string; declare tenantId: string; declare categoryId: string; declare title: string; declare promptText: string; declare description: string | null;
  declare defaultTier: string; declare displayOrder: number; declare isActive: boolean; declare createdBy: string | null; declare createdAt: Date; declare updatedAt: Date;
  declare defaultFormat: string | null;
}
export class GenerationJob extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare imageId: string; declare status: 'queued' | 'running' | 'succeeded' | 'failed';
  declare progress: number; declare attempts: number; declare maxAttempts: number; declare errorCode: string | null; declare errorMessage: string | null;
  declare workerToken: string | null; declare heartbeatAt: Date | null; declare cost: number; declare refunded: boolean; declare request: GenerationRequest;
  declare provider: string | null; declare startedAt: Date | null; declare finishedAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
  declare fallbackFrom: string | null; declare refundMilli: number;
}
export interface GenerationRequest { prompt: string; tier: string; templateId?: string | null; watermark: boolean; width: number; height: number; styleHint?: string | null;
  /** Formats and variations (migration 0860): absent on older jobs (one square image, `imageId`). */
  format?: string; imageIds?: string[]; remixOf?: string | null; perImageCost?: number }
export class GeneratedImage extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare jobId: string; declare templateId: string | null; declare promptText: string;
  declare tier: string; declare width: number; declare height: number; declare provider: string | null; declare status: string; declare watermark: boolean;
  declare storageKey: string | null; declare thumbKey: string | null; declare publicKey: string | null; declare creditsSpent: number; declare billable: boolean;
  declare publishedPostId: string | null; declare deletedAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
  declare format: string;
}
export class Post extends Model {
  declare id: string; declare tenantId: string; declare imageId: string; declare userId: string; declare title: string; declare categoryId: string;
  declare tags: string[]; declare promptText: string; declare likesCount: number; declare reuseCount: number; declare rewardTotal: number;
  declare visibility: 'public' | 'private'; declare isHidden: boolean; declare isDeleted: boolean; declare listed: boolean; declare trendingScore: number;
  declare watermark: boolean; declare hiddenReason: string | null; declare scoreChangedAt: Date; declare createdAt: Date; declare updatedAt: Date;
}
export class PostLike extends Model { declare id: string; declare tenantId: string; declare postId: string; declare userId: string; declare createdAt: Date }
export class PostReport extends Model {
  declare id: string; declare tenantId: string; declare postId: string; declare userId: string; declare reason: string; declare details: string | null;
  declare status: string; declare openKey: string | null; declare actedBy: string | null; declare action: string | null; declare createdAt: Date; declare updatedAt: Date;
}
export class RemixOpen extends Model { declare id: string; declare tenantId: string; declare postId: string; declare userId: string; declare createdAt: Date }
export class ReuseEvent extends Model {
  declare id: string; declare tenantId: string; declare sourcePostId: string; declare remixerUserId: string; declare remixedImageId: string;
  declare creatorUserId: string; declare rewarded: boolean; declare rewardCredits: number; declare rewardDay: string | null; declare assetTotalAfter: number;
  declare createdAt: Date;
}
/** The score a post had before a change (migration 0200): trending cursors read scores "as of" their pinned time. */
export class PostScoreHistory extends Model { declare id: number; declare tenantId: string; declare postId: string; declare oldScore: number; declare changedAt: Date }
/** Reuse rewards credited to a creator on one local day (migration 0200); locked to apply the daily cap exactly. */
export class CreatorRewardDay extends Model { declare creatorUserId: string; declare day: string; declare tenantId: string; declare total: number; declare updatedAt: Date }
export class ReferralEvent extends Model {
  declare id: string; declare tenantId: string; declare referrerUserId: string; declare refereeUserId: string | null; declare type: string;
  declare creditsAwarded: number; declare beneficiaryUserId: string; declare status: string; declare holdReason: string | null; declare uniqueKey: string;
  declare reviewedBy: string | null; declare createdAt: Date; declare updatedAt: Date;
  declare reviewNote: string | null; declare reviewedAt: Date | null;
}
export class Order extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare gateway: string; declare gatewayOrderId: string | null; declare amountPaise: number;
  declare currency: string; declare credits: number; declare packId: string | null; declare quantity: number; declare priceBand: string | null;
  declare status: 'created' | 'paid' | 'failed'; declare paymentId: string | null; declare paidAt: Date | null; declare failureReason: string | null;
  /** Paise refunded and paise under dispute (open or lost) so far (migrations/0800). */
  declare refundedPaise: number; declare disputedPaise: number;
  declare createdAt: Date; declare updatedAt: Date;
}
export class PaymentEvent extends Model {
  declare id: string; declare tenantId: string; declare gateway: string; declare type: string; declare orderId: string | null; declare payload: string | null; declare receivedAt: Date;
}
export class ProviderKey extends Model {
  declare id: string; declare tenantId: string; declare providerName: string; declare keyAlias: string; declare encryptedValue: string; declare lastFour: string;
  declare endpoint: string | null; declare model: string | null; declare purpose: string; declare isActive: boolean; declare rotatedAt: Date | null;
  declare updatedBy: string | null; declare createdAt: Date; declare updatedAt: Date;
}
export class AuditEntry extends Model {
  declare id: number; declare tenantId: string; declare actorUserId: string | null; declare actorSub: string | null; declare action: string;
  declare targetType: string | null; declare targetId: string | null; declare note: string | null; declare data: unknown; declare createdAt: Date;
}
export class Notification extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare type: string; declare title: string; declare body: string | null;
  declare data: unknown; declare readAt: Date | null; declare dedupeKey: string | null; declare createdAt: Date;
}
export class AnalyticsEvent extends Model {
  declare id: number; declare tenantId: string; declare userId: string | null; declare name: string; declare props: unknown; declare createdAt: Date;
}

const idCol = () => ({ type: DataTypes.STRING(40), primaryKey: true });
const autoId = () => ({ type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, get(this: Model) { return Number(this.getDataValue('id' as never)); } });
const DATE = () => ({ type: DataTypes.DATE(3) });

export function initModels(sequelize: Sequelize) {
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  const noUpdate = { updatedAt: false as const };
  const cols = (c: ModelAttributes) => c;

  Tenant.init(cols({ id: idCol(), slug: S(64), name: S(), publishableKey: S(64), jwtAlgorithm: S(8), jwtSecretEnc: DataTypes.TEXT,
    jwtPublicKey: DataTypes.TEXT, jwksUri: S(500), jwtIssuer: S(), jwtAudience: S(), siteUrl: S(500),
    status: { type: DataTypes.STRING(16), defaultValue: 'active' }, allowedOrigins: JSONTEXT('allowedOrigins'), maxTokenLifetime: DataTypes.INTEGER,
    revision: { type: DataTypes.INTEGER, defaultValue: 0 } }), opts('tenants'));
  TenantConfigRow.init(cols({ id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, tenantId: S(40), version: DataTypes.INTEGER,
    config: JSONTEXT('config'), createdBy: S(), note: S(500) }), opts('tenant_configs', noUpdate));
  User.init(cols({ id: idCol(), tenantId: S(40), sub: S(), name: S(), email: S(), role: S(16), referralCode: S(16), referredByUserId: S(40),
    referralClaimedAt: DATE(), deviceId: S(128), signupIp: S(64), lastIp: S(64), priceBand: S(8), isPaying: DataTypes.BOOLEAN, firstPurchaseAt: DATE(),
    firstGenerationAt: DATE(), generationCount: DataTypes.INTEGER, lastActiveAt: DATE() }), opts('users'));
  Wallet.init(cols({ userId: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), balance: big('balance'), spentMonth: S(7),
    spentInMonth: big('spentInMonth'), debt: { ...big('debt'), defaultValue: 0 } }), opts('wallets', { createdAt: false }));
  LedgerEntry.init(cols({ id: autoId(), tenantId: S(40), userId: S(40), delta: big('delta'), balanceAfter: big('balanceAfter'), reason: S(16),
    refType: S(24), refId: S(64), note: S(500), spending: DataTypes.BOOLEAN }), opts('credit_ledger', noUpdate));
  // A row written without the flag (seeds, fixtures) takes it from its reason, so no row can disagree with the table.
  const flag = (e: LedgerEntry) => { if (e.spending === undefined || e.spending === null) e.spending = e.reason in LEDGER_REASONS && countsAsSpending(e.reason as LedgerReason); };
  LedgerEntry.addHook('beforeCreate', flag);
  LedgerEntry.addHook('beforeBulkCreate', (rows: LedgerEntry[]) => rows.forEach(flag));
  IdempotencyKey.init(cols({ id: autoId(), tenantId: S(40), userId: S(40), idemKey: S(), route: S(64), requestHash: S(64),
    responseStatus: DataTypes.INTEGER, responseBody: DataTypes.TEXT, expiresAt: DATE() }), opts('idempotency_keys', noUpdate));
  Category.init(cols({ id: idCol(), tenantId: S(40), name: S(100), slug: S(100), description: S(500), style: S(500), displayOrder: DataTypes.INTEGER,
    isActive: DataTypes.BOOLEAN }), opts('image_categories'));
  Template.init(cols({ id: idCol(), tenantId: S(40), categoryId: S(40), title: S(150), promptText: DataTypes.TEXT, description: S(500),
    defaultTier: S(16), displayOrder: DataTypes.INTEGER, isActive: DataTypes.BOOLEAN, createdBy: S(40), defaultFormat: S(16) }), opts('image_templates'));
  GenerationJob.init(cols({ id: idCol(), tenantId: S(40), userId: S(40), imageId: S(40), status: S(16), progress: DataTypes.INTEGER,
    attempts: DataTypes.INTEGER, maxAttempts: DataTypes.INTEGER, errorCode: S(64), errorMessage: S(500), workerToken: S(64), heartbeatAt: DATE(),
    cost: big('cost'), refunded: DataTypes.BOOLEAN, request: JSONTEXT('request'), provider: S(32), startedAt: DATE(), finishedAt: DATE(), fallbackFrom: S(32), refundMilli: big('refundMilli') }), opts('generation_jobs'));
  GeneratedImage.init(cols({ id: idCol(), tenantId: S(40), userId: S(40), jobId: S(40), templateId: S(40), promptText: DataTypes.TEXT, tier: S(16),
    width: DataTypes.INTEGER, height: DataTypes.INTEGER, provider: S(32), status: S(16), watermark: DataTypes.BOOLEAN, storageKey: S(255),
    thumbKey: S(255), publicKey: S(255), creditsSpent: big('creditsSpent'), billable: DataTypes.BOOLEAN, publishedPostId: S(40), deletedAt: DATE(), format: S(16) }),
  opts('generated_images'));
  Post.init(cols({ id: idCol(), tenantId: S(40), imageId: S(40), userId: S(40), title: S(120), categoryId: S(40), tags: JSONTEXT('tags'),
    promptText: DataTypes.TEXT, likesCount: DataTypes.INTEGER, reuseCount: DataTypes.INTEGER, rewardTotal: big('rewardTotal'), visibility: S(16),
    isHidden: DataTypes.BOOLEAN, isDeleted: DataTypes.BOOLEAN, listed: DataTypes.BOOLEAN, trendingScore: DataTypes.DOUBLE, watermark: DataTypes.BOOLEAN,
    hiddenReason: S(), scoreChangedAt: DATE() }), opts('community_posts'));
  PostLike.init(cols({ id: idCol(), tenantId: S(40), postId: S(40), userId: S(40) }), opts('post_likes', noUpdate));
  PostReport.init(cols({ id: idCol(), tenantId: S(40), postId: S(40), userId: S(40), reason: S(32), details: S(1000), status: S(16), openKey: S(100),
    actedBy: S(40), action: S(16) }), opts('post_reports'));
  RemixOpen.init(cols({ id: idCol(), tenantId: S(40), postId: S(40), userId: S(40) }), opts('remix_opens', noUpdate));
  ReuseEvent.init(cols({ id: idCol(), tenantId: S(40), sourcePostId: S(40), remixerUserId: S(40), remixedImageId: S(40), creatorUserId: S(40),
    rewarded: DataTypes.BOOLEAN, rewardCredits: big('rewardCredits'), rewardDay: S(10), assetTotalAfter: big('assetTotalAfter') }),
  opts('prompt_reuse_events', noUpdate));
  PostScoreHistory.init(cols({ id: autoId(), tenantId: S(40), postId: S(40), oldScore: DataTypes.DOUBLE, changedAt: DATE() }),
    opts('post_score_history', { timestamps: false }));
  CreatorRewardDay.init(cols({ creatorUserId: { type: DataTypes.STRING(40), primaryKey: true }, day: { type: DataTypes.STRING(10), primaryKey: true },
    tenantId: S(40), total: big('total') }), opts('creator_reward_days', { createdAt: false }));
  ReferralEvent.init(cols({ id: idCol(), tenantId: S(40), referrerUserId: S(40), refereeUserId: S(40), type: S(24), creditsAwarded: big('creditsAwarded'),
    beneficiaryUserId: S(40), status: S(16), holdReason: S(), uniqueKey: S(120), reviewedBy: S(40),
    reviewNote: S(500), reviewedAt: DATE() }), opts('referral_events'));
  Order.init(cols({ id: idCol(), tenantId: S(40), userId: S(40), gateway: S(16), gatewayOrderId: S(64), amountPaise: DataTypes.INTEGER, currency: S(3),
    credits: big('credits'), packId: S(40), quantity: DataTypes.INTEGER, priceBand: S(8), status: S(16), paymentId: S(64), paidAt: DATE(),
    failureReason: S(255), refundedPaise: { type: DataTypes.INTEGER, defaultValue: 0 }, disputedPaise: { type: DataTypes.INTEGER, defaultValue: 0 } }), opts('orders'));
  PaymentEvent.init(cols({ id: { type: DataTypes.STRING(100), primaryKey: true }, tenantId: S(40), gateway: S(16), type: S(64), orderId: S(40),
    payload: DataTypes.TEXT, receivedAt: DATE() }), opts('payment_events', { timestamps: false }));
  ProviderKey.init(cols({ id: idCol(), tenantId: S(40), providerName: S(32), keyAlias: S(64), encryptedValue: DataTypes.TEXT, lastFour: S(4),
    endpoint: S(500), model: S(100), purpose: S(16), isActive: DataTypes.BOOLEAN, rotatedAt: DATE(), updatedBy: S() }), opts('admin_provider_keys'));
  AuditEntry.init(cols({ id: autoId(), tenantId: S(40), actorUserId: S(40), actorSub: S(), action: S(64), targetType: S(32), targetId: S(64),
    note: S(1000), data: JSONTEXT('data') }), opts('audit_log', noUpdate));
  Notification.init(cols({ id: idCol(), tenantId: S(40), userId: S(40), type: S(32), title: S(), body: S(1000), data: JSONTEXT('data'), readAt: DATE(),
    dedupeKey: S() }),
    opts('notifications', noUpdate));
  AnalyticsEvent.init(cols({ id: autoId(), tenantId: S(40), userId: S(40), name: S(64), props: JSONTEXT('props') }), opts('analytics_events', noUpdate));
  initWebhookModels(sequelize);
  initMoneyModels(sequelize);
  initPosterModels(sequelize);
  initPrivacyModels(sequelize);
  initSupportModels(sequelize);
  // Automatic timestamps are DATE by default, which MySQL writes to whole seconds; the columns are DATE(3), keep the milliseconds.
  for (const model of Object.values(sequelize.models)) {
    let changed = false;
    for (const name of ['createdAt', 'updatedAt']) {
      const attr = model.rawAttributes[name];
      if (attr) { attr.type = DataTypes.DATE(3); changed = true; }
    }
    if (changed) (model as unknown as { refreshAttributes(): void }).refreshAttributes();
  }
}
