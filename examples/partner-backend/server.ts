/**
 * The smallest partner backend: one endpoint that hands the signed-in user a Studio token.
 * The partner's front end calls it from the widgets' `getToken` (or the SDK's), and never sees the secret.
 *
 *   STUDIO_JWT_SECRET=... npx tsx examples/partner-backend/server.ts          # HS256 with the shared secret
 *   STUDIO_PRIVATE_KEY_FILE=key.pem npx tsx examples/partner-backend/server.ts  # RS256 with your private key
 *
 * Environment (read only when run directly): PORT (default 4000), STUDIO_JWT_SECRET or STUDIO_PRIVATE_KEY_FILE,
 * STUDIO_JWT_ISSUER, STUDIO_JWT_AUDIENCE, STUDIO_JWT_KID.
 */
import fs from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
// A partner installs the package: import { signUserToken } from '@community-ai-studio/sdk/server';
import { signUserToken, type SignUserTokenOptions, type UserClaims } from '../../sdk/src/server.js';

/** Your site's own sign-in: who is asking. Here a demo header; in a real site, your session or cookie lookup. */
export type CurrentUser = (req: http.IncomingMessage) => UserClaims | null;

const demoUser: CurrentUser = (req) => {
  const sub = req.headers['x-demo-user'];
  return typeof sub === 'string' && sub ? { sub, name: sub, role: req.headers['x-demo-admin'] === '1' ? 'admin' : undefined } : null;
};

const TOKEN_LIFETIME_S = 15 * 60;

/** `POST /studio-token` → `{ token, expiresIn }` for the signed-in user, 401 for anyone else. */
export function createPartnerBackend(signing: SignUserTokenOptions, currentUser: CurrentUser = demoUser): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      // A token is a credential: never cached by the browser or a proxy.
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.url !== '/studio-token') return send(404, { error: 'not found' });
    if (req.method !== 'POST') return send(405, { error: 'use POST' });
    const user = currentUser(req);
    if (!user) return send(401, { error: 'sign in first' });
    const token = signUserToken(user, { ...signing, expiresIn: TOKEN_LIFETIME_S });
    send(200, { token, expiresIn: TOKEN_LIFETIME_S });
  });
}

function signingFromEnv(env: NodeJS.ProcessEnv): SignUserTokenOptions {
  const common = { issuer: env.STUDIO_JWT_ISSUER || undefined, audience: env.STUDIO_JWT_AUDIENCE || undefined, kid: env.STUDIO_JWT_KID || undefined };
  if (env.STUDIO_PRIVATE_KEY_FILE) return { ...common, privateKey: fs.readFileSync(env.STUDIO_PRIVATE_KEY_FILE, 'utf8') };
  if (env.STUDIO_JWT_SECRET) return { ...common, secret: env.STUDIO_JWT_SECRET };
  throw new Error('Set STUDIO_JWT_SECRET (HS256) or STUDIO_PRIVATE_KEY_FILE (RS256)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4000);
  createPartnerBackend(signingFromEnv(process.env)).listen(port, () => {
    console.log(`partner backend on http://localhost:${port}: curl -X POST -H 'X-Demo-User: alice' localhost:${port}/studio-token`);
  });
}
