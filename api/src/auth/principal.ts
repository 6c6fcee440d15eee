import type { Role } from './roles.js';

/** Who is calling: set on the request by authentication. */
export interface Principal {
  tenantId: string;
  userId: string;
  sub: string;
  name: string | null;
  /** From the token's `role` claim (auth/roles.ts): admin, moderator, finance, support, or user for anything else. */
  role: Role;
  deviceId?: string;
  ip?: string;
}
/** An anonymous visitor still belongs to one partner. */
export interface Visitor { tenantId: string; anonymous: true; deviceId?: string; ip?: string }
export type Caller = Principal | Visitor;
export const isPrincipal = (c: Caller | undefined): c is Principal => !!c && !('anonymous' in c);
