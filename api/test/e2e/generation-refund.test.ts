import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, ledgerOf } from '../support/foundation-helpers.js';
import { services } from '../../src/context.js';
import { ProviderError } from '../../src/providers/errors.js';
import { LocalImageProvider, type ImageProvider } from '../../src/providers/images/index.js';
import { failJob, processGeneration } from '../../src/jobs/process-generation.js';
import { GenerationJob, GeneratedImage } from '../../src/models/index.js';
import { on } from '../../src/hooks.js';

/**
 * A job that cannot be made refunds its debit exactly once: after its retries for a temporary outage,
 * at once for a content-policy refusal or a permanent error, and never again however often the job
 * machinery runs for it afterwards.
 */
type Behaviour = (attempt: number) => 'ok' | ProviderError;
let behaviour: Behaviour = () => 'ok';
const calls = new Map<string, number>();
const local = new LocalImageProvider();
const scripted: ImageProvider = {
  name: 'scripted',
  async generate(req, opts) {
    const n = (calls.get(req.seed!) ?? 0) + 1;
    calls.set(req.seed!, n);
    const b = behaviour(n);
    if (b !== 'ok') throw b;
    return local.generate(req, opts);
  },
};

describeEachDatabase('generation failures refund exactly once', { server: { env: { JOB_RETRY_DELAYS_MS: '50,50,50' } } }, function (db) {
    const s = db.server;
    const failed: string[] = [];
    before(async () => {
      services().providers.replaceImageProviderForTests(async () => scripted);
      on('generationFailed', (e) => { failed.push(e.jobId); });
    });

    async function generate(sub: string, tier = 'premium2') {
      const tok = s.token(sub);
      await s.grant(sub, 10);
      const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: `poster for ${sub}`, tier } });
      expect(gen.status, JSON.stringify(gen.body)).to.equal(202);
      return { tok, jobId: gen.body.jobId as string, imageId: gen.body.imageId as string };
    }

    it('a provider that stays unavailable: 3 attempts, then failed with its code and refunded once', async () => {
      behaviour = () => new ProviderError('provider_unavailable', 'upstream 503', true, 503);
      const { tok, jobId, imageId } = await generate('unlucky');
      const job = await waitForJob(s, tok, jobId);
      expect(job).to.include({ status: 'failed', error: 'provider_unavailable', refunded: true, creditDebited: 2 });
      expect(job.imageUrl).to.equal(undefined);
      expect(calls.get(imageId)).to.equal(3);
      const row = await GenerationJob.findByPk(jobId);
      expect(row!.attempts).to.equal(3);
      const ledger = await ledgerOf('unlucky');
      expect(ledger.map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 10000], ['generation', -2000], ['refund', 2000]]);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body).to.include({ credits: 10, monthlyUsed: 0 });
      const img = await GeneratedImage.findByPk(imageId);
      expect(img!.status).to.equal('failed');
      expect(img!.billable).to.equal(false);
      expect(failed.filter((j) => j === jobId)).to.have.length(1);

      // Running the job machinery again, in any way and at once, changes nothing.
      const before = await countRows();
      const again = await Promise.all([
        processGeneration(jobId), processGeneration(jobId, { workerId: 'other' }),
        failJob(row!, null, 'provider_unavailable', 'again'), failJob(row!, row!.workerToken, 'provider_unavailable', 'again'),
        failJob(row!, null, 'content_policy_violation', 'again'),
      ]);
      expect(again.slice(0, 2)).to.deep.equal(['skipped', 'skipped']);
      expect(await countRows()).to.deep.equal(before);
      expect((await ledgerOf('unlucky')).length).to.equal(3);
      expect((await GenerationJob.findByPk(jobId))!.errorCode).to.equal('provider_unavailable');
      expect(failed.filter((j) => j === jobId)).to.have.length(1);
      await s.ledgerOk();
    });

    it('a content-policy refusal fails at the first attempt and refunds', async () => {
      behaviour = () => new ProviderError('content_policy_violation', 'refused by the safety system', false, 400);
      const { tok, jobId, imageId } = await generate('refused', 'premium4');
      const job = await waitForJob(s, tok, jobId);
      expect(job).to.include({ status: 'failed', error: 'content_policy_violation', refunded: true });
      expect(job.errorMessage).to.match(/content policy/);
      expect(calls.get(imageId)).to.equal(1);
      const ledger = await ledgerOf('refused');
      expect(ledger.filter((e) => e.reason === 'refund')).to.have.length(1);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body.credits).to.equal(10);
      await s.ledgerOk();
    });

    it('a permanent provider error (not retryable) fails at once and refunds', async () => {
      behaviour = () => new ProviderError('provider_unavailable', 'invalid api key', false, 401);
      const { tok, jobId, imageId } = await generate('misconfigured');
      const job = await waitForJob(s, tok, jobId);
      expect(job).to.include({ status: 'failed', error: 'provider_unavailable', refunded: true });
      expect(calls.get(imageId)).to.equal(1);
      await s.ledgerOk();
    });

    it('an unexpected exception is treated as a temporary failure', async () => {
      behaviour = () => new Error('socket hang up') as ProviderError;
      const { tok, jobId, imageId } = await generate('crashy');
      const job = await waitForJob(s, tok, jobId);
      expect(job).to.include({ status: 'failed', error: 'provider_unavailable', refunded: true });
      expect(calls.get(imageId)).to.equal(3);
      await s.ledgerOk();
    });

    it('a provider that recovers on the second attempt succeeds and keeps the debit', async () => {
      behaviour = (n) => (n === 1 ? new ProviderError('provider_unavailable', 'blip', true, 502) : 'ok');
      const { tok, jobId, imageId } = await generate('recovered');
      const job = await waitForJob(s, tok, jobId);
      expect(job).to.include({ status: 'succeeded', refunded: false });
      expect(job.error).to.equal(undefined);
      expect(calls.get(imageId)).to.equal(2);
      const ledger = await ledgerOf('recovered');
      expect(ledger.map((e) => e.reason)).to.deep.equal(['admin', 'generation']);
      // A late failJob for a job that succeeded cannot refund it.
      await failJob((await GenerationJob.findByPk(jobId))!, null, 'provider_unavailable', 'late');
      expect((await ledgerOf('recovered')).length).to.equal(2);
      expect((await GenerationJob.findByPk(jobId))!.status).to.equal('succeeded');
      await s.ledgerOk();
    });
});
