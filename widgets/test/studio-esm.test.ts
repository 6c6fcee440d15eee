import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { databases, startServer, type TestServer } from '../../api/test/support/harness.js';
import { describeInChromium, ensureWidgets, launch, personContext, shot, signIn } from '../../api/test/browser/support.js';
import { ROOT } from '../../scripts/pack-install.js';

/**
 * A page with only <ais-studio> from the per-widget ES build (dist/esm/ais-studio.js, the page the 25 KB budget is
 * about): the studio works with only its own SDK resources and strings registered, downloads neither the admin nor
 * the Hindi chunk, and a lazy part whose chunk fails to download (the publish dialog, offline) shows an error with a
 * retry that then opens it. The example site's page is used, with its bundle import answered by the studio entry.
 * Screenshots: test-output/screenshots/studio-esm-*.png.
 */
describeInChromium('widgets: a studio-only page from the ES build, lazy chunk failing then retried', function () {
  this.timeout(180000);
  let s: TestServer;
  let browser: Browser;
  let drop: () => Promise<void>;

  before(async () => {
    ensureWidgets();
    const db = await databases()[0]!.make();
    drop = db.drop;
    s = await startServer({ dbUrl: db.url, examples: true, env: { JOB_POLL_MS: '50', DEFAULT_PARTNER_WELCOME_CREDITS: '5' } });
    browser = await launch();
  });
  after(async () => { await browser?.close(); await s?.close(); await drop?.(); });

  it('generates, shows a retry when the publish chunk fails, and opens the dialog on retry', async () => {
    const esm = path.join(ROOT, 'widgets', 'dist', 'esm');
    const publishChunk = fs.readdirSync(esm).find((f) => f.startsWith('shared-') && fs.readFileSync(path.join(esm, f), 'utf8').includes('"ais-publish-dialog"'));
    expect(publishChunk, 'the publish dialog is a chunk of its own').to.be.a('string');
    const { page, errors } = await personContext(browser, s.baseUrl);
    const requested = new Set<string>();
    page.on('request', (r) => { if (r.url().includes('/widgets/')) requested.add(new URL(r.url()).pathname); });
    await page.route('**/widgets/ais-widgets.js', (r) => r.fulfill({ contentType: 'text/javascript', body: "import '/widgets/esm/ais-studio.js'; export function configure() {}" }));
    let offline = true;
    await page.route(`**/widgets/esm/${publishChunk}`, (r) => (offline ? r.abort() : r.continue()));

    await signIn(page, 'carol');
    const studio = page.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('poster for a beginner affiliate marketing workshop');
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });

    await studio.locator('[part~="publish"]').click();
    const alert = studio.locator('.actions [role="alert"]');
    await alert.waitFor();
    await shot(page, 'studio-esm-publish-failed', 'ais-studio');
    offline = false;
    await alert.locator('button').click();
    await studio.locator('ais-publish-dialog dialog[open]').waitFor();
    expect(await alert.count()).to.equal(0);
    await shot(page, 'studio-esm-publish-retried');

    // In the ES build chunks are all `shared-<hash>.js`: find the admin's and the Hindi ones by content.
    const notForThisPage = fs.readdirSync(esm).filter((f) => /"ais-admin"|[\u0900-\u097F]/.test(fs.readFileSync(path.join(esm, f), 'utf8')))
      .filter((f) => !/"ais-poster-composer"/.test(fs.readFileSync(path.join(esm, f), 'utf8')));
    expect(notForThisPage.length, 'the admin and Hindi files exist').to.be.at.least(2);
    const files = [...requested];
    expect(files.filter((f) => notForThisPage.some((n) => f.endsWith(`/${n}`))), files.join(' ')).to.deep.equal([]);
    expect(errors.filter((e) => !/net::ERR_FAILED/.test(e)), errors.join('\n')).to.deep.equal([]);
  });
});
