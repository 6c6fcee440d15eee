import { expect } from 'chai';
import nock from 'nock';
import { OpenAIChatEnhancer } from '../../../src/providers/text/openai-chat-enhancer.js';
import { RuleBasedEnhancer } from '../../../src/providers/text/rule-based-enhancer.js';
import { createPromptEnhancer } from '../../../src/providers/text/index.js';

const API = 'https://api.openai.com';
const PATH = '/v1/chat/completions';

function completion(content: string) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 50, completion_tokens: 40, total_tokens: 90 },
  };
}

describe('OpenAIChatEnhancer', () => {
  before(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());

  const input = { prompt: 'python course', categoryStyle: 'Course Promo', locale: 'en-IN' };
  const rules = new RuleBasedEnhancer().enhanceSync(input);

  it('sends the documented chat completions request and uses the JSON answer', async () => {
    let seen: { model?: string; messages?: { role: string; content: string }[] } = {};
    const scope = nock(API)
      .post(PATH, (body) => ((seen = body), true))
      .matchHeader('authorization', 'Bearer sk-chat')
      .reply(200, completion(JSON.stringify({
        enhancedPrompt: 'Flat vector promo for a Python course, laptop and code icons, bold headline space, teal and orange',
        suggestions: ['Name the audience', 'Add the course start date', 'Quote the headline'],
      })));
    const e = new OpenAIChatEnhancer({ apiKey: 'sk-chat' });
    const out = await e.enhance(input);
    expect(scope.isDone()).to.equal(true);
    expect(seen.model).to.equal('gpt-4o-mini');
    expect(seen.messages?.[0]?.role).to.equal('system');
    expect(JSON.parse(seen.messages![1]!.content)).to.deep.include({ prompt: 'python course', categoryStyle: 'Course Promo', locale: 'en-IN' });
    expect(out.enhancedPrompt).to.match(/^Flat vector promo/);
    expect(out.suggestions).to.deep.equal(['Name the audience', 'Add the course start date', 'Quote the headline']);
  });

  it('works against an OpenAI-compatible baseURL and model, with fenced JSON', async () => {
    const scope = nock('http://llm.test')
      .post('/v1/chat/completions', (body) => body.model === 'llama3.1')
      .reply(200, completion('```json\n{"enhancedPrompt": "A cosy cafe, warm light", "suggestions": ["Add a colour palette"]}\n```'));
    const e = new OpenAIChatEnhancer({ apiKey: 'none', baseURL: 'http://llm.test/v1', model: 'llama3.1' });
    const out = await e.enhance({ prompt: 'cafe' });
    expect(scope.isDone()).to.equal(true);
    expect(out.enhancedPrompt).to.equal('A cosy cafe, warm light');
    // Too few suggestions from the model: topped up from the rules to at least 3.
    expect(out.suggestions[0]).to.equal('Add a colour palette');
    expect(out.suggestions).to.have.length(3);
  });

  for (const [label, reply] of [
    ['a 500', () => nock(API).post(PATH).reply(500, { error: { message: 'boom', type: 'server_error' } })],
    ['a 429', () => nock(API).post(PATH).reply(429, { error: { message: 'slow down', type: 'requests' } })],
    ['a 401', () => nock(API).post(PATH).reply(401, { error: { message: 'bad key', type: 'invalid_request_error', code: 'invalid_api_key' } })],
    ['a network error', () => nock(API).post(PATH).replyWithError('ECONNRESET')],
    ['an empty answer', () => nock(API).post(PATH).reply(200, completion(''))],
    ['JSON without a prompt', () => nock(API).post(PATH).reply(200, completion('{"foo": 1}'))],
    ['an unsafe answer', () => nock(API).post(PATH).reply(200, completion('{"enhancedPrompt": "gore everywhere", "suggestions": []}'))],
  ] as const) {
    it(`falls back to the rule-based result on ${label}`, async () => {
      const scope = reply();
      const errors: unknown[] = [];
      const e = new OpenAIChatEnhancer({ apiKey: 'sk-chat', onError: (err) => errors.push(err) });
      const out = await e.enhance(input);
      expect(scope.isDone()).to.equal(true);
      expect(out).to.deep.equal(rules);
      expect(errors).to.have.length(1);
    });
  }

  it('falls back on a timeout', async () => {
    nock(API).post(PATH).delay(500).reply(200, completion('{"enhancedPrompt": "late"}'));
    const e = new OpenAIChatEnhancer({ apiKey: 'sk-chat', timeoutMs: 50 });
    expect(await e.enhance(input)).to.deep.equal(rules);
  });

  it('takes plain-text answers as the prompt and clips long ones', async () => {
    nock(API).post(PATH).reply(200, completion(`A cosy cafe ${'with warm light '.repeat(100)}`));
    const out = await new OpenAIChatEnhancer({ apiKey: 'k' }).enhance({ prompt: 'cafe' });
    expect(out.enhancedPrompt).to.match(/^A cosy cafe with warm light/);
    expect(out.enhancedPrompt.length).to.be.at.most(1000);
    expect(out.suggestions).to.have.length.within(3, 5);
  });

  it('createPromptEnhancer picks rules by default and the chat model when configured', () => {
    expect(createPromptEnhancer().name).to.equal('rules');
    expect(createPromptEnhancer({ provider: 'openai' }).name).to.equal('rules');
    expect(createPromptEnhancer({ provider: 'openai', apiKey: 'k' }).name).to.equal('openai-chat');
  });
});
