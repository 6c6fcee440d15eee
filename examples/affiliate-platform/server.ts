import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../../api/src/config.js';
import { services } from '../../api/src/context.js';
import { sessionCodec, type SiteSession } from './session.js';
import { DEMO_USERS, findUser, signUp } from './users.js';

/**
 * LearnLoop Academy: a fictional affiliate learning platform, the studio's first partner.
 * It signs its learners in with its own cookie session and acts as the partner backend that
 * mints short-lived studio JWTs (HS256, the default partner's secret) for the widgets on its pages.
 */
const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const TOKEN_TTL_S = 15 * 60;

interface Page { file: string; title: string; nav: string; admin?: boolean }
const PAGES: Record<string, Page> = {
  '/': { file: 'studio.html', title: 'Creative Studio', nav: 'studio' },
  '/creations': { file: 'creations.html', title: 'My Creations', nav: 'creations' },
  '/community': { file: 'community.html', title: 'Community', nav: 'community' },
  '/wallet': { file: 'wallet.html', title: 'Wallet', nav: 'wallet' },
  '/refer': { file: 'refer.html', title: 'Refer & Earn', nav: 'refer' },
  '/admin': { file: 'admin.html', title: 'Studio Admin', nav: 'admin', admin: true },
};

/** The API's settings when the site runs inside the API process (npm start, tests); the environment otherwise. */
function partnerSettings() {
  let cfg;
  try { cfg = services().config; } catch { cfg = loadConfig(); }
  return { secret: cfg.authJwtSecret, partnerKey: cfg.defaultPartnerKey };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const safeNext = (n: unknown) => (typeof n === 'string' && /^\/[\w\-/?=&%.]*$/.test(n) && !n.startsWith('//') ? n : '/');
const refCode = (r: unknown) => (typeof r === 'string' && /^[A-Za-z0-9_-]{3,32}$/.test(r) ? r : undefined);

function render(file: string, vars: Record<string, string>) {
  const read = (f: string) => fs.readFileSync(path.join(PUBLIC, f), 'utf8');
  const body = read(file.startsWith('pages/') ? file : `pages/${file}`);
  return read('layout.html').replace('{{content}}', () => body).replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');
}

export function router(): Router {
  const r = Router();
  // Settings are read per request: the router outlives one API boot in the tests (the mount caches it).
  const session = {
    read: (req: Request) => sessionCodec(partnerSettings().secret).read(req),
    write: (req: Request, res: Response, s: Omit<SiteSession, 'iat'>) => sessionCodec(partnerSettings().secret).write(req, res, s),
    clear: (req: Request, res: Response) => sessionCodec(partnerSettings().secret).clear(req, res),
  };
  const form = express.urlencoded({ extended: false, limit: '8kb' });

  r.use('/assets', express.static(PUBLIC, { index: false, maxAge: 0 }));

  for (const [route, page] of Object.entries(PAGES)) {
    r.get(route, (req, res) => {
      const s = session.read(req);
      if (!s) {
        const q = new URLSearchParams({ next: req.originalUrl });
        const ref = refCode(req.query.ref);
        if (ref) q.set('ref', ref);
        return res.redirect(302, `/signin?${q}`);
      }
      if (page.admin && s.role !== 'admin') return res.status(403).type('html').send(renderPage(req, forbiddenPage(), s));
      res.type('html').send(renderPage(req, page, s));
    });
  }

  function renderPage(req: Request, page: Page, s: SiteSession) {
    const { partnerKey } = partnerSettings();
    const site = { user: { sub: s.sub, name: s.name, role: s.role }, apiBase: `${req.protocol}://${req.get('host')}`, partnerKey, locale: 'en-IN' };
    return render(page.file, {
      title: esc(page.title), nav: page.nav, userName: esc(s.name), initials: esc(initials(s.name)),
      adminLink: s.role === 'admin' ? '<a href="/admin" data-nav="admin">Admin</a>' : '',
      site: JSON.stringify(site).replace(/</g, '\\u003c'), partnerKey: esc(partnerKey), apiBase: esc(site.apiBase),
    });
  }

  r.get('/signin', (req, res) => {
    if (session.read(req)) return res.redirect(302, safeNext(req.query.next));
    const ref = refCode(req.query.ref) ?? '';
    const next = safeNext(req.query.next);
    const users = DEMO_USERS.map((u, i) => `
      <label class="ll-user-option">
        <input type="radio" name="user" value="${esc(u.sub)}"${i === 0 ? ' checked' : ''}>
        <span class="ll-avatar" aria-hidden="true">${esc(initials(u.name))}</span>
        <span><strong>${esc(u.name)}</strong>${u.role === 'admin' ? ' <span class="ll-badge">admin</span>' : ''}<br><small>${esc(u.blurb)}</small></span>
      </label>`).join('');
    const html = fs.readFileSync(path.join(PUBLIC, 'signin.html'), 'utf8')
      .replace(/\{\{(\w+)\}\}/g, (_m, k: string) => ({
        users, next: esc(next), ref: esc(ref),
        refNotice: ref ? `<p class="ll-notice" role="status">You were invited with code <strong>${esc(ref)}</strong>. Create your account to get your welcome credits.</p>` : '',
        error: req.query.error ? '<p class="ll-error" role="alert">Please pick a user or enter your name.</p>' : '',
      } as Record<string, string>)[k] ?? '');
    res.type('html').send(html);
  });

  r.post('/partner/signin', form, (req, res) => {
    const u = findUser(String(req.body?.user ?? ''));
    const next = safeNext(req.body?.next);
    if (!u) return res.redirect(303, `/signin?error=1&next=${encodeURIComponent(next)}`);
    session.write(req, res, { sub: u.sub, name: u.name, email: u.email, role: u.role });
    res.redirect(303, next);
  });

  r.post('/partner/signup', form, (req, res) => {
    const name = String(req.body?.name ?? '').trim();
    const next = safeNext(req.body?.next);
    const ref = refCode(req.body?.ref);
    if (!name) return res.redirect(303, `/signin?error=1&next=${encodeURIComponent(next)}${ref ? `&ref=${ref}` : ''}`);
    const u = signUp(name, typeof req.body?.email === 'string' ? req.body.email : undefined);
    session.write(req, res, { sub: u.sub, name: u.name, email: u.email, role: u.role, ref });
    res.redirect(303, next);
  });

  r.post('/partner/signout', (req, res) => {
    session.clear(req, res);
    res.redirect(303, '/signin');
  });

  r.get('/partner/me', (req, res) => {
    const s = session.read(req);
    if (!s) return res.status(401).json({ error: 'signed_out' });
    res.json({ sub: s.sub, name: s.name, role: s.role });
  });

  // The partner backend's token endpoint: the page's getToken callback calls it whenever it needs a fresh token.
  r.post('/partner/token', (req, res) => {
    const s = session.read(req);
    res.setHeader('Cache-Control', 'no-store');
    if (!s) return res.status(401).json({ error: 'signed_out' });
    const claims: Record<string, string> = { name: s.name, role: s.role };
    if (s.email) claims.email = s.email;
    // The studio reads `ref` only when it first meets this sub, so every token of the sign-up session may carry it.
    if (s.ref) claims.ref = s.ref;
    const token = jwt.sign(claims, partnerSettings().secret, { algorithm: 'HS256', subject: s.sub, expiresIn: TOKEN_TTL_S });
    res.json({ token, expiresIn: TOKEN_TTL_S, expiresAt: new Date(Date.now() + TOKEN_TTL_S * 1000).toISOString() });
  });

  return r;
}

function initials(name: string) {
  return name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w)).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
}

function forbiddenPage(): Page {
  return { file: 'forbidden.html', title: 'Staff only', nav: 'admin' };
}
