import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { databases, startServer, type TestServer } from '../support/harness.js';

/** Browser-suite plumbing: the Chromium to drive, the widget bundle, screenshots and the accessibility check. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const BUNDLE = path.join(ROOT, 'widgets', 'dist', 'ais-widgets.js');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export const haveChromium = () => fs.existsSync(CHROMIUM);

/** Builds the widgets when the bundle is missing (npm test builds them first; a lone mocha run may not have). */
export function ensureWidgets() {
  if (fs.existsSync(BUNDLE)) return;
  const r = spawnSync('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent', '--environment', 'ONLY:widgets'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(BUNDLE)) throw new Error('building the widgets failed');
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (own cookies) for one person, with the page's console errors collected. */
export async function personContext(browser: Browser, baseUrl: string): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'en-IN', acceptDownloads: true });
  ctx.setDefaultTimeout(10000);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { ctx, page, errors };
}

/** Signs in on the partner site's own sign-in page, as a person would. */
export async function signIn(page: Page, user: string, next = '/') {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export async function shot(page: Page, name: string, target?: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  if (target) await page.locator(target).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs axe-core over the page or one widget (shadow roots included); answers the serious and critical violations. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (sel) => {
    type Node = { target: unknown[]; failureSummary?: string };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: Node[] }[] }> } }).axe;
    const res = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '').slice(0, 220)}`),
    }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help})\n        ${v.targets.join('\n        ')}`);
}

/** Fails on serious or critical violations. */
export async function expectAccessible(page: Page, include?: string) {
  const bad = await seriousViolations(page, include);
  expect(bad, `accessibility violations:\n  ${bad.join('\n  ')}`).to.deep.equal([]);
}

/** The balance the partner site shows in its header, once it has settled on `want`. */
export async function expectHeaderCredits(page: Page, want: number) {
  await page.waitForFunction((n) => document.getElementById('ll-credits')?.textContent === String(n), want, { timeout: 10000 })
    .catch(async () => { throw new Error(`header shows ${await page.locator('#ll-credits').textContent()} credits, expected ${want}`); });
}

/**
 * The bundle must register the widget: a page without it is a failure, never a skipped test.
 * site.js imports the bundle after the load event may have fired, so this waits for the definition (with a ceiling).
 */
export async function expectWidget(page: Page, tag: string, timeoutMs = 10000) {
  const defined = await page.evaluate(([t, ms]) => Promise.race([
    customElements.whenDefined(t).then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]), [tag, timeoutMs] as const);
  if (!defined) throw new Error(`<${tag}> was not registered on ${page.url()} within ${timeoutMs} ms (widget bundle missing or broken)`);
}

/**
 * `describe` when Chromium is installed. Without it the suite is skipped on a developer's machine, but under
 * CI=true it fails: a CI run must not go green without its browser tests.
 */
export function describeInChromium(title: string, fn: (this: Mocha.Suite) => void): void {
  if (haveChromium()) {
    describe(title, fn);
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('has a Chromium to run in', () => { throw new Error(`no Chromium at ${CHROMIUM} and CI=true: install it (apt-get install chromium) or set CHROMIUM_PATH`); });
    });
  } else {
    console.warn(`  [browser] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH; under CI=true this fails)`);
    describe.skip(title, fn);
  }
}

/** Retries an assertion on a fresh reading until it holds (the widgets render asynchronously). */
export async function poll<T>(read: () => Promise<T>, check: (v: T) => void, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return v;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** What a browser suite over the example partner site works with; the fields are set by the suite's `before`. */
export interface ExampleSite { s: TestServer; browser: Browser; page: Page; errors: string[] }

/**
 * The before/after hooks of a browser suite over the example partner site: a fresh database (the first configured,
 * or the last: MariaDB when MYSQL_URL is set), the API serving the example site, Chromium, and one person's page
 * whose console and page errors collect into `errors`. Call it inside describeInChromium; read the fields in tests.
 */
export function exampleSiteSuite(opts: { database?: 'first' | 'last'; env?: Record<string, string>; ready?: (s: TestServer) => Promise<void> | void } = {}): ExampleSite {
  const site = { errors: [] as string[] } as ExampleSite;
  let drop: (() => Promise<void>) | undefined;
  before(async function () {
    this.timeout(180000);
    ensureWidgets();
    const all = databases();
    const db = await (opts.database === 'last' ? all.at(-1)! : all[0]!).make();
    drop = db.drop;
    site.s = await startServer({ dbUrl: db.url, examples: true, env: { JOB_POLL_MS: '50', ...opts.env } });
    await opts.ready?.(site.s);
    site.browser = await launch();
    const p = await personContext(site.browser, site.s.baseUrl);
    site.page = p.page;
    p.errors.push = (...e: string[]) => site.errors.push(...e);
  });
  after(async () => { await site.browser?.close(); await site.s?.close(); await drop?.(); });
  return site;
}
