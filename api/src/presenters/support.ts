import type { User } from '../models/index.js';
import type { UserSuspension } from '../models/support.js';
import type { Role } from '../auth/roles.js';

export interface SuspensionView { suspendedAt: string; note: string; by: string }
/** One user of the partner as support sees it in a lookup. */
export interface AdminUserSummary {
  /** Our internal user id (the `{userId}` of the admin user routes). */
  id: string;
  /** The partner's user id (the token's sub). */
  sub: string;
  name: string | null;
  email: string | null;
  /** The role the user's first token carried (staff roles are read from each token, not from here). */
  role: string;
  referralCode: string;
  isPaying: boolean;
  createdAt: string;
  lastActiveAt?: string;
  suspended?: SuspensionView;
}

export const presentSuspension = (s: UserSuspension | null | undefined): SuspensionView | undefined =>
  s ? { suspendedAt: s.createdAt.toISOString(), note: s.note, by: s.suspendedBy } : undefined;

export const presentAdminUser = (u: User, s?: UserSuspension | null): AdminUserSummary => ({
  id: u.id, sub: u.sub, name: u.name, email: u.email, role: u.role as Role | string, referralCode: u.referralCode, isPaying: !!u.isPaying,
  createdAt: u.createdAt.toISOString(), lastActiveAt: u.lastActiveAt?.toISOString(), suspended: presentSuspension(s),
});
