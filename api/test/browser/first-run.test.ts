import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/harness.js';
import { describeInChromium, exampleSiteSuite, expectHeaderCredits, expectWidget, personContext, poll, shot, signIn } from './support.js';

/**
 * The example site as a new partner first sees it: the default partner's welcome grant (5 credits) lets a brand-new
 * user finish the getting-started tour with an image; the wallet and the studio in Hindi; the configuration form.
 */
describeInChromium('first run of the example site in a browser', function () {
  this.timeout(90000);
  const site = exampleSiteSuite({ env: { DEFAULT_PARTNER_WELCOME_CREDITS: '5' } });
  let s: TestServer;
  let page: Page;
  let errors: string[];
  before(() => ({ s, page, errors } = site));

  it('a brand-new user starts with the welcome grant and generates an image', async () => {
    await signIn(page, 'carol');
    await expectHeaderCredits(page, 5);
    const studio = page.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('poster for a beginner affiliate marketing workshop');
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });
    await expectHeaderCredits(page, 4);
    await shot(page, 'first-run-studio');
  });

  it('the wallet writes history for people and shows no monthly cap when none is set', async () => {
    await page.goto('/wallet');
    const wallet = page.locator('ais-wallet');
    await poll(() => wallet.locator('[part~="history"]').textContent(), (v) => {
      expect(v).to.contain('Welcome gift');
      expect(v).to.contain('Image created');
      expect(v).to.not.match(/sandbox|grant$/i);
    });
    expect(await wallet.locator('[part~="balance"]').textContent()).to.not.contain('Left this month');
    await shot(page, 'first-run-wallet');
  });

  it('shows the wallet in Hindi, with numbers and dates formatted for hi-IN', async () => {
    await page.evaluate(() => document.querySelectorAll('ais-wallet').forEach((e) => ((e as HTMLElement & { locale: string }).locale = 'hi')));
    const wallet = page.locator('ais-wallet');
    await poll(() => wallet.locator('[part~="history"]').textContent(), (v) => {
      expect(v).to.contain('स्वागत उपहार');
      expect(v).to.contain('इमेज बनाई गई');
    });
    await shot(page, 'hindi-wallet');
    await page.goto('/');
    await page.evaluate(() => document.querySelectorAll('ais-studio').forEach((e) => ((e as HTMLElement & { locale: string }).locale = 'hi')));
    await poll(() => page.locator('ais-studio [part~="generate"]').textContent(), (v) => expect(v).to.contain('क्रेडिट'));
    await shot(page, 'hindi-studio', 'ais-studio');
  });

  it('a partner adds a language with strings only (no rebuild)', async () => {
    await page.goto('/wallet');
    await page.locator('ais-wallet [part~="history"]').waitFor();
    await page.evaluate(() => {
      const w = document.querySelector('ais-wallet') as HTMLElement & { strings: unknown; locale: string };
      w.strings = { ta: { walletTitle: 'பணப்பை', line_welcome: 'வரவேற்பு பரிசு' } };
      w.locale = 'ta';
    });
    await poll(() => page.locator('ais-wallet [part~="history"]').textContent(), (v) => expect(v).to.contain('வரவேற்பு பரிசு'));
  });

  it('an invalid token reads "We could not sign you in" and fires ais-auth-error', async () => {
    const detail = await page.evaluate(() => new Promise((resolve) => {
      const w = document.createElement('ais-wallet') as unknown as HTMLElement & { getToken: () => string };
      w.id = 'broken-wallet';
      w.addEventListener('ais-auth-error', (e) => resolve((e as CustomEvent).detail), { once: true });
      // Its own token callback wins over the page's (configure({getToken})): a token signed with the wrong secret.
      w.getToken = () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5fQ.bad-signature';
      document.querySelector('main')!.prepend(w);
    }));
    expect(detail).to.include({ code: 'unauthorized' });
    await poll(() => page.locator('#broken-wallet [role="alert"]').first().textContent(), (v) => expect(v).to.contain('We could not sign you in'));
    await shot(page, 'auth-error', '#broken-wallet');
  });

  it('the admin configuration is a labelled form with field errors', async function () {
    const admin = (await personContext(site.browser, s.baseUrl)).page;
    await signIn(admin, 'admin', '/admin');
    await expectWidget(admin, 'ais-admin');
    await admin.locator('ais-admin #tab-config').click();
    const credits = admin.locator('ais-admin #cfg-tiers-premium2-credits');
    await credits.waitFor();
    await poll(() => admin.locator('ais-admin [part~="config-form"]').textContent(), (v) => {
      for (const label of ['Prices', 'Credit packs', 'Quality tiers', 'Rewards', 'Caps and grants', 'Limits', 'Features', 'Campaigns', 'Welcome grant (credits)']) expect(v).to.contain(label);
      expect(v).to.not.contain('Premium2');
    });
    expect(await admin.locator('ais-admin #cfg-welcomeGrant').inputValue()).to.equal('5');
    await shot(admin, 'admin-config-form');
    await credits.fill('-1');
    await admin.locator('ais-admin [part~="config-form"] button[type="submit"]').click();
    await poll(() => admin.locator('ais-admin label:has(#cfg-tiers-premium2-credits) .field-error').textContent(), (v) => expect(v).to.match(/Between/));
    await shot(admin, 'admin-config-errors');
    await credits.fill('3');
    await admin.locator('ais-admin [part~="config-form"] button[type="submit"]').click();
    await admin.locator('ais-admin [part~="config-form"] .inline-alert.success').waitFor();
    const tiers = await s.call('GET', '/api/studio/tiers', { token: s.token('alice') });
    expect(tiers.body.items.find((t: { tier: string }) => t.tier === 'premium2').credits).to.equal(3);
    await admin.context().close();
  });

  it('logged no page errors', () => {
    expect(errors.filter((e) => !/401|Unauthorized|status of 40[13]/.test(e))).to.deep.equal([]);
  });
});
