import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { describeInChromium, exampleSiteSuite, poll, shot, signIn } from './support.js';

/**
 * The compose step of <ais-studio> in a browser: after an image, "Make a poster" loads the composer, the live preview
 * follows the text, the server renders the final poster (free), and My Creations shows the poster with its source.
 * Screenshots: test-output/screenshots/poster-composer-*.png.
 */
describeInChromium('poster composer in a browser', function () {
  this.timeout(120000);
  const site = exampleSiteSuite({ env: { DEFAULT_PARTNER_WELCOME_CREDITS: '5' } });
  let page: Page;
  let errors: string[];
  before(() => ({ page, errors } = site));

  it('composes a poster after generation: live preview, server-side final, free', async () => {
    await signIn(page, 'carol');
    const studio = page.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('a bright classroom with a laptop and notebooks');
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });
    await studio.locator('[part~="make-poster"]').click();
    const composer = page.locator('ais-poster-composer');
    await composer.locator('[part~="poster-headline"]').fill('50% off SEO मास्टरक्लास');
    await composer.locator('[part~="poster-subline"]').fill('Live हर Sunday, recordings included');
    await composer.locator('[part~="poster-price"]').fill('₹499');
    await composer.locator('[part~="poster-cta"]').fill('Join अभी');
    await composer.locator('[part~="poster-format"]').selectOption('portrait');
    await composer.getByRole('button', { name: 'Price burst' }).click();
    expect(await composer.locator('[part~="poster-preview"]').textContent()).to.contain('मास्टरक्लास');
    await shot(page, 'poster-composer-preview');
    await composer.locator('[part~="make-poster"]').click();
    const final = composer.locator('[part~="poster-final"]');
    await final.waitFor({ timeout: 30000 });
    await poll(() => final.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), (w) => expect(w).to.equal(1080));
    await shot(page, 'poster-composer-final');
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('My Creations shows the poster with its source image', async () => {
    await page.goto('/creations');
    const mine = page.locator('ais-my-creations');
    await mine.locator('[part~="poster-badge"]').first().waitFor();
    await mine.locator('[part~="poster-badge"]').first().locator('xpath=ancestor::div[@part="card"]').locator('button.tile').click();
    await mine.locator('[part~="poster-source"]').waitFor();
    await shot(page, 'poster-my-creations');
  });
});
