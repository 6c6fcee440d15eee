import type { Tenant } from '../models/index.js';
import { DEFAULT_MAX_TOKEN_LIFETIME } from '../tenants/tenants.js';

/** A partner as the platform API shows it. Secrets are write-only: an HS256 partner shows only that it has one. */
export interface PartnerView {
  id: string;
  slug: string;
  name: string;
  /** Not a secret: it sits in the partner's page markup (X-Partner-Key, the widgets' partner-key attribute). */
  publishableKey: string;
  issuer: string | null;
  audience: string | null;
  allowedOrigins: string[];
  siteUrl: string | null;
  status: 'active' | 'disabled';
  auth: { algorithm: 'HS256' | 'RS256' | 'ES256'; jwksUrl?: string; publicKey?: string; secretSet?: boolean };
  /** Longest accepted token lifetime (exp - iat), seconds. */
  maxTokenLifetimeSeconds: number;
  createdAt: string;
  updatedAt: string;
}

export function presentPartner(t: Tenant): PartnerView {
  const algorithm = t.jwtAlgorithm as PartnerView['auth']['algorithm'];
  return {
    id: t.id, slug: t.slug, name: t.name, publishableKey: t.publishableKey, issuer: t.jwtIssuer ?? null, audience: t.jwtAudience ?? null,
    allowedOrigins: Array.isArray(t.allowedOrigins) ? t.allowedOrigins : [], siteUrl: t.siteUrl ?? null,
    status: t.status === 'disabled' ? 'disabled' : 'active',
    auth: algorithm === 'HS256' ? { algorithm, secretSet: !!t.jwtSecretEnc }
      : { algorithm, ...(t.jwksUri ? { jwksUrl: t.jwksUri } : {}), ...(t.jwtPublicKey ? { publicKey: t.jwtPublicKey } : {}) },
    maxTokenLifetimeSeconds: t.maxTokenLifetime ?? DEFAULT_MAX_TOKEN_LIFETIME,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}
