/**
 * `@community-ai-studio/sdk/server`: helpers for the partner's own backend (Node only).
 * Kept out of the main entry so browser bundles never pull in jsonwebtoken or node:crypto.
 */
import jwt from 'jsonwebtoken';

/** Who the token is for: the claims the Studio API reads. */
export interface UserClaims {
  /** The partner's stable id of the user (1 to 191 printable characters). */
  sub: string;
  name?: string;
  email?: string;
  /** `admin` opens the admin API and `<ais-admin>`; anything else is a plain user. */
  role?: string;
  /** A referral code the user arrived with. */
  ref?: string;
}

export type UserTokenAlgorithm = 'HS256' | 'RS256' | 'ES256';

interface CommonSignOptions {
  /** Must match the partner's setting in the Studio (default HS256 with a secret, RS256 with a private key). */
  algorithm?: UserTokenAlgorithm;
  /** Seconds or a time span such as `'15m'` (default `'1h'`); the API refuses tokens without `exp`. */
  expiresIn?: number | string;
  issuer?: string;
  audience?: string | string[];
  /** Key id, for partners verified through a JWKS URL. */
  kid?: string;
}

export type SignUserTokenOptions =
  | (CommonSignOptions & { secret: string; privateKey?: never })
  | (CommonSignOptions & { privateKey: string | Buffer | import('node:crypto').KeyObject; secret?: never });

const MAX_SUB = 191;
const hasControl = (v: string) => [...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/**
 * Signs the JWT a partner hands its signed-in user's browser (or passes to `new StudioClient({ token })`).
 *
 * ```ts
 * import { signUserToken } from '@community-ai-studio/sdk/server';
 * const token = signUserToken({ sub: user.id, name: user.name }, { secret: process.env.STUDIO_JWT_SECRET! });
 * ```
 */
export function signUserToken(claims: UserClaims, options: SignUserTokenOptions): string {
  if (!claims || typeof claims.sub !== 'string' || !claims.sub.trim() || claims.sub.length > MAX_SUB || hasControl(claims.sub)) {
    throw new TypeError(`signUserToken: sub must be 1 to ${MAX_SUB} printable characters`);
  }
  const key = options.secret ?? options.privateKey;
  if (!key) throw new TypeError('signUserToken: pass either secret (HS256) or privateKey (RS256/ES256)');
  if (options.secret !== undefined && options.privateKey !== undefined) throw new TypeError('signUserToken: pass secret or privateKey, not both');
  const algorithm = options.algorithm ?? (options.secret !== undefined ? 'HS256' : 'RS256');
  if (options.secret !== undefined && algorithm !== 'HS256') throw new TypeError(`signUserToken: a secret signs HS256 only, not ${algorithm}`);
  if (options.privateKey !== undefined && algorithm === 'HS256') throw new TypeError('signUserToken: HS256 needs a secret, not a private key');
  // Only the claims the API knows are copied, so a whole user record passed by mistake leaks nothing else.
  const payload: Record<string, string> = { sub: claims.sub };
  for (const k of ['name', 'email', 'role', 'ref'] as const) if (typeof claims[k] === 'string' && claims[k]) payload[k] = claims[k];
  return jwt.sign(payload, key, {
    algorithm,
    expiresIn: (options.expiresIn ?? '1h') as jwt.SignOptions['expiresIn'],
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
    ...(options.kid ? { keyid: options.kid } : {}),
  });
}
