import { Op } from 'sequelize';
import { services } from '../../context.js';
import { isUniqueViolation } from '../../db.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import { Category, Template } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { audit } from '../../admin/audit.js';
import { listPage, optText, reqText, slugify, stripUndefined, type Page } from '../../admin/catalog-common.js';
import type { Principal } from '../../auth/principal.js';

export interface AdminCategoryView {
  id: string; name: string; slug: string; description?: string; style?: string; displayOrder: number; isActive: boolean;
  templateCount: number; activeTemplateCount: number; createdAt: string; updatedAt: string;
}
export interface CategoryInput { name?: string; slug?: string; description?: string | null; style?: string | null; displayOrder?: number; isActive?: boolean }

async function present(rows: Category[]): Promise<AdminCategoryView[]> {
  const ids = rows.map((r) => r.id);
  const templates = ids.length ? await Template.findAll({ where: { categoryId: ids }, attributes: ['categoryId', 'isActive'] }) : [];
  return rows.map((c) => {
    const mine = templates.filter((t) => t.categoryId === c.id);
    return {
      id: c.id, name: c.name, slug: c.slug, description: c.description ?? undefined, style: c.style ?? undefined, displayOrder: c.displayOrder,
      isActive: c.isActive, templateCount: mine.length, activeTemplateCount: mine.filter((t) => t.isActive).length,
      createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
    };
  });
}

function check(body: CategoryInput, creating: boolean): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  if (creating || body.name !== undefined) values.name = reqText('name', body.name, 1, 100, errors);
  if (body.slug !== undefined) {
    if (typeof body.slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(body.slug) || body.slug.length > 100) {
      errors.push({ field: 'slug', message: 'must be 1 to 100 lower-case letters, digits and single dashes' });
    } else values.slug = body.slug;
  } else if (creating && typeof values.name === 'string') {
    values.slug = slugify(values.name);
    if (!values.slug) errors.push({ field: 'slug', message: 'could not be made from the name; send one' });
  }
  if (body.description !== undefined) values.description = optText('description', body.description, 500, errors);
  if (body.style !== undefined) values.style = optText('style', body.style, 500, errors);
  if (body.displayOrder !== undefined) {
    if (!Number.isInteger(body.displayOrder) || body.displayOrder < 0 || body.displayOrder > 1_000_000) errors.push({ field: 'displayOrder', message: 'must be a whole number from 0 to 1000000' });
    else values.displayOrder = body.displayOrder;
  }
  if (body.isActive !== undefined) {
    if (typeof body.isActive !== 'boolean') errors.push({ field: 'isActive', message: 'must be true or false' });
    else values.isActive = body.isActive;
  }
  return { values: stripUndefined(values), errors };
}

const slugTaken = () => new AppError('conflict', 'Another category of this partner already uses this slug.', { errors: [{ field: 'slug', message: 'already used' }] });

async function ensureSlugFree(tenantId: string, slug: unknown, exceptId?: string) {
  if (typeof slug !== 'string') return;
  const other = await Category.findOne({ where: { tenantId, slug, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) }, attributes: ['id'] });
  if (other) throw slugTaken();
}

const unique = (err: unknown) => {
  if (isUniqueViolation(err)) throw slugTaken();
  throw err;
};

export async function listCategories(admin: Principal, q: { active?: boolean; limit?: number; cursor?: string }): Promise<Page<AdminCategoryView>> {
  const where: Record<string, unknown> = { tenantId: admin.tenantId };
  if (q.active !== undefined) where.isActive = q.active;
  const page = await listPage(Category, where, q);
  return { items: await present(page.items), nextCursor: page.nextCursor };
}

async function mustFind(admin: Principal, id: string) {
  const c = await Category.findOne({ where: { id, tenantId: admin.tenantId } });
  if (!c) throw notFound('category');
  return c;
}

export async function getCategory(admin: Principal, id: string) {
  return (await present([await mustFind(admin, id)]))[0]!;
}

export async function createCategory(admin: Principal, body: CategoryInput): Promise<AdminCategoryView> {
  const { values, errors } = check(body ?? {}, true);
  if (errors.length) throw new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  await ensureSlugFree(admin.tenantId, values.slug);
  const { db } = services();
  const row = await db.tx(async (t) => {
    if (values.displayOrder === undefined) {
      const max = (await Category.max('displayOrder', { where: { tenantId: admin.tenantId }, transaction: t })) as number | null;
      values.displayOrder = (max ?? -1) + 1;
    }
    const c = await Category.create({ id: newId('cat'), tenantId: admin.tenantId, isActive: true, description: null, style: null, ...values }, { transaction: t });
    await audit(t, admin, 'category.create', 'category', c.id, null, { after: values });
    return c;
  }).catch(unique);
  return (await present([row]))[0]!;
}

export async function updateCategory(admin: Principal, id: string, body: CategoryInput, action = 'category.update'): Promise<AdminCategoryView> {
  const existing = await mustFind(admin, id);
  const { values, errors } = check(body ?? {}, false);
  if (errors.length) throw new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  await ensureSlugFree(admin.tenantId, values.slug, id);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(values)) before[k] = existing.get(k);
  const { db } = services();
  await db.tx(async (t) => {
    await Category.update(values, { where: { id, tenantId: admin.tenantId }, transaction: t });
    const act = values.isActive === false && existing.isActive ? 'category.deactivate' : values.isActive === true && !existing.isActive ? 'category.reactivate' : action;
    await audit(t, admin, act, 'category', id, null, { before, after: values });
  }).catch(unique);
  return getCategory(admin, id);
}

/** Deactivating hides the category and its templates from the studio; creations and posts made with them keep their data. */
export async function deactivateCategory(admin: Principal, id: string) {
  return updateCategory(admin, id, { isActive: false });
}

/** Sets displayOrder to the position in `ids` (categories not listed keep their order, after the listed ones). */
export async function reorderCategories(admin: Principal, body: { ids?: unknown }) {
  const ids = body?.ids;
  if (!Array.isArray(ids) || !ids.length || ids.length > 500 || ids.some((x) => typeof x !== 'string')) {
    throw new AppError('validation_error', 'ids: a list of 1 to 500 category ids', { errors: [{ field: 'ids', message: 'a list of category ids' }] });
  }
  if (new Set(ids).size !== ids.length) throw new AppError('validation_error', 'ids: duplicate id', { errors: [{ field: 'ids', message: 'duplicate id' }] });
  const all = await Category.findAll({ where: { tenantId: admin.tenantId }, order: [['displayOrder', 'ASC'], ['id', 'ASC']] });
  const known = new Set(all.map((c) => c.id));
  const unknown = (ids as string[]).filter((x) => !known.has(x));
  if (unknown.length) throw notFound('category');
  const rest = all.filter((c) => !(ids as string[]).includes(c.id)).map((c) => c.id);
  const order = [...(ids as string[]), ...rest];
  const { db } = services();
  await db.tx(async (t) => {
    for (const [i, cid] of order.entries()) await Category.update({ displayOrder: i }, { where: { id: cid, tenantId: admin.tenantId }, transaction: t });
    await audit(t, admin, 'category.reorder', 'category', null, null, { order });
  });
  return listCategories(admin, { limit: 100 });
}
