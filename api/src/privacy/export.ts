import { PrivacyRequest } from '../models/index.js';
import { defineJob, stringField, type JobDefinition } from '../jobs/definition.js';
import { now } from '../util/clock.js';
import { SECTIONS, creationLinks, type Subject } from './sections.js';
import { workRequest } from './requests.js';

/**
 * The export of everything stored about a person (DPDP Act s.11, right of access): one JSON document with a key per
 * section of privacy/sections.ts. Small exports are answered in the request; above the process setting
 * PRIVACY_EXPORT_SYNC_ROWS (default 2000 rows, config.ts) a job builds it and GET /api/me/exports/{id} serves it.
 */
export interface ExportDocument {
  format: 'community-ai-studio/export@1';
  generatedAt: string;
  [section: string]: unknown;
}

export async function countRows(s: Subject): Promise<number> {
  let n = 0;
  for (const section of SECTIONS) if (section.count) n += await section.count(s);
  return n;
}

export async function buildExport(s: Subject): Promise<ExportDocument> {
  const doc: ExportDocument = { format: 'community-ai-studio/export@1', generatedAt: now().toISOString() };
  for (const section of SECTIONS) {
    const v = await section.export(s);
    if (v !== undefined) doc[section.name] = v;
  }
  return doc;
}

/** A stored export's signed links were signed when it was built: each serving signs them anew. */
export function withFreshLinks(doc: ExportDocument): ExportDocument {
  const creations = doc.creations;
  if (!Array.isArray(creations)) return doc;
  return {
    ...doc,
    creations: creations.map((c: { id: string; imageUrl?: string }) => (c.imageUrl ? { ...c, ...creationLinks(c.id) } : c)),
  };
}

export const exportUserJob: JobDefinition<{ requestId: string }> = defineJob({
  name: 'privacy:export',
  parse: stringField('requestId'),
  handler: (data, ctx) => workRequest(data.requestId, exportUserJob, data, ctx, async (r) => {
    const doc = JSON.stringify(await buildExport({ tenantId: r.tenantId, userId: r.userId }));
    // An erasure that ran meanwhile dropped the exports it found; this one must not bring the data back.
    const erased = await PrivacyRequest.count({ where: { dedupeKey: `erase:${r.userId}` } });
    return erased ? null : doc;
  }),
});
