import { Op } from 'sequelize';
import { AuditEntry, PrivacyRequest, User } from '../models/index.js';
import { services } from '../context.js';
import { defineJob, stringField, type JobDefinition } from '../jobs/definition.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { erasedSub } from '../util/pseudonym.js';
import { newReferralCode } from '../util/ids.js';
import { forgetUserCache } from '../auth/users.js';
import { bumpTenantRevision } from '../tenants/tenants.js';
import { SECTIONS, type Subject } from './sections.js';
import { workRequest } from './requests.js';

/**
 * Erasure of one account (DPDP Act s.12; docs/privacy.md). First, in one transaction, the user row is pseudonymised
 * (its `sub` replaced by a keyed hash, so a token of the same person makes a new account from then on; name, email,
 * device and IP addresses removed; a new referral code), the audit trail's mentions of the old `sub` are re-pointed at
 * the internal id, and the partner's `user.erased` webhook is written, exactly once (the update is conditional on the
 * `sub` not being pseudonymised yet). Then every section of privacy/sections.ts erases its rows. Every step can run
 * again, so a worker that dies half-way is followed by another one (privacy/requests.ts).
 */
export const eraseUserJob: JobDefinition<{ requestId: string }> = defineJob({
  name: 'privacy:erase',
  parse: stringField('requestId'),
  handler: (data, ctx) => workRequest(data.requestId, eraseUserJob, data, ctx, async (r) => {
    await eraseAccount({ tenantId: r.tenantId, userId: r.userId }, r.requestedBy === 'self' ? 'user' : 'admin');
    return null;
  }),
});

export async function pseudonymise(s: Subject, requestedBy: 'user' | 'admin') {
  await services().db.tx(async (t) => {
    const u = await User.findOne({ where: { tenantId: s.tenantId, id: s.userId }, attributes: ['id', 'sub'], transaction: t });
    if (!u || u.sub.startsWith('erased:')) return;
    const [n] = await User.update(
      { sub: erasedSub(s.tenantId, u.sub), name: null, email: null, deviceId: null, signupIp: null, lastIp: null, referralCode: newReferralCode(10) },
      { where: { id: u.id, sub: u.sub }, transaction: t },
    );
    if (n !== 1) return;
    await AuditEntry.update({ targetId: u.id }, { where: { tenantId: s.tenantId, targetType: 'user', targetId: u.sub }, transaction: t });
    await AuditEntry.update({ actorSub: null }, { where: { tenantId: s.tenantId, actorUserId: u.id }, transaction: t });
    // The partner needs its own id for the person to erase them on its side too; this event is the last place it is written.
    await emitWebhookEvent(t, s.tenantId, 'user.erased', { sub: u.sub, requestedBy });
    // Every process checks the tenants' version at least once a second and drops the sub -> id entries it read under
    // an older one (auth/users.ts), so the erased sub names no account anywhere within a second.
    await bumpTenantRevision(s.tenantId, t);
  });
  // This process at once.
  forgetUserCache();
}

export async function eraseAccount(s: Subject, requestedBy: 'user' | 'admin') {
  await pseudonymise(s, requestedBy);
  for (const section of SECTIONS) await section.erase?.(s);
  // Exports made before the erasure hold the data too.
  await PrivacyRequest.update({ result: null }, { where: { tenantId: s.tenantId, userId: s.userId, kind: 'export', result: { [Op.ne]: null } } });
}
