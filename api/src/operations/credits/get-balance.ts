import { Wallet, User } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { monthKey } from '../../ledger/ledger.js';
import { payCampaignGrants } from './pay-campaign-grants.js';
import type { Principal } from '../../auth/principal.js';

export interface BalanceView {
  credits: number; monthlyUsed: number; monthlyRemaining: number; monthlyCap?: number; isPaying: boolean; priceBand?: string;
  /** Credits owed after a refund or dispute took back more than the balance held; while above 0, spending is refused (402) until a purchase settles it. */
  debtCredits: number;
}

export async function getBalance(p: Principal): Promise<BalanceView> {
  const config = await getTenantConfig(p.tenantId);
  await payCampaignGrants(p.tenantId, p.userId, config);
  const [wallet, user] = await Promise.all([
    Wallet.findByPk(p.userId),
    User.findByPk(p.userId, { attributes: ['isPaying', 'priceBand'] }),
  ]);
  const balance = wallet?.balance ?? 0;
  const used = wallet && wallet.spentMonth === monthKey(config.timezone) ? wallet.spentInMonth : 0;
  const cap = config.monthlySpendCapMilli;
  const debt = wallet?.debt ?? 0;
  const remaining = debt > 0 ? 0 : cap === null ? balance : Math.max(0, Math.min(balance, cap - used));
  return {
    credits: balance / 1000, monthlyUsed: used / 1000, monthlyRemaining: remaining / 1000, monthlyCap: cap === null ? undefined : cap / 1000,
    isPaying: !!user?.isPaying, priceBand: user?.priceBand ?? undefined, debtCredits: debt / 1000,
  };
}
