/**
 * The soak's simulated users: an HTTP client that spreads requests over the API processes like a load balancer
 * (and retries a refused connection once on the other one), and the mix of actions 200 users do, each loop bounded.
 */
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { sleep } from './soak-procs.js';

export interface Sample { label: string; t0: number; t1: number; status: number; code?: string }
export interface Burst { sub: string; sent: number; accepted: number; t0: number; t1: number }
export interface Tally {
  samples: Sample[]; bursts: Burst[]; jobs: Map<string, string>; verifiedOrders: Set<string>; claims: number;
  published: number; likes: number; remixes: number; generated: number;
}
export const newTally = (): Tally => ({ samples: [], bursts: [], jobs: new Map(), verifiedOrders: new Set(), claims: 0, published: 0, likes: 0, remixes: 0, generated: 0 });

export class Client {
  private next = 0;
  constructor(private readonly bases: () => string[], private readonly tally: Tally) {}

  async call(label: string, method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const bases = this.bases();
    for (let attempt = 0; attempt < 2; attempt++) {
      const base = bases[this.next++ % bases.length]!;
      const t0 = Date.now();
      try {
        const res = await fetch(base + path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        let body: any = text;
        try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON (an image) */ }
        this.tally.samples.push({ label, t0, t1: Date.now(), status: res.status, code: res.status >= 400 ? body?.code : undefined });
        return { status: res.status, body };
      } catch (err) {
        // Refused or reset (a killed API process): what a load balancer retries on another instance.
        const e = err as Error & { cause?: { code?: string } };
        this.tally.samples.push({ label, t0, t1: Date.now(), status: 0, code: e.cause?.code ?? e.name });
      }
    }
    return { status: 0, body: undefined as any };
  }
}

export interface World {
  deadline: number; limit: number; burstSize: number; secret: string; categories: string[]; posts: string[]; codes: string[];
  thinkMs: [number, number]; pollMs: number; maxPolls: number; generateWeight: number;
}
export interface SimUser { sub: string; admin: boolean; burstAt?: number; referrer?: string }

const PROMPTS = ['a lighthouse at dusk, oil painting', 'a cat astronaut floating above earth', 'street food market at night, neon', 'a watercolor of a mountain lake',
  'minimal poster of a bicycle', 'portrait of an old fisherman, dramatic light', 'a cozy reading nook with plants', 'isometric city block, pastel colors'];
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const between = ([a, b]: [number, number]) => a + Math.random() * (b - a);

export function tokenFor(u: SimUser, secret: string) {
  return jwt.sign({ sub: u.sub, name: u.sub, ...(u.admin ? { role: 'admin' } : {}) }, secret, { algorithm: 'HS256', expiresIn: '24h' });
}

/** Generates and polls (bounded) until the job is terminal; the image id when it succeeded. */
async function generate(c: Client, t: Tally, w: World, token: string, prompt: string): Promise<string | undefined> {
  const r = await c.call('generate', 'POST', '/api/studio/generate', { token, body: { prompt, tier: 'standard' }, headers: { 'idempotency-key': crypto.randomUUID() } });
  if (r.status !== 202) return undefined;
  t.generated++;
  t.jobs.set(r.body.jobId, 'queued');
  for (let i = 0; i < w.maxPolls && Date.now() < w.deadline + 60_000; i++) {
    await sleep(w.pollMs);
    const s = await c.call('poll', 'GET', `/api/studio/generate/${r.body.jobId}`, { token });
    if (s.status !== 200) continue;
    t.jobs.set(r.body.jobId, s.body.status);
    if (s.body.status === 'succeeded') return s.body.imageId as string;
    if (s.body.status === 'failed') return undefined;
  }
  return undefined;
}

type Action = (u: SimUser, token: string) => Promise<void>;

export function actions(c: Client, t: Tally, w: World): { weight: number; name: string; run: Action; who?: 'admin' | 'normal' }[] {
  return [
    { name: 'feed', weight: 30, run: async (_u, token) => {
      const r = await c.call('feed', 'GET', `/api/community/feed?limit=20&sort=${Math.random() < 0.5 ? 'latest' : 'trending'}`, { token });
      if (r.status === 200) for (const p of r.body.items ?? []) if (!w.posts.includes(p.id)) w.posts.push(p.id);
      if (w.posts.length > 500) w.posts.splice(0, w.posts.length - 500);
    } },
    { name: 'reads', weight: 15, run: async (_u, token) => {
      const path = pick(['/api/credits/balance', '/api/credits/history', '/api/studio/my-creations', '/api/notifications', '/api/referrals/me', '/api/studio/tiers']);
      await c.call('read', 'GET', path, { token });
    } },
    { name: 'post', weight: 5, run: async (_u, token) => { if (w.posts.length) await c.call('post', 'GET', `/api/community/posts/${pick(w.posts)}`, { token }); } },
    { name: 'generate', weight: w.generateWeight, who: 'normal', run: async (_u, token) => {
      const imageId = await generate(c, t, w, token, pick(PROMPTS));
      if (imageId && Math.random() < 0.5) {
        const r = await c.call('publish', 'POST', '/api/community/publish', { token, body: { imageId, title: 'Soak image', categoryId: pick(w.categories), visibility: 'public' } });
        if (r.status === 201) { t.published++; w.posts.push(r.body.postId); }
      }
    } },
    { name: 'like', weight: 8, run: async (_u, token) => {
      if (!w.posts.length) return;
      const r = await c.call('like', 'POST', `/api/community/${pick(w.posts)}/like`, { token });
      if (r.status === 200) t.likes++;
    } },
    { name: 'remix', weight: Math.ceil(w.generateWeight / 3), who: 'normal', run: async (_u, token) => {
      if (!w.posts.length) return;
      const postId = pick(w.posts);
      const open = await c.call('remix-open', 'POST', `/api/community/${postId}/remix/open`, { token });
      if (open.status !== 200) return;
      const imageId = await generate(c, t, w, token, String(open.body.enhancedPrompt || open.body.templatePrompt || pick(PROMPTS)).slice(0, 900));
      if (!imageId) return;
      const r = await c.call('remix-record', 'POST', `/api/community/${postId}/remix/record`, { token, body: { generatedImageId: imageId } });
      if (r.status === 200) t.remixes++;
    } },
    { name: 'enhance', weight: 3, run: async (_u, token) => { await c.call('enhance', 'POST', '/api/studio/enhance-prompt', { token, body: { prompt: pick(PROMPTS) } }); } },
    { name: 'purchase', weight: 4, run: async (_u, token) => {
      const o = await c.call('purchase', 'POST', '/api/credits/purchase', { token, body: { packId: 'pack_10' }, headers: { 'idempotency-key': crypto.randomUUID() } });
      if (o.status !== 201) return;
      const pay = await c.call('sandbox-pay', 'POST', '/api/credits/sandbox/pay', { token, body: { orderId: o.body.orderId } });
      if (pay.status !== 200) return;
      // Verified twice now and then (a retried checkout callback): the order must still be credited once.
      for (let i = 0; i < (Math.random() < 0.3 ? 2 : 1); i++) {
        const v = await c.call('verify', 'POST', '/api/credits/purchase/verify', { token, body: { orderId: o.body.orderId, paymentId: pay.body.paymentId, signature: pay.body.signature } });
        if (v.status === 200) t.verifiedOrders.add(o.body.orderId);
      }
    } },
    { name: 'admin', weight: 20, who: 'admin', run: async (_u, token) => {
      const path = pick(['/api/admin/analytics', '/api/admin/moderation', '/api/admin/config', '/api/admin/audit-log', '/api/admin/referrals/review', '/api/admin/templates']);
      await c.call('admin', 'GET', path, { token });
    } },
  ];
}

/** limit x 2 generates back to back, spread over the API processes: a shared limit accepts at most `limit`. */
async function burst(c: Client, t: Tally, w: World, u: SimUser, token: string) {
  const t0 = Date.now();
  let accepted = 0;
  for (let i = 0; i < w.burstSize; i++) {
    const r = await c.call('burst', 'POST', '/api/studio/generate', { token, body: { prompt: pick(PROMPTS), tier: 'standard' }, headers: { 'idempotency-key': crypto.randomUUID() } });
    if (r.status === 202) { accepted++; t.generated++; t.jobs.set(r.body.jobId, 'queued'); }
  }
  t.bursts.push({ sub: u.sub, sent: w.burstSize, accepted, t0, t1: Date.now() });
}

export async function runUser(u: SimUser, c: Client, t: Tally, w: World) {
  const token = tokenFor(u, w.secret);
  const all = actions(c, t, w).filter((a) => !a.who || (a.who === 'admin') === u.admin);
  // Burst users generate only in their burst, so their rate-limit window starts with it.
  const mix = u.burstAt ? all.filter((a) => a.name !== 'generate' && a.name !== 'remix') : all;
  const total = mix.reduce((s, a) => s + a.weight, 0);
  await sleep(Math.random() * w.thinkMs[1]);
  if (u.referrer) {
    const r = await c.call('referral-claim', 'POST', '/api/referrals/claim', { token, body: { code: u.referrer } });
    if (r.status === 200) t.claims++;
  }
  let bursted = false;
  while (Date.now() < w.deadline) {
    if (u.burstAt && !bursted && Date.now() >= u.burstAt) {
      bursted = true;
      await burst(c, t, w, u, token);
    } else {
      let x = Math.random() * total;
      const a = mix.find((m) => (x -= m.weight) < 0) ?? mix[0]!;
      await a.run(u, token);
    }
    await sleep(between(w.thinkMs));
  }
}
