import { expect } from 'chai';
import type OpenAI from 'openai';
import { providerRequests } from '../../src/metrics/registry.js';
import { OpenAIChatEnhancer } from '../../src/providers/text/openai-chat-enhancer.js';

/** The chat enhancer hides its failures behind the rule-based answer; the metrics must not hide them too. */
describe('metrics: chat enhancer requests', () => {
  const count = async (outcome: string) =>
    (await providerRequests.get()).values.find((v) => v.labels.provider === 'openai-chat' && v.labels.outcome === outcome)?.value ?? 0;
  const client = (create: () => Promise<unknown>) => ({ chat: { completions: { create } } }) as unknown as OpenAI;

  it('counts a success, and a failure answered by the rules as a fallback', async () => {
    const before = { success: await count('success'), fallback: await count('fallback') };
    const ok = new OpenAIChatEnhancer({ apiKey: 'k', client: client(async () => ({ choices: [{ message: { content: '{"enhancedPrompt":"a bright poster of a fox"}' } }] })) });
    expect((await ok.enhance({ prompt: 'a fox' })).enhancedPrompt).to.equal('a bright poster of a fox');
    const down = new OpenAIChatEnhancer({ apiKey: 'k', client: client(async () => { throw new Error('503 from the model server'); }) });
    expect((await down.enhance({ prompt: 'a fox' })).enhancedPrompt).to.be.a('string').and.not.empty;
    expect(await count('success')).to.equal(before.success + 1);
    expect(await count('fallback')).to.equal(before.fallback + 1);
  });
});
