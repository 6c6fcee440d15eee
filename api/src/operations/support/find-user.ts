import { Op } from 'sequelize';
import { User } from '../../models/index.js';
import { notFound } from '../../errors.js';

/**
 * A user of the admin's partner by internal id or, failing that, by sub; a user of another partner is 404 like one that
 * does not exist.
 */
export async function findPartnerUser(tenantId: string, userId: string): Promise<User> {
  if (typeof userId !== 'string' || !userId || userId.length > 191) throw notFound('user');
  const rows = await User.findAll({ where: { tenantId, [Op.or]: [{ id: userId }, { sub: userId }] }, limit: 2 });
  const user = rows.find((u) => u.id === userId) ?? rows[0];
  if (!user) throw notFound('user');
  return user;
}
