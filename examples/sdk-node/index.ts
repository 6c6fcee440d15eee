/**
 * Server-side use of the Community AI Studio SDK, as a partner's backend would do it:
 * mint a user token, check the balance, top it up as an admin, generate with progress,
 * download the image, list the user's creations and read the community feed.
 *
 *   npm start                                   # in another terminal
 *   npx tsx examples/sdk-node/index.ts [prompt]
 *
 * Environment: STUDIO_URL (default http://localhost:3000), AUTH_JWT_SECRET (default: the secret the
 * embedded setup generated under DATA_DIR), STUDIO_USER (default "alice"), OUT_DIR (default ./test-output/sdk-node).
 */
import fs from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
// A partner installs the package: import { StudioClient, ... } from '@community-ai-studio/sdk';
import { StudioClient, InsufficientCreditsError, JobFailedError, StudioError } from '../../sdk/src/index.js';

const baseUrl = process.env.STUDIO_URL ?? 'http://localhost:3000';
const sub = process.env.STUDIO_USER ?? 'alice';
const outDir = path.resolve(process.env.OUT_DIR ?? 'test-output/sdk-node');
const prompt = process.argv.slice(2).join(' ') || 'poster for a weekend affiliate marketing bootcamp, bold headline';

/** The partner's shared HS256 secret. Never ship it to a browser: tokens are minted on the server. */
function partnerSecret(): string {
  if (process.env.AUTH_JWT_SECRET) return process.env.AUTH_JWT_SECRET;
  const file = path.resolve(process.env.DATA_DIR ?? 'data', 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  throw new Error(`Set AUTH_JWT_SECRET, or run the server once so that ${file} exists.`);
}

/** A short-lived token for one of the partner's users; `role: 'admin'` for staff. */
function mintToken(user: string, claims: { name?: string; role?: 'admin'; ref?: string } = {}) {
  return jwt.sign(claims, partnerSecret(), { algorithm: 'HS256', subject: user, expiresIn: '15m' });
}

async function main() {
  const user = new StudioClient({ baseUrl, token: mintToken(sub, { name: sub[0]!.toUpperCase() + sub.slice(1) }) });
  const admin = new StudioClient({ baseUrl, token: mintToken('sdk-example-admin', { name: 'SDK example admin', role: 'admin' }) });

  // The first call with a new sub creates the user (and its wallet).
  const before = await user.credits.balance();
  console.log(`${sub}: ${before.credits} credits (used ${before.monthlyUsed} this month)`);

  if (before.credits < 1) {
    const grant = await admin.admin.grantCredits({ userId: sub, credits: 5, note: 'SDK example top-up' });
    console.log(`admin granted 5 credits -> balance ${grant.balance}`);
  }

  const { enhancedPrompt } = await user.studio.enhancePrompt({ prompt });
  console.log(`enhanced prompt: ${enhancedPrompt}`);

  let job;
  try {
    job = await user.studio.generateAndWait(
      { prompt: enhancedPrompt, tier: 'standard' },
      { intervalMs: 500, onProgress: (j) => console.log(`  job ${j.jobId}: ${j.status} ${j.progress}%`) },
    );
  } catch (err) {
    if (err instanceof InsufficientCreditsError) return console.error(`not enough credits: ${err.detail}`);
    if (err instanceof JobFailedError) return console.error(`generation failed (${err.code}); refunded: ${err.job.refunded}`);
    throw err;
  }

  // Image URLs are signed and expire (URL_SIGNING_TTL_SECONDS): download now, or ask again later.
  fs.mkdirSync(outDir, { recursive: true });
  const res = await fetch(job.imageUrl!);
  if (!res.ok) throw new Error(`download failed: ${res.status}`);
  const file = path.join(outDir, `${job.imageId}.png`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  console.log(`saved ${file} (${fs.statSync(file).size} bytes)`);

  const after = await user.credits.balance();
  console.log(`${sub}: ${after.credits} credits left`);

  // iterate() follows nextCursor page by page; toArray(n) stops after n items.
  const latest = await user.creations.iterate({ limit: 5 }).toArray(5);
  console.log('latest creations:');
  for (const c of latest) console.log(`  ${c.imageId}  ${c.status.padEnd(9)} ${c.tier.padEnd(9)} ${c.prompt.slice(0, 60)}`);

  try {
    const feed = await user.community.feed({ sort: 'trending', limit: 5 });
    console.log(`community feed (${feed.items.length} shown):`);
    for (const card of feed.items) console.log(`  ${card.postId}  ♥ ${card.likes}  ↻ ${card.reuseCount}  ${card.title} — ${card.author.name}`);
  } catch (err) {
    // The community module is optional in a deployment.
    if (err instanceof StudioError && err.status === 404) console.log('community feed: not available on this server');
    else throw err;
  }
}

main().catch((err) => {
  if (err instanceof StudioError) console.error(`${err.name} ${err.status} ${err.code}: ${err.detail ?? err.message} (request ${err.requestId})`);
  else console.error(err);
  process.exitCode = 1;
});
