import type { TenantConfig } from '../tenants/tenant-config.js';
import { AppError, invalid } from '../errors.js';

/**
 * Prices are computed on the server from the partner's config and the buyer's stable price band;
 * a client never sends an amount. All money is integer paise.
 */
export interface Quote {
  packId: string | null;
  quantity: number;
  creditsMilli: number;
  discountPercent: number;
  amountPaise: number;
  priceBand: string;
  pricePerCreditPaise: number;
}

/** The buyer's band, falling back to the default band when the stored one no longer exists in the config. */
export function bandOf(config: TenantConfig, stored: string | null | undefined): { band: string; paise: number } {
  const bands = config.pricing.bands;
  if (stored && Number.isInteger(bands[stored]) && bands[stored]! > 0) return { band: stored, paise: bands[stored]! };
  const def = config.pricing.defaultBand;
  if (Number.isInteger(bands[def]) && bands[def]! > 0) return { band: def, paise: bands[def]! };
  const first = Object.keys(bands).sort()[0];
  if (!first) throw new AppError('internal_error', 'No price band is configured.');
  return { band: first, paise: bands[first]! };
}

/** Rounded half up; integer inputs keep this exact (credits * paise * percent stays far below 2^53). */
export const discounted = (credits: number, pricePaise: number, discountPercent: number) =>
  Math.round((credits * pricePaise * (100 - discountPercent)) / 100);

/**
 * A free quantity gets the discount of the largest pack it reaches, so buying 50 credits one by one
 * never costs more than the 50-credit pack.
 */
export function discountForQuantity(config: TenantConfig, quantity: number): number {
  let best = 0;
  for (const p of config.pricing.packs) if (p.credits <= quantity && p.discountPercent > best) best = p.discountPercent;
  return best;
}

export function quote(config: TenantConfig, storedBand: string | null | undefined, body: { packId?: unknown; quantity?: unknown }): Quote {
  const { band, paise } = bandOf(config, storedBand);
  const hasPack = body.packId !== undefined && body.packId !== null;
  const hasQty = body.quantity !== undefined && body.quantity !== null;
  if (hasPack === hasQty) {
    throw new AppError('validation_error', 'Send exactly one of packId or quantity.', {
      errors: [{ field: hasPack ? 'quantity' : 'packId', message: 'send exactly one of packId or quantity' }],
    });
  }
  if (hasPack) {
    if (typeof body.packId !== 'string') throw invalid('packId', 'must be a string');
    const pack = config.pricing.packs.find((p) => p.id === body.packId);
    if (!pack) throw invalid('packId', `unknown pack; one of ${config.pricing.packs.map((p) => p.id).join(', ')}`);
    return {
      packId: pack.id, quantity: pack.credits, creditsMilli: pack.credits * 1000, discountPercent: pack.discountPercent,
      amountPaise: discounted(pack.credits, paise, pack.discountPercent), priceBand: band, pricePerCreditPaise: paise,
    };
  }
  const q = body.quantity;
  const { minQuantity, maxQuantity } = config.pricing;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < minQuantity || q > maxQuantity) {
    throw invalid('quantity', `must be a whole number of credits from ${minQuantity} to ${maxQuantity}`);
  }
  const discountPercent = discountForQuantity(config, q);
  return {
    packId: null, quantity: q, creditsMilli: q * 1000, discountPercent, amountPaise: discounted(q, paise, discountPercent), priceBand: band,
    pricePerCreditPaise: paise,
  };
}

export { rupees } from '../util/money.js';
