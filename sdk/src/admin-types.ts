/**
 * Admin request/response shapes (role `admin`, own tenant only). The API
 * document only fixes the routes, so these types name the fields the SDK
 * relies on and let the server add more (index signatures).
 */
import type { EmptyRequest, Page, PageQuery, ReportReason, Visibility } from './types.js';

// ---------------------------------------------------------------- templates

export interface AdminTemplate {
  id: string;
  title: string;
  categoryId: string;
  promptText: string;
  description?: string | null;
  thumbnailUrl?: string | null;
  displayOrder: number;
  isActive: boolean;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}
export interface AdminListTemplatesRequest extends PageQuery {
  categoryId?: string;
  includeInactive?: boolean;
}
export type AdminListTemplatesResponse = Page<AdminTemplate>;
export interface AdminCreateTemplateRequest {
  title: string;
  categoryId: string;
  promptText: string;
  description?: string;
  thumbnailUrl?: string;
  displayOrder?: number;
  isActive?: boolean;
}
export type AdminCreateTemplateResponse = AdminTemplate;
export type AdminUpdateTemplateRequest = Partial<AdminCreateTemplateRequest>;
export type AdminUpdateTemplateResponse = AdminTemplate;
export type AdminDeleteTemplateRequest = EmptyRequest;
export type AdminDeleteTemplateResponse = void;

// ---------------------------------------------------------------- categories

export interface AdminCategory {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
  style?: string | null;
  displayOrder: number;
  isActive: boolean;
  [key: string]: unknown;
}
export interface AdminListCategoriesRequest extends PageQuery {
  includeInactive?: boolean;
}
export type AdminListCategoriesResponse = Page<AdminCategory>;
export interface AdminCreateCategoryRequest {
  name: string;
  slug?: string;
  description?: string;
  style?: string;
  displayOrder?: number;
  isActive?: boolean;
}
export type AdminCreateCategoryResponse = AdminCategory;
export type AdminUpdateCategoryRequest = Partial<AdminCreateCategoryRequest>;
export type AdminUpdateCategoryResponse = AdminCategory;
export type AdminDeleteCategoryRequest = EmptyRequest;
export type AdminDeleteCategoryResponse = void;

// ---------------------------------------------------------------- moderation

export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'dismiss';
export interface ModerationItem {
  postId: string;
  title: string;
  thumbnailUrl?: string | null;
  author: { id: string; name?: string | null };
  visibility: Visibility;
  hidden: boolean;
  reportCount: number;
  reasons: ReportReason[];
  reports?: Array<{ reportId: string; reason: ReportReason; details?: string | null; reporterId: string; createdAt: string }>;
  status: string;
  createdAt: string;
  [key: string]: unknown;
}
export interface AdminListModerationRequest extends PageQuery {
  status?: 'open' | 'closed' | 'all';
}
export type AdminListModerationResponse = Page<ModerationItem>;
export interface AdminModerateRequest {
  postId: string;
  action: ModerationAction;
  note?: string;
}
export interface AdminModerateResponse {
  postId: string;
  action: ModerationAction;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- config

/** Partner configuration (pricing, rewards, caps, flags). Versioned by the API. */
export interface PartnerConfig {
  version?: number;
  [key: string]: unknown;
}
export type AdminGetConfigRequest = EmptyRequest;
export type AdminGetConfigResponse = PartnerConfig;
/** A whole new config or a partial patch; the API merges and bumps the version. */
export type AdminUpdateConfigRequest = Record<string, unknown>;
export type AdminUpdateConfigResponse = PartnerConfig;
export interface ConfigVersion {
  version: number;
  config: Record<string, unknown>;
  changedBy?: string | null;
  createdAt: string;
  [key: string]: unknown;
}
export type AdminGetConfigHistoryRequest = PageQuery;
export type AdminGetConfigHistoryResponse = Page<ConfigVersion>;

// ---------------------------------------------------------------- providers

export interface ProviderSetting {
  provider: string;
  kind?: 'image' | 'text' | string;
  active?: boolean;
  endpoint?: string | null;
  model?: string | null;
  keyAlias?: string | null;
  /** Last four characters of the stored key; the key itself is never returned. */
  keyLast4?: string | null;
  rotatedAt?: string | null;
  [key: string]: unknown;
}
export type AdminListProvidersRequest = EmptyRequest;
export interface AdminListProvidersResponse {
  items: ProviderSetting[];
  [key: string]: unknown;
}
export interface AdminSetProviderRequest {
  provider: string;
  kind?: 'image' | 'text';
  apiKey?: string;
  keyAlias?: string;
  endpoint?: string;
  model?: string;
  active?: boolean;
  [key: string]: unknown;
}
export type AdminSetProviderResponse = ProviderSetting;
export interface AdminTestProviderRequest {
  provider: string;
  kind?: 'image' | 'text';
  [key: string]: unknown;
}
export interface AdminTestProviderResponse {
  ok: boolean;
  latencyMs?: number;
  error?: string | null;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- analytics, audit, grants

export interface AdminGetAnalyticsRequest {
  /** ISO date (inclusive). */
  from?: string;
  /** ISO date (inclusive). */
  to?: string;
  format?: 'json' | 'csv';
}
export interface AdminGetAnalyticsResponse {
  from?: string;
  to?: string;
  [key: string]: unknown;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: Record<string, unknown> | null;
  createdAt: string;
  [key: string]: unknown;
}
export interface AdminListAuditLogRequest extends PageQuery {
  action?: string;
  actor?: string;
}
export type AdminListAuditLogResponse = Page<AuditEntry>;

export interface AdminGrantCreditsRequest {
  /** The user's `sub`. */
  userId: string;
  /** Credits; may be negative to claw back, never below a zero balance. */
  credits: number;
  note: string;
}
export interface AdminGrantCreditsResponse {
  userId: string;
  credits: number;
  balance: number;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- referral reviews

export interface ReferralReview {
  id: string;
  referrerId: string;
  refereeId: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | string;
  createdAt: string;
  [key: string]: unknown;
}
export interface AdminListReferralReviewsRequest extends PageQuery {
  status?: 'pending' | 'approved' | 'rejected';
}
export type AdminListReferralReviewsResponse = Page<ReferralReview>;
export interface AdminReviewReferralRequest {
  id: string;
  action: 'approve' | 'reject';
  note?: string;
}
export interface AdminReviewReferralResponse {
  id: string;
  status: string;
  creditsAwarded?: number;
  [key: string]: unknown;
}
