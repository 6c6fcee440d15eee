import { Category } from '../../models/index.js';
import { presentCategory, type CategoryView } from '../../presenters/studio.js';

/** The partner's active categories, in display order. */
export async function listCategories(tenantId: string): Promise<{ items: CategoryView[] }> {
  const rows = await Category.findAll({ where: { tenantId, isActive: true }, order: [['displayOrder', 'ASC'], ['name', 'ASC']] });
  return { items: rows.map(presentCategory) };
}
