import { expect } from 'chai';
import nock from 'nock';
import sharp from 'sharp';
import { ProviderError } from '../../../src/providers/errors.js';
import { OpenAIImageProvider, openAISize } from '../../../src/providers/images/openai-provider.js';
import { recordingSleep, rejection, vendorPng } from './helpers.js';

const API = 'https://api.openai.com';
const PATH = '/v1/images/generations';

describe('OpenAIImageProvider', () => {
  let b64: string;
  before(async () => {
    nock.disableNetConnect();
    b64 = (await vendorPng(96, 96)).toString('base64');
  });
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());

  function provider(extra: Partial<ConstructorParameters<typeof OpenAIImageProvider>[0]> = {}) {
    const rec = recordingSleep();
    const p = new OpenAIImageProvider({ apiKey: 'sk-test', retry: { maxAttempts: 3, baseDelayMs: 10 }, sleep: rec.sleep, ...extra });
    return { p, delays: rec.delays };
  }
  const req = { prompt: 'a lighthouse at dawn', tier: 'standard' as const, width: 768, height: 768 };

  it('sends the documented Images API request and returns a PNG of the requested size', async () => {
    let seen: Record<string, unknown> = {};
    const scope = nock(API)
      .post(PATH, (body) => ((seen = body), true))
      .matchHeader('authorization', 'Bearer sk-test')
      .matchHeader('content-type', /application\/json/)
      .reply(200, { created: 1_700_000_000, data: [{ b64_json: b64 }] });
    const progress: number[] = [];
    const { p } = provider();
    const out = await p.generate(req, { onProgress: (pct) => progress.push(pct) });
    expect(scope.isDone()).to.equal(true);
    expect(seen).to.include({ model: 'gpt-image-1', prompt: 'a lighthouse at dawn', n: 1, size: '1024x1024', quality: 'medium', output_format: 'png' });
    expect(seen).not.to.have.property('response_format');
    expect(out).to.include({ provider: 'openai', model: 'gpt-image-1', width: 768, height: 768 });
    const meta = await sharp(out.png).metadata();
    expect(meta).to.include({ format: 'png', width: 768, height: 768 });
    expect(progress[0]).to.equal(5);
    expect(progress.at(-1)).to.equal(100);
  });

  it('asks dall-e-3 for b64_json and hd quality on premium, keeping the revised prompt', async () => {
    let seen: Record<string, unknown> = {};
    nock(API)
      .post(PATH, (body) => ((seen = body), true))
      .reply(200, { created: 1, data: [{ b64_json: b64, revised_prompt: 'A tall lighthouse at dawn' }] });
    const { p } = provider({ model: 'dall-e-3' });
    const out = await p.generate({ ...req, tier: 'premium2', width: 1024, height: 1024, styleHint: 'watercolour' });
    expect(seen).to.include({ model: 'dall-e-3', response_format: 'b64_json', quality: 'hd', size: '1024x1024' });
    expect(seen.prompt).to.equal('a lighthouse at dawn. Style: watercolour');
    expect(out.revisedPrompt).to.equal('A tall lighthouse at dawn');
  });

  it('uses a custom baseURL (OpenAI-compatible gateway)', async () => {
    const scope = nock('http://gateway.test').post('/openai/v1/images/generations').reply(200, { created: 1, data: [{ b64_json: b64 }] });
    const { p } = provider({ baseURL: 'http://gateway.test/openai/v1' });
    await p.generate(req);
    expect(scope.isDone()).to.equal(true);
  });

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    nock(API)
      .post(PATH)
      .reply(429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '2' })
      .post(PATH)
      .reply(200, { created: 1, data: [{ b64_json: b64 }] });
    const { p, delays } = provider();
    const out = await p.generate(req);
    expect(out.png.length).to.be.greaterThan(0);
    expect(delays).to.deep.equal([2000]);
  });

  it('backs off exponentially with jitter on 5xx and gives up with provider_unavailable', async () => {
    const scope = nock(API).post(PATH).times(3).reply(500, { error: { message: 'server error', type: 'server_error' } });
    const { p, delays } = provider({ random: () => 1 });
    const err = await rejection(p.generate(req));
    expect(scope.isDone()).to.equal(true);
    expect(err).to.be.instanceOf(ProviderError);
    expect(err).to.include({ code: 'provider_unavailable', retryable: true, status: 500 });
    expect(delays).to.deep.equal([10, 20]);
  });

  it('retries network errors', async () => {
    nock(API).post(PATH).replyWithError('socket hang up').post(PATH).reply(200, { created: 1, data: [{ b64_json: b64 }] });
    const { p, delays } = provider();
    await p.generate(req);
    expect(delays).to.have.length(1);
  });

  for (const code of ['content_policy_violation', 'moderation_blocked']) {
    it(`maps a 400 ${code} to content_policy_violation without retrying`, async () => {
      const scope = nock(API)
        .post(PATH)
        .once()
        .reply(400, { error: { message: 'Your request was rejected by the safety system.', type: 'image_generation_user_error', param: null, code } });
      const { p, delays } = provider();
      const err = await rejection(p.generate(req));
      expect(scope.isDone()).to.equal(true);
      expect(err).to.include({ code: 'content_policy_violation', retryable: false, status: 400 });
      expect(delays).to.deep.equal([]);
    });
  }

  it('maps 401 to provider_unavailable without retrying', async () => {
    nock(API).post(PATH).once().reply(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
    const { p, delays } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'provider_unavailable', retryable: false, status: 401 });
    expect(delays).to.deep.equal([]);
  });

  it('does not retry a 429 for an exhausted quota', async () => {
    nock(API).post(PATH).once().reply(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } });
    const { p, delays } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'provider_unavailable', retryable: false, status: 429 });
    expect(delays).to.deep.equal([]);
  });

  it('gives up at once when Retry-After is longer than the policy allows', async () => {
    nock(API).post(PATH).once().reply(429, { error: { message: 'slow down' } }, { 'retry-after': '120' });
    const { p, delays } = provider();
    const err = (await rejection(p.generate(req))) as ProviderError;
    expect(err).to.include({ code: 'provider_unavailable', retryable: true, retryAfterMs: 120_000 });
    expect(delays).to.deep.equal([]);
  });

  it('treats an answer without an image as unavailable', async () => {
    nock(API).post(PATH).times(3).reply(200, { created: 1, data: [{ url: 'https://example.test/x.png' }] });
    const { p } = provider();
    const err = await rejection(p.generate(req));
    expect(err).to.include({ code: 'provider_unavailable' });
  });

  it('stops when the caller aborts', async () => {
    const ac = new AbortController();
    ac.abort(new Error('job cancelled'));
    const { p } = provider();
    const err = await rejection(p.generate(req, { signal: ac.signal }));
    expect((err as Error).message).to.equal('job cancelled');
  });

  it('picks sizes each model accepts', () => {
    expect(openAISize('gpt-image-1', 1536, 1536)).to.equal('1024x1024');
    expect(openAISize('gpt-image-1', 1536, 1024)).to.equal('1536x1024');
    expect(openAISize('dall-e-3', 768, 1344)).to.equal('1024x1792');
    expect(openAISize('dall-e-2', 512, 512)).to.equal('512x512');
    expect(openAISize('gpt-image-2', 1536, 1536)).to.equal('1536x1536');
  });
});
