import crypto from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { signUserToken } from '../src/server.js';

const SECRET = 'a-partner-secret-of-enough-length-0123456789';

describe('sdk/server: signUserToken', () => {
  it('signs HS256 with sub, the known claims only, and a one-hour exp by default', () => {
    const token = signUserToken({ sub: 'alice', name: 'Alice', email: 'a@example.com', role: 'admin', ref: 'ABC123', password: 'x' } as never, { secret: SECRET });
    const { header, payload } = jwt.verify(token, SECRET, { complete: true, algorithms: ['HS256'] }) as unknown as { header: jwt.JwtHeader; payload: jwt.JwtPayload };
    expect(header.alg).to.equal('HS256');
    expect(payload).to.include({ sub: 'alice', name: 'Alice', email: 'a@example.com', role: 'admin', ref: 'ABC123' });
    expect(payload).to.not.have.property('password');
    expect(payload.exp! - payload.iat!).to.equal(3600);
  });

  it('signs RS256 with a private key, with issuer, audience, kid and expiresIn', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = signUserToken({ sub: 'bob' }, { privateKey, issuer: 'https://p.example', audience: 'studio', kid: 'k1', expiresIn: '10m' });
    const { header, payload } = jwt.verify(token, publicKey, { complete: true, algorithms: ['RS256'], issuer: 'https://p.example', audience: 'studio' }) as unknown as { header: jwt.JwtHeader; payload: jwt.JwtPayload };
    expect(header).to.include({ alg: 'RS256', kid: 'k1' });
    expect(payload.exp! - payload.iat!).to.equal(600);
  });

  it('signs ES256 when asked', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const token = signUserToken({ sub: 'carol' }, { privateKey, algorithm: 'ES256' });
    expect(() => jwt.verify(token, publicKey, { algorithms: ['ES256'] })).to.not.throw();
  });

  it('refuses what the API would refuse, and key/algorithm mix-ups', () => {
    const bad: [unknown, unknown][] = [
      [{ sub: '' }, { secret: SECRET }],
      [{ sub: '   ' }, { secret: SECRET }],
      [{ sub: 'x'.repeat(192) }, { secret: SECRET }],
      [{ sub: 'a\u0000b' }, { secret: SECRET }],
      [{ sub: 42 }, { secret: SECRET }],
      [{ sub: 'a' }, {}],
      [{ sub: 'a' }, { secret: SECRET, algorithm: 'RS256' }],
      [{ sub: 'a' }, { secret: SECRET, privateKey: 'pem' }],
      [{ sub: 'a' }, { privateKey: 'pem', algorithm: 'HS256' }],
    ];
    for (const [claims, options] of bad) expect(() => signUserToken(claims as never, options as never), JSON.stringify([claims, options])).to.throw(TypeError);
  });
});
