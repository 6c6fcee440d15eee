import { QueryTypes } from 'sequelize';
import { AppError, invalid } from '../../errors.js';
import { services } from '../../context.js';
import type { Dialect } from '../../db.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { isPrincipal, type Caller } from '../../auth/principal.js';
import { parseTags, presentCard, type CardRow, type CardView } from '../../presenters/community.js';
import { toDate } from '../../community/dates.js';
import { idComparator } from '../../community/id-order.js';
import { CURSOR_MAX_AGE_MS } from '../../community/feed-cursor.js';


/**
 * The community feed, keyset-paged (docs/community.md, "Paging").
 * latest:   ORDER BY created_at DESC, id DESC; the cursor is the last (created_at, id). New posts land above the
 *           cursor, so a walk sees every post that existed when it started exactly once.
 * trending: ORDER BY trending_score DESC, id DESC over a snapshot. The first page pins T (now) and S = T - lag;
 *           every page orders the posts created at or before T by the score they had at S: posts whose score has not
 *           changed since S come straight from the index (score_changed_at <= S), and the few that changed since S
 *           are placed by their old score from post_score_history. Likes and reuses during a walk therefore move
 *           nothing, and nothing is repeated or skipped. score_changed_at stays at the epoch until a post's counters
 *           first change, so a post published a moment ago is in the snapshot with its initial score.
 */
/**
 * S = T: a like or remix answered before the feed request moves the post at once ("recomputed as they change",
 * CONTRACT.md). A lag would also cover a change stamped just before T but committed just after the first page was
 * read (transactions here last milliseconds), at the price of a trending order that trails every like by the lag.
 */
let snapshotLagMs = 0;
export function setSnapshotLag(ms: number) { snapshotLagMs = ms; }

export type FeedSort = 'trending' | 'latest';
export interface FeedQuery { sort?: FeedSort; categoryId?: string; limit?: number; cursor?: string }
export interface FeedPage { items: CardView[]; nextCursor?: string }

type Cur = { k: 'l'; c: string | null; a: number; id: string } | { k: 't'; c: string | null; T: number; S: number; s: number; id: string };
const isCur = (v: unknown): v is Cur => {
  const o = v as Record<string, unknown>;
  if (!o || typeof o !== 'object' || typeof o.id !== 'string' || o.id.length > 40 || !(o.c === null || typeof o.c === 'string')) return false;
  if (o.k === 'l') return Number.isSafeInteger(o.a);
  if (o.k === 't') return Number.isSafeInteger(o.T) && Number.isSafeInteger(o.S) && (o.S as number) <= (o.T as number) && typeof o.s === 'number' && Number.isFinite(o.s);
  return false;
};

const COLS = `p.id, p.image_id AS imageId, p.title, p.category_id AS categoryId, p.tags, p.likes_count AS likesCount, p.reuse_count AS reuseCount,
  p.visibility, p.listed, p.trending_score AS trendingScore, p.created_at AS createdAt, u.sub AS authorSub, u.name AS authorName,
  EXISTS (SELECT 1 FROM post_likes l /*likes_hint*/ WHERE l.post_id = p.id AND l.user_id = :me) AS liked`;
/**
 * Author and the caller's like in the same statement: one round trip per page (:me is '' for visitors). The like is
 * a correlated subquery, evaluated for the returned rows only; a LEFT JOIN made MariaDB buffer the join and sort.
 */
const FROM = `community_posts p JOIN users u ON u.id = p.user_id`;

type Raw = Record<string, unknown>;
type Item = { row: CardRow; liked: boolean };
const toItem = (r: Raw): Item => ({ row: toRow(r), liked: !!Number(r.liked) });
const toRow = (r: Raw): CardRow => ({
  id: String(r.id), imageId: String(r.imageId), title: String(r.title), categoryId: String(r.categoryId), tags: parseTags(r.tags),
  likesCount: Number(r.likesCount), reuseCount: Number(r.reuseCount), visibility: String(r.visibility), listed: !!Number(r.listed),
  trendingScore: Number(r.trendingScore), createdAt: toDate(r.createdAt), authorSub: String(r.authorSub), authorName: (r.authorName as string | null) ?? null,
});

export async function feed(caller: Caller, q: FeedQuery): Promise<FeedPage> {
  const config = await getTenantConfig(caller.tenantId);
  if (!isPrincipal(caller) && !config.feed.publicVisitors) throw new AppError('unauthorized', 'This partner shows its feed to signed-in users only.');
  const sort: FeedSort = q.sort ?? 'trending';
  if (sort !== 'trending' && sort !== 'latest') throw invalid('sort', 'must be trending or latest');
  // CONTRACT.md: every list takes limit 1..100; the partner's maxPageSize caps the page size, it never refuses a valid limit.
  const limit = Math.min(parseLimit(q.limit, 20, 100), config.feed.maxPageSize);
  if (q.categoryId !== undefined && (typeof q.categoryId !== 'string' || q.categoryId.length > 40)) throw invalid('categoryId', 'must be a category id');
  const categoryId = q.categoryId || null;
  const cur = decodeCursor<Cur>(q.cursor, isCur);
  if (cur && (cur.k !== sort[0] || cur.c !== categoryId)) throw invalid('cursor', 'this cursor belongs to another sort or category');

  const me = isPrincipal(caller) ? caller.userId : '';
  const rows = sort === 'latest' ? await latestPage(caller.tenantId, me, categoryId, limit, cur as Extract<Cur, { k: 'l' }> | undefined)
    : await trendingPage(caller.tenantId, me, categoryId, limit, cur as Extract<Cur, { k: 't' }> | undefined);
  return { items: rows.items.map((r) => presentCard(r.row, r.liked)), nextCursor: rows.next ? encodeCursor(rows.next) : undefined };
}

/**
 * The page queries (exported for the benchmark's EXPLAIN), served by the (tenant, listed[, category], key, id) indexes.
 * The redundant `key <= cursor` bound makes the cursor a range bound. On MySQL/MariaDB the tenant equality is written
 * as a closed range and the ORDER BY names every index column: with `tenant_id = ?` MariaDB prefers a "ref" scan on
 * (tenant_id, listed) that reads the index from the newest row and filters, so page N costs O(N) row lookups; the
 * range form starts the backward scan at the cursor (20 index reads at any depth) and still needs no sort.
 * SQLite seeks equality columns then one range column, so it keeps the plain form.
 * bench/feed.ts prints EXPLAIN of every shape on a 1,000,000-post MariaDB.
 */
function pageSql(dialect: Dialect, key: 'created_at' | 'trending_score', byCategory: boolean, keyset: string, extra: string, limit: number) {
  const cat = byCategory ? 'AND p.category_id = :cat' : '';
  if (dialect === 'mysql') {
    // STRAIGHT_JOIN: walk the posts index first; otherwise the optimizer may start from users and sort everything.
    // The like lookup is pinned to the unique (post_id, user_id) key: one probe per returned row, however many likes the caller has.
    // The posts index is pinned too, so a small category never gets a "cheaper" plan that sorts.
    const index = `posts_${byCategory ? 'cat_' : ''}${key === 'created_at' ? 'latest' : 'trending'}_idx`;
    return `SELECT STRAIGHT_JOIN ${COLS.replace('/*likes_hint*/', 'FORCE INDEX (likes_post_user_uq)')}
      FROM community_posts p FORCE INDEX (${index}) JOIN users u ON u.id = p.user_id
      WHERE p.tenant_id >= :tenant AND p.tenant_id <= :tenant AND p.listed = 1 ${cat} ${keyset} ${extra}
      ORDER BY p.tenant_id DESC, p.listed DESC, ${byCategory ? 'p.category_id DESC, ' : ''}p.${key} DESC, p.id DESC LIMIT ${limit + 1}`;
  }
  return `SELECT ${COLS} FROM ${FROM}
    WHERE p.tenant_id = :tenant AND p.listed = 1 ${cat} ${keyset} ${extra}
    ORDER BY p.${key} DESC, p.id DESC LIMIT ${limit + 1}`;
}
export function latestSql(byCategory: boolean, withCursor: boolean, limit = 20, dialect: Dialect = services().db.dialect) {
  return pageSql(dialect, 'created_at', byCategory,
    withCursor ? 'AND p.created_at <= :a AND (p.created_at < :a OR (p.created_at = :a AND p.id < :id))' : '', '', limit);
}
/**
 * The trending page plus, in the same round trip, the score history since S (UNION ALL; history rows carry kind = 1,
 * the post id in `id`, the old score in `trendingScore`, the change time in `createdAt` and the history id in `likesCount`).
 */
export function trendingSql(byCategory: boolean, withCursor: boolean, limit = 20, dialect: Dialect = services().db.dialect) {
  const page = pageSql(dialect, 'trending_score', byCategory,
    withCursor ? 'AND p.trending_score <= :s AND (p.trending_score < :s OR (p.trending_score = :s AND p.id < :id))' : '',
    'AND p.created_at <= :T AND p.score_changed_at <= :S', limit).replace(' AS liked', ' AS liked, 0 AS kind');
  const history = `SELECT h.post_id AS id, NULL AS imageId, NULL AS title, NULL AS categoryId, NULL AS tags, h.id AS likesCount, 0 AS reuseCount,
    NULL AS visibility, 0 AS listed, h.old_score AS trendingScore, h.changed_at AS createdAt, NULL AS authorSub, NULL AS authorName, 0 AS liked, 1 AS kind
    FROM post_score_history h WHERE h.tenant_id = :tenant AND h.changed_at > :S`;
  return dialect === 'mysql' ? `(${page}) UNION ALL (${history})` : `SELECT * FROM (${page}) UNION ALL ${history}`;
}

/**
 * Dates as the column stores them, with milliseconds, for raw SQL parameters. (Sequelize formats a Date replacement
 * for MySQL without milliseconds, which would silently move keyset bounds to the second.)
 */
export function dbDate(ms: number, dialect: Dialect = services().db.dialect) {
  const iso = new Date(ms).toISOString();
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  return dialect === 'sqlite' ? `${base} +00:00` : base;
}

/** Plain text queries: measured on MariaDB, mysql2 prepared statements cost 2.5x more per page than escaped replacements. */
async function select(sql: string, replacements: Record<string, unknown>): Promise<Raw[]> {
  return services().db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<Raw[]>;
}

async function latestPage(tenant: string, me: string, cat: string | null, limit: number, cur?: Extract<Cur, { k: 'l' }>) {
  const b: Record<string, unknown> = { tenant, me };
  if (cat) b.cat = cat;
  if (cur) {
    b.a = dbDate(cur.a);
    b.id = cur.id;
  }
  const raw = await select(latestSql(!!cat, !!cur, limit), b);
  const items = raw.slice(0, limit).map(toItem);
  const last = items[items.length - 1];
  const next: Cur | undefined = raw.length > limit && last ? { k: 'l', c: cat, a: last.row.createdAt.getTime(), id: last.row.id } : undefined;
  return { items, next };
}

async function trendingPage(tenant: string, me: string, cat: string | null, limit: number, cur?: Extract<Cur, { k: 't' }>) {
  const T = cur ? cur.T : Date.now();
  const S = cur ? cur.S : T - snapshotLagMs;
  if (Date.now() - T > CURSOR_MAX_AGE_MS) throw invalid('cursor', 'this cursor has expired; start again from the first page');
  const b: Record<string, unknown> = { tenant, me, T: dbDate(T), S: dbDate(S) };
  if (cat) b.cat = cat;
  if (cur) {
    b.s = cur.s;
    b.id = cur.id;
  }
  const rows = await select(trendingSql(!!cat, !!cur, limit), b);
  const unchanged = rows.filter((x) => !Number(x.kind));
  // Posts whose score changed after S: their score at S is the old score of their first change after S.
  const hist = rows.filter((x) => Number(x.kind))
    .map((x) => ({ postId: String(x.id), oldScore: Number(x.trendingScore), at: toDate(x.createdAt).getTime(), seq: Number(x.likesCount) }))
    .sort((x, y) => (x.at - y.at) || (x.seq - y.seq));
  const cmp = idComparator(services().db.dialect);
  const items = unchanged.map((x) => { const it = toItem(x); return { ...it, s: it.row.trendingScore }; });
  if (hist.length) {
    const asOfS = new Map<string, number>();
    for (const h of hist) if (!asOfS.has(String(h.postId))) asOfS.set(String(h.postId), Number(h.oldScore));
    const changed = await services().db.sequelize.query(`SELECT ${COLS} FROM ${FROM}
      WHERE p.tenant_id = :tenant AND p.listed = 1 ${cat ? 'AND p.category_id = :cat' : ''} AND p.created_at <= :T AND p.id IN (:ids)`,
    { replacements: { tenant, me, cat, T: dbDate(T), ids: [...asOfS.keys()] }, type: QueryTypes.SELECT }) as Raw[];
    for (const x of changed) {
      const it = toItem(x);
      const s = asOfS.get(it.row.id)!;
      if (!cur || s < cur.s || (s === cur.s && cmp(it.row.id, cur.id) < 0)) items.push({ ...it, s });
    }
    items.sort((a, c) => (c.s - a.s) || cmp(c.row.id, a.row.id));
  }
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  const more = unchanged.length > limit || items.length > limit;
  const next: Cur | undefined = more && last ? { k: 't', c: cat, T, S, s: last.s, id: last.row.id } : undefined;
  return { items: page, next };
}
