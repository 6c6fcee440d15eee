/**
 * Every API operation the SDK calls. Resources build their URLs from this
 * table, so it cannot drift from what the SDK sends; a test compares it with
 * the OpenAPI document. Each `name` has `<Name>Request`/`<Name>Response`
 * types in types.ts.
 *
 * `idempotencyKey`: the SDK generates an `Idempotency-Key` for the caller.
 * `repeatable`: a POST whose repetition has no further effect, so it may be
 * retried after a 5xx or a network error (GET and DELETE always may).
 */
import { communityCreditsOperations, privacyOperations, lookupOperation, registerOperations, studioOperations, type OperationDef } from './operations-core.js';
import { creationsOperations } from './resources/creations.js';
import { postersOperations } from './resources/posters.js';
import { referralsOperations } from './resources/referrals.js';
import { notificationsOperations } from './resources/notifications.js';
import { adminOperations } from './operations-admin.js';

export type { HttpMethod, OperationDef } from './operations-core.js';
export { buildPath } from './operations-core.js';

/**
 * The rows live in operations-core.ts (those a studio page needs), in the resource modules of My Creations, posters,
 * referrals and notifications, and in operations-admin.ts (admin), so widget bundles leave out what they do not call.
 * The same rows as the one table this was; the caller's privacy rows now come before the admin rows (order is not
 * part of the SDK's contract: look operations up by name).
 */
export const operations = [
  ...studioOperations, ...creationsOperations, ...postersOperations, ...communityCreditsOperations,
  ...referralsOperations, ...notificationsOperations, ...privacyOperations, ...adminOperations,
] as const satisfies readonly OperationDef[];
// Whoever imports the table (the package's index does) can call every operation by name on any HttpCore.
registerOperations([...creationsOperations, ...postersOperations, ...referralsOperations, ...notificationsOperations, ...adminOperations]);

export type OperationName = (typeof operations)[number]['name'];

/** An operation's row by name: every row is registered above, so the transport's own lookup answers for all of them. */
export function getOperation(name: OperationName): OperationDef {
  return lookupOperation(name);
}

