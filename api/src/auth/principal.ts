/** Who is calling: set on the request by authentication. */
export interface Principal {
  tenantId: string;
  userId: string;
  sub: string;
  name: string | null;
  role: 'admin' | 'user';
  deviceId?: string;
  ip?: string;
}
/** An anonymous visitor still belongs to one partner. */
export interface Visitor { tenantId: string; anonymous: true; deviceId?: string; ip?: string }
export type Caller = Principal | Visitor;
export const isPrincipal = (c: Caller | undefined): c is Principal => !!c && !('anonymous' in c);
