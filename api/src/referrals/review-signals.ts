import { User, type ReferralEvent } from '../models/index.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { now } from '../util/clock.js';
import { anomalyOf, type Anomaly } from './fraud.js';

export interface ReviewSignals {
  /** The users the events name, by internal id: their partner id (sub) and name. */
  users: Map<string, { sub: string; name: string | null }>;
  /** The anomaly signals of each referrer, computed now. */
  anomalies: Map<string, Anomaly>;
}

/** What an admin needs beside the award rows to decide them: who the users are and how their referrers look. */
export async function reviewSignals(rows: ReferralEvent[], tenantId: string): Promise<ReviewSignals> {
  const ids = [...new Set(rows.flatMap((r) => [r.referrerUserId, r.refereeUserId, r.beneficiaryUserId]).filter((x): x is string => !!x))];
  const users = new Map((await User.findAll({ where: { id: ids, tenantId }, attributes: ['id', 'sub', 'name'] })).map((u) => [u.id, { sub: u.sub, name: u.name }]));
  const config = await getTenantConfig(tenantId);
  const at = now();
  const anomalies = new Map<string, Anomaly>();
  for (const r of new Set(rows.map((x) => x.referrerUserId))) anomalies.set(r, await anomalyOf(r, config, at));
  return { users, anomalies };
}
