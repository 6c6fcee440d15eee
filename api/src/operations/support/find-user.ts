import { User } from '../../models/index.js';
import { notFound } from '../../errors.js';

/**
 * A user of the admin's partner by our internal id (the `id` the lookup answers). Never by sub: a partner may have a
 * user whose sub is another partner's internal id (a grant to an unknown sub provisions one), and that must not
 * resolve here. A user of another partner is 404 like one that does not exist.
 */
export async function findPartnerUser(tenantId: string, userId: string): Promise<User> {
  if (typeof userId !== 'string' || !userId || userId.length > 40) throw notFound('user');
  const user = await User.findOne({ where: { id: userId, tenantId } });
  if (!user) throw notFound('user');
  return user;
}
