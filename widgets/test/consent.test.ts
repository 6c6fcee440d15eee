import { expect } from 'chai';
import { StudioClient, type FetchLike } from '../../sdk/src/index.js';
import { ensureConsents } from '../src/shared/consent.js';

/** A client whose API answers the given consents and records every request. */
function fakeClient(required: { purpose: string; version: string; given: boolean }[]) {
  const sent: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push(`${init.method} ${new URL(url).pathname} ${init.body ?? ''}`.trim());
    return new Response(JSON.stringify({ given: [], required, missing: required.some((r) => !r.given) }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { client: new StudioClient({ baseUrl: 'http://x', token: 't', fetch }), sent };
}
const text = { prompt: (list: string) => `agree to ${list}`, agree: 'I agree', cancel: 'Cancel' };

describe('widgets: consent prompt', () => {
  it('asks nothing when every required version is given', async () => {
    const { client, sent } = fakeClient([{ purpose: 'terms', version: 'v1', given: true }]);
    let asked = false;
    expect(await ensureConsents(client, {} as Node, text, undefined, async () => { asked = true; return true; })).to.equal(true);
    expect(asked).to.equal(false);
    expect(sent).to.deep.equal(['GET /api/me/consents']);
  });

  it('asks for the missing versions and records each one when the user agrees', async () => {
    const { client, sent } = fakeClient([{ purpose: 'terms', version: 'v2', given: false }, { purpose: 'ai_processing', version: '1', given: false },
      { purpose: 'age', version: '1', given: true }]);
    let message = '';
    expect(await ensureConsents(client, {} as Node, text, undefined, async (_root, m) => { message = m; return true; })).to.equal(true);
    expect(message).to.equal('agree to terms (v2), ai processing (1)');
    expect(sent.slice(1)).to.deep.equal([
      'POST /api/me/consents {"purpose":"terms","version":"v2"}', 'POST /api/me/consents {"purpose":"ai_processing","version":"1"}',
    ]);
  });

  it('records nothing and answers false when the user declines', async () => {
    const { client, sent } = fakeClient([{ purpose: 'terms', version: 'v2', given: false }]);
    expect(await ensureConsents(client, {} as Node, text, undefined, async () => false)).to.equal(false);
    expect(sent).to.deep.equal(['GET /api/me/consents']);
  });
});
