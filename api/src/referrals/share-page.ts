import { Router } from 'express';
import { Post, User } from '../models/index.js';
import { services } from '../context.js';
import { tenantById } from '../tenants/tenants.js';
import { shareLinkFor } from './share-link.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const CSP = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function page(head: string, body: string) {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}
<style>body{font-family:system-ui,sans-serif;margin:0;background:#111;color:#eee;display:flex;justify-content:center}main{max-width:720px;padding:24px}
img{max-width:100%;border-radius:12px}a.cta{display:inline-block;margin-top:16px;padding:12px 20px;background:#6c5ce7;color:#fff;border-radius:8px;text-decoration:none}</style>
</head><body><main>${body}</main></body></html>`;
}

/**
 * GET /share/{postId}?ref=CODE: a public HTML page whose Open Graph / Twitter tags make a rich preview
 * on social networks and chat apps, and whose call to action carries the sharer's referral code to
 * the partner's site. Only public, visible posts have one; anything else is a 404 page.
 */
export function shareRouter() {
  const r = Router();
  r.get('/share/:postId', async (req, res, next) => {
    try {
      const postId = req.params.postId;
      const post = /^[\w-]{1,40}$/.test(postId) ? await Post.findByPk(postId) : null;
      if (!post || post.visibility !== 'public' || post.isHidden || post.isDeleted) {
        res.status(404).type('html').setHeader('Content-Security-Policy', CSP);
        res.send(page('<title>Not found</title><meta name="robots" content="noindex">', '<h1>This post is not available</h1><p>It may have been made private or removed.</p>'));
        return;
      }
      const [tenant, author] = await Promise.all([tenantById(post.tenantId), User.findByPk(post.userId, { attributes: ['name'] })]);
      const rawRef = typeof req.query.ref === 'string' ? req.query.ref.trim().toUpperCase() : '';
      const sharer = /^[A-Z0-9]{4,16}$/.test(rawRef)
        ? await User.findOne({ where: { tenantId: post.tenantId, referralCode: rawRef }, attributes: ['referralCode'] })
        : null;
      const base = services().config.publicUrl;
      const image = `${base}/api/public/posts/${encodeURIComponent(post.id)}/image`;
      const url = `${base}/share/${encodeURIComponent(post.id)}${sharer ? `?ref=${sharer.referralCode}` : ''}`;
      const site = sharer ? await shareLinkFor(post.tenantId, sharer.referralCode) : (tenant?.siteUrl || base);
      const siteName = tenant?.name ?? 'Community AI Studio';
      const title = post.title;
      const description = `${author?.name ? `By ${author.name}. ` : ''}Made with the AI Studio on ${siteName}. Remix this prompt and create your own.`;
      const head = [
        `<title>${esc(title)} · ${esc(siteName)}</title>`,
        `<meta name="description" content="${esc(description)}">`,
        `<link rel="canonical" href="${esc(url)}">`,
        `<meta property="og:type" content="article">`,
        `<meta property="og:site_name" content="${esc(siteName)}">`,
        `<meta property="og:title" content="${esc(title)}">`,
        `<meta property="og:description" content="${esc(description)}">`,
        `<meta property="og:image" content="${esc(image)}">`,
        `<meta property="og:image:alt" content="${esc(title)}">`,
        `<meta property="og:url" content="${esc(url)}">`,
        `<meta name="twitter:card" content="summary_large_image">`,
        `<meta name="twitter:title" content="${esc(title)}">`,
        `<meta name="twitter:description" content="${esc(description)}">`,
        `<meta name="twitter:image" content="${esc(image)}">`,
      ].join('\n');
      const body = `<img src="${esc(image)}" alt="${esc(title)}"><h1>${esc(title)}</h1>${author?.name ? `<p>by ${esc(author.name)}</p>` : ''}
<a class="cta" href="${esc(site)}" rel="noopener">Create your own on ${esc(siteName)}</a>`;
      res.status(200).type('html').setHeader('Content-Security-Policy', CSP);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.send(page(head, body));
    } catch (err) {
      next(err);
    }
  });
  return r;
}
