import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { services } from '../../src/context.js';
import { LocalImageProvider } from '../../src/providers/images/index.js';
import { describeInChromium, exampleSiteSuite, poll, seriousViolations, shot, signIn } from './support.js';

/**
 * <ais-studio>'s format and count pickers (issue 14 item 4) in a real browser: pick Story and 4 images, the button
 * shows the total (4 × 1 credit), the result is a grid of four 9:16 images; screenshots in test-output/screenshots.
 * Runs on the last configured database (MariaDB when MYSQL_URL is set).
 */
describeInChromium('studio format and count pickers in a browser', function () {
  this.timeout(120000);
  const site = exampleSiteSuite({
    database: 'last',
    ready: async (s) => {
      services().providers.replaceImageProviderForTests(async () => new LocalImageProvider());
      await s.grant('alice', 10);
    },
  });
  let page: Page;
  let errors: string[];
  before(() => ({ page, errors } = site));

  it('picks a format and a count, shows the total and a grid of results in the format', async () => {
    await signIn(page, 'alice');
    const studio = page.locator('ais-studio');
    await studio.locator('[part~="generate"]').waitFor();
    await studio.locator('[part~="format"]', { hasText: /story/i }).click();
    await studio.locator('[part~="count"]', { hasText: '4' }).click();
    await studio.locator('[part~="tier"]', { hasText: /standard/i }).click();
    await poll(() => studio.locator('[part~="format"][aria-checked="true"]').textContent(), (v) => expect(v).to.match(/story/i));
    await poll(() => studio.locator('[part~="generate"]').textContent(), (v) => expect(v!.replace(/\s+/g, ' ')).to.match(/4 × 1 credit = 4 credits/));
    await poll(() => studio.locator('[part~="tier"][aria-checked="true"]').textContent(), (v) => expect(v).to.match(/576\D+1024/));
    await studio.locator('textarea').fill('A bold reel cover for the SEO masterclass, orange and navy');
    await shot(page, 'ais-studio-format-picker', 'ais-studio');
    expect(await seriousViolations(page, 'ais-studio')).to.deep.equal([]);
    const generated = page.evaluate(() => new Promise((r) => document.addEventListener('ais-generated', (e) => r((e as CustomEvent).detail), { once: true })));
    await studio.locator('[part~="generate"]').click();
    await generated;
    await studio.locator('[part~="results"] .thumb').nth(3).waitFor();
    expect(await studio.locator('[part~="results"] .thumb').count()).to.equal(4);
    const size = await studio.locator('[part~="result"] img').evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]));
    expect(size).to.deep.equal([576, 1024]);
    await studio.locator('[part~="results"] .thumb').nth(2).click();
    await shot(page, 'ais-studio-variations', 'ais-studio');
    expect(await seriousViolations(page, 'ais-studio')).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
