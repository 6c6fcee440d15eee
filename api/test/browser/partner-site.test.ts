import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import jwt from 'jsonwebtoken';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { services } from '../../src/context.js';
import { LocalImageProvider, type ImageProvider } from '../../src/providers/images/index.js';
import { ProviderError } from '../../src/providers/errors.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { describeInChromium, ensureWidgets, expectAccessible, expectHeaderCredits, expectWidget, seriousViolations, launch, personContext, poll, shot, signIn } from './support.js';

/** Prompts containing this word hit a simulated provider outage (a non-retryable provider_unavailable). */
const OUTAGE = 'zzoutagezz';
function outageAwareProvider(): ImageProvider {
  const local = new LocalImageProvider();
  return {
    name: 'local',
    async generate(req, opts) {
      if (req.prompt.toLowerCase().includes(OUTAGE)) throw new ProviderError('provider_unavailable', 'simulated outage', false, 503);
      return local.generate(req, opts);
    },
  };
}

describeInChromium('partner site in a browser: LearnLoop Academy embeds the widgets', function () {
  this.timeout(60000);
  let s: TestServer;
  let drop: () => Promise<void>;
  let browser: Browser;
  let alice: Page, bob: Page;
  const errors: string[] = [];
  let postTitle = '';
  let postId = '';
  let reported = false;
  /** Serious and critical axe findings per widget, gathered in each widget's states and asserted at the end. */
  const a11y = new Map<string, string[]>();
  async function audit(page: Page, tag: string) {
    const found = await seriousViolations(page, tag);
    const state = `${tag} on ${new URL(page.url()).pathname}`;
    a11y.set(tag, [...(a11y.get(tag) ?? []), ...found.map((f) => `[${state}] ${f}`)]);
  }
  /** alice's balance: 5 granted, 1 spent, +0.5 once bob's remix rewarded her. */
  let aliceCredits = 4;

  before(async function () {
    this.timeout(180000);
    ensureWidgets();
    const db = await databases()[0]!.make();
    drop = db.drop;
    s = await startServer({ dbUrl: db.url, examples: true, env: { JOB_POLL_MS: '50', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    services().providers.replaceImageProviderForTests(async () => outageAwareProvider());
    browser = await launch();
    await s.grant('alice', 5);
    await s.grant('bob', 5);
    const a = await personContext(browser, s.baseUrl);
    const b = await personContext(browser, s.baseUrl);
    alice = a.page;
    bob = b.page;
    errors.push(...[a.errors, b.errors].flat());
    // The lists are live: keep a reference so later errors are seen too.
    a.errors.push = (...e: string[]) => errors.push(...e);
    b.errors.push = (...e: string[]) => errors.push(...e);
  });

  after(async () => {
    await browser?.close();
    await s?.close();
    await drop?.();
  });

  it('sends a signed-out visitor to the site\'s own sign-in, and signs alice in', async () => {
    await alice.goto('/');
    expect(new URL(alice.url()).pathname).to.equal('/signin');
    await shot(alice, 'site-signin');
    await expectAccessible(alice);
    await signIn(alice, 'alice');
    await alice.locator('ais-studio [part~="generate"]').waitFor();
    await expectHeaderCredits(alice, 5);
    await expectAccessible(alice, 'header.ll-header');
    await poll(() => alice.locator('.ll-nav a[aria-current="page"]').textContent(), (v) => expect(v).to.equal('Studio'));
  });

  it('enhances a prompt and generates a Standard image (ais-studio)', async () => {
    const studio = alice.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('poster for a weekend SEO masterclass');
    await studio.locator('[part~="enhance"]').click();
    await poll(() => studio.locator('[part~="enhanced"]').textContent({ timeout: 10000 }), (v) => expect(v).to.match(/SEO masterclass/i));
    await studio.locator('[part~="tier"]', { hasText: /standard/i }).click();
    await poll(() => studio.locator('[part~="tier"][aria-checked="true"]').textContent(), (v) => expect(v).to.match(/standard/i));
    const generated = alice.evaluate(() => new Promise((r) => document.addEventListener('ais-generated', (e) => r((e as CustomEvent).detail), { once: true })));
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });
    const detail = (await generated) as { imageId: string; tier: string };
    expect(detail.tier).to.equal('standard');
    await expectHeaderCredits(alice, 4);
    await shot(alice, 'ais-studio-result');
    await audit(alice, 'ais-studio');
  });

  it('publishes the image to the community', async () => {
    const studio = alice.locator('ais-studio');
    await studio.locator('[part~="publish"]').click();
    const dialog = studio.locator('ais-publish-dialog dialog');
    await dialog.waitFor();
    postTitle = `SEO masterclass poster ${Date.now() % 10000}`;
    await dialog.locator('input').first().fill(postTitle);
    await dialog.locator('select').selectOption({ index: 0 });
    await dialog.locator('input[type="radio"]').first().check();
    const published = alice.evaluate(() => new Promise((r) => document.addEventListener('ais-published', (e) => r((e as CustomEvent).detail), { once: true })));
    await shot(alice, 'ais-studio-publish-dialog');
    await dialog.locator('button[type="submit"]').click();
    const detail = (await published) as { postId: string };
    expect(detail.postId).to.be.a('string');
    postId = detail.postId;
    await alice.locator('#ll-toast.ll-show').waitFor();
    await dialog.locator('button').last().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the image in My Creations (ais-my-creations)', async () => {
    await alice.getByRole('link', { name: 'My Creations' }).click();
    const grid = alice.locator('ais-my-creations [part~="card"]');
    await grid.first().waitFor();
    expect(await grid.count()).to.equal(1);
    await alice.locator('ais-my-creations [part~="thumbnail"]').first().waitFor();
    await shot(alice, 'ais-my-creations');
    await audit(alice, 'ais-my-creations');
    await alice.locator('ais-my-creations .tile').first().click();
    await alice.locator('ais-my-creations [part~="detail"] img').waitFor();
    await shot(alice, 'ais-my-creations-detail');
  });

  it('lets bob see the post in the feed, like it, remix it and generate (ais-feed)', async () => {
    await signIn(bob, 'bob', '/community');
    await expectWidget(bob, 'ais-feed');
    const card = bob.locator('ais-feed [part~="card"]', { hasText: postTitle });
    await card.waitFor({ timeout: 15000 });
    await shot(bob, 'ais-feed');
    await audit(bob, 'ais-feed');
    await card.locator('[part~="like"]').click();
    await poll(() => card.locator('[part~="like"]').getAttribute('aria-pressed'), (v) => expect(v).to.equal('true'));
    await poll(() => card.locator('[part~="like"]').textContent(), (v) => expect(v).to.match(/1/));
    // bob also reports it, for the moderation queue.
    await card.locator('[part~="report"]').click();
    const report = bob.locator('ais-feed [part~="report-dialog"]');
    await report.waitFor();
    await report.getByLabel(/misleading/i).check();
    await report.locator('textarea').fill('Looks like an ad for another academy');
    await shot(bob, 'ais-feed-report-dialog');
    await report.locator('button[type="submit"]').click();
    await report.waitFor({ state: 'hidden' });
    reported = true;
    await card.locator('[part~="remix"]').click();
    await bob.waitForURL((u) => u.pathname === '/');
    const studio = bob.locator('ais-studio');
    await studio.locator('[part~="remix-banner"]').waitFor();
    await poll(() => studio.locator('[part~="prompt"]').inputValue(), (v) => expect(v).to.match(/SEO masterclass/i));
    await shot(bob, 'ais-studio-remix');
    const recorded = bob.evaluate(() => new Promise((r) => document.addEventListener('ais-remix-recorded', (e) => r((e as CustomEvent).detail), { once: true })));
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });
    const rec = (await recorded) as { rewarded: boolean; rewardCredits?: number };
    expect(rec.rewarded).to.equal(true);
    expect(rec.rewardCredits).to.equal(0.5);
    aliceCredits += 0.5;
    await expectHeaderCredits(bob, 4);
  });

  it('shows alice the remix reward in her wallet (ais-wallet)', async () => {
    await alice.goto('/wallet');
    await expectWidget(alice, 'ais-wallet');
    await expectHeaderCredits(alice, aliceCredits);
    await poll(() => alice.locator('ais-wallet [part~="balance"]').textContent({ timeout: 10000 }), (v) => expect(v).to.contain(String(aliceCredits)));
    await alice.locator('ais-wallet [part~="history"]').waitFor();
    if (aliceCredits === 4.5) await poll(() => alice.locator('ais-wallet [part~="history"]').textContent(), (v) => expect(v).to.match(/0[.,]5/));
    await shot(alice, 'ais-wallet');
    await audit(alice, 'ais-wallet');
  });

  it('lets bob buy a pack in the sandbox checkout', async () => {
    await bob.goto('/wallet');
    await expectWidget(bob, 'ais-wallet');
    const wallet = bob.locator('ais-wallet');
    await wallet.locator('[part~="pack"]').first().click();
    const dialog = wallet.locator('[part~="checkout-dialog"]');
    await dialog.waitFor();
    await shot(bob, 'ais-wallet-checkout');
    await audit(bob, 'ais-wallet');
    const done = bob.evaluate(() => new Promise((r) => document.addEventListener('ais-purchase-completed', (e) => r((e as CustomEvent).detail), { once: true })));
    await dialog.locator('[part~="pay"]').click();
    const detail = (await done) as { creditsAdded: number; balance: number };
    expect(detail.creditsAdded).to.equal(10);
    expect(detail.balance).to.equal(14);
    await expectHeaderCredits(bob, 14);
    await bob.locator('#ll-toast.ll-show').waitFor();
  });

  it('shows carol, who has no credits, the insufficient-credits state and sends her to the wallet', async () => {
    const { page: carol } = await personContext(browser, s.baseUrl);
    await signIn(carol, 'carol');
    const studio = carol.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('banner for a digital marketing webinar');
    // Typing schedules an enhancement; its answer clears the studio's action error. Let it land first, or on a
    // slow machine it arrives after the 402 and wipes the state this test is about.
    await studio.locator('[part~="enhanced"]').waitFor();
    await studio.locator('[part~="generate"]').click();
    const state = studio.locator('[part~="state-insufficient-credits"]');
    await state.waitFor({ timeout: 10000 });
    await shot(carol, 'ais-studio-insufficient');
    await audit(carol, 'ais-studio');
    await state.locator('[part~="buy-credits"]').click();
    await carol.waitForURL((u) => u.pathname === '/wallet');
    await carol.context().close();
  });

  it('shows a provider failure and refunds the credit', async () => {
    await alice.goto('/');
    const studio = alice.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill(`festival offer poster ${OUTAGE}`);
    await studio.locator('[part~="enhance"]').waitFor();
    // Generate the prompt exactly as typed, so the outage word reaches the provider.
    const useEnhanced = studio.locator('[part~="enhanced"] input[type="checkbox"]');
    if (await useEnhanced.count()) await useEnhanced.uncheck();
    const failed = alice.evaluate(() => new Promise((r) => document.addEventListener('ais-generation-failed', (e) => r((e as CustomEvent).detail), { once: true })));
    await studio.locator('[part~="generate"]').click();
    const detail = (await failed) as { error: unknown; refunded: boolean };
    expect(detail.refunded).to.equal(true);
    await studio.locator('[part~="result"] [role="alert"]').waitFor();
    await shot(alice, 'ais-studio-provider-failure');
    await audit(alice, 'ais-studio');
    const bal = await s.call('GET', '/api/credits/balance', { token: s.token('alice') });
    expect(bal.body.credits).to.equal(aliceCredits);
  });

  it('carries a referral link through the site\'s sign-up into the first token (ais-referral)', async () => {
    const { page: carol } = await personContext(browser, s.baseUrl);
    await signIn(carol, 'carol', '/refer');
    await expectWidget(carol, 'ais-referral');
    await carol.locator('ais-referral').locator('text=/[A-Z0-9]{4,}/').first().waitFor({ timeout: 10000 });
    await shot(carol, 'ais-referral');
    await audit(carol, 'ais-referral');
    const me = await s.call('GET', '/api/referrals/me', { token: s.token('carol') });
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
    const code: string = me.body.code;
    await carol.context().close();

    const { page: dave } = await personContext(browser, s.baseUrl);
    await dave.goto(`/?ref=${code}`);
    expect(new URL(dave.url()).pathname).to.equal('/signin');
    await poll(() => dave.locator('.ll-notice').textContent(), (v) => expect(v).to.contain(code));
    await dave.locator('input[name="name"]').fill('Dave Kumar');
    await Promise.all([dave.waitForURL((u) => u.pathname === '/'), dave.getByRole('button', { name: 'Create account' }).click()]);
    const token = await dave.evaluate(async () => (await (await fetch('/partner/token', { method: 'POST' })).json()).token as string);
    const claims = jwt.decode(token) as Record<string, unknown>;
    expect(claims.ref).to.equal(code);
    expect((claims.exp as number) - (claims.iat as number)).to.equal(900);
    await dave.locator('ais-studio [part~="generate"]').waitFor();
    const after = await s.call('GET', '/api/referrals/me', { token: s.token('carol') });
    expect(after.body.signups).to.equal(1);
    await dave.context().close();
  });

  it('keeps the admin page for staff', async () => {
    await bob.goto('/admin');
    await poll(() => bob.locator('h1').textContent(), (v) => expect(v).to.equal('Staff only'));
  });

  describe('admin (ais-admin)', () => {
    let admin: Page;
    before(async () => {
      admin = (await personContext(browser, s.baseUrl)).page;
      admin.on('pageerror', (e) => errors.push(`${admin.url()}: ${e.stack ?? e}`));
      await signIn(admin, 'admin', '/admin');
      await expectWidget(admin, 'ais-admin');
      await admin.locator('ais-admin [role="tab"]').first().waitFor();
    });
    after(async () => { await admin?.context().close(); });

    it('shows the analytics and downloads the CSV export', async () => {
      await admin.locator('ais-admin #tab-analytics').click();
      const exportButton = admin.locator('ais-admin [part~="export"]');
      await exportButton.waitFor();
      // What the tab shows: the KPIs of the spec (ARPPU uplift and LTV/CAC among them), the generations made in this run among them, and the charts.
      const kpis = admin.locator('ais-admin [part~="kpis"] .kpi');
      await kpis.first().waitFor();
      expect(await kpis.locator('.label').allTextContents()).to.deep.equal(['New users', 'Generations', 'Reuse rate', 'Paid conversion', 'Revenue',
        'ARPPU uplift', 'LTV / CAC', 'Gross margin', 'Credits spent', 'Rewards', 'Error rate']);
      const generations = Number((await kpis.nth(1).locator('.value').textContent())!.replace(/\D/g, ''));
      expect(generations, 'alice\'s and bob\'s generations of this run').to.be.at.least(2);
      expect(await admin.locator('ais-admin [part~="chart"]').count()).to.be.at.least(1);
      await shot(admin, 'ais-admin-analytics');
      await audit(admin, 'ais-admin');
      const [download] = await Promise.all([admin.waitForEvent('download'), exportButton.click()]);
      expect(download.suggestedFilename()).to.match(/\.csv$/);
      const file = await download.path();
      const text = (await import('node:fs')).readFileSync(file!, 'utf8');
      expect(text.split('\n')[0]).to.contain(',');
    });

    it('changes a price (the Premium tier cost)', async () => {
      await admin.locator('ais-admin #tab-config').click();
      const input = admin.locator('ais-admin #cfg-tiers-premium2-credits');
      await input.waitFor();
      const before = Number(await input.inputValue());
      await input.fill(String(before + 1));
      await admin.locator('ais-admin #cfg-note').fill('Premium costs one more credit');
      await admin.locator('ais-admin [part~="config-form"] button[type="submit"]').click();
      await admin.locator('ais-admin [part~="config-form"] .inline-alert.success').waitFor();
      await shot(admin, 'ais-admin-config');
      await audit(admin, 'ais-admin');
      const tiers = await s.call('GET', '/api/studio/tiers', { token: s.token('alice') });
      const premium = (tiers.body.items as { tier: string; credits: number }[]).find((t) => t.tier === 'premium2');
      await poll(async () => (await s.call('GET', '/api/studio/tiers', { token: s.token('alice') })).body.items.find((t: { tier: string }) => t.tier === 'premium2').credits,
        (v) => expect(v).to.equal(before + 1), 3000);
      expect(premium).to.exist;
    });

    it('hides a reported post from the moderation queue', async () => {
      expect(reported, 'bob reported the post (feed test)').to.equal(true);
      await admin.locator('ais-admin #tab-moderation').click();
      const item = admin.locator('ais-admin [part~="card"]', { hasText: postTitle });
      await item.waitFor();
      await shot(admin, 'ais-admin-moderation');
      await audit(admin, 'ais-admin');
      await item.getByRole('button', { name: /^hide$/i }).click();
      await item.getByRole('button', { name: /unhide/i }).waitFor();
      const feed = await s.call('GET', '/api/community/feed?sort=latest', { token: s.token('bob') });
      expect((feed.body.items as { postId: string }[]).map((c) => c.postId)).not.to.include(postId);
      await bob.goto('/community');
      // Loaded: the grid no longer busy, or the empty state.
      await bob.locator('ais-feed [part~="grid"][aria-busy="false"], ais-feed [part~="state-empty"]').first().waitFor();
      expect(await bob.locator('ais-feed [part~="card"]', { hasText: postTitle }).count()).to.equal(0);
    });

    it('shows the templates, categories, referral review and provider tabs with their data', async () => {
      const staff = s.token('admin', { role: 'admin' });
      const panel = admin.locator('ais-admin [role="tabpanel"]');
      const headers = (el: string) => admin.locator(`ais-admin ${el} table[part~="table"] thead th`).allTextContents();
      const open = async (tab: string, label: string) => {
        await admin.locator(`ais-admin #tab-${tab}`).click();
        await poll(() => panel.getAttribute('aria-labelledby'), (v) => expect(v).to.equal(`tab-${tab}`));
        expect((await admin.locator(`ais-admin #tab-${tab}`).textContent())!.trim()).to.equal(label);
        expect(await admin.locator(`ais-admin #tab-${tab}`).getAttribute('aria-selected')).to.equal('true');
      };

      // Templates: every template of the partner, with its title and category name.
      const templates = (await s.call('GET', '/api/admin/templates?limit=100', { token: staff })).body.items as { title: string; categoryId: string }[];
      const categories = (await s.call('GET', '/api/admin/categories?limit=100', { token: staff })).body.items as { id: string; name: string; slug: string }[];
      expect(templates.length).to.be.greaterThan(0);
      await open('templates', 'Templates');
      const templateRows = admin.locator('ais-admin-catalog table[part~="table"] tbody tr');
      await poll(() => templateRows.count(), (v) => expect(v).to.equal(templates.length));
      expect((await headers('ais-admin-catalog')).map((h) => h.trim())).to.deep.equal(['Title', 'Category', 'Order', 'Active', 'Actions']);
      const first = templateRows.first();
      expect(await first.locator('td').first().textContent()).to.contain(templates[0]!.title);
      expect(await first.locator('td').nth(1).textContent()).to.contain(categories.find((c) => c.id === templates[0]!.categoryId)!.name);
      expect(await admin.locator('ais-admin-catalog button', { hasText: 'New template' }).count()).to.equal(1);
      await shot(admin, 'ais-admin-templates');

      // Categories: every category with its slug.
      await open('categories', 'Categories');
      const categoryRows = admin.locator('ais-admin-catalog table[part~="table"] tbody tr');
      // The same element switches kind: wait for the category headers, not just any rows.
      await poll(async () => (await headers('ais-admin-catalog')).map((h) => h.trim()), (v) => expect(v).to.deep.equal(['Name', 'Slug', 'Order', 'Active', 'Actions']));
      await poll(() => categoryRows.count(), (v) => expect(v).to.equal(categories.length));
      expect(await categoryRows.first().locator('td').first().textContent()).to.contain(categories[0]!.name);
      expect(await categoryRows.first().locator('code').textContent()).to.equal(categories[0]!.slug);
      await shot(admin, 'ais-admin-categories');

      // Referral review: the held referrals first (the default filter), then the paid ones, each as the API lists them.
      // carol's referral of dave is one of them (held or paid depends on the fraud rules: both came from 127.0.0.1).
      await open('referrals', 'Referral review');
      const review = admin.locator('ais-admin-referrals');
      const listed = async (status: string) => (await s.call('GET', `/api/admin/referrals/review?status=${status}&limit=50`, { token: staff })).body.items as unknown[];
      const reviewRows = review.locator('table[part~="table"] tbody tr');
      const all: string[] = [];
      for (const [status, chip] of [['held', 'Under review'], ['paid', 'Paid']] as const) {
        await review.locator('.chip', { hasText: chip }).click();
        await poll(() => review.locator('.chip', { hasText: chip }).getAttribute('aria-pressed'), (v) => expect(v).to.equal('true'));
        const want = (await listed(status)).length;
        if (want === 0) {
          await review.locator('[part~="state-empty"]').waitFor();
        } else {
          await poll(() => reviewRows.count(), (v) => expect(v, status).to.equal(want));
          expect((await headers('ais-admin-referrals')).map((h) => h.trim())).to.deep.equal(['Referrer', 'Referee', 'Reason', 'Credits earned', 'Actions']);
          all.push(...await reviewRows.allTextContents());
        }
      }
      expect(all.some((r) => r.includes('Carol') && r.includes('Dave Kumar')), all.join(' | ')).to.equal(true);
      await shot(admin, 'ais-admin-referrals');

      // Providers: no key stored yet, the three selections and the form to add a key.
      await open('providers', 'Providers');
      const providers = admin.locator('ais-admin-providers');
      await providers.locator('p.muted', { hasText: 'No key stored' }).waitFor();
      expect((await providers.locator('fieldset legend').allTextContents()).map((l) => l.trim())).to.deep.equal(['Selection', 'Add']);
      const fields = (await providers.locator('label.field').allTextContents()).map((l) => l.trim().split(/\s{2,}|\n/)[0]!.trim());
      for (const want of ['Image provider', 'Image fallback', 'Prompt enhancer', 'Provider', 'Purpose', 'Key alias', 'API key', 'Endpoint', 'Model']) {
        expect(fields.some((f) => f.startsWith(want)), `${want} in ${JSON.stringify(fields)}`).to.equal(true);
      }
      expect(await providers.locator('input[type="password"]').count()).to.equal(1);
      expect(await providers.locator('button[type="submit"]').isDisabled(), 'add needs an alias first').to.equal(true);
      await shot(admin, 'ais-admin-providers');
    });

    it('adds a webhook endpoint (secret shown once), sends a test event and redelivers it (webhooks tab)', async () => {
      const rx = await new WebhookReceiver().start();
      try {
        await admin.locator('ais-admin #tab-webhooks').click();
        const tab = admin.locator('ais-admin-webhooks');
        await tab.locator('p.muted', { hasText: 'No webhook endpoints yet.' }).waitFor();
        await tab.locator('input[type="url"]').fill(`${rx.url}/hook`);
        await tab.locator('label.field', { hasText: 'Description' }).locator('input').fill('CRM sync');
        await tab.locator('button[type="submit"]').click();
        const secret = (await tab.locator('[role="status"] code').textContent())!;
        expect(secret).to.match(/^whsec_/);
        rx.secret('/hook', secret);
        await tab.locator('table[part~="table"] tbody tr', { hasText: `${rx.url}/hook` }).waitFor();
        await tab.locator('button', { hasText: 'Send test' }).click();
        await poll(async () => rx.on('/hook').length, (v) => expect(v).to.equal(1));
        expect(rx.on('/hook')[0]).to.include({ verified: true, type: 'webhook.test' });
        await tab.locator('button', { hasText: 'Deliveries' }).click();
        await tab.locator('.badge', { hasText: 'succeeded' }).waitFor();
        await shot(admin, 'ais-admin-webhooks');
        await tab.locator('button', { hasText: 'Redeliver' }).click();
        await poll(async () => rx.on('/hook').length, (v) => expect(v).to.equal(2));
        expect(rx.on('/hook')[1]!.id).to.equal(rx.on('/hook')[0]!.id);
        await audit(admin, 'ais-admin');
      } finally {
        await rx.stop();
      }
    });

    it('looks alice up, adjusts her balance with a note, suspends her and lifts it (users tab)', async () => {
      const staff = s.token('admin', { role: 'admin' });
      const balance = async () => (await s.call('GET', '/api/credits/balance', { token: s.token('alice') })).body.credits as number;
      const before = await balance();
      await admin.locator('ais-admin #tab-users').click();
      const tab = admin.locator('ais-admin-users');
      await tab.locator('input[type="search"]').fill('alice');
      await tab.locator('button[type="submit"]').click();
      await tab.locator('table[part~="table"] button', { hasText: 'Alice' }).first().click();
      const kpis = tab.locator('[part~="kpis"] .kpi');
      await kpis.first().waitFor();
      expect((await kpis.first().locator('.label').textContent())!.trim()).to.equal('Balance');
      expect(Number((await kpis.first().locator('.value').textContent())!.replace(/[^\d.]/g, ''))).to.equal(before);
      await tab.locator('label.field', { hasText: 'Credits' }).locator('input').fill('1.5');
      await tab.locator('button', { hasText: 'Apply' }).click();
      await tab.locator('[role="status"]', { hasText: 'Write a note first' }).waitFor();
      await tab.locator('label.field', { hasText: 'Note' }).locator('input').fill('goodwill after a failed render');
      await tab.locator('button', { hasText: 'Apply' }).click();
      await tab.locator('[role="status"]', { hasText: 'Balance is now' }).waitFor();
      expect(await balance()).to.equal(before + 1.5);
      await tab.locator('label.field', { hasText: 'Note' }).locator('input').fill('testing the suspension');
      await tab.locator('button', { hasText: 'Suspend' }).click();
      await tab.locator('h3 .badge', { hasText: 'Suspended' }).waitFor();
      const refused = await s.call('POST', '/api/community/publish', { token: s.token('alice'), body: {} });
      expect(refused.body.code).to.equal('account_suspended');
      await shot(admin, 'ais-admin-users');
      await audit(admin, 'ais-admin');
      await tab.locator('label.field', { hasText: 'Note' }).locator('input').fill('done testing');
      await tab.locator('button', { hasText: 'Lift the suspension' }).click();
      await poll(() => tab.locator('h3 .badge', { hasText: 'Suspended' }).count(), (v) => expect(v).to.equal(0));
      const audits = (await s.call('GET', '/api/admin/audit-log?limit=10', { token: staff })).body.items as { action: string }[];
      expect(audits.map((a) => a.action)).to.include.members(['user.adjust', 'user.suspend', 'user.unsuspend']);
    });
  });

  describe('accessibility (axe-core: no serious or critical violations)', () => {
    for (const tag of ['ais-studio', 'ais-my-creations', 'ais-feed', 'ais-wallet', 'ais-referral', 'ais-admin']) {
      it(tag, () => {
        expect(a11y.has(tag), `${tag} was audited in the flows above`).to.equal(true);
        const found = a11y.get(tag)!;
        expect(found, `${tag}:\n  ${[...new Set(found)].join('\n  ')}`).to.deep.equal([]);
      });
    }
  });

  it('logged no errors in the pages', () => {
    // 402: carol's generate without credits; 403: bob opening the staff-only page. Both are the scenarios.
    const real = errors.filter((e) => !/Failed to load resource: the server responded with a status of (402|403)/.test(e));
    expect(real, real.join('\n')).to.deep.equal([]);
  });
});
