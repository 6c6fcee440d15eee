import { services } from '../../context.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import { Category, Template } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { TIERS } from '../../tenants/tenant-config.js';
import { FORMAT_NAMES, isFormat } from '../../studio/formats.js';
import { checkPrompt } from '../../providers/content-policy.js';
import { audit } from '../../admin/audit.js';
import { listPage, optText, reqText, stripUndefined, type Page } from '../../admin/catalog-common.js';
import type { Principal } from '../../auth/principal.js';

export interface AdminTemplateView {
  id: string; title: string; categoryId: string; promptText: string; description?: string; defaultTier: string; displayOrder: number;
  isActive: boolean; createdBy?: string; createdAt: string; updatedAt: string;
  /** The format a generation from this template gets when it names none (issue 14); absent: square. */
  defaultFormat?: string;
}
export interface TemplateInput {
  title?: string; categoryId?: string; promptText?: string; description?: string | null; defaultTier?: string; displayOrder?: number; isActive?: boolean;
  defaultFormat?: string | null;
}

const present = (t: Template): AdminTemplateView => ({
  id: t.id, title: t.title, categoryId: t.categoryId, promptText: t.promptText, description: t.description ?? undefined, defaultTier: t.defaultTier,
  displayOrder: t.displayOrder, isActive: t.isActive, createdBy: t.createdBy ?? undefined, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  defaultFormat: t.defaultFormat ?? undefined,
});

async function check(admin: Principal, body: TemplateInput, creating: boolean) {
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  const config = await getTenantConfig(admin.tenantId);
  if (creating || body.title !== undefined) values.title = reqText('title', body.title, 1, 150, errors);
  if (creating || body.promptText !== undefined) {
    values.promptText = reqText('promptText', body.promptText, 3, config.limits.promptMaxLength, errors);
    // A template is a prompt every user may send: it must pass the same content policy.
    if (typeof values.promptText === 'string') {
      const policy = checkPrompt(values.promptText);
      if (!policy.ok) errors.push({ field: 'promptText', message: `breaks the content policy: ${policy.reason}` });
    }
  }
  if (creating || body.categoryId !== undefined) {
    if (typeof body.categoryId !== 'string' || !body.categoryId) errors.push({ field: 'categoryId', message: 'is required' });
    else if (!(await Category.findOne({ where: { id: body.categoryId, tenantId: admin.tenantId }, attributes: ['id'] }))) {
      errors.push({ field: 'categoryId', message: 'no category of this partner has this id' });
    } else values.categoryId = body.categoryId;
  }
  if (body.description !== undefined) values.description = optText('description', body.description, 500, errors);
  if (body.defaultTier !== undefined) {
    if (!(TIERS as string[]).includes(body.defaultTier)) errors.push({ field: 'defaultTier', message: `must be one of ${TIERS.join(', ')}` });
    else values.defaultTier = body.defaultTier;
  }
  if (body.defaultFormat !== undefined) {
    if (body.defaultFormat !== null && !isFormat(body.defaultFormat)) errors.push({ field: 'defaultFormat', message: `must be null or one of ${FORMAT_NAMES.join(', ')}` });
    else values.defaultFormat = body.defaultFormat;
  }
  if (body.displayOrder !== undefined) {
    if (!Number.isInteger(body.displayOrder) || body.displayOrder < 0 || body.displayOrder > 1_000_000) errors.push({ field: 'displayOrder', message: 'must be a whole number from 0 to 1000000' });
    else values.displayOrder = body.displayOrder;
  }
  if (body.isActive !== undefined) {
    if (typeof body.isActive !== 'boolean') errors.push({ field: 'isActive', message: 'must be true or false' });
    else values.isActive = body.isActive;
  }
  if (errors.length) throw new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return stripUndefined(values);
}

export async function listTemplates(admin: Principal, q: { categoryId?: string; active?: boolean; limit?: number; cursor?: string }): Promise<Page<AdminTemplateView>> {
  const where: Record<string, unknown> = { tenantId: admin.tenantId };
  if (q.categoryId) where.categoryId = q.categoryId;
  if (q.active !== undefined) where.isActive = q.active;
  const page = await listPage(Template, where, q);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

async function mustFind(admin: Principal, id: string) {
  const t = await Template.findOne({ where: { id, tenantId: admin.tenantId } });
  if (!t) throw notFound('template');
  return t;
}

export async function getTemplate(admin: Principal, id: string) { return present(await mustFind(admin, id)); }

export async function createTemplate(admin: Principal, body: TemplateInput): Promise<AdminTemplateView> {
  const values = await check(admin, body ?? {}, true);
  const { db } = services();
  const row = await db.tx(async (t) => {
    if (values.displayOrder === undefined) {
      const max = (await Template.max('displayOrder', { where: { tenantId: admin.tenantId, categoryId: values.categoryId as string }, transaction: t })) as number | null;
      values.displayOrder = (max ?? -1) + 1;
    }
    const tpl = await Template.create(
      { id: newId('tpl'), tenantId: admin.tenantId, isActive: true, defaultTier: 'standard', description: null, createdBy: admin.userId, ...values },
      { transaction: t },
    );
    await audit(t, admin, 'template.create', 'template', tpl.id, null, { after: values });
    return tpl;
  });
  return present(row);
}

export async function updateTemplate(admin: Principal, id: string, body: TemplateInput): Promise<AdminTemplateView> {
  const existing = await mustFind(admin, id);
  const values = await check(admin, body ?? {}, false);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(values)) before[k] = existing.get(k);
  const { db } = services();
  await db.tx(async (t) => {
    await Template.update(values, { where: { id, tenantId: admin.tenantId }, transaction: t });
    const act = values.isActive === false && existing.isActive ? 'template.deactivate' : values.isActive === true && !existing.isActive ? 'template.reactivate' : 'template.update';
    await audit(t, admin, act, 'template', id, null, { before, after: values });
  });
  return getTemplate(admin, id);
}

/** Deactivated templates leave the studio; images made from them keep their templateId and prompt. */
export async function deactivateTemplate(admin: Principal, id: string) { return updateTemplate(admin, id, { isActive: false }); }
