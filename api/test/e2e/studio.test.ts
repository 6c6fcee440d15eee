import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';

describeEachDatabase('studio end to end', function (db) {
    const s = db.server;

    it('generates an image with credits and shows it in My Creations', async () => {
      const alice = s.token('alice');
      await s.grant('alice', 5);
      const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a sunset over the ocean poster', tier: 'standard' } });
      expect(gen.status).to.equal(202);
      expect(gen.body).to.include.keys('jobId', 'imageId', 'creditDebited');
      expect(gen.body.creditDebited).to.equal(1);
      const job = await waitForJob(s, alice, gen.body.jobId);
      expect(job.status).to.equal('succeeded');
      const img = await fetch(job.imageUrl);
      expect(img.status).to.equal(200);
      expect(img.headers.get('content-type')).to.equal('image/png');
      const bal = await s.call('GET', '/api/credits/balance', { token: alice });
      expect(bal.body.credits).to.equal(4);
      expect(bal.body.monthlyUsed).to.equal(1);
      const list = await s.call('GET', '/api/studio/my-creations', { token: alice });
      expect(list.body.items).to.have.length(1);
      await s.ledgerOk();
    });
});
