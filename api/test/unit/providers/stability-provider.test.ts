import { expect } from 'chai';
import nock from 'nock';
import sharp from 'sharp';
import { ProviderError } from '../../../src/providers/errors.js';
import { nearestAspectRatio, StabilityImageProvider, stabilitySeed } from '../../../src/providers/images/stability-provider.js';
import { recordingSleep, rejection, vendorPng } from './helpers.js';

const API = 'https://api.stability.ai';
const PATH = '/v2beta/stable-image/generate/core';

/** Pulls the text fields out of a multipart/form-data body. */
function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) out[m[1]!] = m[2]!;
  return out;
}

describe('StabilityImageProvider', () => {
  let png: Buffer;
  before(async () => {
    nock.disableNetConnect();
    png = await vendorPng(128, 128);
  });
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());

  function provider(extra: Partial<ConstructorParameters<typeof StabilityImageProvider>[0]> = {}) {
    const rec = recordingSleep();
    const p = new StabilityImageProvider({ apiKey: 'sk-stab', retry: { maxAttempts: 3, baseDelayMs: 10 }, sleep: rec.sleep, ...extra });
    return { p, delays: rec.delays };
  }
  const req = { prompt: 'a red fox in snow', tier: 'premium2' as const, width: 1024, height: 1024, seed: '42' };
  const imageHeaders = { 'content-type': 'image/png', 'finish-reason': 'SUCCESS', seed: '42' };

  it('posts multipart form data with bearer auth and accept image/*, returning a PNG of the requested size', async () => {
    let fields: Record<string, string> = {};
    const scope = nock(API)
      .post(PATH, (body: string) => ((fields = formFields(body)), true))
      .matchHeader('authorization', 'Bearer sk-stab')
      .matchHeader('accept', 'image/*')
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(200, png, imageHeaders);
    const { p } = provider();
    const out = await p.generate({ ...req, styleHint: 'photographic' });
    expect(scope.isDone()).to.equal(true);
    expect(fields).to.deep.equal({ prompt: 'a red fox in snow', output_format: 'png', aspect_ratio: '1:1', seed: '42', style_preset: 'photographic' });
    expect(out).to.include({ provider: 'stability', model: 'stable-image-core', width: 1024, height: 1024 });
    expect(await sharp(out.png).metadata()).to.include({ format: 'png', width: 1024, height: 1024 });
  });

  it('folds a free-text style hint into the prompt and uses the chosen service', async () => {
    let fields: Record<string, string> = {};
    nock(API)
      .post('/v2beta/stable-image/generate/ultra', (body: string) => ((fields = formFields(body)), true))
      .reply(200, png, imageHeaders);
    const { p } = provider({ service: 'ultra' });
    await p.generate({ ...req, width: 1536, height: 864, styleHint: 'soft pastel' });
    expect(fields.prompt).to.equal('a red fox in snow. Style: soft pastel');
    expect(fields.aspect_ratio).to.equal('16:9');
    expect(fields).not.to.have.property('style_preset');
  });

  it('retries 429 with Retry-After, then succeeds', async () => {
    nock(API)
      .post(PATH)
      .reply(429, { id: 'e1', name: 'rate_limit_exceeded', errors: ['You have exceeded the rate limit'] }, { 'retry-after': '1' })
      .post(PATH)
      .reply(200, png, imageHeaders);
    const { p, delays } = provider();
    await p.generate(req);
    expect(delays).to.deep.equal([1000]);
  });

  it('gives up after N 5xx answers with provider_unavailable', async () => {
    const scope = nock(API).post(PATH).times(3).reply(500, { id: 'e2', name: 'internal_error', errors: ['An unexpected server error occurred'] });
    const { p, delays } = provider();
    const err = await rejection(p.generate(req));
    expect(scope.isDone()).to.equal(true);
    expect(err).to.be.instanceOf(ProviderError).and.include({ code: 'provider_unavailable', retryable: true, status: 500 });
    expect(delays).to.have.length(2);
  });

  it('maps 403 content_moderation to content_policy_violation without retrying', async () => {
    nock(API)
      .post(PATH)
      .once()
      .reply(403, { id: 'e3', name: 'content_moderation', errors: ['Your request was flagged by our content moderation system.'] });
    const { p, delays } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'content_policy_violation', retryable: false, status: 403 });
    expect(delays).to.deep.equal([]);
  });

  it('maps a filtered output (finish-reason CONTENT_FILTERED) to content_policy_violation', async () => {
    nock(API).post(PATH).once().reply(200, png, { ...imageHeaders, 'finish-reason': 'CONTENT_FILTERED' });
    const { p } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'content_policy_violation', retryable: false });
  });

  it('maps 401 to provider_unavailable without retrying', async () => {
    nock(API).post(PATH).once().reply(401, { id: 'e4', name: 'unauthorized', errors: ['Missing or invalid API key'] });
    const { p, delays } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'provider_unavailable', retryable: false, status: 401 });
    expect((err as Error).message).to.contain('Missing or invalid API key');
    expect(delays).to.deep.equal([]);
  });

  it('retries when the image cannot be decoded', async () => {
    nock(API).post(PATH).reply(200, Buffer.from('not an image'), imageHeaders).post(PATH).reply(200, png, imageHeaders);
    const { p, delays } = provider();
    const out = await p.generate(req);
    expect(out.png.length).to.be.greaterThan(0);
    expect(delays).to.have.length(1);
  });

  it('maps sizes and seeds to what the API accepts', () => {
    expect(nearestAspectRatio(768, 768)).to.equal('1:1');
    expect(nearestAspectRatio(1024, 1536)).to.equal('2:3');
    expect(nearestAspectRatio(2100, 900)).to.equal('21:9');
    expect(stabilitySeed('123')).to.equal(123);
    const s = stabilitySeed('img_abc');
    expect(s).to.be.within(0, 4294967294);
    expect(stabilitySeed('img_abc')).to.equal(s);
  });
});
