/**
 * Request and response shapes of the Community AI Studio API, generated: every type here is an alias of
 * docs/openapi.json's schemas or operations (see schema.ts), so it changes when the API changes and a
 * mismatch is a compile error rather than a surprise at run time. Edit the server's types and run
 * `npm run build:api-spec`, never this file's shapes.
 *
 * Naming rule (the OpenAPI drift test relies on it): every operation in `operations.ts` named `fooBar`
 * (the document's operationId) has `FooBarRequest` and `FooBarResponse` here.
 * - `…Request` is the JSON body for POST/PATCH, and the query string for GET/DELETE. Path parameters are
 *   separate method arguments.
 * - `…Response` is the 2xx body (`void` for 204).
 * Credits are JSON numbers (12.5); money is shown in rupees plus paise.
 */
import type { BodyOf, QueryOf, ResponseOf, Schemas } from './schema.js';

export type { ApiOperationId, BodyOf, QueryOf, ResponseOf, Schemas } from './schema.js';

export type EmptyRequest = Record<string, never>;
export type Tier = Schemas['GenerateRequest']['tier'];
export type JobStatus = Schemas['JobView']['status'];
export type Visibility = Schemas['PublishRequest']['visibility'];
export type FeedSort = NonNullable<QueryOf<'getFeed'>['sort']>;
/**
 * The report reasons the API knows. The document types `reason` as a string because the API files any other
 * words as `other` (keeping them), so this list is the SDK's vocabulary for pickers, not a schema.
 */
export type ReportReason = 'spam' | 'nudity' | 'violence' | 'hate' | 'copyright' | 'misleading' | 'other';
/** The ledger's reasons; the document types `reason` as a string so new reasons are not a breaking change. */
export type LedgerReason = 'generation' | 'refund' | 'reward' | 'purchase' | 'referral' | 'admin' | 'bonus'
  | 'clawback' | 'dispute_hold' | 'dispute_release' | 'debt_settlement';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** What every cursor-paged list answers (each list's own schema is this shape). */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

// ---------------------------------------------------------------- studio

export type EnhancePromptRequest = BodyOf<'enhancePrompt'>;
export type EnhancePromptResponse = ResponseOf<'enhancePrompt'>;
export type GenerateRequest = BodyOf<'generate'>;
export type GenerateResponse = ResponseOf<'generate'>;
export type GetJobRequest = EmptyRequest;
export type GetJobResponse = ResponseOf<'getJob'>;
export type Job = GetJobResponse;

export type Category = Schemas['CategoryView'];
export type ListCategoriesRequest = EmptyRequest;
export type ListCategoriesResponse = ResponseOf<'listCategories'>;
export type Template = Schemas['TemplateView'];
export type ListTemplatesRequest = QueryOf<'listTemplates'>;
export type ListTemplatesResponse = ResponseOf<'listTemplates'>;
export type TierInfo = Schemas['TierView'];
export type ListTiersRequest = EmptyRequest;
export type ListTiersResponse = ResponseOf<'listTiers'>;
/** The image formats (aspect ratios) with each tier's pixel size and cost per image. */
export type ListFormatsRequest = EmptyRequest;
export type ListFormatsResponse = ResponseOf<'listFormats'>;
export type FormatInfo = Schemas['FormatView'];
/** `square` (1:1), `portrait` (4:5), `story` (9:16), `landscape` (16:9), `banner` (3:1). */
export type ImageFormat = NonNullable<GenerateRequest['format']>;
/** One image of a job (a job with `count` > 1 has several). */
export type JobImage = Schemas['JobImageView'];
export type GetStudioSettingsRequest = EmptyRequest;
export type GetStudioSettingsResponse = ResponseOf<'getStudioSettings'>;
/** The partner's public settings (features, tiers, formats, locale defaults). */
export type StudioSettings = GetStudioSettingsResponse;

// ---------------------------------------------------------------- creations

export type Creation = Schemas['CreationView'];
export type ListCreationsRequest = QueryOf<'listCreations'>;
export type ListCreationsResponse = ResponseOf<'listCreations'>;
export type GetCreationRequest = EmptyRequest;
export type GetCreationResponse = ResponseOf<'getCreation'>;
export type DeleteCreationRequest = EmptyRequest;
export type DeleteCreationResponse = ResponseOf<'deleteCreation'>;
export type ReopenCreationRequest = EmptyRequest;
export type ReopenCreationResponse = ResponseOf<'reopenCreation'>;
export type Poster = Schemas['PosterView'];
export type BrandKit = Schemas['BrandKitView'];
export type CreatePosterRequest = BodyOf<'createPoster'>;
export type CreatePosterResponse = ResponseOf<'createPoster'>;
export type GetPosterRequest = EmptyRequest;
export type GetPosterResponse = ResponseOf<'getPoster'>;
export type CreateBrandKitRequest = BodyOf<'createBrandKit'>;
export type CreateBrandKitResponse = ResponseOf<'createBrandKit'>;
export type ListBrandKitsRequest = EmptyRequest;
export type ListBrandKitsResponse = ResponseOf<'listBrandKits'>;
export type GetBrandKitRequest = EmptyRequest;
export type GetBrandKitResponse = ResponseOf<'getBrandKit'>;
export type DeleteBrandKitRequest = EmptyRequest;
export type DeleteBrandKitResponse = ResponseOf<'deleteBrandKit'>;

// ---------------------------------------------------------------- community

export type PublishRequest = BodyOf<'publish'>;
export type PublishResponse = ResponseOf<'publish'>;
export type Author = Schemas['AuthorView'];
export type Card = Schemas['CardView'];
export type Post = Schemas['PostView'];
export type GetFeedRequest = QueryOf<'getFeed'>;
export type GetFeedResponse = ResponseOf<'getFeed'>;
export type GetPostRequest = EmptyRequest;
export type GetPostResponse = ResponseOf<'getPost'>;
export type UnpublishPostRequest = EmptyRequest;
export type UnpublishPostResponse = ResponseOf<'unpublishPost'>;
export type LikePostRequest = EmptyRequest;
export type LikePostResponse = ResponseOf<'likePost'>;
export type ReportPostRequest = BodyOf<'reportPost'>;
export type ReportPostResponse = ResponseOf<'reportPost'>;
/** The author appeals the moderation action in force on its post (once per action). */
export type AppealModerationRequest = BodyOf<'appealModeration'>;
export type AppealModerationResponse = ResponseOf<'appealModeration'>;
/** A takedown request (no token needed; name the partner with `partnerKey`). */
export type RequestTakedownRequest = BodyOf<'requestTakedown'>;
export type RequestTakedownResponse = ResponseOf<'requestTakedown'>;

// ---------------------------------------------------------------- remix

export type OpenRemixRequest = EmptyRequest;
export type OpenRemixResponse = ResponseOf<'openRemix'>;
export type RecordRemixRequest = BodyOf<'recordRemix'>;
export type RecordRemixResponse = ResponseOf<'recordRemix'>;

// ---------------------------------------------------------------- credits

export type GetBalanceRequest = EmptyRequest;
export type GetBalanceResponse = ResponseOf<'getBalance'>;
export type Pack = Schemas['PackView'];
export type ListPacksRequest = EmptyRequest;
export type ListPacksResponse = ResponseOf<'listPacks'>;
/** A pack (`packId`) or a custom `quantity` of credits, one of the two. */
export type PurchaseRequest = BodyOf<'purchase'>;
export type PurchaseResponse = ResponseOf<'purchase'>;
export type VerifyPurchaseRequest = BodyOf<'verifyPurchase'>;
export type VerifyPurchaseResponse = ResponseOf<'verifyPurchase'>;
export type SandboxPayRequest = BodyOf<'sandboxPay'>;
export type SandboxPayResponse = ResponseOf<'sandboxPay'>;
export type LedgerEntry = Schemas['LedgerEntryView'];
export type ListCreditHistoryRequest = QueryOf<'listCreditHistory'>;
export type ListCreditHistoryResponse = ResponseOf<'listCreditHistory'>;
export type Order = Schemas['OrderView'];
export type ListOrdersRequest = QueryOf<'listOrders'>;
export type ListOrdersResponse = ResponseOf<'listOrders'>;
/** Which checkout the browser opens to pay an order (from the purchase response). */
export type CheckoutDescriptor = Schemas['CheckoutDescriptor'];
export type GetOrderRequest = EmptyRequest;
export type GetOrderResponse = ResponseOf<'getOrder'>;
export type GetOrderReceiptRequest = EmptyRequest;
export type GetOrderReceiptResponse = ResponseOf<'getOrderReceipt'>;
export type Receipt = GetOrderReceiptResponse;

// ---------------------------------------------------------------- referrals

export type GetMyReferralsRequest = EmptyRequest;
export type GetMyReferralsResponse = ResponseOf<'getMyReferrals'>;
export type ClaimReferralRequest = BodyOf<'claimReferral'>;
export type ClaimReferralResponse = ResponseOf<'claimReferral'>;

// ---------------------------------------------------------------- notifications

export type Notification = Schemas['NotificationView'];
export type ListNotificationsRequest = QueryOf<'listNotifications'>;
export type ListNotificationsResponse = ResponseOf<'listNotifications'>;
export type MarkNotificationsReadRequest = BodyOf<'markNotificationsRead'>;
export type MarkNotificationsReadResponse = ResponseOf<'markNotificationsRead'>;

export * from './admin-types.js';

// privacy
export type ExportStatus = Schemas['ExportStatusView'];
export type Erasure = Schemas['ErasureView'];
export type Consents = Schemas['ConsentsView'];
export type ExportMyDataRequest = EmptyRequest;
/** The export document (200), or, for a large account, the status of the job building it (202: read `statusUrl`). */
export type ExportMyDataResponse = ResponseOf<'exportMyData'> | ExportStatus;
export type GetMyExportRequest = EmptyRequest;
export type GetMyExportResponse = ResponseOf<'getMyExport'>;
export type EraseMeRequest = EmptyRequest;
export type EraseMeResponse = ResponseOf<'eraseMe'>;
export type GetMyErasureRequest = EmptyRequest;
export type GetMyErasureResponse = ResponseOf<'getMyErasure'>;
export type ListMyConsentsRequest = EmptyRequest;
export type ListMyConsentsResponse = ResponseOf<'listMyConsents'>;
export type GiveConsentRequest = BodyOf<'giveConsent'>;
export type GiveConsentResponse = ResponseOf<'giveConsent'>;
