import crypto from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * The site's own sign-in session: a signed, httpOnly cookie holding who is signed in.
 * It is the partner's session, unrelated to the studio's tokens, which are minted from it on demand.
 */
export interface SiteSession {
  sub: string;
  name: string;
  email?: string;
  role: 'admin' | 'user';
  /** Referral code seen at sign-up: carried into the claims of the session's tokens. */
  ref?: string;
  /** Issued at, seconds. */
  iat: number;
}

const COOKIE = 'll_session';
const MAX_AGE_S = 8 * 3600;

export function sessionCodec(secret: string) {
  // A key of its own, so a leaked session cookie never helps forge a studio token and vice versa.
  const key = crypto.createHash('sha256').update(`learnloop-session:${secret}`).digest();
  const sign = (payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');

  function read(req: Request): SiteSession | undefined {
    const raw = parseCookies(req.headers.cookie)[COOKIE];
    if (!raw) return undefined;
    const dot = raw.lastIndexOf('.');
    if (dot < 1) return undefined;
    const payload = raw.slice(0, dot);
    const given = Buffer.from(raw.slice(dot + 1));
    const expected = Buffer.from(sign(payload));
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
    try {
      const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SiteSession;
      if (typeof s.sub !== 'string' || typeof s.iat !== 'number') return undefined;
      if (Date.now() / 1000 - s.iat > MAX_AGE_S) return undefined;
      return s;
    } catch {
      return undefined;
    }
  }

  function write(req: Request, res: Response, s: Omit<SiteSession, 'iat'>) {
    const payload = Buffer.from(JSON.stringify({ ...s, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    res.append('Set-Cookie', cookie(req, `${payload}.${sign(payload)}`, MAX_AGE_S));
  }

  function clear(req: Request, res: Response) {
    res.append('Set-Cookie', cookie(req, '', 0));
  }

  return { read, write, clear };
}

function cookie(req: Request, value: string, maxAge: number) {
  // SameSite=Lax keeps other sites from minting tokens with the visitor's cookie (the token endpoint is a POST).
  const secure = req.secure ? '; Secure' : '';
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
