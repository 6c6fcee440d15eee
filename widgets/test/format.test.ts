import { expect } from 'chai';
import { classifyError, errorMessageKey, formatCredits } from '../src/shared/format.js';
import { formatInr, humanizeKey, parseTags, relativeTime } from '../src/shared/format-extra.js';
import { setPath } from '../src/admin/paths.js';
import { labelEvery, linePath, niceTicks } from '../src/admin/charts.js';
import { loadLocale } from '../src/shared/translate.js';

describe('widgets: format helpers', () => {
  // Hindi is a lazily loaded table (translate.ts): load it first, whichever test file ran before.
  before(() => loadLocale('hi'));

  it('formats credits with one decimal at most', () => {
    expect(formatCredits(1, 'en')).to.equal('1 credit');
    expect(formatCredits(12.5, 'en')).to.equal('12.5 credits');
    expect(formatCredits(1250, 'en')).to.equal('1,250 credits');
    expect(formatCredits(0, 'hi')).to.equal('0 क्रेडिट');
  });

  it('formats rupees without paise when whole', () => {
    expect(formatInr(190, 'en')).to.equal('₹190');
    expect(formatInr(237.5, 'en')).to.equal('₹237.50');
    expect(formatInr(100000, 'en')).to.equal('₹1,00,000');
  });

  it('says how long ago', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(relativeTime('2025-06-01T11:59:30Z', 'en', now)).to.equal('just now');
    expect(relativeTime('2025-06-01T11:55:00Z', 'en', now)).to.equal('5 min ago');
    expect(relativeTime('2025-06-01T09:00:00Z', 'en', now)).to.equal('3 h ago');
    expect(relativeTime('2025-05-30T12:00:00Z', 'hi', now)).to.equal('2 दिन पहले');
    expect(relativeTime('2025-01-01T12:00:00Z', 'en', now)).to.match(/2025/);
    expect(relativeTime('nonsense', 'en', now)).to.equal('');
  });

  it('classifies SDK errors into widget states', () => {
    expect(classifyError({ code: 'rate_limited', status: 429, retryAfter: 7 })).to.include({ kind: 'rate-limited', retryAfter: 7 });
    expect(classifyError({ status: 429 })).to.include({ kind: 'rate-limited', retryAfter: 30 });
    expect(classifyError({ code: 'insufficient_credits', status: 402, detail: 'needs 2' })).to.include({ kind: 'insufficient-credits', detail: 'needs 2' });
    expect(classifyError({ code: 'unauthorized', status: 401 }).kind).to.equal('unauthorized');
    expect(classifyError({ code: 'moderation_required', status: 403 }).kind).to.equal('forbidden');
    expect(classifyError({ code: 'content_policy_violation', status: 422 }).kind).to.equal('content-policy');
    expect(classifyError({ code: 'network_error', status: 0 }).kind).to.equal('network');
    expect(classifyError({ code: 'timeout', status: 0 }).kind).to.equal('network');
    expect(classifyError({ code: 'job_timeout', status: 0 }).kind).to.equal('unavailable');
    expect(classifyError({ code: 'aborted', status: 0 }).kind).to.equal('aborted');
    expect(classifyError({ status: 503 }).kind).to.equal('unavailable');
    expect(classifyError(new Error('boom'))).to.include({ kind: 'error', detail: 'boom' });
    expect(classifyError(undefined).kind).to.equal('error');
    expect(classifyError({ code: 'x', status: 500, requestId: 'req-1' }).requestId).to.equal('req-1');
  });

  it('has a message for every error kind', () => {
    for (const kind of ['rate-limited', 'insufficient-credits', 'unauthorized', 'forbidden', 'not-found', 'content-policy', 'validation', 'unavailable', 'network', 'aborted', 'error'] as const) {
      expect(errorMessageKey(kind)).to.be.a('string');
    }
  });

  it('parses tags', () => {
    expect(parseTags(' Diwali, sale,, DIWALI ,  offer ')).to.deep.equal(['diwali', 'sale', 'offer']);
    expect(parseTags('a,b,c', 2)).to.deep.equal(['a', 'b']);
    expect(parseTags('')).to.deep.equal([]);
  });

  it('humanises config keys', () => {
    expect(humanizeKey('perAssetCap')).to.equal('Per asset cap');
    expect(humanizeKey('monthly_spend_cap')).to.equal('Monthly spend cap');
  });

  it('sets nested paths immutably', () => {
    const a = { x: { y: 1, z: 2 }, list: [1] };
    const b = setPath(a, ['x', 'y'], 5);
    expect(b).to.deep.equal({ x: { y: 5, z: 2 }, list: [1] });
    expect(a.x.y).to.equal(1);
    expect(setPath({}, ['p', 'q', 'r'], true)).to.deep.equal({ p: { q: { r: true } } });
    expect(setPath({ list: [1] }, ['list'], [2, 3])).to.deep.equal({ list: [2, 3] });
  });
});

describe('widgets: chart helpers', () => {
  it('makes round ticks that cover the maximum', () => {
    expect(niceTicks(8)).to.deep.equal([0, 2, 4, 6, 8]);
    expect(niceTicks(10)).to.deep.equal([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(190)).to.deep.equal([0, 50, 100, 150, 200]);
    expect(niceTicks(0)).to.deep.equal([0, 1]);
    expect(niceTicks(0.3).at(-1)).to.be.at.least(0.3);
    for (const max of [1, 3, 7, 13, 99, 101, 1234, 98765]) {
      const t = niceTicks(max);
      expect(t[0]).to.equal(0);
      expect(t.at(-1)!, String(max)).to.be.at.least(max);
      expect(t.length, String(max)).to.be.within(2, 7);
    }
  });

  it('draws a line path across the width', () => {
    expect(linePath([0, 5, 10], 100, 50, 10)).to.equal('M0 50 L50 25 L100 0');
    expect(linePath([], 100, 50, 10)).to.equal('');
    expect(linePath([3], 100, 50, 0)).to.equal('M0 50');
  });

  it('thins axis labels', () => {
    expect(labelEvery(7)).to.equal(1);
    expect(labelEvery(30)).to.equal(5);
    expect(labelEvery(366)).to.equal(53);
  });
});
