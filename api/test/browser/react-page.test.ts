import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt } from '../../../scripts/pack-install.js';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { describeInChromium, expectWidget, launch, personContext, poll, shot } from './support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The package's `./react` module as npm ships it (lit, @lit/react and react left as imports for the app to bundle). */
const REACT_WRAPPERS = path.join(ROOT, 'widgets', 'dist', 'npm', 'react.js');
/** The page is served under the API's own origin (through Playwright routing), so the widgets need no CORS. */
const PAGE_PATH = '/react-page/';

/**
 * A partner's React app, written without JSX (no JSX step in the test): the wallet and the studio side by side,
 * the token handed in as a prop, and React state fed by the wrappers' `on…` props, shown in the page so the test
 * sees that React received the events and re-rendered.
 */
const APP = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AisStudio, AisWallet } from ${JSON.stringify(REACT_WRAPPERS)};

function App({ token }) {
  const [generated, setGenerated] = useState(null);
  const [balance, setBalance] = useState(null);
  const [locale, setLocale] = useState('en');
  return h('main', null,
    h('h1', null, 'React partner app'),
    h('p', null,
      h('button', { id: 'to-hindi', onClick: () => setLocale('hi') }, 'Hindi'),
      ' ',
      h('output', { id: 'generated' }, generated ? 'generated ' + generated.imageId + ' (' + generated.tier + ')' : 'nothing yet'),
      ' ',
      h('output', { id: 'balance' }, balance === null ? '' : 'balance ' + balance)),
    h(AisWallet, { token, locale, noHistory: true }),
    h(AisStudio, { token, locale, noTemplates: true, onGenerated: (e) => setGenerated(e.detail), onBalanceChanged: (e) => setBalance(e.detail.credits) }));
}

createRoot(document.getElementById('root')).render(h(App, { token: window.PARTNER_TOKEN }));
`;

/** Bundles the app with esbuild (react and react-dom ship CommonJS, which esbuild converts; rollup here has no commonjs plugin). */
async function bundleApp(): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents: APP, resolveDir: ROOT, sourcefile: 'react-app.js', loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
    // The development build: React's own warnings (unknown props, bad children) reach the console, which fails the test.
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return out.outputFiles[0]!.text;
}

const html = (token: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>React partner app</title>
<script>window.PARTNER_TOKEN = ${JSON.stringify(token)};</script>
<script type="module" src="app.js"></script></head>
<body><div id="root"></div></body></html>`;

describeInChromium('widgets in a React 19 page (the @lit/react wrappers) in Chromium', function () {
  this.timeout(60000);
  let s: TestServer;
  let drop: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  before(async function () {
    this.timeout(180000);
    ensureBuilt('widgets', 'widgets/dist/npm/react.js');
    const app = await bundleApp();
    const db = await databases()[0]!.make();
    drop = db.drop;
    s = await startServer({ dbUrl: db.url, env: { JOB_POLL_MS: '50' } });
    await s.grant('rhea', 5);
    browser = await launch();
    const p = await personContext(browser, s.baseUrl);
    page = p.page;
    errors = p.errors;
    const token = s.token('rhea');
    await page.route(`${s.baseUrl}${PAGE_PATH}**`, (route) => {
      const file = new URL(route.request().url()).pathname.slice(PAGE_PATH.length);
      if (file === '' || file === 'index.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(token) });
      if (file === 'app.js') return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: app });
      return route.fulfill({ status: 404, body: 'not found' });
    });
  });

  after(async () => {
    await browser?.close();
    await s?.close();
    await drop?.();
  });

  afterEach(() => {
    expect(errors, `console errors:\n${errors.join('\n')}`).to.deep.equal([]);
  });

  it('upgrades <ais-wallet> and <ais-studio> rendered by React, with the token passed as a prop', async () => {
    await page.goto(PAGE_PATH);
    await expectWidget(page, 'ais-wallet');
    await expectWidget(page, 'ais-studio');
    // Upgraded elements with shadow roots, the token set as a property (it has no attribute).
    const state = await page.evaluate(() => ['ais-wallet', 'ais-studio'].map((t) => {
      const el = document.querySelector(t) as (HTMLElement & { token?: string }) | null;
      return { tag: t, upgraded: !!el && el.constructor !== HTMLElement, shadow: !!el?.shadowRoot, token: typeof el?.token, attr: el?.hasAttribute('token') };
    }));
    expect(state).to.deep.equal([
      { tag: 'ais-wallet', upgraded: true, shadow: true, token: 'string', attr: false },
      { tag: 'ais-studio', upgraded: true, shadow: true, token: 'string', attr: false },
    ]);
    // The wallet's balance and the studio's prompt box, read through the shadow roots.
    await poll(() => page.locator('ais-wallet [part~="balance"] .value.big').textContent(), (v) => expect(v?.trim()).to.equal('5'));
    await page.locator('ais-studio [part~="prompt"]').waitFor();
    await page.locator('ais-studio [part~="generate"]').waitFor();
  });

  it('fires the React onGenerated and onBalanceChanged props when a prompt is generated, and the wallet follows the balance', async () => {
    const studio = page.locator('ais-studio');
    await studio.locator('[part~="prompt"]').fill('a lighthouse at dawn, watercolour');
    await studio.locator('[part~="generate"]').click();
    await studio.locator('[part~="result"] img').waitFor({ timeout: 30000 });
    // React state set by onGenerated, re-rendered into the page.
    await poll(() => page.locator('#generated').textContent(), (v) => expect(v).to.match(/^generated \S+ \(standard\)$/));
    // The studio's ais-balance-changed reached both the React onBalanceChanged prop and, through window, the wallet.
    await poll(() => page.locator('#balance').textContent(), (v) => expect(v).to.equal('balance 4'));
    await poll(() => page.locator('ais-wallet [part~="balance"] .value.big').textContent(), (v) => expect(v?.trim()).to.equal('4'));
    await shot(page, 'react-page');
  });

  it('passes a changed React prop on to the element (locale)', async () => {
    const title = page.locator('ais-wallet [part~="title"]');
    const before = (await title.textContent())?.trim();
    await page.locator('#to-hindi').click();
    await poll(() => page.evaluate(() => (document.querySelector('ais-wallet') as HTMLElement & { locale?: string }).locale), (v) => expect(v).to.equal('hi'));
    await poll(() => title.textContent(), (v) => expect(v?.trim()).to.not.equal(before));
  });
});
