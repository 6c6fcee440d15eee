import { User } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { Principal } from '../../auth/principal.js';
import { bandOf, discounted, rupees } from '../../payments/pricing.js';
import type { PacksResponse } from '../../presenters/wallet.js';

/** The partner's packs priced in the caller's band (prices are always computed on the server). */
export async function listPacks(p: Principal): Promise<PacksResponse> {
  const config = await getTenantConfig(p.tenantId);
  const user = await User.findByPk(p.userId, { attributes: ['priceBand'] });
  const { band, paise } = bandOf(config, user?.priceBand);
  return {
    currency: 'INR', priceBand: band, pricePerCredit: rupees(paise), pricePerCreditPaise: paise,
    items: config.pricing.packs.map((pk) => {
      const amountPaise = discounted(pk.credits, paise, pk.discountPercent);
      return { packId: pk.id, credits: pk.credits, discountPercent: pk.discountPercent, amount: rupees(amountPaise), amountPaise };
    }),
    minQuantity: config.pricing.minQuantity, maxQuantity: config.pricing.maxQuantity,
  };
}
