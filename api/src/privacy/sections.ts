import { Op } from 'sequelize';
import {
  Consent, GeneratedImage, GenerationJob, IdempotencyKey, LedgerEntry, Notification, Order, PaymentEvent, Post, PostLike, PostReport,
  PostScoreHistory, ReferralEvent, RemixOpen, ReuseEvent, User, Wallet,
  BrandKit, Poster, ModerationAppeal, UserSuspension, DebtEntry,
} from '../models/index.js';
import { findReceiptsOf } from '../receipts/issue.js';
import { services } from '../context.js';
import { signedImageUrl } from '../storage/signed-urls.js';
import { deletePublic } from '../community/public-images.js';

/**
 * What we store about a person, table by table: the one list both the export (GET /api/me/export) and the erasure
 * (DELETE /api/me, admin erase) walk. A feature that stores something new about a user adds ONE entry to SECTIONS:
 * `export` answers the rows as plain JSON, `count` (optional) sizes the export, `erase` (optional) deletes or scrubs
 * them and must be safe to run again (a crashed erasure is re-run from the start). A section without `erase` keeps its
 * rows on erasure: say why in its comment (docs/privacy.md lists them).
 */
export interface Subject { tenantId: string; userId: string }

export interface PrivacySection {
  /** Key of the section in the export document. */
  name: string;
  export(s: Subject): Promise<unknown>;
  /** Rows the section holds (the export runs as a job above a threshold). */
  count?(s: Subject): Promise<number>;
  erase?(s: Subject): Promise<void>;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const credits = (milli: number) => milli / 1000;
const mine = (s: Subject) => ({ tenantId: s.tenantId, userId: s.userId });
/** Keeps an erasure's statements short (MariaDB locks, SQLite's single writer). */
const BATCH = 200;

/** Signed links of a creation, made at the moment they are served (an export kept by a job re-signs them). */
export function creationLinks(imageId: string) {
  return { imageUrl: signedImageUrl(imageId, 'original'), thumbnailUrl: signedImageUrl(imageId, 'thumb') };
}

export const SECTIONS: PrivacySection[] = [
  {
    // Brand kits (posters): names, colours, font and the logo, all the user's own; deleted with the logo file.
    name: 'brandKits',
    async export(s) {
      return (await BrandKit.findAll({ where: mine(s), order: [['createdAt', 'ASC']] }))
        .map((k) => ({ id: k.id, name: k.name, colors: k.colors, font: k.font, hasLogo: !!k.logoKey, createdAt: iso(k.createdAt) }));
    },
    async erase(s) {
      const storage = services().storage;
      for (const k of await BrandKit.findAll({ where: mine(s), attributes: ['id', 'logoKey'] })) {
        if (k.logoKey) await storage.delete(k.logoKey).catch(() => undefined);
      }
      await BrandKit.destroy({ where: mine(s) });
    },
  },
  {
    // Posters: the texts typeset over the user's images (the poster images themselves are creations, below).
    name: 'posters',
    async export(s) {
      return (await Poster.findAll({ where: mine(s), order: [['createdAt', 'ASC']] }))
        .map((p) => ({ id: p.id, imageId: p.imageId, sourceImageId: p.sourceImageId, layout: p.layout, format: p.format, text: p.text, qr: p.qr,
          createdAt: iso(p.createdAt) }));
    },
    async erase(s) { await Poster.destroy({ where: mine(s) }); },
  },
  {
    // Appeals of moderation decisions: the message is the user's words and is scrubbed; the decision stays (audit).
    name: 'appeals',
    async export(s) {
      return (await ModerationAppeal.findAll({ where: mine(s), order: [['createdAt', 'ASC']] }))
        .map((a) => ({ id: a.id, postId: a.postId, action: a.action, message: a.message, status: a.status, createdAt: iso(a.createdAt) }));
    },
    async erase(s) { await ModerationAppeal.update({ message: '' }, { where: mine(s) }); },
  },
  {
    // Kept on erasure: a suspension is the partner's enforcement record (its note is staff's words, not the user's).
    name: 'suspension',
    async export(s) {
      const row = await UserSuspension.findOne({ where: mine(s) });
      return row ? { suspendedAt: iso(row.createdAt) } : null;
    },
  },
  {
    // Kept on erasure for the legal retention period, like orders and the ledger: debts from refunded or disputed payments.
    name: 'debts',
    async export(s) {
      return (await DebtEntry.findAll({ where: mine(s), order: [['id', 'ASC']] }))
        .map((d) => ({ delta: credits(d.delta), debtAfter: credits(d.debtAfter), reason: d.reason, refType: d.refType, refId: d.refId, createdAt: iso(d.createdAt) }));
    },
  },
  {
    // Kept on erasure (tax records): the receipts of the user's paid orders.
    name: 'receipts',
    async export(s) {
      return (await findReceiptsOf(s.tenantId, s.userId)).map((r) => ({ receiptNumber: r.number, orderId: r.orderId, issuedAt: iso(r.issuedAt),
        amountPaise: r.snapshot.amountPaise }));
    },
  },
  {
    name: 'profile',
    async export(s) {
      const u = await User.findOne({ where: { tenantId: s.tenantId, id: s.userId } });
      if (!u) return null;
      return {
        id: u.id, sub: u.sub, name: u.name, email: u.email, role: u.role, referralCode: u.referralCode, referredByUserId: u.referredByUserId,
        referralClaimedAt: iso(u.referralClaimedAt), deviceId: u.deviceId, signupIp: u.signupIp, lastIp: u.lastIp, priceBand: u.priceBand,
        isPaying: u.isPaying, firstPurchaseAt: iso(u.firstPurchaseAt), firstGenerationAt: iso(u.firstGenerationAt), generationCount: u.generationCount,
        lastActiveAt: iso(u.lastActiveAt), createdAt: iso(u.createdAt),
      };
    },
    // The row itself is pseudonymised by the erasure (privacy/erasure.ts), after every other section.
  },
  {
    // Kept on erasure (purpose and version only, under the pseudonymous id): the record that consent was given.
    name: 'consents',
    async export(s) {
      return (await Consent.findAll({ where: mine(s), order: [['createdAt', 'ASC']] }))
        .map((c) => ({ purpose: c.purpose, version: c.version, givenAt: iso(c.createdAt) }));
    },
  },
  {
    // Kept on erasure: accounting records for the legal retention period; amounts and ids only.
    name: 'wallet',
    async export(s) {
      const w = await Wallet.findOne({ where: mine(s) });
      return w ? { balance: credits(w.balance), spentMonth: w.spentMonth, spentInMonth: credits(w.spentInMonth) } : null;
    },
  },
  {
    // Rows stay with their amounts, reasons and references (ledger:check keeps passing); free-text notes go (they can
    // quote a post title or an admin's words about the person). The one change an erasure makes to a ledger row.
    name: 'ledger',
    count: (s) => LedgerEntry.count({ where: mine(s) }),
    async erase(s) { await LedgerEntry.update({ note: null }, { where: { ...mine(s), note: { [Op.ne]: null } } }); },
    async export(s) {
      return (await LedgerEntry.findAll({ where: mine(s), order: [['id', 'ASC']] })).map((e) => ({
        id: e.id, delta: credits(e.delta), balanceAfter: credits(e.balanceAfter), reason: e.reason, refType: e.refType, refId: e.refId, note: e.note,
        createdAt: iso(e.createdAt),
      }));
    },
  },
  {
    // Orders stay (tax and accounting); what the gateway told us about the payer (webhook payloads) is erased.
    name: 'orders',
    count: (s) => Order.count({ where: mine(s) }),
    async export(s) {
      return (await Order.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((o) => ({
        id: o.id, gateway: o.gateway, gatewayOrderId: o.gatewayOrderId, amountPaise: o.amountPaise, currency: o.currency, credits: credits(o.credits),
        packId: o.packId, quantity: o.quantity, status: o.status, paymentId: o.paymentId, paidAt: iso(o.paidAt), failureReason: o.failureReason,
        createdAt: iso(o.createdAt),
      }));
    },
    async erase(s) {
      const ids = (await Order.findAll({ where: mine(s), attributes: ['id'] })).map((o) => o.id);
      for (let i = 0; i < ids.length; i += BATCH) {
        await PaymentEvent.update({ payload: null }, { where: { tenantId: s.tenantId, orderId: ids.slice(i, i + BATCH) } });
      }
    },
  },
  {
    // Job rows stay (the ledger's generation debits and refunds point at them); the prompt and provider messages go.
    name: 'jobs',
    count: (s) => GenerationJob.count({ where: mine(s) }),
    async export(s) {
      return (await GenerationJob.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((j) => ({
        id: j.id, imageId: j.imageId, status: j.status, credits: credits(j.cost), refunded: j.refunded, request: j.request, provider: j.provider,
        errorCode: j.errorCode, errorMessage: j.errorMessage, createdAt: iso(j.createdAt), finishedAt: iso(j.finishedAt),
      }));
    },
    async erase(s) {
      for (;;) {
        const rows = await GenerationJob.findAll({ where: { ...mine(s), [Op.or]: [{ errorMessage: { [Op.ne]: null } }, { request: { [Op.notLike]: '{"erased":true%' } }] },
          attributes: ['id', 'request'], limit: BATCH });
        if (!rows.length) return;
        for (const j of rows) {
          const r = j.request ?? {};
          await GenerationJob.update({ errorMessage: null, request: { erased: true, tier: r.tier, width: r.width, height: r.height, watermark: r.watermark, prompt: '' } },
            { where: { id: j.id } });
        }
      }
    },
  },
  {
    // Files (original, thumbnail, public rendition and its thumbnail) are deleted from storage first, then the row is
    // scrubbed and marked deleted: its signed links answer 404 from then on (http/files.ts). Ids stay for the ledger.
    name: 'creations',
    count: (s) => GeneratedImage.count({ where: { ...mine(s), deletedAt: null } }),
    async export(s) {
      return (await GeneratedImage.findAll({ where: { ...mine(s), deletedAt: null }, order: [['createdAt', 'ASC']] })).map((i) => ({
        id: i.id, jobId: i.jobId, status: i.status, prompt: i.promptText, tier: i.tier, templateId: i.templateId, width: i.width, height: i.height,
        provider: i.provider, watermark: i.watermark, creditsSpent: credits(i.creditsSpent), postId: i.publishedPostId, createdAt: iso(i.createdAt),
        ...(i.status === 'succeeded' ? creationLinks(i.id) : {}),
      }));
    },
    async erase(s) {
      const { storage } = services();
      for (;;) {
        const rows = await GeneratedImage.findAll({
          where: { ...mine(s), [Op.or]: [{ deletedAt: null }, { storageKey: { [Op.ne]: null } }, { thumbKey: { [Op.ne]: null } },
            { publicKey: { [Op.ne]: null } }, { promptText: { [Op.ne]: '' } }] },
          attributes: ['id', 'storageKey', 'thumbKey', 'publicKey'], limit: BATCH,
        });
        if (!rows.length) return;
        for (const img of rows) {
          // A store that cannot answer throws: the erasure is retried later rather than leaving files behind.
          for (const key of [img.storageKey, img.thumbKey]) if (key) await storage.delete(key);
          if (img.publicKey) await deletePublic(img.publicKey);
          await GeneratedImage.update({ deletedAt: new Date(), status: 'deleted', storageKey: null, thumbKey: null, publicKey: null, promptText: '' },
            { where: { id: img.id } });
        }
      }
    },
  },
  {
    // Deleted with what hangs on them (others' likes and reports of them, score history). Others' remix counts and
    // the remix events that paid the author stay: numbers and ids.
    name: 'posts',
    count: (s) => Post.count({ where: mine(s) }),
    async export(s) {
      return (await Post.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((p) => ({
        id: p.id, imageId: p.imageId, title: p.title, categoryId: p.categoryId, tags: p.tags, prompt: p.promptText, likes: p.likesCount,
        remixes: p.reuseCount, rewardTotal: credits(p.rewardTotal), visibility: p.visibility, hidden: p.isHidden, deleted: p.isDeleted,
        createdAt: iso(p.createdAt),
      }));
    },
    async erase(s) {
      for (;;) {
        const ids = (await Post.findAll({ where: mine(s), attributes: ['id'], limit: BATCH })).map((p) => p.id);
        if (!ids.length) return;
        const where = { tenantId: s.tenantId, postId: ids };
        await PostLike.destroy({ where });
        await PostReport.destroy({ where });
        await RemixOpen.destroy({ where });
        await PostScoreHistory.destroy({ where });
        await GeneratedImage.update({ publishedPostId: null }, { where: { tenantId: s.tenantId, publishedPostId: ids } });
        await Post.destroy({ where: { tenantId: s.tenantId, id: ids } });
      }
    },
  },
  {
    // The like rows go; the counters on others' posts stay numbers.
    name: 'likes',
    count: (s) => PostLike.count({ where: mine(s) }),
    async export(s) {
      return (await PostLike.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((l) => ({ postId: l.postId, createdAt: iso(l.createdAt) }));
    },
    async erase(s) { await PostLike.destroy({ where: mine(s) }); },
  },
  {
    // The report stays for the moderation history (post, reason code, outcome); its free text goes.
    name: 'reports',
    count: (s) => PostReport.count({ where: mine(s) }),
    async export(s) {
      return (await PostReport.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((r) => ({
        id: r.id, postId: r.postId, reason: r.reason, details: r.details, status: r.status, createdAt: iso(r.createdAt),
      }));
    },
    async erase(s) { await PostReport.update({ details: null }, { where: { ...mine(s), details: { [Op.ne]: null } } }); },
  },
  {
    // Remix records stay (ids and amounts behind the creators' rewards); the "opened a remix" trail goes.
    name: 'remixes',
    async export(s) {
      const made = await ReuseEvent.findAll({ where: { tenantId: s.tenantId, remixerUserId: s.userId }, order: [['createdAt', 'ASC']] });
      const opened = await RemixOpen.findAll({ where: mine(s), order: [['createdAt', 'ASC']] });
      return {
        made: made.map((e) => ({ id: e.id, sourcePostId: e.sourcePostId, imageId: e.remixedImageId, createdAt: iso(e.createdAt) })),
        opened: opened.map((o) => ({ postId: o.postId, createdAt: iso(o.createdAt) })),
      };
    },
    async erase(s) { await RemixOpen.destroy({ where: mine(s) }); },
  },
  {
    // Referral events stay (they carry the bonuses the ledger paid): ids, types and amounts.
    name: 'referrals',
    async export(s) {
      const rows = await ReferralEvent.findAll({
        where: { tenantId: s.tenantId, [Op.or]: [{ referrerUserId: s.userId }, { refereeUserId: s.userId }, { beneficiaryUserId: s.userId }] },
        order: [['createdAt', 'ASC']],
      });
      return rows.map((e) => ({
        id: e.id, type: e.type, role: e.referrerUserId === s.userId ? 'referrer' : 'referee', credits: credits(e.creditsAwarded),
        beneficiary: e.beneficiaryUserId === s.userId, status: e.status, holdReason: e.holdReason, createdAt: iso(e.createdAt),
      }));
    },
  },
  {
    name: 'notifications',
    count: (s) => Notification.count({ where: mine(s) }),
    async export(s) {
      return (await Notification.findAll({ where: mine(s), order: [['createdAt', 'ASC']] })).map((n) => ({
        id: n.id, type: n.type, title: n.title, body: n.body, data: n.data, readAt: iso(n.readAt), createdAt: iso(n.createdAt),
      }));
    },
    async erase(s) { await Notification.destroy({ where: mine(s) }); },
  },
  {
    // Not the user's own rows: other people's "<name> liked your post" notifications name the liker. They stay, anonymous.
    name: 'mentions',
    async export() { return undefined; },
    async erase(s) {
      for (;;) {
        const rows = await Notification.findAll({ where: { tenantId: s.tenantId, type: 'like', dedupeKey: { [Op.like]: `like:%:${s.userId}` } },
          attributes: ['id', 'data'], limit: BATCH });
        if (!rows.length) return;
        for (const n of rows) {
          const postId = (n.data as { postId?: unknown } | null)?.postId ?? null;
          await Notification.update({ title: 'Someone liked your post', data: { postId }, dedupeKey: null }, { where: { id: n.id } });
        }
      }
    },
  },
  {
    // Not exported (replay records of the caller's own requests, kept 7 days at most); erased with the rest.
    name: 'idempotencyKeys',
    async export() { return undefined; },
    async erase(s) { await IdempotencyKey.destroy({ where: mine(s) }); },
  },
];
