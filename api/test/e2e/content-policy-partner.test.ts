import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { setTenantConfig } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { Post } from '../../src/models/index.js';

/** A partner's own blocked terms and the Hindi/Hinglish list: prompts, enhancement, post titles and tags. */
describeEachDatabase('content policy of a partner', function (db) {
  const s = db.server;
  after(async () => setTenantConfig({ moderation: { blockedTerms: [] } }));

  it('refuses titles and tags with blocked Hindi or Hinglish words at publish (422, naming the field), writing nothing', async () => {
    const u = await ensureUser(s, 'policy-author');
    const cat = await firstCategory(s, u.token);
    const img = await makeImage(u.id, { file: true });
    const before = await Post.count();
    const publish = (title: string, tags: string[] = []) => s.call('POST', '/api/community/publish', {
      token: u.token, body: { imageId: img.id, title, categoryId: cat, tags, visibility: 'public' } });
    const t = await publish('दीवाली ऑफ़र चूतिया');
    expect(t.status).to.equal(422);
    expect(t.body.code).to.equal('content_policy_violation');
    expect(t.body.errors[0].field).to.equal('title');
    const g = await publish('Diwali offer', ['sale', 'behen chod']);
    expect(g.status).to.equal(422);
    expect(g.body.errors[0].field).to.equal('tags[1]');
    expect(await Post.count()).to.equal(before);
    const ok = await publish('दीवाली सेल: SEO masterclass 50% off', ['sale', 'दीवाली']);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
  });

  it('applies the partner\'s own terms (any script) to prompts, enhancement and posts, and validates the list', async () => {
    const u = await ensureUser(s, 'policy-user');
    await s.grant('policy-user', 5);
    const bad = await setTenantConfigRaw({ moderation: { blockedTerms: ['', 'x'.repeat(101)] } });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).to.include.members(['moderation.blockedTerms.0', 'moderation.blockedTerms.1']);
    const saved = await setTenantConfigRaw({ moderation: { blockedTerms: ['satta king', 'सट्टा'] } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);

    const gen = await s.call('POST', '/api/studio/generate', { token: u.token, body: { prompt: 'SATTA   KING result poster', tier: 'standard' } });
    expect(gen.status).to.equal(422);
    expect(gen.body.code).to.equal('content_policy_violation');
    const enh = await s.call('POST', '/api/studio/enhance-prompt', { token: u.token, body: { prompt: 'सट्टा बाज़ार का पोस्टर' } });
    expect(enh.status).to.equal(422);
    const bal = await s.call('GET', '/api/credits/balance', { token: u.token });
    expect(bal.body.credits, 'nothing debited').to.equal(5);

    const cat = await firstCategory(s, u.token);
    const img = await makeImage(u.id, { file: true });
    const pub = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: 'आज का सट्टा', categoryId: cat, visibility: 'public' } });
    expect(pub.status).to.equal(422);
    expect(pub.body.errors[0].field).to.equal('title');
  });

  const setTenantConfigRaw = (config: unknown) =>
    s.call('POST', '/api/admin/config', { token: s.token('policy-admin', { role: 'admin' }), body: { config } });
});
