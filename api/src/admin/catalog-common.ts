import { Op, type ModelStatic, type Model } from 'sequelize';
import type { FieldError } from '../errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../util/cursor.js';

export interface Page<T> { items: T[]; nextCursor?: string }

export function reqText(field: string, v: unknown, min: number, max: number, errors: FieldError[]): string | undefined {
  if (typeof v !== 'string' || v.trim().length < min || v.trim().length > max) {
    errors.push({ field, message: `must be text of ${min} to ${max} characters` });
    return undefined;
  }
  return v.trim();
}

export function optText(field: string, v: unknown, max: number, errors: FieldError[]): string | null | undefined {
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || v.trim().length > max) {
    errors.push({ field, message: `must be text of at most ${max} characters, or null` });
    return undefined;
  }
  return v.trim() || null;
}

export const slugify = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100).replace(/-+$/, '');

export function stripUndefined(o: Record<string, unknown>) {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

interface OrderCursor { o: number; id: string }
const isCursor = (v: unknown): v is OrderCursor => !!v && typeof (v as OrderCursor).o === 'number' && typeof (v as OrderCursor).id === 'string';

/** Keyset paging in display order (displayOrder, id), the order the studio shows. */
export async function listPage<M extends Model & { displayOrder: number; id: string }>(
  model: ModelStatic<M>, where: Record<string, unknown>, q: { limit?: number; cursor?: string },
): Promise<{ items: M[]; nextCursor?: string }> {
  const limit = parseLimit(q.limit, 50, 100);
  const cur = decodeCursor(q.cursor, isCursor);
  const w: Record<string | symbol, unknown> = { ...where };
  if (cur) w[Op.or] = [{ displayOrder: { [Op.gt]: cur.o } }, { displayOrder: cur.o, id: { [Op.gt]: cur.id } }];
  const rows = await model.findAll({ where: w as never, order: [['displayOrder', 'ASC'], ['id', 'ASC']], limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ o: last.displayOrder, id: last.id }) : undefined };
}
