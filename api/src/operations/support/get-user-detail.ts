import { Op } from 'sequelize';
import { GenerationJob, Order, Post, ReferralEvent, User, UserSuspension, Wallet } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { monthKey } from '../../ledger/ledger.js';
import type { Principal } from '../../auth/principal.js';
import { postStatus } from '../../presenters/community.js';
import { presentOrder, type LedgerEntryView, type OrderView } from '../../presenters/wallet.js';
import { presentAdminUser, type AdminUserSummary } from '../../presenters/support.js';
import { ledgerHistory } from '../credits/ledger-history.js';
import { findPartnerUser } from './find-user.js';

export interface AdminUserJob { jobId: string; status: string; tier: string; cost: number; provider?: string; errorCode?: string; createdAt: string }
export interface AdminUserPost { postId: string; title: string; status: 'listed' | 'private' | 'hidden' | 'deleted'; hiddenReason?: string; likes: number; createdAt: string }
export interface AdminReferralEvent {
  id: string; type: string; status: string; holdReason?: string; credits: number;
  /** referrer: the user referred someone; referee: the user was referred. */
  side: 'referrer' | 'referee'; createdAt: string;
}
export interface AdminUserReferrals {
  code: string;
  /** Sub of the user who referred this one, when any. */
  referredBy?: string;
  claimedAt?: string;
  /** Referral events of this user (either side), newest first, at most 20. */
  events: AdminReferralEvent[];
  /** Events held for review, of either side. */
  holds: number;
}
export interface AdminUserDetail {
  user: AdminUserSummary;
  /** Credits. */
  balance: number;
  /**
   * Credits owed after refunds or lost disputes that the balance could not cover (money's debt column); null until
   * this deployment records debts.
   */
  debt: number | null;
  /** Spending counted against the partner's monthly cap this month, in credits. */
  monthlyUsed: number;
  monthlyCap?: number;
  /** Newest first; page on with `ledgerCursor`. */
  ledger: { items: LedgerEntryView[]; nextCursor?: string };
  /** The 20 newest orders. */
  orders: OrderView[];
  /** The 20 newest generation jobs. */
  jobs: AdminUserJob[];
  /** The 20 newest posts, whatever their state. */
  posts: AdminUserPost[];
  referrals: AdminUserReferrals;
}

const RECENT = 20;

/** Everything support needs about one user of the admin's partner; a user of another partner is 404. */
export async function getUserDetail(admin: Principal, userId: string, q: { ledgerLimit?: number; ledgerCursor?: string }): Promise<AdminUserDetail> {
  const user = await findPartnerUser(admin.tenantId, userId);
  const config = await getTenantConfig(admin.tenantId);
  const [wallet, suspension, ledger, orders, jobs, posts, events, referrer] = await Promise.all([
    Wallet.findByPk(user.id),
    UserSuspension.findByPk(user.id),
    ledgerHistory({ ...admin, userId: user.id }, q.ledgerLimit, q.ledgerCursor),
    Order.findAll({ where: { tenantId: admin.tenantId, userId: user.id }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: RECENT }),
    GenerationJob.findAll({ where: { tenantId: admin.tenantId, userId: user.id }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: RECENT,
      attributes: ['id', 'status', 'request', 'cost', 'provider', 'errorCode', 'createdAt'] }),
    Post.findAll({ where: { tenantId: admin.tenantId, userId: user.id }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: RECENT }),
    ReferralEvent.findAll({ where: { tenantId: admin.tenantId, [Op.or]: [{ referrerUserId: user.id }, { refereeUserId: user.id }] },
      order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: RECENT }),
    user.referredByUserId ? User.findOne({ where: { id: user.referredByUserId, tenantId: admin.tenantId }, attributes: ['sub'] }) : null,
  ]);
  const holds = await ReferralEvent.count({ where: { tenantId: admin.tenantId, status: 'held', [Op.or]: [{ referrerUserId: user.id }, { refereeUserId: user.id }] } });
  const used = wallet && wallet.spentMonth === monthKey(config.timezone) ? wallet.spentInMonth : 0;
  const debtMilli = (wallet as unknown as { debt?: number | null } | null)?.debt;
  return {
    user: presentAdminUser(user, suspension),
    balance: (wallet?.balance ?? 0) / 1000,
    debt: typeof debtMilli === 'number' ? debtMilli / 1000 : null,
    monthlyUsed: used / 1000,
    monthlyCap: config.monthlySpendCapMilli === null ? undefined : config.monthlySpendCapMilli / 1000,
    ledger,
    orders: orders.map(presentOrder),
    jobs: jobs.map((j) => ({ jobId: j.id, status: j.status, tier: j.request?.tier ?? '', cost: j.cost / 1000, provider: j.provider ?? undefined,
      errorCode: j.errorCode ?? undefined, createdAt: j.createdAt.toISOString() })),
    posts: posts.map((p) => ({ postId: p.id, title: p.title, status: postStatus(p), hiddenReason: p.hiddenReason ?? undefined, likes: p.likesCount,
      createdAt: p.createdAt.toISOString() })),
    referrals: {
      code: user.referralCode, referredBy: referrer?.sub, claimedAt: user.referralClaimedAt?.toISOString(), holds,
      events: events.map((e) => ({ id: e.id, type: e.type, status: e.status, holdReason: e.holdReason ?? undefined, credits: e.creditsAwarded / 1000,
        side: e.referrerUserId === user.id ? 'referrer' : 'referee', createdAt: e.createdAt.toISOString() })),
    },
  };
}
