/**
 * Request and response shapes of the Community AI Studio API.
 *
 * Naming rule (the OpenAPI drift test relies on it): every operation in
 * `operations.ts` named `fooBar` has `FooBarRequest` and `FooBarResponse` here.
 * - `…Request` is the JSON body for POST/PATCH, and the query string for
 *   GET/DELETE. Path parameters are separate method arguments.
 * - `…Response` is the 2xx body (`void` for 204).
 * Credits are JSON numbers (12.5); money is shown in rupees plus paise.
 */

export type EmptyRequest = Record<string, never>;
export type Tier = 'standard' | 'premium2' | 'premium4';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type Visibility = 'public' | 'private';
export type FeedSort = 'trending' | 'latest';
export type ReportReason = 'spam' | 'nudity' | 'violence' | 'hate' | 'copyright' | 'misleading' | 'other';
export type LedgerReason = 'generation' | 'refund' | 'reward' | 'purchase' | 'referral' | 'admin' | 'bonus';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

// ---------------------------------------------------------------- studio

export interface EnhancePromptRequest {
  prompt: string;
  templateId?: string;
}
export interface EnhancePromptResponse {
  enhancedPrompt: string;
  suggestions: string[];
}

export interface GenerateRequest {
  prompt: string;
  tier: Tier;
  templateId?: string;
  watermark?: boolean;
}
export interface GenerateResponse {
  jobId: string;
  creditDebited: number;
  imageId: string;
  status: JobStatus;
}

export type GetJobRequest = EmptyRequest;
export interface GetJobResponse {
  jobId: string;
  status: JobStatus;
  /** 0-100. */
  progress: number;
  imageId: string;
  imageUrl?: string | null;
  thumbnailUrl?: string | null;
  /** Error code when `status` is `failed`. */
  error?: string | null;
  creditDebited: number;
  refunded: boolean;
  createdAt: string;
}
export type Job = GetJobResponse;

export interface Category {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
  style?: string | null;
  displayOrder: number;
}
export type ListCategoriesRequest = EmptyRequest;
export interface ListCategoriesResponse {
  items: Category[];
}

export interface Template {
  id: string;
  title: string;
  categoryId: string;
  promptText: string;
  description?: string | null;
  thumbnailUrl?: string | null;
  displayOrder: number;
}
export interface ListTemplatesRequest {
  categoryId?: string;
}
export interface ListTemplatesResponse {
  items: Template[];
}

export interface TierInfo {
  tier: Tier;
  credits: number;
  width: number;
  height: number;
  label: string;
}
export type ListTiersRequest = EmptyRequest;
export interface ListTiersResponse {
  items: TierInfo[];
}

// ---------------------------------------------------------------- creations

export interface Creation {
  id: string;
  imageId: string;
  jobId: string;
  status: JobStatus;
  prompt: string;
  tier: Tier;
  templateId?: string | null;
  width: number;
  height: number;
  provider: string;
  watermark: boolean;
  creditsSpent: number;
  imageUrl?: string | null;
  thumbnailUrl?: string | null;
  downloadUrl?: string | null;
  postId?: string | null;
  createdAt: string;
}
export type ListCreationsRequest = PageQuery;
export type ListCreationsResponse = Page<Creation>;
export type GetCreationRequest = EmptyRequest;
export type GetCreationResponse = Creation;
export type DeleteCreationRequest = EmptyRequest;
export type DeleteCreationResponse = void;
export type ReopenCreationRequest = EmptyRequest;
export interface ReopenCreationResponse {
  prompt: string;
  tier: Tier;
  templateId?: string | null;
  watermark: boolean;
}

// ---------------------------------------------------------------- community

export interface PublishRequest {
  imageId: string;
  title: string;
  categoryId: string;
  tags?: string[];
  visibility: Visibility;
  watermark?: boolean;
}
export interface PublishResponse {
  postId: string;
}

export interface Author {
  /** The partner's user id (JWT `sub`). */
  id: string;
  name?: string | null;
}
export interface Card {
  postId: string;
  title: string;
  thumbnailUrl: string;
  imageUrl: string;
  author: Author;
  categoryId: string;
  tags: string[];
  likes: number;
  reuseCount: number;
  likedByMe: boolean;
  visibility: Visibility;
  createdAt: string;
  trendingScore: number;
}
export interface Post extends Card {
  prompt?: string;
}
export interface GetFeedRequest extends PageQuery {
  sort?: FeedSort;
  categoryId?: string;
}
export type GetFeedResponse = Page<Card>;
export type GetPostRequest = EmptyRequest;
export type GetPostResponse = Post;
export type UnpublishPostRequest = EmptyRequest;
export type UnpublishPostResponse = void;
export type LikePostRequest = EmptyRequest;
export interface LikePostResponse {
  liked: boolean;
  likes: number;
}
export interface ReportPostRequest {
  reason: ReportReason;
  details?: string;
}
export interface ReportPostResponse {
  reportId: string;
  status: string;
}

// ---------------------------------------------------------------- remix

export type OpenRemixRequest = EmptyRequest;
export interface OpenRemixResponse {
  templatePrompt: string;
  enhancedPrompt: string;
  sourcePostId: string;
  categoryId?: string | null;
  tier?: Tier | null;
}
export interface RecordRemixRequest {
  generatedImageId: string;
}
export interface RecordRemixResponse {
  rewarded: boolean;
  rewardCredits?: number;
  creatorTotalForAsset?: number;
}

// ---------------------------------------------------------------- credits

export type GetBalanceRequest = EmptyRequest;
export interface GetBalanceResponse {
  credits: number;
  monthlyUsed: number;
  monthlyRemaining: number;
  isPaying: boolean;
  priceBand: string;
}

export interface Pack {
  packId: string;
  credits: number;
  discountPercent: number;
  /** Rupees. */
  amount: number;
  amountPaise: number;
}
export type ListPacksRequest = EmptyRequest;
export interface ListPacksResponse {
  currency: 'INR';
  /** Rupees per credit in the caller's price band. */
  pricePerCredit: number;
  priceBand: string;
  items: Pack[];
  minQuantity: number;
  maxQuantity: number;
}

export type PurchaseRequest = { packId: string; quantity?: never } | { quantity: number; packId?: never };
export interface PurchaseResponse {
  orderId: string;
  /** The gateway that took the order. */
  gateway: string;
  /** Rupees. */
  amount: number;
  amountPaise: number;
  currency: string;
  credits: number;
  /** The gateway's public checkout key, when it has one. */
  keyId?: string;
  gatewayOrderId?: string;
  /** Which checkout to open for this order. */
  checkout: CheckoutDescriptor;
}

/**
 * What the browser opens to pay an order: `sandbox` (the built-in test checkout, paid by `credits.sandboxPay`), or
 * `script`: load `src`, call `new window[global](options)` with callbacks and display fields at the dot paths in
 * `bindings`, then `open()`; the success callback's argument carries the payment id and signature under `result`.
 */
export interface CheckoutDescriptor {
  type: 'sandbox' | 'script';
  script?: {
    src: string;
    global: string;
    options: Record<string, string | number>;
    bindings: { onSuccess: string; onDismiss: string; name?: string; description?: string; color?: string; prefill?: string };
    result: { paymentId: string; signature: string };
  };
}

export interface VerifyPurchaseRequest {
  orderId: string;
  paymentId: string;
  signature: string;
}
export interface VerifyPurchaseResponse {
  creditsAdded: number;
  balance: number;
  orderId: string;
}

export interface SandboxPayRequest {
  orderId: string;
}
export interface SandboxPayResponse {
  orderId: string;
  paymentId: string;
  signature: string;
}

export interface LedgerEntry {
  id: string;
  reason: LedgerReason;
  delta: number;
  balanceAfter: number;
  refType?: string | null;
  refId?: string | null;
  note?: string | null;
  createdAt: string;
}
export type ListCreditHistoryRequest = PageQuery;
export type ListCreditHistoryResponse = Page<LedgerEntry>;

export interface Order {
  orderId: string;
  status: string;
  gateway: string;
  credits: number;
  amount: number;
  amountPaise: number;
  currency: string;
  packId?: string | null;
  paymentId?: string | null;
  createdAt: string;
  paidAt?: string | null;
  [key: string]: unknown;
}
export type ListOrdersRequest = PageQuery;
export type ListOrdersResponse = Page<Order>;
export type GetOrderRequest = EmptyRequest;
export type GetOrderResponse = Order;

// ---------------------------------------------------------------- referrals

export type GetMyReferralsRequest = EmptyRequest;
export interface GetMyReferralsResponse {
  code: string;
  shareLink: string;
  signups: number;
  qualifiedSignups: number;
  pendingReview: number;
  creditsEarned: number;
  nextMilestone: { qualifiedNeeded: number; reward: number };
}
export interface ClaimReferralRequest {
  code: string;
}
export interface ClaimReferralResponse {
  referrerName?: string | null;
  creditsAwarded: number;
  status: 'awarded' | 'held';
}

// ---------------------------------------------------------------- notifications

export interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}
export interface ListNotificationsRequest extends PageQuery {
  unread?: boolean;
}
export interface ListNotificationsResponse extends Page<Notification> {
  unreadCount: number;
}
export interface MarkNotificationsReadRequest {
  ids?: string[];
  all?: boolean;
}
export interface MarkNotificationsReadResponse {
  updated: number;
}

export * from './admin-types.js';
