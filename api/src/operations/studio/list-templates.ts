import { Category, Template } from '../../models/index.js';
import { presentTemplate, type TemplateView } from '../../presenters/studio.js';

/** Active templates of active categories (optionally of one category), in display order. */
export async function listTemplates(tenantId: string, categoryId?: string): Promise<{ items: TemplateView[] }> {
  const activeCats = await Category.findAll({ where: { tenantId, isActive: true }, attributes: ['id'] });
  const ids = new Set(activeCats.map((c) => c.id));
  const where: Record<string, unknown> = { tenantId, isActive: true };
  if (categoryId) where.categoryId = categoryId;
  const rows = await Template.findAll({ where, order: [['displayOrder', 'ASC'], ['title', 'ASC']] });
  return { items: rows.filter((t) => ids.has(t.categoryId)).map(presentTemplate) };
}
