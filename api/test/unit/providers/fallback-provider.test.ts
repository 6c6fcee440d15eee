import { expect } from 'chai';
import { ProviderError } from '../../../src/providers/errors.js';
import { FallbackImageProvider } from '../../../src/providers/images/fallback-provider.js';
import { createImageProvider } from '../../../src/providers/images/index.js';
import type { ImageProvider, ImageRequest } from '../../../src/providers/images/types.js';
import { rejection } from './helpers.js';

function stub(name: string, behaviour: () => Promise<Buffer>): ImageProvider & { calls: number } {
  const p = {
    name,
    calls: 0,
    async generate(req: ImageRequest) {
      p.calls++;
      return { png: await behaviour(), width: req.width, height: req.height, provider: name };
    },
  };
  return p;
}

describe('FallbackImageProvider', () => {
  const req: ImageRequest = { prompt: 'p', tier: 'standard', width: 64, height: 64 };

  it('uses the primary when it works', async () => {
    const primary = stub('openai', async () => Buffer.from('a'));
    const fallback = stub('local', async () => Buffer.from('b'));
    const out = await new FallbackImageProvider(primary, fallback).generate(req);
    expect(out.provider).to.equal('openai');
    expect(fallback.calls).to.equal(0);
  });

  it('falls back when the primary is unavailable', async () => {
    const primary = stub('openai', async () => {
      throw new ProviderError('provider_unavailable', 'down', true, 503);
    });
    const fallback = stub('local', async () => Buffer.from('b'));
    const seen: string[] = [];
    const fb = new FallbackImageProvider(primary, fallback, { onFallback: (e, a, b) => seen.push(`${e.code}:${a}->${b}`) });
    const out = await fb.generate(req);
    expect(out.provider).to.equal('local');
    expect(seen).to.deep.equal(['provider_unavailable:openai->local']);
    expect(fb.name).to.equal('openai+local');
  });

  it('does not fall back on a content policy refusal', async () => {
    const primary = stub('openai', async () => {
      throw new ProviderError('content_policy_violation', 'no', false, 400);
    });
    const fallback = stub('local', async () => Buffer.from('b'));
    const err = await rejection(new FallbackImageProvider(primary, fallback).generate(req));
    expect(err).to.include({ code: 'content_policy_violation' });
    expect(fallback.calls).to.equal(0);
  });

  it('does not fall back on errors that are not ProviderErrors (bugs, aborts)', async () => {
    const primary = stub('openai', async () => {
      throw new TypeError('bug');
    });
    const fallback = stub('local', async () => Buffer.from('b'));
    expect(await rejection(new FallbackImageProvider(primary, fallback).generate(req))).to.be.instanceOf(TypeError);
  });

  it('createImageProvider builds local by default and wraps remote providers with a local fallback', () => {
    expect(createImageProvider({ provider: 'local' }).name).to.equal('local');
    expect(createImageProvider({ provider: 'openai', apiKey: 'k' }).name).to.equal('openai+local');
    expect(createImageProvider({ provider: 'stability', apiKey: 'k', fallbackToLocal: false }).name).to.equal('stability');
    expect(() => createImageProvider({ provider: 'openai' })).to.throw(/API key/);
  });
});
