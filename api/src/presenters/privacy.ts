import type { Consent, PrivacyRequest } from '../models/index.js';

/** Where an erasure's status is read: the person's own route, or the admin's for the account. */
export interface ErasureView {
  requestId: string;
  /** pending | running | done | failed (a failed erasure is retried when asked for again). */
  status: string;
  requestedAt: string;
  finishedAt?: string;
  /** Who asked: `self` or `admin`. */
  requestedBy: 'self' | 'admin';
  statusUrl: string;
}

export interface ExportStatusView {
  requestId: string;
  /** pending | running | done | failed | expired (a built export is kept 7 days). */
  status: string;
  requestedAt: string;
  finishedAt?: string;
  statusUrl: string;
  /** The export document, once done (its signed links are signed at each read). */
  document?: Record<string, unknown>;
}

export interface ConsentView { purpose: string; version: string; givenAt: string }
export interface RequiredConsentView { purpose: string; version: string; given: boolean }
export interface ConsentsView {
  /** Every consent the user gave, oldest first. */
  given: ConsentView[];
  /** The versions the partner requires before generating, and whether the user gave each. */
  required: RequiredConsentView[];
  /** True when a required version is missing: the widgets ask before the first generation. */
  missing: boolean;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function presentErasure(r: PrivacyRequest, statusUrl: string): ErasureView {
  return { requestId: r.id, status: r.status, requestedAt: iso(r.createdAt)!, finishedAt: iso(r.finishedAt), requestedBy: r.requestedBy === 'self' ? 'self' : 'admin', statusUrl };
}

export function presentExportStatus(r: PrivacyRequest, document?: Record<string, unknown>): ExportStatusView {
  const expired = r.status === 'done' && !r.result;
  return {
    requestId: r.id, status: expired ? 'expired' : r.status, requestedAt: iso(r.createdAt)!, finishedAt: iso(r.finishedAt),
    statusUrl: `/api/me/exports/${r.id}`, document,
  };
}

export function presentConsents(given: Consent[], required: { purpose: string; version: string }[]): ConsentsView {
  const has = new Set(given.map((g) => `${g.purpose}\u0000${g.version}`));
  const req = required.map((r) => ({ ...r, given: has.has(`${r.purpose}\u0000${r.version}`) }));
  return {
    given: given.map((g) => ({ purpose: g.purpose, version: g.version, givenAt: g.createdAt.toISOString() })),
    required: req,
    missing: req.some((r) => !r.given),
  };
}
