import { expect } from 'chai';
import nock from 'nock';
import sharp from 'sharp';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem, ledgerOf, setTenantConfig, userIdOf } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { services } from '../../src/context.js';
import { ProviderError } from '../../src/providers/errors.js';
import {
  FallbackImageProvider, LocalImageProvider, OpenAIImageProvider, StabilityImageProvider, type ImageProvider,
} from '../../src/providers/images/index.js';
import { failJob, processGeneration } from '../../src/jobs/process-generation.js';
import { GeneratedImage, GenerationJob, LedgerEntry, Post, ReuseEvent } from '../../src/models/index.js';
import { DEFAULT_CONFIG } from '../../src/tenants/tenant-config.js';
import { FORMATS } from '../../src/studio/formats.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/**
 * Formats and variations (issue 14) and honest fallbacks (issue 12 item 8), through the API and the job, with the
 * stored images decoded: every format has exactly its ratio for every provider (OpenAI and Stability answered by
 * nock in their documented shapes, each in its own size), count images cost exactly count × the tier cost with
 * exactly the failed share refunded once, a fallback draw costs the fallback's price, and remixOf counts once.
 */
const OPENAI_SIZE: Record<string, string> = { square: '1024x1024', portrait: '1024x1536', story: '1024x1536', landscape: '1536x1024', banner: '1536x1024' };
const STABILITY_RATIO: Record<string, string> = { square: '1:1', portrait: '4:5', story: '9:16', landscape: '16:9', banner: '21:9' };
/** What Stability returns for each aspect ratio (about 1 MP, not always the exact ratio: 16:9 comes back 1344x768). */
const STABILITY_OUT: Record<string, [number, number]> = { '1:1': [1024, 1024], '4:5': [896, 1120], '9:16': [768, 1344], '16:9': [1344, 768], '21:9': [1536, 640] };

const vendorImage = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#4477aa' } }).png().toBuffer();

async function storedSize(userSub: string, imageId: string) {
  const png = await services().storage.get(`${DEFAULT_TENANT_ID}/${await userIdOf(userSub)}/${imageId}.png`);
  expect(png, `stored image ${imageId}`).to.not.equal(null);
  const meta = await sharp(png!).metadata();
  expect(meta.format).to.equal('png');
  return { width: meta.width!, height: meta.height! };
}

let current: ImageProvider = new LocalImageProvider();

describeEachDatabase('studio formats and variations', { timeout: 180000, server: { env: { JOB_RETRY_DELAYS_MS: '20,20,20' } } }, function (db) {
  const s = db.server;
  before(() => {
    services().providers.replaceImageProviderForTests(async () => current);
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  after(() => {
    services().providers.replaceImageProviderForTests(undefined);
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterEach(async () => {
    current = new LocalImageProvider();
    nock.cleanAll();
    await setTenantConfig({ studio: { fallback: true, fallbackPricePercent: { local: 25 } } });
  });

  async function generate(sub: string, body: Record<string, unknown>, credits = 50, headers: Record<string, string> = {}) {
    const token = s.token(sub);
    await s.grant(sub, credits);
    const r = await s.call('POST', '/api/studio/generate', { token, body: { prompt: `a poster for ${sub}`, tier: 'standard', ...body }, headers });
    expect(r.status, JSON.stringify(r.body)).to.equal(202);
    return { token, ...(r.body as { jobId: string; imageId: string; imageIds: string[]; creditDebited: number }) };
  }

  it('GET /api/studio/formats lists every format with each tier\'s size (exact ratio) and cost', async () => {
    const r = await s.call('GET', '/api/studio/formats', { token: s.token('lister') });
    expect(r.status).to.equal(200);
    expect(r.body.items.map((f: { format: string }) => f.format)).to.deep.equal(['square', 'portrait', 'story', 'landscape', 'banner']);
    expect(r.body).to.include({ defaultFormat: 'square', maxCount: 4 });
    for (const f of r.body.items) {
      const [rw, rh] = f.ratio.split(':').map(Number);
      expect(f.tiers.map((t: { tier: string }) => t.tier)).to.deep.equal(['standard', 'premium2', 'premium4']);
      for (const t of f.tiers) {
        expect(t.width * rh, `${f.format} ${t.tier}`).to.equal(t.height * rw);
        expect(t.credits).to.equal(DEFAULT_CONFIG.tiers[t.tier as 'standard'].credits / 1000);
      }
    }
  });

  for (const kind of ['local', 'openai', 'stability'] as const) {
    it(`every format is stored with exactly its ratio and the tier's size (${kind})`, async () => {
      const seen: string[] = [];
      if (kind === 'openai') {
        current = new OpenAIImageProvider({ apiKey: 'sk-test', retry: { maxAttempts: 1 } });
        nock('https://api.openai.com').persist().post('/v1/images/generations').reply(200, async (_uri, body) => {
          const b = body as { size: string; model: string; n: number };
          seen.push(b.size);
          const [w, h] = b.size.split('x').map(Number) as [number, number];
          return { created: 1_700_000_000, data: [{ b64_json: (await vendorImage(w / 8, h / 8)).toString('base64') }] };
        });
      } else if (kind === 'stability') {
        current = new StabilityImageProvider({ apiKey: 'sk-stab', retry: { maxAttempts: 1 } });
        nock('https://api.stability.ai').persist().post('/v2beta/stable-image/generate/core').reply(async (_uri, body) => {
          const ar = /name="aspect_ratio"\r\n\r\n([^\r]*)\r\n/.exec(String(body))![1]!;
          seen.push(ar);
          const [w, h] = STABILITY_OUT[ar]!;
          return [200, await vendorImage(w / 8, h / 8), { 'content-type': 'image/png', 'finish-reason': 'SUCCESS', seed: '1' }];
        });
      }
      const sub = `fmt-${kind}`;
      for (const f of FORMATS) {
        const { token, jobId, imageId } = await generate(sub, { format: f.name });
        const job = await waitForJob(s, token, jobId);
        expect(job, JSON.stringify(job)).to.include({ status: 'succeeded', format: f.name, count: 1 });
        const size = await storedSize(sub, imageId);
        expect(size).to.deep.equal(DEFAULT_CONFIG.studio.formatSizes.standard[f.name]);
        expect(size.width * f.ratio[1], `${kind} ${f.name}`).to.equal(size.height * f.ratio[0]);
        expect(job.images[0]).to.include({ imageId, format: f.name, width: size.width, height: size.height });
        const creation = await s.call('GET', `/api/studio/my-creations/${imageId}`, { token });
        expect(creation.body).to.include({ format: f.name, width: size.width, height: size.height });
        const reopen = await s.call('GET', `/api/studio/my-creations/${imageId}/reopen`, { token });
        expect(reopen.body).to.include({ format: f.name });
      }
      if (kind === 'openai') expect(seen).to.deep.equal(FORMATS.map((f) => OPENAI_SIZE[f.name]));
      if (kind === 'stability') expect(seen).to.deep.equal(FORMATS.map((f) => STABILITY_RATIO[f.name]));
      await s.ledgerOk();
    });
  }

  it('a partner\'s own format sizes are used; a size off its ratio is refused by the config API', async () => {
    const admin = s.token('studio-admin', { role: 'admin' });
    const bad = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { studio: { formatSizes: { standard: { story: { width: 600, height: 1000 } } } } } } });
    expectProblem(bad, 400, 'validation_error');
    expect(JSON.stringify(bad.body)).to.match(/9:16/);
    const ok = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { studio: { formatSizes: { standard: { story: { width: 360, height: 640 } } } } } } });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    const { token, jobId, imageId } = await generate('own-sizes', { format: 'story' });
    await waitForJob(s, token, jobId);
    expect(await storedSize('own-sizes', imageId)).to.deep.equal({ width: 360, height: 640 });
    await setTenantConfig({ studio: { formatSizes: DEFAULT_CONFIG.studio.formatSizes } });
  });

  it('a template\'s default format applies when the request names none', async () => {
    const admin = s.token('studio-admin', { role: 'admin' });
    const cat = await firstCategory(s, s.token('tpl-user'));
    const t = await s.call('POST', '/api/admin/templates', { token: admin, body: { title: 'Reel cover', categoryId: cat, promptText: 'a bold reel cover', defaultFormat: 'story' } });
    expect(t.status, JSON.stringify(t.body)).to.equal(201);
    expect(t.body.defaultFormat).to.equal('story');
    const badTpl = await s.call('POST', '/api/admin/templates', { token: admin, body: { title: 'x', categoryId: cat, promptText: 'a bold reel cover', defaultFormat: 'tall' } });
    expect(badTpl.status).to.equal(400);
    const { token, jobId, imageId } = await generate('tpl-user', { templateId: t.body.id });
    expect((await waitForJob(s, token, jobId)).format).to.equal('story');
    expect(await storedSize('tpl-user', imageId)).to.deep.equal(DEFAULT_CONFIG.studio.formatSizes.standard.story);
    const { token: t2, jobId: j2 } = await generate('tpl-user', { templateId: t.body.id, format: 'banner' });
    expect((await waitForJob(s, t2, j2)).format).to.equal('banner');
  });

  it('bad format, count or remixOf: 400/404 problem+json, nothing debited or written', async () => {
    const token = s.token('bad-input');
    await s.grant('bad-input', 10);
    const before = await countRows();
    for (const [body, status, field] of [
      [{ format: 'tall' }, 400, 'format'], [{ format: 3 }, 400, 'format'], [{ count: 0 }, 400, 'count'], [{ count: 5 }, 400, 'count'],
      [{ count: 2.5 }, 400, 'count'], [{ count: '2' }, 400, 'count'], [{ remixOf: 'post_nope' }, 404, undefined], [{ remixOf: '../x' }, 400, 'remixOf'],
    ] as const) {
      const r = await s.call('POST', '/api/studio/generate', { token, body: { prompt: 'a poster', tier: 'standard', ...body } });
      expectProblem(r, status, status === 400 ? 'validation_error' : 'not_found');
      if (field) expect(JSON.stringify(r.body), JSON.stringify(body)).to.contain(field);
    }
    expect(await countRows()).to.deep.equal(before);
    expect((await s.call('GET', '/api/credits/balance', { token })).body.credits).to.equal(10);
  });

  it('count 4: one debit of 4 × the cost, one job, four creations, each stored in the format', async () => {
    const { token, jobId, imageIds, creditDebited } = await generate('four', { format: 'landscape', count: 4, tier: 'premium2' });
    expect(creditDebited).to.equal(8);
    expect(imageIds).to.have.length(4);
    const job = await waitForJob(s, token, jobId);
    expect(job).to.include({ status: 'succeeded', count: 4, refunded: false, refundedCredits: 0, creditDebited: 8, imageId: imageIds[0] });
    expect(job.images.map((i: { imageId: string }) => i.imageId)).to.deep.equal(imageIds);
    for (const i of job.images) {
      expect(i).to.include({ status: 'succeeded', format: 'landscape', creditsSpent: 2, provider: 'local' });
      expect(i.imageUrl).to.be.a('string');
      expect(await storedSize('four', i.imageId)).to.deep.equal(DEFAULT_CONFIG.studio.formatSizes.premium2.landscape);
    }
    expect(await GenerationJob.count({ where: { userId: await userIdOf('four') } })).to.equal(1);
    const list = await s.call('GET', '/api/studio/my-creations', { token });
    expect(list.body.items.filter((c: { jobId: string }) => c.jobId === jobId)).to.have.length(4);
    expect((await ledgerOf('four')).map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 50000], ['generation', -8000]]);
    await s.ledgerOk();
  });

  it('idempotency covers the whole request: a replay returns the same images, another count is a conflict', async () => {
    const headers = { 'idempotency-key': 'variations-key-0001' };
    const a = await generate('idem', { count: 3 }, 50, headers);
    const b = await s.call('POST', '/api/studio/generate', { token: a.token, body: { prompt: 'a poster for idem', tier: 'standard', count: 3 }, headers });
    expect(b.status).to.equal(202);
    expect(b.body).to.deep.equal({ jobId: a.jobId, imageId: a.imageId, imageIds: a.imageIds, creditDebited: 3, status: 'queued', format: 'square', count: 3 });
    const c = await s.call('POST', '/api/studio/generate', { token: a.token, body: { prompt: 'a poster for idem', tier: 'standard', count: 2 }, headers });
    expectProblem(c, 409, 'idempotency_conflict');
    await waitForJob(s, a.token, a.jobId);
    expect((await ledgerOf('idem')).filter((e) => e.reason === 'generation').map((e) => e.delta)).to.deep.equal([-3000]);
  });

  it('partial failures: exactly the failed share is refunded, once, however often the job machinery runs again', async () => {
    const local = new LocalImageProvider();
    let call = 0;
    current = {
      name: 'scripted',
      // The job starts its variations in order: the 2nd and the 4th fail (a permanent error, as a bad request would).
      generate(req, opts) {
        call++;
        if (call === 2 || call === 4) return Promise.reject(new ProviderError('provider_unavailable', 'invalid request', false, 400));
        return local.generate(req, opts);
      },
    };
    const token = s.token('partial');
    await s.grant('partial', 20);
    const r = await s.call('POST', '/api/studio/generate', { token, body: { prompt: 'partial variations', tier: 'premium2', count: 4, format: 'portrait' } });
    expect(r.status).to.equal(202);
    const ids = r.body.imageIds as string[];
    const job = await waitForJob(s, token, r.body.jobId);
    expect(job).to.include({ status: 'succeeded', refunded: false, refundedCredits: 4, creditDebited: 8, imageId: ids[0] });
    expect(job.images.map((i: { status: string }) => i.status)).to.deep.equal(['succeeded', 'failed', 'succeeded', 'failed']);
    expect(job.images[1].imageUrl).to.equal(undefined);
    const failedRows = await GeneratedImage.findAll({ where: { id: [ids[1]!, ids[3]!] } });
    expect(failedRows.every((i) => i.status === 'failed' && !i.billable)).to.equal(true);
    const ledger = () => ledgerOf('partial').then((l) => l.map((e) => [e.reason, e.delta]));
    expect(await ledger()).to.deep.equal([['admin', 20000], ['generation', -8000], ['refund', 4000]]);
    expect((await s.call('GET', '/api/credits/balance', { token })).body).to.include({ credits: 16, monthlyUsed: 4 });
    const row = (await GenerationJob.findByPk(r.body.jobId))!;
    const before = await countRows();
    const again = await Promise.all([processGeneration(row.id), processGeneration(row.id, { workerId: 'other' }),
      failJob(row, null, 'provider_unavailable', 'again'), failJob(row, row.workerToken, 'provider_unavailable', 'again')]);
    expect(again.slice(0, 2)).to.deep.equal(['skipped', 'skipped']);
    expect(await countRows()).to.deep.equal(before);
    expect(await ledger()).to.deep.equal([['admin', 20000], ['generation', -8000], ['refund', 4000]]);
    await s.ledgerOk();
  });

  it('every variation failing: the job fails and the whole debit is refunded once', async () => {
    current = { name: 'scripted', async generate() { throw new ProviderError('content_policy_violation', 'refused', false, 400); } };
    const { token, jobId, imageIds } = await generate('all-fail', { count: 3 }, 10);
    const job = await waitForJob(s, token, jobId);
    expect(job).to.include({ status: 'failed', refunded: true, refundedCredits: 3, error: 'content_policy_violation' });
    expect(job.images.map((i: { status: string }) => i.status)).to.deep.equal(['failed', 'failed', 'failed']);
    expect((await ledgerOf('all-fail')).map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 10000], ['generation', -3000], ['refund', 3000]]);
    expect((await GeneratedImage.findAll({ where: { id: imageIds } })).every((i) => !i.billable)).to.equal(true);
    await s.ledgerOk();
  });

  describe('honest fallbacks', () => {
    const down: ImageProvider = { name: 'openai', async generate() { throw new ProviderError('provider_unavailable', 'upstream 503', false, 503); } };
    let localCalls = 0;
    const countingLocal: ImageProvider = { name: 'local', generate: (req, opts) => { localCalls++; return new LocalImageProvider().generate(req, opts); } };

    it('a job the fallback drew costs the fallback\'s price (the difference refunded in the job) and says who drew it', async () => {
      current = new FallbackImageProvider(down, countingLocal);
      const { token, jobId, imageIds } = await generate('fallback', { count: 2, tier: 'premium2', format: 'story' }, 10);
      const job = await waitForJob(s, token, jobId);
      // premium2 costs 2 credits; the local renderer standing in costs 25 % of it: 0.5 each, 1.5 each given back.
      expect(job).to.include({ status: 'succeeded', provider: 'local', fallbackFrom: 'openai', refundedCredits: 3, creditDebited: 4, refunded: false });
      for (const i of job.images) expect(i).to.include({ provider: 'local', creditsSpent: 0.5, status: 'succeeded' });
      for (const id of imageIds) {
        const c = await s.call('GET', `/api/studio/my-creations/${id}`, { token });
        expect(c.body).to.include({ provider: 'local', creditsSpent: 0.5 });
        expect(await storedSize('fallback', id)).to.deep.equal(DEFAULT_CONFIG.studio.formatSizes.premium2.story);
      }
      const refunds = (await ledgerOf('fallback')).filter((e) => e.reason === 'refund');
      expect(refunds.map((e) => [e.delta, e.refType, e.refId])).to.deep.equal([[3000, 'job', jobId]]);
      expect((await s.call('GET', '/api/credits/balance', { token })).body.credits).to.equal(9);
      const admin = s.token('studio-admin', { role: 'admin' });
      const a = await s.call('GET', '/api/admin/analytics', { token: admin });
      expect(a.status, JSON.stringify(a.body)).to.equal(200);
      expect(a.body.reliability.fallbackJobs, JSON.stringify({ r: a.body.reliability, s: a.body.sources })).to.be.at.least(1);
      await s.ledgerOk();
    });

    it('the partner\'s price per fallback provider applies (0 % makes the stand-in free)', async () => {
      await setTenantConfig({ studio: { fallbackPricePercent: { local: 0 } } });
      current = new FallbackImageProvider(down, countingLocal);
      const { token, jobId } = await generate('fallback-free', { tier: 'standard' }, 10);
      const job = await waitForJob(s, token, jobId);
      expect(job).to.include({ status: 'succeeded', provider: 'local', refundedCredits: 1 });
      expect((await s.call('GET', '/api/credits/balance', { token })).body.credits).to.equal(10);
      await s.ledgerOk();
    });

    it('fallback switched off: the outage fails the job and refunds it; the fallback never draws', async () => {
      await setTenantConfig({ studio: { fallback: false } });
      current = new FallbackImageProvider(down, countingLocal);
      localCalls = 0;
      const { token, jobId } = await generate('no-fallback', { count: 2 }, 10);
      const job = await waitForJob(s, token, jobId);
      expect(job).to.include({ status: 'failed', refunded: true, error: 'provider_unavailable' });
      expect(localCalls).to.equal(0);
      expect((await ledgerOf('no-fallback')).map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 10000], ['generation', -2000], ['refund', 2000]]);
      await s.ledgerOk();
    });
  });

  describe('remixOf', () => {
    let cat: string;
    before(async () => { cat = await firstCategory(s, (await ensureUser(s, 'remix-setup')).token); });

    async function publishAs(sub: string) {
      const u = await ensureUser(s, sub);
      const img = await makeImage(u.id, { file: true });
      const r = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: `by ${sub}`, categoryId: cat, visibility: 'public' } });
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      return { user: u, postId: r.body.postId as string };
    }

    it('is recorded by the server exactly once, and remix/record of the same image replays it', async () => {
      const { user: creator, postId } = await publishAs('rx-creator');
      const remixer = await ensureUser(s, 'rx-remixer');
      // Without remix/open first: 400, nothing written.
      const before = await countRows();
      const early = await s.call('POST', '/api/studio/generate', { token: remixer.token, body: { prompt: 'my remix', tier: 'standard', remixOf: postId } });
      expectProblem(early, 400, 'validation_error');
      expect(await countRows()).to.deep.equal(before);
      const open = await s.call('POST', `/api/community/${postId}/remix/open`, { token: remixer.token });
      expect(open.status).to.equal(200);
      const { token, jobId, imageIds } = await generate('rx-remixer', { remixOf: postId, count: 2 }, 10);
      const job = await waitForJob(s, token, jobId);
      expect(job.status).to.equal('succeeded');
      const events = await ReuseEvent.findAll({ where: { sourcePostId: postId } });
      expect(events.map((e) => e.remixedImageId)).to.deep.equal([imageIds[0]]);
      expect(events[0]).to.include({ remixerUserId: remixer.id, rewardCredits: 500 });
      const rewards = await LedgerEntry.findAll({ where: { userId: creator.id, reason: 'reward' } });
      expect(rewards.map((e) => e.delta)).to.deep.equal([500]);
      // The widget's remix/record, concurrently and again, for the same image: the first answer, nothing new.
      const recs = await Promise.all([0, 1, 2].map(() =>
        s.call('POST', `/api/community/${postId}/remix/record`, { token, body: { generatedImageId: imageIds[0] } })));
      for (const r of recs) {
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        expect(r.body).to.include({ reuseEventId: events[0]!.id, rewardCredits: 0.5 });
      }
      // The second variation recorded by the widget counts as a reuse but pays nothing more (once per remixer).
      const second = await s.call('POST', `/api/community/${postId}/remix/record`, { token, body: { generatedImageId: imageIds[1] } });
      expect(second.body).to.include({ rewarded: false, rewardCredits: 0 });
      expect(await ReuseEvent.count({ where: { sourcePostId: postId } })).to.equal(2);
      expect((await LedgerEntry.findAll({ where: { userId: creator.id, reason: 'reward' } })).length).to.equal(1);
      expect((await Post.findByPk(postId))!.reuseCount).to.equal(2);
      await s.ledgerOk();
    });

    it('remix/open enhances with the partner\'s configured enhancer', async () => {
      const { postId } = await publishAs('rx-enhanced');
      const providers = services().providers;
      const original = providers.enhancerFor.bind(providers);
      providers.enhancerFor = async () => ({ name: 'partner-chat', enhance: async (i) => ({ enhancedPrompt: `PARTNER: ${i.prompt}`, suggestions: [] }) });
      try {
        const u = await ensureUser(s, 'rx-enhance-user');
        const open = await s.call('POST', `/api/community/${postId}/remix/open`, { token: u.token });
        expect(open.status).to.equal(200);
        expect(open.body.enhancedPrompt).to.match(/^PARTNER: /);
        providers.enhancerFor = async () => ({ name: 'broken', enhance: async () => { throw new Error('model down'); } });
        const again = await s.call('POST', `/api/community/${postId}/remix/open`, { token: u.token });
        expect(again.status).to.equal(200);
        expect(again.body.enhancedPrompt).to.be.a('string').and.not.match(/^PARTNER/);
      } finally {
        providers.enhancerFor = original;
      }
    });

    it('follows the caps of remix/record (a full asset cap pays 0) and a failed job records nothing', async () => {
      await setTenantConfig({ rewards: { perAssetCapMilli: 500 } });
      const { user: creator, postId } = await publishAs('rx-capped');
      for (const sub of ['rx-a', 'rx-b']) {
        const u = await ensureUser(s, sub);
        await s.call('POST', `/api/community/${postId}/remix/open`, { token: u.token });
        const { token, jobId } = await generate(sub, { remixOf: postId }, 10);
        await waitForJob(s, token, jobId);
      }
      const events = await ReuseEvent.findAll({ where: { sourcePostId: postId }, order: [['createdAt', 'ASC']] });
      expect(events.map((e) => e.rewardCredits).sort()).to.deep.equal([0, 500]);
      expect((await LedgerEntry.findAll({ where: { userId: creator.id, reason: 'reward' } })).map((e) => e.delta)).to.deep.equal([500]);

      current = { name: 'scripted', async generate() { throw new ProviderError('content_policy_violation', 'refused', false, 400); } };
      const u = await ensureUser(s, 'rx-c');
      await s.call('POST', `/api/community/${postId}/remix/open`, { token: u.token });
      const { token, jobId } = await generate('rx-c', { remixOf: postId }, 10);
      expect((await waitForJob(s, token, jobId)).status).to.equal('failed');
      expect(await ReuseEvent.count({ where: { sourcePostId: postId } })).to.equal(2);
      await setTenantConfig({ rewards: { perAssetCapMilli: 20000 } });
      await s.ledgerOk();
    });
  });
});
