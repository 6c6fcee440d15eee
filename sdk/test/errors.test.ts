import { expect } from 'chai';
import nock from 'nock';
import {
  AuthenticationError, ConflictError, ContentPolicyError, ForbiddenError, InsufficientCreditsError, NotFoundError,
  PaymentVerificationError, ProviderUnavailableError, RateLimitedError, StudioError, ValidationError,
  errorFromResponse, parseRetryAfter,
} from '../src/index.js';
import { BASE, makeClient, problem, problemHeaders, useNock } from './helpers.js';

const table: Array<[string, number, new (...a: never[]) => StudioError]> = [
  ['validation_error', 400, ValidationError],
  ['unauthorized', 401, AuthenticationError],
  ['insufficient_credits', 402, InsufficientCreditsError],
  ['forbidden', 403, ForbiddenError],
  ['moderation_required', 403, ForbiddenError],
  ['origin_not_allowed', 403, ForbiddenError],
  ['not_found', 404, NotFoundError],
  ['idempotency_conflict', 409, ConflictError],
  ['conflict', 409, ConflictError],
  ['content_policy_violation', 422, ContentPolicyError],
  ['rate_limited', 429, RateLimitedError],
  ['provider_unavailable', 503, ProviderUnavailableError],
  ['payment_verification_failed', 400, PaymentVerificationError],
];

describe('sdk: errors', () => {
  useNock();

  for (const [code, status, Cls] of table) {
    it(`maps ${status} ${code} to ${Cls.name}`, () => {
      const err = errorFromResponse(status, problem(status, code));
      expect(err).to.be.instanceOf(Cls).and.instanceOf(StudioError).and.instanceOf(Error);
      expect(err).to.include({ status, code, requestId: `req-${code}`, detail: `detail of ${code}`, name: Cls.name });
    });
  }

  it('carries field errors of a validation problem through a real call', async () => {
    const { client } = makeClient();
    const errors = [{ path: 'tier', message: 'must be one of standard, premium2, premium4' }];
    nock(BASE).post('/api/studio/generate').reply(400, problem(400, 'validation_error', { errors }), problemHeaders);
    const err = (await client.studio.generate({ prompt: 'x', tier: 'gold' as never }).catch((e: unknown) => e)) as ValidationError;
    expect(err).to.be.instanceOf(ValidationError);
    expect(err.errors).to.deep.equal(errors);
    expect(err.message).to.contain('detail of validation_error');
  });

  it('maps 402 from generate to InsufficientCreditsError', async () => {
    const { client, sleeps } = makeClient();
    nock(BASE).post('/api/studio/generate').reply(402, problem(402, 'insufficient_credits'), problemHeaders);
    const err = await client.studio.generate({ prompt: 'x', tier: 'premium4' }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(InsufficientCreditsError).and.include({ status: 402, code: 'insufficient_credits' });
    expect(sleeps).to.deep.equal([]);
  });

  it('falls back on the status and the X-Request-Id header without a problem body', () => {
    const err = errorFromResponse(404, '<html>nope</html>', new Headers({ 'x-request-id': 'rq-7' }));
    expect(err).to.be.instanceOf(NotFoundError).and.include({ code: 'not_found', requestId: 'rq-7' });
    const gateway = errorFromResponse(502, undefined);
    expect(gateway.constructor).to.equal(StudioError);
    expect(gateway).to.include({ status: 502, code: 'server_error' });
  });

  it('keeps unknown codes with the base class', () => {
    const err = errorFromResponse(418, problem(418, 'teapot'));
    expect(err.constructor).to.equal(StudioError);
    expect(err.code).to.equal('teapot');
  });

  it('parses Retry-After seconds and dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).to.equal(7);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
