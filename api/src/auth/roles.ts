/**
 * Staff roles, from the token's `role` claim. An admin route states the roles that may call it as the scopes of its
 * `jwt` security (`@Security('jwt', ['admin', 'finance'])`: any one of them); `admin` may call every admin route.
 * Any other claim value (or none) is a plain user, who gets 403 `forbidden` on every admin route.
 */
export const STAFF_ROLES = ['admin', 'moderator', 'finance', 'support'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'user';

export const roleOf = (claim: unknown): Role => (STAFF_ROLES as readonly unknown[]).includes(claim) ? (claim as StaffRole) : 'user';

/** The role scopes of a route (its `jwt` scopes that name a staff role); empty for a route any signed-in user may call. */
export const roleScopes = (scopes: string[] | undefined): StaffRole[] =>
  (scopes ?? []).filter((s): s is StaffRole => (STAFF_ROLES as readonly string[]).includes(s));

/** May a caller with this role call a route with these scopes? */
export function roleAllows(role: Role, scopes: string[] | undefined): boolean {
  const needed = roleScopes(scopes);
  if (!needed.length) return true;
  return role === 'admin' || (role !== 'user' && needed.includes(role));
}
