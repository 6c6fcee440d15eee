import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { TEST_JWT_SECRET } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { generated } from '../support/contract.js';
import { baseline, leafPaths, nest, ODD_SENDS, PATH_IDS, QUERY_VALUES, RAW_BODIES, resolve, WRONG_VALUES } from '../support/fuzz.js';

/**
 * CONTRACT.md: "A request never gets a 500 for bad input." Every operation of docs/openapi.json gets malformed and
 * non-object bodies, wrong types and absurd lengths in every field, garbage and 1000-character path ids and wrong
 * query values, with an admin token and a user token. Every answer must be < 500, and every 4xx problem+json with
 * its code and the request id. Over HTTP only.
 */
const DOC = JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json'), 'utf8'));
const OPS: { method: string; path: string; op: any }[] = [];
for (const [p, item] of Object.entries<any>(DOC.paths)) for (const [m, op] of Object.entries<any>(item)) OPS.push({ method: m.toUpperCase(), path: p, op });
const isPlatform = (op: any) => (op.security ?? []).some((s: Record<string, string[]>) => 'platform' in s);
const PLATFORM_API_KEY = 'platform-key-for-the-fuzzer-0123456789';
const isAdmin = (op: any) => (op.security ?? []).some((s: Record<string, string[]>) => (s.jwt ?? []).includes('admin'));

interface Variant { label: string; path: string; raw?: string; headers?: Record<string, string> }

/** Baselines that reach deep into an operation without calling out of the process (no provider test over the network). */
const BODY_OVERRIDES: Record<string, (ids: Record<string, string>) => Record<string, unknown>> = {
  'POST /api/admin/providers': () => ({ action: 'select', image: { active: 'local', fallback: null } }),
  'POST /api/admin/providers/test': () => ({ id: 'key_nope' }),
  'POST /api/credits/purchase': () => ({ packId: 'pack_10' }),
  'POST /api/admin/moderation': (ids) => ({ postId: ids.postId, action: 'dismiss', note: 'checked' }),
  'POST /api/admin/config': () => ({ config: {}, note: 'fuzz' }),
  'POST /api/notifications/read': () => ({ all: true }),
  'POST /api/admin/config/restore': () => ({ version: 1, note: 'fuzz' }),
  'POST /api/admin/categories': () => ({ name: 'Fuzz', slug: 'fuzz', description: 'd', style: 's', displayOrder: 1, isActive: true }),
  'PATCH /api/admin/categories/{id}': () => ({ name: 'Fuzz 2', displayOrder: 2 }),
  'POST /api/admin/categories/reorder': (ids) => ({ ids: [ids.categoryId] }),
};

describeEachDatabase('contract robustness: no 500 for bad input', { server: { env: { PLATFORM_API_KEY } } }, function (db) {
    const s = db.server;
    let ids: Record<string, string>;
    let tokens: { admin: string; user: string };

    before(async () => {
      tokens = { admin: s.token('fuzz-admin', { role: 'admin' }), user: s.token('alice') };
      const admin = tokens.admin;
      const alice = tokens.user;
      const limits = { generatePerMinute: 10000, enhancePerMinute: 10000, likesPerMinute: 10000, reportsPerHour: 10000 };
      expect((await s.call('POST', '/api/admin/config', { token: admin, body: { config: { limits }, note: 'fuzz limits' } })).status).to.equal(200);
      await s.grant('alice', 500);
      await s.grant('fuzz-admin', 500);
      const categoryId = (await s.call('GET', '/api/admin/categories', { token: admin })).body.items[0].id;
      const templateId = (await s.call('GET', '/api/admin/templates', { token: admin })).body.items[0].id;
      const published = await generated(s, alice, 'a published fox');
      const spare = await generated(s, alice, 'an unpublished owl');
      const postId = (await s.call('POST', '/api/community/publish', { token: alice, body: { imageId: published.imageId, title: 'Fox', categoryId, visibility: 'public' } })).body.postId;
      const orderId = (await s.call('POST', '/api/credits/purchase', { token: alice, body: { packId: 'pack_10' } })).body.orderId;
      const pay = (await s.call('POST', '/api/credits/sandbox/pay', { token: alice, body: { orderId } })).body;
      ids = {
        imageId: spare.imageId, generatedImageId: spare.imageId, jobId: spare.jobId, postId, orderId, paymentId: pay.paymentId, signature: pay.signature,
        categoryId, templateId, userId: 'alice', code: 'ABCDEFGH', note: 'a note', title: 'A title', name: 'A name', promptText: 'a poster of a fox',
        prompt: 'a poster of a fox', reason: 'spam',
      };
    });

    /** Sends one request and returns a complaint, or undefined when the answer is acceptable. */
    async function judge(method: string, v: Variant, token: string): Promise<string | undefined> {
      const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(v.headers ?? {}) };
      if (v.raw !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      const where = `${method} ${v.path.slice(0, 90)} [${v.label}]`;
      let res: Response;
      try {
        res = await fetch(s.baseUrl + v.path, { method, headers, body: v.raw, signal: AbortSignal.timeout(15000) });
      } catch (err) {
        return `${where}: no answer (${(err as Error).message})`;
      }
      const text = await res.text();
      // FUZZ_DEBUG=1 shows how deep each baseline body gets (a 2xx or a business refusal, not a validation error).
      if (process.env.FUZZ_DEBUG && v.label === 'baseline') console.log(`  ${where} -> ${res.status} ${text.slice(0, 160)}`);
      if (res.status >= 500) return `${where}: ${res.status} ${text.slice(0, 200)}`;
      if (res.status < 400) return undefined;
      // Share pages are for people: their 404 is an HTML page, not a problem document.
      if (v.path.startsWith('/share/') && /^text\/html/.test(res.headers.get('content-type') ?? '')) return undefined;
      let body: any;
      try { body = JSON.parse(text); } catch { return `${where}: ${res.status} not JSON: ${text.slice(0, 120)}`; }
      if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) return `${where}: ${res.status} content-type ${res.headers.get('content-type')}`;
      if (typeof body.code !== 'string' || body.status !== res.status || !body.requestId || body.requestId !== res.headers.get('x-request-id')) {
        return `${where}: ${res.status} problem shape ${text.slice(0, 160)}`;
      }
      return undefined;
    }

    function realPath(p: string): string {
      return p.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        if (name === 'id') return p.includes('/templates/') ? ids.templateId! : p.includes('/categories/') ? ids.categoryId! : 'x';
        return encodeURIComponent(ids[name] ?? 'x');
      });
    }

    function variants(method: string, p: string, op: any): Variant[] {
      const out: Variant[] = [];
      const key = `${method} ${p}`;
      const schema = op.requestBody ? resolve(DOC, op.requestBody.content['application/json'].schema) : undefined;
      const base = schema ? (BODY_OVERRIDES[key]?.(ids) ?? baseline(DOC, schema, ids)) : undefined;
      const baseRaw = base ? JSON.stringify(base) : undefined;
      // A real DELETE would remove the resources the other variants reach through.
      const home = method === 'DELETE' ? p.replace(/\{[^}]+\}/g, 'garbage') : realPath(p);
      const params: any[] = op.parameters ?? [];

      if (p.includes('{')) for (const id of PATH_IDS) out.push({ label: `path=${id.slice(0, 12)}`, path: p.replace(/\{[^}]+\}/g, id), raw: baseRaw });
      for (const q of params.filter((x) => x.in === 'query')) {
        for (const val of QUERY_VALUES) out.push({ label: `${q.name}=${val.slice(0, 12)}`, path: `${home}?${q.name}=${val}`, raw: baseRaw });
        out.push({ label: `${q.name} twice`, path: `${home}?${q.name}=1&${q.name}=2`, raw: baseRaw });
      }
      if (method !== 'GET' && method !== 'DELETE') {
        for (const raw of RAW_BODIES) out.push({ label: `raw ${raw.slice(0, 12)}`, path: home, raw });
        for (const o of ODD_SENDS) out.push({ label: `send ${Object.values(o.headers).join(',').slice(0, 40)}`, path: home, raw: o.raw, headers: o.headers });
      }
      if (schema && base) {
        out.push({ label: 'baseline', path: home, raw: baseRaw });
        out.push({ label: 'empty object', path: home, raw: '{}' });
        out.push({ label: 'unknown field', path: home, raw: JSON.stringify({ ...base, zzz: 'x'.repeat(5000) }) });
        for (const field of Object.keys(schema.properties ?? {})) {
          for (const w of WRONG_VALUES) {
            const body = { ...base, [field]: w };
            const label = `${field}=${JSON.stringify(w)?.slice(0, 16) ?? String(w)}`;
            out.push({ label, path: home, raw: JSON.stringify(body) });
          }
          const { [field]: _gone, ...without } = base;
          out.push({ label: `no ${field}`, path: home, raw: JSON.stringify(without) });
        }
      }
      for (const h of params.filter((x) => x.in === 'header')) {
        for (const val of ['', ' ', 'k'.repeat(1000), 'caf\u00e9', 'a,b', '\t']) out.push({ label: `${h.name}=${val.slice(0, 8)}`, path: home, raw: baseRaw, headers: { [h.name]: val } });
      }
      return out;
    }

    async function run(method: string, list: Variant[], token: string): Promise<string[]> {
      const complaints: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < list.length) {
          const v = list[next++]!;
          const c = await judge(method, v, token);
          if (c) complaints.push(c);
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      return complaints;
    }

    // Erasing the fuzzer's own user would leave the later cases without its images: those operations run last.
    const ERASING = new Set(['eraseMe', 'adminEraseUser']);
    const opCase = ({ method, path: p, op }: (typeof OPS)[number]) => {
      it(`${method} ${p}`, async () => {
        const list = variants(method, p, op);
        // The operator's platform routes take the platform key instead of a partner token.
        if (isPlatform(op)) {
          const complaints = [...await run(method, list, PLATFORM_API_KEY), ...await run(method, list.filter((_v, i) => i % 10 === 0), tokens.admin)];
          expect(complaints.slice(0, 30), `${complaints.length} bad answers`).to.deep.equal([]);
          return;
        }
        const complaints = [...await run(method, list, tokens.admin)];
        // A user on an admin route stops at the 403; a sample is enough there.
        complaints.push(...await run(method, isAdmin(op) ? list.filter((_v, i) => i % 10 === 0) : list, tokens.user));
        expect(complaints.slice(0, 30), `${complaints.length} bad answers`).to.deep.equal([]);
      });
    };
    for (const o of OPS) if (!ERASING.has(o.op.operationId)) opCase(o);

    it('the public routes outside the OpenAPI document (images, files, share pages, webhooks)', async () => {
      const signed = (await s.call('GET', `/api/studio/my-creations/${ids.imageId}`, { token: tokens.user })).body.imageUrl as string;
      const filePath = new URL(signed).pathname;
      const list: Variant[] = [];
      for (const id of PATH_IDS) {
        list.push({ label: `public image ${id.slice(0, 10)}`, path: `/api/public/posts/${id}/image` });
        list.push({ label: `public thumb ${id.slice(0, 10)}`, path: `/api/public/posts/${id}/image?variant=${id}` });
        list.push({ label: `file ${id.slice(0, 10)}`, path: `/api/files/${id}/original` });
        list.push({ label: `file variant ${id.slice(0, 10)}`, path: `${filePath.replace(/[^/]+$/, id)}` });
        list.push({ label: `share ${id.slice(0, 10)}`, path: `/share/${id}` });
        list.push({ label: `share ref ${id.slice(0, 10)}`, path: `/share/${ids.postId}?ref=${id}` });
      }
      for (const q of QUERY_VALUES) list.push({ label: `file query ${q.slice(0, 10)}`, path: `${filePath}?exp=${q}&sig=${q}` });
      const complaints = await run('GET', list, tokens.user);
      const hooks: Variant[] = [...RAW_BODIES, '{}', '{"event":"payment.captured","payload":{"payment":{"entity":{"order_id":7,"id":null}}}}']
        .flatMap((raw) => [{ label: `webhook ${raw.slice(0, 12)}`, path: '/api/webhooks/razorpay', raw },
          { label: `signed? webhook ${raw.slice(0, 12)}`, path: '/api/webhooks/razorpay', raw, headers: { 'X-Razorpay-Signature': 'ab'.repeat(32) } }]);
      complaints.push(...await run('POST', hooks, tokens.user));
      expect(complaints.slice(0, 30), `${complaints.length} bad answers`).to.deep.equal([]);
    });

    it('odd tokens and headers: claims of every type, control characters, huge values', async () => {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const raw = (p: unknown) => {
        const h = b64({ alg: 'HS256', typ: 'JWT' });
        const b = b64(p);
        return `${h}.${b}.${crypto.createHmac('sha256', TEST_JWT_SECRET).update(`${h}.${b}`).digest('base64url')}`;
      };
      const exp = Math.floor(Date.now() / 1000) + 600;
      const payloads: unknown[] = [
        { sub: 'a\u0000b', exp }, { sub: '\u0001\u0002', exp }, { sub: '😀'.repeat(40), exp }, { sub: 'é'.repeat(191), exp }, { sub: 'x'.repeat(192), exp },
        { sub: 42, exp }, { sub: null, exp }, { sub: ['a'], exp }, { sub: 'ok1', exp: 'tomorrow' }, { sub: 'ok2', exp: 1e308 }, { sub: 'ok3', exp, nbf: 'x' },
        { sub: 'ok4', exp, name: { a: 1 }, email: ['x'], role: ['admin'], ref: { code: 1 } }, { sub: 'ok5', exp, name: 'a\u0000b', email: '\u0000', ref: '\u0000R' },
        { sub: 'ok6', exp, name: 'n'.repeat(3000), ref: 'R'.repeat(3000), pad: 'p'.repeat(1000) }, { sub: 'ok7', exp, iss: 7, aud: { a: 1 } }, [1, 2], 'a string', null,
      ];
      const list: Variant[] = [];
      for (const p of payloads) {
        const token = raw(p);
        for (const path of ['/api/credits/balance', '/api/referrals/me', '/api/community/feed']) list.push({ label: JSON.stringify(p)?.slice(0, 40) ?? 'x', path, headers: { authorization: `Bearer ${token}` } });
      }
      const odd: Record<string, string>[] = [{ 'X-Partner-Key': 'x'.repeat(5000) }, { 'X-Partner-Key': 'caf\u00e9' }, { 'X-Request-Id': '\u00e9'.repeat(10) }, { 'X-Device-Id': 'x'.repeat(8000) },
        { authorization: 'Bearer' }, { authorization: 'Bearer a.b.c' }, { authorization: `Bearer ${'a'.repeat(6000)}` }];
      for (const h of odd) {
        for (const path of ['/api/credits/balance', '/api/community/feed']) list.push({ label: Object.keys(h)[0]!, path, headers: h });
      }
      const complaints = await run('GET', list, '');
      expect(complaints.slice(0, 30), `${complaints.length} bad answers`).to.deep.equal([]);
    });

    it('POST /api/admin/config: a wrong type at every leaf of the configuration', async () => {
      const view = (await s.call('GET', '/api/admin/config', { token: tokens.admin })).body;
      const config = view.config ?? view;
      const list: Variant[] = [];
      for (const leaf of leafPaths(config)) {
        for (const w of WRONG_VALUES.filter((_x, i) => i % 2 === 0 || typeof WRONG_VALUES[i] !== 'string')) {
          list.push({ label: `${leaf.join('.')}=${JSON.stringify(w)?.slice(0, 12)}`, path: '/api/admin/config', raw: JSON.stringify({ config: nest(leaf, w), note: 'fuzz' }) });
        }
        list.push({ label: `${leaf.join('.')}+zzz`, path: '/api/admin/config', raw: JSON.stringify({ config: nest([...leaf, 'zzz'], 1), note: 'fuzz' }) });
      }
      const complaints = await run('POST', list, tokens.admin);
      expect(complaints.slice(0, 30), `${complaints.length} bad answers of ${list.length}`).to.deep.equal([]);
    });

    for (const o of OPS) if (ERASING.has(o.op.operationId)) opCase(o);
});
