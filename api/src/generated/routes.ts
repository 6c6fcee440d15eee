/* tslint:disable */
/* eslint-disable */
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import type { TsoaRoute } from '@tsoa/runtime';
import {  fetchMiddlewares, ExpressTemplateService } from '@tsoa/runtime';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { WalletController } from './../controllers/wallet.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { TakedownsController } from './../controllers/takedowns.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { StudioController } from './../controllers/studio.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ReferralsController } from './../controllers/referrals.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { PrivacyController } from './../controllers/privacy.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { PostersController } from './../controllers/posters.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { PlatformPartnersController } from './../controllers/platform-partners.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { PaymentsController } from './../controllers/payments.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { NotificationsController } from './../controllers/notifications.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { CreditsController } from './../controllers/credits.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { CreationsController } from './../controllers/creations.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { CommunityController } from './../controllers/community.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AppealsController } from './../controllers/appeals.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminWebhooksController } from './../controllers/admin-webhooks.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminUsersController } from './../controllers/admin-users.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminTemplatesController } from './../controllers/admin-templates.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminReferralsController } from './../controllers/admin-referrals.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminProvidersController } from './../controllers/admin-providers.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminPrivacyController } from './../controllers/admin-privacy.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminPaymentsController } from './../controllers/admin-payments.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminOrdersController } from './../controllers/admin-orders.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminModerationController } from './../controllers/admin-moderation.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminCreditsController } from './../controllers/admin-credits.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminConfigController } from './../controllers/admin-config.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminCategoriesController } from './../controllers/admin-categories.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminAuditController } from './../controllers/admin-audit.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminAppealsController } from './../controllers/admin-appeals.controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminAnalyticsController } from './../controllers/admin-analytics.controller.js';
import { expressAuthentication } from './../auth/authentication.js';
// @ts-ignore - no great way to install types from subpackage
import type { Request as ExRequest, Response as ExResponse, RequestHandler, Router } from 'express';

const expressAuthenticationRecasted = expressAuthentication as (req: ExRequest, securityName: string, scopes?: string[], res?: ExResponse) => Promise<any>;


// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

const models: TsoaRoute.Models = {
    "Problem": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "status": {"dataType":"double","required":true},
            "code": {"dataType":"string","required":true},
            "detail": {"dataType":"string","required":true},
            "requestId": {"dataType":"string"},
            "errors": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"message":{"dataType":"string","required":true},"field":{"dataType":"string","required":true}}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LedgerEntryView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "reason": {"dataType":"string","required":true},
            "delta": {"dataType":"double","required":true},
            "balanceAfter": {"dataType":"double","required":true},
            "refType": {"dataType":"string","required":true},
            "refId": {"dataType":"string","required":true},
            "note": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LedgerPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"LedgerEntryView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OrderView": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["created"]},{"dataType":"enum","enums":["paid"]},{"dataType":"enum","enums":["failed"]}],"required":true},
            "gateway": {"dataType":"string","required":true},
            "gatewayOrderId": {"dataType":"string"},
            "amount": {"dataType":"double","required":true},
            "amountPaise": {"dataType":"double","required":true},
            "currency": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "packId": {"dataType":"string"},
            "quantity": {"dataType":"double","required":true},
            "priceBand": {"dataType":"string"},
            "paymentId": {"dataType":"string"},
            "paidAt": {"dataType":"string"},
            "failureReason": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OrderPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"OrderView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReceiptView": {
        "dataType": "refObject",
        "properties": {
            "receiptNumber": {"dataType":"string","required":true},
            "financialYear": {"dataType":"string","required":true},
            "issuedAt": {"dataType":"string","required":true},
            "orderId": {"dataType":"string","required":true},
            "paymentId": {"dataType":"string"},
            "gateway": {"dataType":"string","required":true},
            "paidAt": {"dataType":"string","required":true},
            "seller": {"dataType":"nestedObjectLiteral","nestedProperties":{"gstin":{"dataType":"string"},"address":{"dataType":"string","required":true},"legalName":{"dataType":"string","required":true}},"required":true},
            "item": {"dataType":"nestedObjectLiteral","nestedProperties":{"quantity":{"dataType":"double","required":true},"packId":{"dataType":"string"},"credits":{"dataType":"double","required":true},"description":{"dataType":"string","required":true}},"required":true},
            "currency": {"dataType":"string","required":true},
            "amount": {"dataType":"double","required":true},
            "amountPaise": {"dataType":"double","required":true},
            "tax": {"dataType":"nestedObjectLiteral","nestedProperties":{"tax":{"dataType":"double","required":true},"taxable":{"dataType":"double","required":true},"sgstPaise":{"dataType":"double","required":true},"cgstPaise":{"dataType":"double","required":true},"taxPaise":{"dataType":"double","required":true},"taxablePaise":{"dataType":"double","required":true},"inclusive":{"dataType":"boolean","required":true},"ratePercent":{"dataType":"double","required":true},"label":{"dataType":"string","required":true}},"required":true},
            "pdfPath": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownStatus": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["actioned"]},{"dataType":"enum","enums":["rejected"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownTicket": {
        "dataType": "refObject",
        "properties": {
            "ticketId": {"dataType":"string","required":true},
            "status": {"ref":"TakedownStatus","required":true},
            "postId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownReason": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["copyright"]},{"dataType":"enum","enums":["privacy"]},{"dataType":"enum","enums":["impersonation"]},{"dataType":"enum","enums":["sexual"]},{"dataType":"enum","enums":["violence"]},{"dataType":"enum","enums":["hate"]},{"dataType":"enum","enums":["illegal"]},{"dataType":"enum","enums":["other"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownBody": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string"},
            "url": {"dataType":"string"},
            "reason": {"ref":"TakedownReason","required":true},
            "contactEmail": {"dataType":"string","required":true},
            "details": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EnhancePromptResponse": {
        "dataType": "refObject",
        "properties": {
            "enhancedPrompt": {"dataType":"string","required":true},
            "suggestions": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "enhancer": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EnhancePromptRequest": {
        "dataType": "refObject",
        "properties": {
            "prompt": {"dataType":"string","required":true},
            "templateId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GenerateResponse": {
        "dataType": "refObject",
        "properties": {
            "jobId": {"dataType":"string","required":true},
            "imageId": {"dataType":"string","required":true},
            "creditDebited": {"dataType":"double","required":true},
            "status": {"dataType":"enum","enums":["queued"],"required":true},
            "imageIds": {"dataType":"array","array":{"dataType":"string"}},
            "format": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]}]},
            "count": {"dataType":"double"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GenerateRequest": {
        "dataType": "refObject",
        "properties": {
            "prompt": {"dataType":"string","required":true},
            "tier": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["standard"]},{"dataType":"enum","enums":["premium2"]},{"dataType":"enum","enums":["premium4"]}],"required":true},
            "templateId": {"dataType":"string"},
            "watermark": {"dataType":"boolean"},
            "format": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]}]},
            "count": {"dataType":"integer"},
            "remixOf": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "JobImageView": {
        "dataType": "refObject",
        "properties": {
            "imageId": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "format": {"dataType":"string","required":true},
            "width": {"dataType":"double","required":true},
            "height": {"dataType":"double","required":true},
            "provider": {"dataType":"string"},
            "creditsSpent": {"dataType":"double","required":true},
            "imageUrl": {"dataType":"string"},
            "thumbnailUrl": {"dataType":"string"},
            "deleted": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "JobView": {
        "dataType": "refObject",
        "properties": {
            "jobId": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["queued"]},{"dataType":"enum","enums":["running"]},{"dataType":"enum","enums":["succeeded"]},{"dataType":"enum","enums":["failed"]}],"required":true},
            "progress": {"dataType":"double","required":true},
            "imageId": {"dataType":"string","required":true},
            "creditDebited": {"dataType":"double","required":true},
            "refunded": {"dataType":"boolean","required":true},
            "imageUrl": {"dataType":"string"},
            "thumbnailUrl": {"dataType":"string"},
            "error": {"dataType":"string"},
            "errorMessage": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "finishedAt": {"dataType":"string"},
            "deleted": {"dataType":"boolean"},
            "format": {"dataType":"string","required":true},
            "count": {"dataType":"double","required":true},
            "provider": {"dataType":"string"},
            "fallbackFrom": {"dataType":"string"},
            "refundedCredits": {"dataType":"double","required":true},
            "images": {"dataType":"array","array":{"dataType":"refObject","ref":"JobImageView"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CategoryView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "slug": {"dataType":"string","required":true},
            "description": {"dataType":"string"},
            "style": {"dataType":"string"},
            "displayOrder": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListResponse_CategoryView_": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"CategoryView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TemplateView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "categoryId": {"dataType":"string","required":true},
            "promptText": {"dataType":"string","required":true},
            "description": {"dataType":"string"},
            "defaultTier": {"dataType":"string","required":true},
            "displayOrder": {"dataType":"double","required":true},
            "defaultFormat": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListResponse_TemplateView_": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"TemplateView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TierView": {
        "dataType": "refObject",
        "properties": {
            "tier": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["standard"]},{"dataType":"enum","enums":["premium2"]},{"dataType":"enum","enums":["premium4"]}],"required":true},
            "credits": {"dataType":"double","required":true},
            "width": {"dataType":"double","required":true},
            "height": {"dataType":"double","required":true},
            "label": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListResponse_TierView_": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"TierView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FormatName": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TierName": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["standard"]},{"dataType":"enum","enums":["premium2"]},{"dataType":"enum","enums":["premium4"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FormatTierView": {
        "dataType": "refObject",
        "properties": {
            "tier": {"ref":"TierName","required":true},
            "width": {"dataType":"double","required":true},
            "height": {"dataType":"double","required":true},
            "credits": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FormatView": {
        "dataType": "refObject",
        "properties": {
            "format": {"ref":"FormatName","required":true},
            "ratio": {"dataType":"string","required":true},
            "label": {"dataType":"string","required":true},
            "uses": {"dataType":"string","required":true},
            "tiers": {"dataType":"array","array":{"dataType":"refObject","ref":"FormatTierView"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FormatsResponse": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"FormatView"},"required":true},
            "defaultFormat": {"ref":"FormatName","required":true},
            "maxCount": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StudioSettings": {
        "dataType": "refObject",
        "properties": {
            "features": {"dataType":"nestedObjectLiteral","nestedProperties":{"promptEnhancement":{"dataType":"boolean","required":true},"purchases":{"dataType":"boolean","required":true},"referrals":{"dataType":"boolean","required":true},"remix":{"dataType":"boolean","required":true},"community":{"dataType":"boolean","required":true}},"required":true},
            "tiers": {"dataType":"array","array":{"dataType":"refObject","ref":"TierView"},"required":true},
            "formats": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "locale": {"dataType":"nestedObjectLiteral","nestedProperties":{"timezone":{"dataType":"string","required":true},"currency":{"dataType":"string","required":true},"default":{"dataType":"string","required":true}},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReferralMeView": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "shareLink": {"dataType":"string","required":true},
            "signups": {"dataType":"double","required":true},
            "qualifiedSignups": {"dataType":"double","required":true},
            "pendingReview": {"dataType":"double","required":true},
            "creditsEarned": {"dataType":"double","required":true},
            "nextMilestone": {"dataType":"nestedObjectLiteral","nestedProperties":{"reward":{"dataType":"double","required":true},"qualifiedNeeded":{"dataType":"double","required":true}},"required":true},
            "referredBy": {"dataType":"nestedObjectLiteral","nestedProperties":{"name":{"dataType":"string"}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClaimResponse": {
        "dataType": "refObject",
        "properties": {
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["awarded"]},{"dataType":"enum","enums":["held"]}],"required":true},
            "creditsAwarded": {"dataType":"double","required":true},
            "referrerName": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClaimRequest": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ExportDocumentView": {
        "dataType": "refObject",
        "properties": {
            "format": {"dataType":"string","required":true},
            "generatedAt": {"dataType":"string","required":true},
        },
        "additionalProperties": {"dataType":"any"},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Record_string.unknown_": {
        "dataType": "refAlias",
        "type": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"any"},"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ExportStatusView": {
        "dataType": "refObject",
        "properties": {
            "requestId": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "requestedAt": {"dataType":"string","required":true},
            "finishedAt": {"dataType":"string"},
            "statusUrl": {"dataType":"string","required":true},
            "document": {"ref":"Record_string.unknown_"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ErasureView": {
        "dataType": "refObject",
        "properties": {
            "requestId": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "requestedAt": {"dataType":"string","required":true},
            "finishedAt": {"dataType":"string"},
            "requestedBy": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["self"]},{"dataType":"enum","enums":["admin"]}],"required":true},
            "statusUrl": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConsentView": {
        "dataType": "refObject",
        "properties": {
            "purpose": {"dataType":"string","required":true},
            "version": {"dataType":"string","required":true},
            "givenAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RequiredConsentView": {
        "dataType": "refObject",
        "properties": {
            "purpose": {"dataType":"string","required":true},
            "version": {"dataType":"string","required":true},
            "given": {"dataType":"boolean","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConsentsView": {
        "dataType": "refObject",
        "properties": {
            "given": {"dataType":"array","array":{"dataType":"refObject","ref":"ConsentView"},"required":true},
            "required": {"dataType":"array","array":{"dataType":"refObject","ref":"RequiredConsentView"},"required":true},
            "missing": {"dataType":"boolean","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GiveConsentBody": {
        "dataType": "refObject",
        "properties": {
            "purpose": {"dataType":"string","required":true},
            "version": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GiveConsentRequest": {
        "dataType": "refAlias",
        "type": {"ref":"GiveConsentBody","validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PosterView": {
        "dataType": "refObject",
        "properties": {
            "posterId": {"dataType":"string","required":true},
            "imageId": {"dataType":"string","required":true},
            "imageUrl": {"dataType":"string","required":true},
            "thumbnailUrl": {"dataType":"string","required":true},
            "downloadUrl": {"dataType":"string","required":true},
            "sourceImageId": {"dataType":"string","required":true},
            "layout": {"dataType":"string","required":true},
            "format": {"dataType":"string","required":true},
            "width": {"dataType":"double","required":true},
            "height": {"dataType":"double","required":true},
            "text": {"dataType":"nestedObjectLiteral","nestedProperties":{"price":{"dataType":"string"},"cta":{"dataType":"string"},"subline":{"dataType":"string"},"headline":{"dataType":"string","required":true}},"required":true},
            "brandKitId": {"dataType":"string"},
            "qr": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["referral"]},{"dataType":"enum","enums":["none"]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreatePosterResponse": {
        "dataType": "refAlias",
        "type": {"ref":"PosterView","validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreatePosterRequest": {
        "dataType": "refObject",
        "properties": {
            "imageId": {"dataType":"string","required":true},
            "layout": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["headline-top"]},{"dataType":"enum","enums":["bottom-band"]},{"dataType":"enum","enums":["split"]},{"dataType":"enum","enums":["centred-card"]},{"dataType":"enum","enums":["price-burst"]},{"dataType":"enum","enums":["minimal-corner"]}],"required":true},
            "text": {"dataType":"nestedObjectLiteral","nestedProperties":{"price":{"dataType":"string"},"cta":{"dataType":"string"},"subline":{"dataType":"string"},"headline":{"dataType":"string","required":true}},"required":true},
            "brand": {"dataType":"nestedObjectLiteral","nestedProperties":{"brandKitId":{"dataType":"string"}}},
            "qr": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["referral"]},{"dataType":"enum","enums":["none"]}]},
            "format": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BrandKitView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "colors": {"dataType":"nestedObjectLiteral","nestedProperties":{"text":{"dataType":"string","required":true},"secondary":{"dataType":"string","required":true},"primary":{"dataType":"string","required":true}},"required":true},
            "font": {"dataType":"string","required":true},
            "hasLogo": {"dataType":"boolean","required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateBrandKitRequest": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string","required":true},
            "colors": {"dataType":"nestedObjectLiteral","nestedProperties":{"text":{"dataType":"string","required":true},"secondary":{"dataType":"string","required":true},"primary":{"dataType":"string","required":true}},"required":true},
            "font": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["noto-sans"]},{"dataType":"enum","enums":["noto-sans-regular"]}],"required":true},
            "logo": {"dataType":"nestedObjectLiteral","nestedProperties":{"data":{"dataType":"string","required":true},"contentType":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["image/png"]},{"dataType":"enum","enums":["image/svg+xml"]}],"required":true}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BrandKitList": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"BrandKitView"},"required":true},
            "partnerDefault": {"dataType":"nestedObjectLiteral","nestedProperties":{"font":{"dataType":"string","required":true},"colors":{"dataType":"nestedObjectLiteral","nestedProperties":{"text":{"dataType":"string","required":true},"secondary":{"dataType":"string","required":true},"primary":{"dataType":"string","required":true}},"required":true},"name":{"dataType":"string","required":true}},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "slug": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "publishableKey": {"dataType":"string","required":true},
            "issuer": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "audience": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "allowedOrigins": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "siteUrl": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["active"]},{"dataType":"enum","enums":["disabled"]}],"required":true},
            "auth": {"dataType":"nestedObjectLiteral","nestedProperties":{"secretSet":{"dataType":"boolean"},"publicKey":{"dataType":"string"},"jwksUrl":{"dataType":"string"},"algorithm":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["HS256"]},{"dataType":"enum","enums":["RS256"]},{"dataType":"enum","enums":["ES256"]}],"required":true}},"required":true},
            "maxTokenLifetimeSeconds": {"dataType":"double","required":true},
            "createdAt": {"dataType":"string","required":true},
            "updatedAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerAuthSecret": {
        "dataType": "refObject",
        "properties": {
            "algorithm": {"dataType":"enum","enums":["HS256"],"required":true},
            "secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerAuthJwks": {
        "dataType": "refObject",
        "properties": {
            "algorithm": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["RS256"]},{"dataType":"enum","enums":["ES256"]}],"required":true},
            "jwksUrl": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerAuthPublicKey": {
        "dataType": "refObject",
        "properties": {
            "algorithm": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["RS256"]},{"dataType":"enum","enums":["ES256"]}],"required":true},
            "publicKey": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerAuth": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"ref":"PartnerAuthSecret"},{"ref":"PartnerAuthJwks"},{"ref":"PartnerAuthPublicKey"}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerCreateRequest": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string","required":true},
            "slug": {"dataType":"string"},
            "auth": {"ref":"PartnerAuth","required":true},
            "issuer": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "audience": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "allowedOrigins": {"dataType":"array","array":{"dataType":"string"}},
            "siteUrl": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "maxTokenLifetimeSeconds": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerList": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"PartnerView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartnerUpdateRequest": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string"},
            "slug": {"dataType":"string"},
            "auth": {"ref":"PartnerAuth"},
            "issuer": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "audience": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "allowedOrigins": {"dataType":"array","array":{"dataType":"string"}},
            "siteUrl": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "maxTokenLifetimeSeconds": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}]},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["active"]},{"dataType":"enum","enums":["disabled"]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PackView": {
        "dataType": "refObject",
        "properties": {
            "packId": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "discountPercent": {"dataType":"double","required":true},
            "amount": {"dataType":"double","required":true},
            "amountPaise": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PacksResponse": {
        "dataType": "refObject",
        "properties": {
            "currency": {"dataType":"enum","enums":["INR"],"required":true},
            "priceBand": {"dataType":"string","required":true},
            "pricePerCredit": {"dataType":"double","required":true},
            "pricePerCreditPaise": {"dataType":"double","required":true},
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"PackView"},"required":true},
            "minQuantity": {"dataType":"double","required":true},
            "maxQuantity": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Record_string.string-or-number_": {
        "dataType": "refAlias",
        "type": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"double"}]},"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CheckoutDescriptor": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["sandbox"]},{"dataType":"enum","enums":["script"]}],"required":true},
            "script": {"dataType":"nestedObjectLiteral","nestedProperties":{"result":{"dataType":"nestedObjectLiteral","nestedProperties":{"signature":{"dataType":"string","required":true},"paymentId":{"dataType":"string","required":true}},"required":true},"bindings":{"dataType":"nestedObjectLiteral","nestedProperties":{"prefill":{"dataType":"string"},"color":{"dataType":"string"},"description":{"dataType":"string"},"name":{"dataType":"string"},"onDismiss":{"dataType":"string","required":true},"onSuccess":{"dataType":"string","required":true}},"required":true},"options":{"ref":"Record_string.string-or-number_","required":true},"global":{"dataType":"string","required":true},"src":{"dataType":"string","required":true}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PurchaseResponse": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "gateway": {"dataType":"string","required":true},
            "amount": {"dataType":"double","required":true},
            "amountPaise": {"dataType":"double","required":true},
            "currency": {"dataType":"enum","enums":["INR"],"required":true},
            "credits": {"dataType":"double","required":true},
            "packId": {"dataType":"string"},
            "quantity": {"dataType":"double","required":true},
            "discountPercent": {"dataType":"double","required":true},
            "priceBand": {"dataType":"string","required":true},
            "keyId": {"dataType":"string"},
            "gatewayOrderId": {"dataType":"string"},
            "checkout": {"ref":"CheckoutDescriptor","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PurchaseRequest": {
        "dataType": "refObject",
        "properties": {
            "packId": {"dataType":"string"},
            "quantity": {"dataType":"double"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "VerifyResponse": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "creditsAdded": {"dataType":"double","required":true},
            "balance": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "VerifyRequest": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "paymentId": {"dataType":"string","required":true},
            "signature": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SandboxPayResponse": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "paymentId": {"dataType":"string","required":true},
            "signature": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SandboxPayRequest": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NotificationView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "type": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "body": {"dataType":"string"},
            "data": {"ref":"Record_string.unknown_","required":true},
            "read": {"dataType":"boolean","required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NotificationsPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"NotificationView"},"required":true},
            "nextCursor": {"dataType":"string"},
            "unreadCount": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MarkReadResponse": {
        "dataType": "refObject",
        "properties": {
            "updated": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MarkReadRequest": {
        "dataType": "refObject",
        "properties": {
            "ids": {"dataType":"array","array":{"dataType":"string"}},
            "all": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BalanceView": {
        "dataType": "refObject",
        "properties": {
            "credits": {"dataType":"double","required":true},
            "monthlyUsed": {"dataType":"double","required":true},
            "monthlyRemaining": {"dataType":"double","required":true},
            "monthlyCap": {"dataType":"double"},
            "isPaying": {"dataType":"boolean","required":true},
            "priceBand": {"dataType":"string"},
            "debtCredits": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreationView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "imageId": {"dataType":"string","required":true},
            "jobId": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "prompt": {"dataType":"string","required":true},
            "tier": {"dataType":"string","required":true},
            "templateId": {"dataType":"string"},
            "width": {"dataType":"double","required":true},
            "height": {"dataType":"double","required":true},
            "provider": {"dataType":"string"},
            "watermark": {"dataType":"boolean","required":true},
            "creditsSpent": {"dataType":"double","required":true},
            "billable": {"dataType":"boolean","required":true},
            "imageUrl": {"dataType":"string"},
            "thumbnailUrl": {"dataType":"string"},
            "downloadUrl": {"dataType":"string"},
            "postId": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "format": {"dataType":"string","required":true},
            "poster": {"dataType":"nestedObjectLiteral","nestedProperties":{"format":{"dataType":"string","required":true},"layout":{"dataType":"string","required":true},"sourceThumbnailUrl":{"dataType":"string","required":true},"sourceImageId":{"dataType":"string","required":true},"posterId":{"dataType":"string","required":true}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreationsPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"CreationView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReopenResponse": {
        "dataType": "refObject",
        "properties": {
            "imageId": {"dataType":"string","required":true},
            "prompt": {"dataType":"string","required":true},
            "tier": {"dataType":"string","required":true},
            "templateId": {"dataType":"string"},
            "watermark": {"dataType":"boolean","required":true},
            "format": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PublishResponse": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PublishRequest": {
        "dataType": "refObject",
        "properties": {
            "imageId": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "categoryId": {"dataType":"string","required":true},
            "tags": {"dataType":"array","array":{"dataType":"string"}},
            "visibility": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["public"]},{"dataType":"enum","enums":["private"]}],"required":true},
            "watermark": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AuthorView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CardView": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "id": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "thumbnailUrl": {"dataType":"string","required":true},
            "imageUrl": {"dataType":"string","required":true},
            "author": {"ref":"AuthorView","required":true},
            "categoryId": {"dataType":"string","required":true},
            "tags": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "likes": {"dataType":"double","required":true},
            "likesCount": {"dataType":"double","required":true},
            "reuseCount": {"dataType":"double","required":true},
            "likedByMe": {"dataType":"boolean","required":true},
            "visibility": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["public"]},{"dataType":"enum","enums":["private"]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
            "trendingScore": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FeedResponse": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"CardView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PostView": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "id": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "thumbnailUrl": {"dataType":"string","required":true},
            "imageUrl": {"dataType":"string","required":true},
            "author": {"ref":"AuthorView","required":true},
            "categoryId": {"dataType":"string","required":true},
            "tags": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "likes": {"dataType":"double","required":true},
            "likesCount": {"dataType":"double","required":true},
            "reuseCount": {"dataType":"double","required":true},
            "likedByMe": {"dataType":"boolean","required":true},
            "visibility": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["public"]},{"dataType":"enum","enums":["private"]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
            "trendingScore": {"dataType":"double","required":true},
            "prompt": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},
            "hiddenReason": {"dataType":"string"},
            "rewardCredits": {"dataType":"double"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LikeResponse": {
        "dataType": "refObject",
        "properties": {
            "liked": {"dataType":"boolean","required":true},
            "likes": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReportResponse": {
        "dataType": "refObject",
        "properties": {
            "reportId": {"dataType":"string","required":true},
            "status": {"dataType":"enum","enums":["open"],"required":true},
            "duplicate": {"dataType":"boolean","required":true},
            "postHidden": {"dataType":"boolean","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReportRequest": {
        "dataType": "refObject",
        "properties": {
            "reason": {"dataType":"string","required":true},
            "details": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RemixOpenResponse": {
        "dataType": "refObject",
        "properties": {
            "templatePrompt": {"dataType":"string","required":true},
            "enhancedPrompt": {"dataType":"string","required":true},
            "sourcePostId": {"dataType":"string","required":true},
            "categoryId": {"dataType":"string","required":true},
            "tier": {"dataType":"string"},
            "templateId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RemixRecordResponse": {
        "dataType": "refObject",
        "properties": {
            "rewarded": {"dataType":"boolean","required":true},
            "rewardCredits": {"dataType":"double","required":true},
            "creatorTotalForAsset": {"dataType":"double","required":true},
            "reuseEventId": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RemixRecordRequest": {
        "dataType": "refObject",
        "properties": {
            "generatedImageId": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealStatus": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["upheld"]},{"dataType":"enum","enums":["reversed"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealTicket": {
        "dataType": "refObject",
        "properties": {
            "appealId": {"dataType":"string","required":true},
            "postId": {"dataType":"string","required":true},
            "action": {"dataType":"string","required":true},
            "status": {"ref":"AppealStatus","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealBody": {
        "dataType": "refObject",
        "properties": {
            "message": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEndpointWithSecret": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "events": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "enabled": {"dataType":"boolean","required":true},
            "disabledReason": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateWebhookRequest": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","required":true},
            "events": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEndpointView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "events": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "enabled": {"dataType":"boolean","required":true},
            "disabledReason": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookList": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"WebhookEndpointView"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "UpdateWebhookRequest": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string"},
            "events": {"dataType":"array","array":{"dataType":"string"}},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "enabled": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DeliveryStatus": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["succeeded"]},{"dataType":"enum","enums":["failed"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookDeliveryView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "eventId": {"dataType":"string","required":true},
            "type": {"dataType":"string","required":true},
            "attempt": {"dataType":"double","required":true},
            "status": {"ref":"DeliveryStatus","required":true},
            "responseStatus": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "lastError": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "nextAttemptAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookDeliveryPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"WebhookDeliveryView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SuspensionView": {
        "dataType": "refObject",
        "properties": {
            "suspendedAt": {"dataType":"string","required":true},
            "note": {"dataType":"string","required":true},
            "by": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserSummary": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "sub": {"dataType":"string","required":true},
            "name": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "email": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "role": {"dataType":"string","required":true},
            "referralCode": {"dataType":"string","required":true},
            "isPaying": {"dataType":"boolean","required":true},
            "createdAt": {"dataType":"string","required":true},
            "lastActiveAt": {"dataType":"string"},
            "suspended": {"ref":"SuspensionView"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminUserSummary"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserJob": {
        "dataType": "refObject",
        "properties": {
            "jobId": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "tier": {"dataType":"string","required":true},
            "cost": {"dataType":"double","required":true},
            "provider": {"dataType":"string"},
            "errorCode": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserPost": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},
            "hiddenReason": {"dataType":"string"},
            "likes": {"dataType":"double","required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminReferralEvent": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "type": {"dataType":"string","required":true},
            "status": {"dataType":"string","required":true},
            "holdReason": {"dataType":"string"},
            "credits": {"dataType":"double","required":true},
            "side": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["referrer"]},{"dataType":"enum","enums":["referee"]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserReferrals": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "referredBy": {"dataType":"string"},
            "claimedAt": {"dataType":"string"},
            "events": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminReferralEvent"},"required":true},
            "holds": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminUserDetail": {
        "dataType": "refObject",
        "properties": {
            "user": {"ref":"AdminUserSummary","required":true},
            "balance": {"dataType":"double","required":true},
            "debt": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "monthlyUsed": {"dataType":"double","required":true},
            "monthlyCap": {"dataType":"double"},
            "ledger": {"dataType":"nestedObjectLiteral","nestedProperties":{"nextCursor":{"dataType":"string"},"items":{"dataType":"array","array":{"dataType":"refObject","ref":"LedgerEntryView"},"required":true}},"required":true},
            "orders": {"dataType":"array","array":{"dataType":"refObject","ref":"OrderView"},"required":true},
            "jobs": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminUserJob"},"required":true},
            "posts": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminUserPost"},"required":true},
            "referrals": {"ref":"AdminUserReferrals","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdjustResponse": {
        "dataType": "refObject",
        "properties": {
            "adjustmentId": {"dataType":"string","required":true},
            "userId": {"dataType":"string","required":true},
            "sub": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "balance": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdjustRequest": {
        "dataType": "refObject",
        "properties": {
            "credits": {"dataType":"double","required":true},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SuspensionResponse": {
        "dataType": "refObject",
        "properties": {
            "userId": {"dataType":"string","required":true},
            "sub": {"dataType":"string","required":true},
            "suspended": {"dataType":"boolean","required":true},
            "suspension": {"ref":"SuspensionView"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SuspendRequest": {
        "dataType": "refObject",
        "properties": {
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminTemplateView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "categoryId": {"dataType":"string","required":true},
            "promptText": {"dataType":"string","required":true},
            "description": {"dataType":"string"},
            "defaultTier": {"dataType":"string","required":true},
            "displayOrder": {"dataType":"double","required":true},
            "isActive": {"dataType":"boolean","required":true},
            "createdBy": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "updatedAt": {"dataType":"string","required":true},
            "defaultFormat": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminTemplateList": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminTemplateView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TemplateCreateRequest": {
        "dataType": "refObject",
        "properties": {
            "title": {"dataType":"string","required":true},
            "categoryId": {"dataType":"string","required":true},
            "promptText": {"dataType":"string","required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "defaultTier": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["standard"]},{"dataType":"enum","enums":["premium2"]},{"dataType":"enum","enums":["premium4"]}]},
            "defaultFormat": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]},{"dataType":"enum","enums":[null]}]},
            "displayOrder": {"dataType":"double"},
            "isActive": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TemplateUpdateRequest": {
        "dataType": "refObject",
        "properties": {
            "title": {"dataType":"string"},
            "categoryId": {"dataType":"string"},
            "promptText": {"dataType":"string"},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "defaultTier": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["standard"]},{"dataType":"enum","enums":["premium2"]},{"dataType":"enum","enums":["premium4"]}]},
            "defaultFormat": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["square"]},{"dataType":"enum","enums":["portrait"]},{"dataType":"enum","enums":["story"]},{"dataType":"enum","enums":["landscape"]},{"dataType":"enum","enums":["banner"]},{"dataType":"enum","enums":[null]}]},
            "displayOrder": {"dataType":"double"},
            "isActive": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReviewUser": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReviewItemView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["signup"]},{"dataType":"enum","enums":["first_generation"]},{"dataType":"enum","enums":["qualified"]},{"dataType":"enum","enums":["milestone"]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["paid"]},{"dataType":"enum","enums":["counted"]},{"dataType":"enum","enums":["held"]},{"dataType":"enum","enums":["rejected"]},{"dataType":"enum","enums":["capped"]}],"required":true},
            "holdReason": {"dataType":"string"},
            "credits": {"dataType":"double","required":true},
            "referrer": {"ref":"ReviewUser","required":true},
            "referee": {"ref":"ReviewUser"},
            "beneficiary": {"ref":"ReviewUser","required":true},
            "anomaly": {"dataType":"nestedObjectLiteral","nestedProperties":{"inactiveShare":{"dataType":"double","required":true},"inactiveReferees":{"dataType":"double","required":true},"referees":{"dataType":"double","required":true},"flagged":{"dataType":"boolean","required":true}},"required":true},
            "reviewNote": {"dataType":"string"},
            "reviewedAt": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReviewPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"ReviewItemView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReviewActionResponse": {
        "dataType": "refObject",
        "properties": {
            "item": {"ref":"ReviewItemView","required":true},
            "cascaded": {"dataType":"array","array":{"dataType":"string"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ReviewActionRequest": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "action": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["approve"]},{"dataType":"enum","enums":["reject"]}],"required":true},
            "note": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProviderKeyView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "provider": {"dataType":"string","required":true},
            "purpose": {"dataType":"string","required":true},
            "alias": {"dataType":"string","required":true},
            "lastFour": {"dataType":"string","required":true},
            "endpoint": {"dataType":"string"},
            "model": {"dataType":"string"},
            "inUse": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "createdAt": {"dataType":"string","required":true},
            "rotatedAt": {"dataType":"string"},
            "updatedBy": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProvidersView": {
        "dataType": "refObject",
        "properties": {
            "keys": {"dataType":"array","array":{"dataType":"refObject","ref":"ProviderKeyView"},"required":true},
            "selection": {"dataType":"nestedObjectLiteral","nestedProperties":{"chat":{"dataType":"nestedObjectLiteral","nestedProperties":{"active":{"dataType":"string","required":true}},"required":true},"image":{"dataType":"nestedObjectLiteral","nestedProperties":{"fallback":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"active":{"dataType":"string","required":true}},"required":true}},"required":true},
            "kinds": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"keyRequired":{"dataType":"boolean","required":true},"defaultEndpoint":{"dataType":"string"},"purposes":{"dataType":"array","array":{"dataType":"string"},"required":true},"provider":{"dataType":"string","required":true}}},"required":true},
            "keyId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProviderChangeRequest": {
        "dataType": "refObject",
        "properties": {
            "action": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["add"]},{"dataType":"enum","enums":["rotate"]},{"dataType":"enum","enums":["update"]},{"dataType":"enum","enums":["remove"]},{"dataType":"enum","enums":["select"]}],"required":true},
            "id": {"dataType":"string"},
            "provider": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["openai"]},{"dataType":"enum","enums":["stability"]},{"dataType":"enum","enums":["openai-compatible"]}]},
            "purpose": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["image"]},{"dataType":"enum","enums":["chat"]}]},
            "alias": {"dataType":"string"},
            "apiKey": {"dataType":"string"},
            "endpoint": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "model": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "image": {"dataType":"nestedObjectLiteral","nestedProperties":{"fallback":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},"active":{"dataType":"string","required":true}}},
            "chat": {"dataType":"nestedObjectLiteral","nestedProperties":{"active":{"dataType":"string","required":true}}},
            "note": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConnectionTestResult": {
        "dataType": "refObject",
        "properties": {
            "ok": {"dataType":"boolean","required":true},
            "status": {"dataType":"double"},
            "latencyMs": {"dataType":"double","required":true},
            "error": {"dataType":"string"},
            "models": {"dataType":"double"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProviderTestRequest": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string"},
            "provider": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["openai"]},{"dataType":"enum","enums":["stability"]},{"dataType":"enum","enums":["openai-compatible"]}]},
            "apiKey": {"dataType":"string"},
            "endpoint": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminEraseBody": {
        "dataType": "refObject",
        "properties": {
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminEraseRequest": {
        "dataType": "refAlias",
        "type": {"ref":"AdminEraseBody","validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PaymentAccountView": {
        "dataType": "refObject",
        "properties": {
            "gateway": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["razorpay"]},{"dataType":"enum","enums":["sandbox"]}],"required":true},
            "source": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["partner"]},{"dataType":"enum","enums":["environment"]}],"required":true},
            "keyId": {"dataType":"string"},
            "keySecretSet": {"dataType":"boolean","required":true},
            "webhookSecretSet": {"dataType":"boolean","required":true},
            "webhookPath": {"dataType":"string","required":true},
            "rotatedAt": {"dataType":"string"},
            "updatedBy": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PaymentAccountRequest": {
        "dataType": "refObject",
        "properties": {
            "keyId": {"dataType":"string"},
            "keySecret": {"dataType":"string"},
            "webhookSecret": {"dataType":"string"},
            "note": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminOrderView": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["created"]},{"dataType":"enum","enums":["paid"]},{"dataType":"enum","enums":["failed"]}],"required":true},
            "gateway": {"dataType":"string","required":true},
            "gatewayOrderId": {"dataType":"string"},
            "amount": {"dataType":"double","required":true},
            "amountPaise": {"dataType":"double","required":true},
            "currency": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "packId": {"dataType":"string"},
            "quantity": {"dataType":"double","required":true},
            "priceBand": {"dataType":"string"},
            "paymentId": {"dataType":"string"},
            "paidAt": {"dataType":"string"},
            "failureReason": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
            "user": {"dataType":"string","required":true},
            "refundedPaise": {"dataType":"double","required":true},
            "disputedPaise": {"dataType":"double","required":true},
            "refundablePaise": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminOrderPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminOrderView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RefundOrderResponse": {
        "dataType": "refObject",
        "properties": {
            "orderId": {"dataType":"string","required":true},
            "refundId": {"dataType":"string","required":true},
            "amountPaise": {"dataType":"double","required":true},
            "amount": {"dataType":"double","required":true},
            "credits": {"dataType":"double","required":true},
            "takenCredits": {"dataType":"double","required":true},
            "debtCredits": {"dataType":"double","required":true},
            "alreadyRecorded": {"dataType":"boolean","required":true},
            "order": {"ref":"AdminOrderView","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RefundOrderRequest": {
        "dataType": "refObject",
        "properties": {
            "amountPaise": {"dataType":"double"},
            "amount": {"dataType":"double"},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModerationItem": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},
            "hiddenReason": {"dataType":"string"},
            "previewThumbnailUrl": {"dataType":"string","required":true},
            "author": {"dataType":"nestedObjectLiteral","nestedProperties":{"name":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"id":{"dataType":"string","required":true}},"required":true},
            "openReports": {"dataType":"double","required":true},
            "reasons": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"count":{"dataType":"double","required":true},"reason":{"dataType":"string","required":true}}},"required":true},
            "recentReports": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"createdAt":{"dataType":"string","required":true},"details":{"dataType":"string"},"reason":{"dataType":"string","required":true}}},"required":true},
            "firstReportAt": {"dataType":"string","required":true},
            "lastReportAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModerationQueue": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"ModerationItem"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModerationAction": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["hide"]},{"dataType":"enum","enums":["unhide"]},{"dataType":"enum","enums":["delete"]},{"dataType":"enum","enums":["dismiss"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModerationResult": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "action": {"ref":"ModerationAction","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},
            "closedReports": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModerationRequest": {
        "dataType": "refObject",
        "properties": {
            "postId": {"dataType":"string","required":true},
            "action": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["hide"]},{"dataType":"enum","enums":["unhide"]},{"dataType":"enum","enums":["delete"]},{"dataType":"enum","enums":["dismiss"]}],"required":true},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GrantResponse": {
        "dataType": "refObject",
        "properties": {
            "grantId": {"dataType":"string","required":true},
            "userId": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "balance": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "GrantRequest": {
        "dataType": "refObject",
        "properties": {
            "userId": {"dataType":"string","required":true},
            "credits": {"dataType":"double","required":true},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConfigView": {
        "dataType": "refObject",
        "properties": {
            "version": {"dataType":"double","required":true},
            "config": {"ref":"Record_string.unknown_","required":true},
            "updatedAt": {"dataType":"string"},
            "updatedBy": {"dataType":"string"},
            "note": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConfigUpdateRequest": {
        "dataType": "refObject",
        "properties": {
            "config": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"any"},"required":true},
            "note": {"dataType":"string"},
            "expectedVersion": {"dataType":"double"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConfigHistoryItem": {
        "dataType": "refObject",
        "properties": {
            "version": {"dataType":"double","required":true},
            "createdAt": {"dataType":"string","required":true},
            "createdBy": {"dataType":"string"},
            "note": {"dataType":"string"},
            "changed": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "config": {"ref":"Record_string.unknown_","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConfigHistoryResponse": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"ConfigHistoryItem"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConfigRestoreRequest": {
        "dataType": "refObject",
        "properties": {
            "version": {"dataType":"double","required":true},
            "note": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminCategoryView": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "slug": {"dataType":"string","required":true},
            "description": {"dataType":"string"},
            "style": {"dataType":"string"},
            "displayOrder": {"dataType":"double","required":true},
            "isActive": {"dataType":"boolean","required":true},
            "templateCount": {"dataType":"double","required":true},
            "activeTemplateCount": {"dataType":"double","required":true},
            "createdAt": {"dataType":"string","required":true},
            "updatedAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdminCategoryList": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AdminCategoryView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CategoryCreateRequest": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string","required":true},
            "slug": {"dataType":"string"},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "style": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "displayOrder": {"dataType":"double"},
            "isActive": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CategoryReorderRequest": {
        "dataType": "refObject",
        "properties": {
            "ids": {"dataType":"array","array":{"dataType":"string"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CategoryUpdateRequest": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string"},
            "slug": {"dataType":"string"},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "style": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
            "displayOrder": {"dataType":"double"},
            "isActive": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AuditItem": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "action": {"dataType":"string","required":true},
            "actor": {"dataType":"nestedObjectLiteral","nestedProperties":{"sub":{"dataType":"string"},"userId":{"dataType":"string"}},"required":true},
            "targetType": {"dataType":"string"},
            "targetId": {"dataType":"string"},
            "note": {"dataType":"string"},
            "data": {"ref":"Record_string.unknown_"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AuditLogResponse": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AuditItem"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealView": {
        "dataType": "refObject",
        "properties": {
            "appealId": {"dataType":"string","required":true},
            "status": {"ref":"AppealStatus","required":true},
            "message": {"dataType":"string","required":true},
            "action": {"dataType":"string","required":true},
            "actionNote": {"dataType":"string"},
            "actionAt": {"dataType":"string"},
            "post": {"dataType":"nestedObjectLiteral","nestedProperties":{"previewThumbnailUrl":{"dataType":"string","required":true},"status":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},"title":{"dataType":"string","required":true},"postId":{"dataType":"string","required":true}},"required":true},
            "author": {"dataType":"nestedObjectLiteral","nestedProperties":{"name":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"id":{"dataType":"string","required":true}},"required":true},
            "decisionNote": {"dataType":"string"},
            "decidedAt": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"AppealView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealDecisionResult": {
        "dataType": "refObject",
        "properties": {
            "appealId": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["upheld"]},{"dataType":"enum","enums":["reversed"]}],"required":true},
            "postStatus": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppealDecision": {
        "dataType": "refObject",
        "properties": {
            "decision": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["uphold"]},{"dataType":"enum","enums":["reverse"]}],"required":true},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownView": {
        "dataType": "refObject",
        "properties": {
            "ticketId": {"dataType":"string","required":true},
            "status": {"ref":"TakedownStatus","required":true},
            "reason": {"dataType":"string","required":true},
            "contactEmail": {"dataType":"string","required":true},
            "details": {"dataType":"string"},
            "url": {"dataType":"string"},
            "post": {"dataType":"nestedObjectLiteral","nestedProperties":{"author":{"dataType":"nestedObjectLiteral","nestedProperties":{"name":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"id":{"dataType":"string","required":true}},"required":true},"previewThumbnailUrl":{"dataType":"string","required":true},"status":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["listed"]},{"dataType":"enum","enums":["private"]},{"dataType":"enum","enums":["hidden"]},{"dataType":"enum","enums":["deleted"]}],"required":true},"title":{"dataType":"string","required":true},"postId":{"dataType":"string","required":true}}},
            "decisionNote": {"dataType":"string"},
            "decidedAt": {"dataType":"string"},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownPage": {
        "dataType": "refObject",
        "properties": {
            "items": {"dataType":"array","array":{"dataType":"refObject","ref":"TakedownView"},"required":true},
            "nextCursor": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownDecisionResult": {
        "dataType": "refObject",
        "properties": {
            "ticketId": {"dataType":"string","required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["actioned"]},{"dataType":"enum","enums":["rejected"]}],"required":true},
            "postStatus": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TakedownDecision": {
        "dataType": "refObject",
        "properties": {
            "action": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["hide"]},{"dataType":"enum","enums":["delete"]},{"dataType":"enum","enums":["reject"]}],"required":true},
            "note": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ArppuUplift": {
        "dataType": "refObject",
        "properties": {
            "baselineFrom": {"dataType":"string","required":true},
            "baselineTo": {"dataType":"string","required":true},
            "baselineRevenue": {"dataType":"double","required":true},
            "baselinePayers": {"dataType":"double","required":true},
            "baselineArppu": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "arppu": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "uplift": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LtvCac": {
        "dataType": "refObject",
        "properties": {
            "ltv": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "lifetimeRevenue": {"dataType":"double","required":true},
            "lifetimeUsers": {"dataType":"double","required":true},
            "cac": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "ratio": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Record_string.number_": {
        "dataType": "refAlias",
        "type": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"double"},"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DailyPoint": {
        "dataType": "refObject",
        "properties": {
            "date": {"dataType":"string","required":true},
            "signups": {"dataType":"double","required":true},
            "activeUsers": {"dataType":"double","required":true},
            "generations": {"dataType":"double","required":true},
            "failedGenerations": {"dataType":"double","required":true},
            "remixes": {"dataType":"double","required":true},
            "creditsSpent": {"dataType":"double","required":true},
            "rewardCredits": {"dataType":"double","required":true},
            "revenue": {"dataType":"double","required":true},
            "paidOrders": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AnalyticsReport": {
        "dataType": "refObject",
        "properties": {
            "window": {"dataType":"nestedObjectLiteral","nestedProperties":{"days":{"dataType":"double","required":true},"timezone":{"dataType":"string","required":true},"to":{"dataType":"string","required":true},"from":{"dataType":"string","required":true}},"required":true},
            "activation": {"dataType":"nestedObjectLiteral","nestedProperties":{"rate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"activatedWithin48h":{"dataType":"double","required":true},"newUsers":{"dataType":"double","required":true}},"required":true},
            "engagement": {"dataType":"nestedObjectLiteral","nestedProperties":{"reuseRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"remixGenerations":{"dataType":"double","required":true},"generationsPerUserPerWeek":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"generatingUsers":{"dataType":"double","required":true},"generations":{"dataType":"double","required":true}},"required":true},
            "monetization": {"dataType":"nestedObjectLiteral","nestedProperties":{"byPriceBand":{"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"arppu":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"revenue":{"dataType":"double","required":true},"conversion":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"payingUsers":{"dataType":"double","required":true},"users":{"dataType":"double","required":true},"pricePerCredit":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"band":{"dataType":"string","required":true}}},"required":true},"arppu":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"revenuePaise":{"dataType":"double","required":true},"revenue":{"dataType":"double","required":true},"paidOrders":{"dataType":"double","required":true},"newPayersInWindow":{"dataType":"double","required":true},"payersInWindow":{"dataType":"double","required":true},"paidConversion":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"payingUsers":{"dataType":"double","required":true},"users":{"dataType":"double","required":true}},"required":true},
            "credits": {"dataType":"nestedObjectLiteral","nestedProperties":{"granted":{"ref":"Record_string.number_","required":true},"netSpent":{"dataType":"double","required":true},"refunded":{"dataType":"double","required":true},"spent":{"dataType":"double","required":true}},"required":true},
            "rewards": {"dataType":"nestedObjectLiteral","nestedProperties":{"distribution":{"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"users":{"dataType":"double","required":true},"bucket":{"dataType":"string","required":true}}},"required":true},"topEarnerShare":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"giniAllActive":{"dataType":"double","required":true},"gini":{"dataType":"double","required":true},"earningShare":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"activeUsers":{"dataType":"double","required":true},"earners":{"dataType":"double","required":true},"totalCredits":{"dataType":"double","required":true}},"required":true},
            "referrals": {"dataType":"nestedObjectLiteral","nestedProperties":{"creditsPaid":{"dataType":"double","required":true},"qualified":{"dataType":"double","required":true},"firstGeneration":{"dataType":"double","required":true},"attributed":{"dataType":"double","required":true},"signups":{"dataType":"double","required":true}},"required":true},
            "providers": {"dataType":"nestedObjectLiteral","nestedProperties":{"usageMarginRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"usageMargin":{"dataType":"double","required":true},"creditValue":{"dataType":"double","required":true},"grossMarginRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"grossMargin":{"dataType":"double","required":true},"revenue":{"dataType":"double","required":true},"providerCost":{"dataType":"double","required":true},"items":{"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"cost":{"dataType":"double","required":true},"costPerImage":{"dataType":"double","required":true},"images":{"dataType":"double","required":true},"provider":{"dataType":"string","required":true}}},"required":true}},"required":true},
            "reliability": {"dataType":"nestedObjectLiteral","nestedProperties":{"fallbackRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"fallbackJobs":{"dataType":"double","required":true},"generateAckSamples":{"dataType":"double","required":true},"generateAckP95Ms":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"errorRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"failedJobs":{"dataType":"double","required":true},"finishedJobs":{"dataType":"double","required":true}},"required":true},
            "usage": {"dataType":"nestedObjectLiteral","nestedProperties":{"newUsers":{"dataType":"double","required":true},"creditsSpent":{"dataType":"double","required":true},"remixGenerations":{"dataType":"double","required":true},"generatingUsers":{"dataType":"double","required":true},"generations":{"dataType":"double","required":true}},"required":true},
            "margin": {"dataType":"nestedObjectLiteral","nestedProperties":{"grossMarginRate":{"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},"grossMargin":{"dataType":"double","required":true},"providerCost":{"dataType":"double","required":true},"revenue":{"dataType":"double","required":true}},"required":true},
            "daily": {"dataType":"array","array":{"dataType":"refObject","ref":"DailyPoint"},"required":true},
            "arppuUplift": {"ref":"ArppuUplift","required":true},
            "ltvCac": {"ref":"LtvCac","required":true},
            "sources": {"dataType":"nestedObjectLiteral","nestedProperties":{"liveSlices":{"dataType":"double","required":true},"rolledUpDays":{"dataType":"double","required":true}},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
};
const templateService = new ExpressTemplateService(models, {"noImplicitAdditionalProperties":"silently-remove-extras","bodyCoercion":false});

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa




export function RegisterRoutes(app: Router) {

    // ###########################################################################################################
    //  NOTE: If you do not see routes for all of your controllers in this file, then you might not have informed tsoa of where to look
    //      Please look into the "controllerPathGlobs" config option described in the readme: https://github.com/lukeautry/tsoa
    // ###########################################################################################################


    
        const argsWalletController_history: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/credits/history',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(WalletController)),
            ...(fetchMiddlewares<RequestHandler>(WalletController.prototype.history)),

            async function WalletController_history(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWalletController_history, request, response });

                const controller = new WalletController();

              await templateService.apiHandler({
                methodName: 'history',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWalletController_orders: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/credits/orders',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(WalletController)),
            ...(fetchMiddlewares<RequestHandler>(WalletController.prototype.orders)),

            async function WalletController_orders(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWalletController_orders, request, response });

                const controller = new WalletController();

              await templateService.apiHandler({
                methodName: 'orders',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWalletController_order: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                orderId: {"in":"path","name":"orderId","required":true,"dataType":"string"},
        };
        app.get('/api/credits/orders/:orderId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(WalletController)),
            ...(fetchMiddlewares<RequestHandler>(WalletController.prototype.order)),

            async function WalletController_order(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWalletController_order, request, response });

                const controller = new WalletController();

              await templateService.apiHandler({
                methodName: 'order',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWalletController_receipt: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                orderId: {"in":"path","name":"orderId","required":true,"dataType":"string"},
        };
        app.get('/api/credits/orders/:orderId/receipt',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(WalletController)),
            ...(fetchMiddlewares<RequestHandler>(WalletController.prototype.receipt)),

            async function WalletController_receipt(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWalletController_receipt, request, response });

                const controller = new WalletController();

              await templateService.apiHandler({
                methodName: 'receipt',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsTakedownsController_takedown: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"TakedownBody"},
        };
        app.post('/api/public/takedown',
            authenticateMiddleware([{"jwt":[]},{"visitor":["public"]}]),
            ...(fetchMiddlewares<RequestHandler>(TakedownsController)),
            ...(fetchMiddlewares<RequestHandler>(TakedownsController.prototype.takedown)),

            async function TakedownsController_takedown(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsTakedownsController_takedown, request, response });

                const controller = new TakedownsController();

              await templateService.apiHandler({
                methodName: 'takedown',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_enhancePrompt: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"EnhancePromptRequest"},
        };
        app.post('/api/studio/enhance-prompt',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.enhancePrompt)),

            async function StudioController_enhancePrompt(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_enhancePrompt, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'enhancePrompt',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_generate: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"GenerateRequest"},
                idempotencyKey: {"in":"header","name":"Idempotency-Key","dataType":"string"},
        };
        app.post('/api/studio/generate',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.generate)),

            async function StudioController_generate(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_generate, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'generate',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_getJob: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                jobId: {"in":"path","name":"jobId","required":true,"dataType":"string"},
        };
        app.get('/api/studio/generate/:jobId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.getJob)),

            async function StudioController_getJob(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_getJob, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'getJob',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_categories: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/studio/categories',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.categories)),

            async function StudioController_categories(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_categories, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'categories',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_templates: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                categoryId: {"in":"query","name":"categoryId","dataType":"string"},
        };
        app.get('/api/studio/templates',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.templates)),

            async function StudioController_templates(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_templates, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'templates',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_tiers: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/studio/tiers',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.tiers)),

            async function StudioController_tiers(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_tiers, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'tiers',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_formats: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/studio/formats',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.formats)),

            async function StudioController_formats(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_formats, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'formats',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsStudioController_settings: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/studio/settings',
            authenticateMiddleware([{"jwt":[]},{"visitor":["settings"]}]),
            ...(fetchMiddlewares<RequestHandler>(StudioController)),
            ...(fetchMiddlewares<RequestHandler>(StudioController.prototype.settings)),

            async function StudioController_settings(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsStudioController_settings, request, response });

                const controller = new StudioController();

              await templateService.apiHandler({
                methodName: 'settings',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsReferralsController_me: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/referrals/me',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController)),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController.prototype.me)),

            async function ReferralsController_me(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsReferralsController_me, request, response });

                const controller = new ReferralsController();

              await templateService.apiHandler({
                methodName: 'me',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsReferralsController_claim: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ClaimRequest"},
        };
        app.post('/api/referrals/claim',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController)),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController.prototype.claim)),

            async function ReferralsController_claim(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsReferralsController_claim, request, response });

                const controller = new ReferralsController();

              await templateService.apiHandler({
                methodName: 'claim',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsReferralsController_poster: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                imageId: {"in":"path","name":"imageId","required":true,"dataType":"string"},
        };
        app.get('/api/referrals/poster/:imageId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController)),
            ...(fetchMiddlewares<RequestHandler>(ReferralsController.prototype.poster)),

            async function ReferralsController_poster(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsReferralsController_poster, request, response });

                const controller = new ReferralsController();

              await templateService.apiHandler({
                methodName: 'poster',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_exportData: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/me/export',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.exportData)),

            async function PrivacyController_exportData(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_exportData, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'exportData',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_getExport: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                requestId: {"in":"path","name":"requestId","required":true,"dataType":"string"},
        };
        app.get('/api/me/exports/:requestId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.getExport)),

            async function PrivacyController_getExport(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_getExport, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'getExport',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_erase: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.delete('/api/me',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.erase)),

            async function PrivacyController_erase(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_erase, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'erase',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_erasure: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/me/erasure',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.erasure)),

            async function PrivacyController_erasure(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_erasure, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'erasure',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_consents: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/me/consents',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.consents)),

            async function PrivacyController_consents(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_consents, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'consents',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPrivacyController_give: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"GiveConsentRequest"},
        };
        app.post('/api/me/consents',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(PrivacyController.prototype.give)),

            async function PrivacyController_give(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPrivacyController_give, request, response });

                const controller = new PrivacyController();

              await templateService.apiHandler({
                methodName: 'give',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_createPoster: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreatePosterRequest"},
        };
        app.post('/api/studio/posters',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.createPoster)),

            async function PostersController_createPoster(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_createPoster, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'createPoster',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_getPoster: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                posterId: {"in":"path","name":"posterId","required":true,"dataType":"string"},
        };
        app.get('/api/studio/posters/:posterId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.getPoster)),

            async function PostersController_getPoster(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_getPoster, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'getPoster',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_createBrandKit: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateBrandKitRequest"},
        };
        app.post('/api/studio/brand-kits',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.createBrandKit)),

            async function PostersController_createBrandKit(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_createBrandKit, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'createBrandKit',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_listBrandKits: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/studio/brand-kits',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.listBrandKits)),

            async function PostersController_listBrandKits(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_listBrandKits, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'listBrandKits',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_getBrandKit: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                brandKitId: {"in":"path","name":"brandKitId","required":true,"dataType":"string"},
        };
        app.get('/api/studio/brand-kits/:brandKitId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.getBrandKit)),

            async function PostersController_getBrandKit(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_getBrandKit, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'getBrandKit',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPostersController_deleteBrandKit: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                brandKitId: {"in":"path","name":"brandKitId","required":true,"dataType":"string"},
        };
        app.delete('/api/studio/brand-kits/:brandKitId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PostersController)),
            ...(fetchMiddlewares<RequestHandler>(PostersController.prototype.deleteBrandKit)),

            async function PostersController_deleteBrandKit(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPostersController_deleteBrandKit, request, response });

                const controller = new PostersController();

              await templateService.apiHandler({
                methodName: 'deleteBrandKit',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPlatformPartnersController_create: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                _body: {"in":"body","name":"_body","required":true,"ref":"PartnerCreateRequest"},
        };
        app.post('/api/platform/partners',
            authenticateMiddleware([{"platform":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController)),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController.prototype.create)),

            async function PlatformPartnersController_create(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPlatformPartnersController_create, request, response });

                const controller = new PlatformPartnersController();

              await templateService.apiHandler({
                methodName: 'create',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPlatformPartnersController_list: Record<string, TsoaRoute.ParameterSchema> = {
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["active"]},{"dataType":"enum","enums":["disabled"]}]},
        };
        app.get('/api/platform/partners',
            authenticateMiddleware([{"platform":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController)),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController.prototype.list)),

            async function PlatformPartnersController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPlatformPartnersController_list, request, response });

                const controller = new PlatformPartnersController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPlatformPartnersController_get: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/api/platform/partners/:id',
            authenticateMiddleware([{"platform":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController)),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController.prototype.get)),

            async function PlatformPartnersController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPlatformPartnersController_get, request, response });

                const controller = new PlatformPartnersController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPlatformPartnersController_update: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                _body: {"in":"body","name":"_body","required":true,"ref":"PartnerUpdateRequest"},
        };
        app.patch('/api/platform/partners/:id',
            authenticateMiddleware([{"platform":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController)),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController.prototype.update)),

            async function PlatformPartnersController_update(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPlatformPartnersController_update, request, response });

                const controller = new PlatformPartnersController();

              await templateService.apiHandler({
                methodName: 'update',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPlatformPartnersController_rotateKey: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/api/platform/partners/:id/publishable-key',
            authenticateMiddleware([{"platform":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController)),
            ...(fetchMiddlewares<RequestHandler>(PlatformPartnersController.prototype.rotateKey)),

            async function PlatformPartnersController_rotateKey(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPlatformPartnersController_rotateKey, request, response });

                const controller = new PlatformPartnersController();

              await templateService.apiHandler({
                methodName: 'rotateKey',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPaymentsController_packs: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/credits/packs',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController.prototype.packs)),

            async function PaymentsController_packs(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPaymentsController_packs, request, response });

                const controller = new PaymentsController();

              await templateService.apiHandler({
                methodName: 'packs',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPaymentsController_purchase: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"PurchaseRequest"},
                idempotencyKey: {"in":"header","name":"Idempotency-Key","dataType":"string"},
        };
        app.post('/api/credits/purchase',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController.prototype.purchase)),

            async function PaymentsController_purchase(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPaymentsController_purchase, request, response });

                const controller = new PaymentsController();

              await templateService.apiHandler({
                methodName: 'purchase',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPaymentsController_verify: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"VerifyRequest"},
                idempotencyKey: {"in":"header","name":"Idempotency-Key","dataType":"string"},
        };
        app.post('/api/credits/purchase/verify',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController.prototype.verify)),

            async function PaymentsController_verify(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPaymentsController_verify, request, response });

                const controller = new PaymentsController();

              await templateService.apiHandler({
                methodName: 'verify',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsPaymentsController_sandboxPay: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"SandboxPayRequest"},
        };
        app.post('/api/credits/sandbox/pay',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(PaymentsController.prototype.sandboxPay)),

            async function PaymentsController_sandboxPay(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsPaymentsController_sandboxPay, request, response });

                const controller = new PaymentsController();

              await templateService.apiHandler({
                methodName: 'sandboxPay',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                unread: {"in":"query","name":"unread","dataType":"boolean"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/notifications',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.list)),

            async function NotificationsController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_list, request, response });

                const controller = new NotificationsController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_read: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"MarkReadRequest"},
        };
        app.post('/api/notifications/read',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.read)),

            async function NotificationsController_read(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_read, request, response });

                const controller = new NotificationsController();

              await templateService.apiHandler({
                methodName: 'read',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCreditsController_balance: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/credits/balance',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CreditsController)),
            ...(fetchMiddlewares<RequestHandler>(CreditsController.prototype.balance)),

            async function CreditsController_balance(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCreditsController_balance, request, response });

                const controller = new CreditsController();

              await templateService.apiHandler({
                methodName: 'balance',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCreationsController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
        };
        app.get('/api/studio/my-creations',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CreationsController)),
            ...(fetchMiddlewares<RequestHandler>(CreationsController.prototype.list)),

            async function CreationsController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCreationsController_list, request, response });

                const controller = new CreationsController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCreationsController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                imageId: {"in":"path","name":"imageId","required":true,"dataType":"string"},
        };
        app.get('/api/studio/my-creations/:imageId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CreationsController)),
            ...(fetchMiddlewares<RequestHandler>(CreationsController.prototype.get)),

            async function CreationsController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCreationsController_get, request, response });

                const controller = new CreationsController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCreationsController_reopen: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                imageId: {"in":"path","name":"imageId","required":true,"dataType":"string"},
        };
        app.get('/api/studio/my-creations/:imageId/reopen',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CreationsController)),
            ...(fetchMiddlewares<RequestHandler>(CreationsController.prototype.reopen)),

            async function CreationsController_reopen(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCreationsController_reopen, request, response });

                const controller = new CreationsController();

              await templateService.apiHandler({
                methodName: 'reopen',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCreationsController_remove: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                imageId: {"in":"path","name":"imageId","required":true,"dataType":"string"},
        };
        app.delete('/api/studio/my-creations/:imageId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CreationsController)),
            ...(fetchMiddlewares<RequestHandler>(CreationsController.prototype.remove)),

            async function CreationsController_remove(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCreationsController_remove, request, response });

                const controller = new CreationsController();

              await templateService.apiHandler({
                methodName: 'remove',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_publish: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"PublishRequest"},
        };
        app.post('/api/community/publish',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.publish)),

            async function CommunityController_publish(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_publish, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'publish',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_feed: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                sort: {"in":"query","name":"sort","dataType":"union","subSchemas":[{"dataType":"enum","enums":["trending"]},{"dataType":"enum","enums":["latest"]}]},
                categoryId: {"in":"query","name":"categoryId","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/community/feed',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.feed)),

            async function CommunityController_feed(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_feed, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'feed',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_getPost: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
        };
        app.get('/api/community/posts/:postId',
            authenticateMiddleware([{"jwt":[]},{"visitor":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.getPost)),

            async function CommunityController_getPost(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_getPost, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'getPost',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_unpublish: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
        };
        app.delete('/api/community/posts/:postId',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.unpublish)),

            async function CommunityController_unpublish(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_unpublish, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'unpublish',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_like: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
        };
        app.post('/api/community/:postId/like',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.like)),

            async function CommunityController_like(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_like, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'like',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_report: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"ReportRequest"},
        };
        app.post('/api/community/:postId/report',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.report)),

            async function CommunityController_report(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_report, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'report',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_remixOpen: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
        };
        app.post('/api/community/:postId/remix/open',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.remixOpen)),

            async function CommunityController_remixOpen(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_remixOpen, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'remixOpen',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCommunityController_remixRecord: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"RemixRecordRequest"},
        };
        app.post('/api/community/:postId/remix/record',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(CommunityController)),
            ...(fetchMiddlewares<RequestHandler>(CommunityController.prototype.remixRecord)),

            async function CommunityController_remixRecord(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCommunityController_remixRecord, request, response });

                const controller = new CommunityController();

              await templateService.apiHandler({
                methodName: 'remixRecord',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAppealsController_appeal: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                postId: {"in":"path","name":"postId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"AppealBody"},
        };
        app.post('/api/community/:postId/appeal',
            authenticateMiddleware([{"jwt":[]}]),
            ...(fetchMiddlewares<RequestHandler>(AppealsController)),
            ...(fetchMiddlewares<RequestHandler>(AppealsController.prototype.appeal)),

            async function AppealsController_appeal(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAppealsController_appeal, request, response });

                const controller = new AppealsController();

              await templateService.apiHandler({
                methodName: 'appeal',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_create: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateWebhookRequest"},
        };
        app.post('/api/admin/webhooks',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.create)),

            async function AdminWebhooksController_create(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_create, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'create',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/admin/webhooks',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.list)),

            async function AdminWebhooksController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_list, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/api/admin/webhooks/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.get)),

            async function AdminWebhooksController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_get, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_update: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"UpdateWebhookRequest"},
        };
        app.patch('/api/admin/webhooks/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.update)),

            async function AdminWebhooksController_update(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_update, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'update',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_remove: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/api/admin/webhooks/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.remove)),

            async function AdminWebhooksController_remove(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_remove, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'remove',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_rotate: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/api/admin/webhooks/:id/secret',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.rotate)),

            async function AdminWebhooksController_rotate(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_rotate, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'rotate',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_test: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/api/admin/webhooks/:id/test',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.test)),

            async function AdminWebhooksController_test(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_test, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'test',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_deliveries: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/webhooks/:id/deliveries',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.deliveries)),

            async function AdminWebhooksController_deliveries(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_deliveries, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'deliveries',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminWebhooksController_redeliver: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                deliveryId: {"in":"path","name":"deliveryId","required":true,"dataType":"string"},
        };
        app.post('/api/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController)),
            ...(fetchMiddlewares<RequestHandler>(AdminWebhooksController.prototype.redeliver)),

            async function AdminWebhooksController_redeliver(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminWebhooksController_redeliver, request, response });

                const controller = new AdminWebhooksController();

              await templateService.apiHandler({
                methodName: 'redeliver',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminUsersController_search: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                query: {"in":"query","name":"query","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/users',
            authenticateMiddleware([{"jwt":["admin","support","moderator","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController.prototype.search)),

            async function AdminUsersController_search(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminUsersController_search, request, response });

                const controller = new AdminUsersController();

              await templateService.apiHandler({
                methodName: 'search',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminUsersController_detail: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
                ledgerLimit: {"in":"query","name":"ledgerLimit","dataType":"double"},
                ledgerCursor: {"in":"query","name":"ledgerCursor","dataType":"string"},
        };
        app.get('/api/admin/users/:userId',
            authenticateMiddleware([{"jwt":["admin","support","moderator","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController.prototype.detail)),

            async function AdminUsersController_detail(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminUsersController_detail, request, response });

                const controller = new AdminUsersController();

              await templateService.apiHandler({
                methodName: 'detail',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminUsersController_adjust: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"AdjustRequest"},
        };
        app.post('/api/admin/users/:userId/adjust',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController.prototype.adjust)),

            async function AdminUsersController_adjust(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminUsersController_adjust, request, response });

                const controller = new AdminUsersController();

              await templateService.apiHandler({
                methodName: 'adjust',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminUsersController_suspend: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"SuspendRequest"},
        };
        app.post('/api/admin/users/:userId/suspend',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController.prototype.suspend)),

            async function AdminUsersController_suspend(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminUsersController_suspend, request, response });

                const controller = new AdminUsersController();

              await templateService.apiHandler({
                methodName: 'suspend',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminUsersController_unsuspend: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"SuspendRequest"},
        };
        app.post('/api/admin/users/:userId/unsuspend',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminUsersController.prototype.unsuspend)),

            async function AdminUsersController_unsuspend(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminUsersController_unsuspend, request, response });

                const controller = new AdminUsersController();

              await templateService.apiHandler({
                methodName: 'unsuspend',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminTemplatesController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                categoryId: {"in":"query","name":"categoryId","dataType":"string"},
                active: {"in":"query","name":"active","dataType":"boolean"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/templates',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController.prototype.list)),

            async function AdminTemplatesController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminTemplatesController_list, request, response });

                const controller = new AdminTemplatesController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminTemplatesController_create: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"TemplateCreateRequest"},
        };
        app.post('/api/admin/templates',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController.prototype.create)),

            async function AdminTemplatesController_create(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminTemplatesController_create, request, response });

                const controller = new AdminTemplatesController();

              await templateService.apiHandler({
                methodName: 'create',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminTemplatesController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/api/admin/templates/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController.prototype.get)),

            async function AdminTemplatesController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminTemplatesController_get, request, response });

                const controller = new AdminTemplatesController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminTemplatesController_update: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"TemplateUpdateRequest"},
        };
        app.patch('/api/admin/templates/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController.prototype.update)),

            async function AdminTemplatesController_update(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminTemplatesController_update, request, response });

                const controller = new AdminTemplatesController();

              await templateService.apiHandler({
                methodName: 'update',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminTemplatesController_deactivate: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/api/admin/templates/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminTemplatesController.prototype.deactivate)),

            async function AdminTemplatesController_deactivate(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminTemplatesController_deactivate, request, response });

                const controller = new AdminTemplatesController();

              await templateService.apiHandler({
                methodName: 'deactivate',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminReferralsController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["held"]},{"dataType":"enum","enums":["paid"]},{"dataType":"enum","enums":["counted"]},{"dataType":"enum","enums":["rejected"]},{"dataType":"enum","enums":["capped"]}]},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/referrals/review',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminReferralsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminReferralsController.prototype.list)),

            async function AdminReferralsController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminReferralsController_list, request, response });

                const controller = new AdminReferralsController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminReferralsController_act: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ReviewActionRequest"},
        };
        app.post('/api/admin/referrals/review',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminReferralsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminReferralsController.prototype.act)),

            async function AdminReferralsController_act(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminReferralsController_act, request, response });

                const controller = new AdminReferralsController();

              await templateService.apiHandler({
                methodName: 'act',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminProvidersController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/admin/providers',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController.prototype.list)),

            async function AdminProvidersController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminProvidersController_list, request, response });

                const controller = new AdminProvidersController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminProvidersController_change: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ProviderChangeRequest"},
        };
        app.post('/api/admin/providers',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController.prototype.change)),

            async function AdminProvidersController_change(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminProvidersController_change, request, response });

                const controller = new AdminProvidersController();

              await templateService.apiHandler({
                methodName: 'change',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminProvidersController_test: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ProviderTestRequest"},
        };
        app.post('/api/admin/providers/test',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminProvidersController.prototype.test)),

            async function AdminProvidersController_test(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminProvidersController_test, request, response });

                const controller = new AdminProvidersController();

              await templateService.apiHandler({
                methodName: 'test',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminPrivacyController_erase: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"AdminEraseRequest"},
        };
        app.post('/api/admin/users/:userId/erase',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminPrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(AdminPrivacyController.prototype.erase)),

            async function AdminPrivacyController_erase(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminPrivacyController_erase, request, response });

                const controller = new AdminPrivacyController();

              await templateService.apiHandler({
                methodName: 'erase',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminPrivacyController_erasure: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                userId: {"in":"path","name":"userId","required":true,"dataType":"string"},
        };
        app.get('/api/admin/users/:userId/erasure',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminPrivacyController)),
            ...(fetchMiddlewares<RequestHandler>(AdminPrivacyController.prototype.erasure)),

            async function AdminPrivacyController_erasure(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminPrivacyController_erasure, request, response });

                const controller = new AdminPrivacyController();

              await templateService.apiHandler({
                methodName: 'erasure',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminPaymentsController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/admin/payments',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminPaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminPaymentsController.prototype.get)),

            async function AdminPaymentsController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminPaymentsController_get, request, response });

                const controller = new AdminPaymentsController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminPaymentsController_set: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"PaymentAccountRequest"},
        };
        app.put('/api/admin/payments',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminPaymentsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminPaymentsController.prototype.set)),

            async function AdminPaymentsController_set(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminPaymentsController_set, request, response });

                const controller = new AdminPaymentsController();

              await templateService.apiHandler({
                methodName: 'set',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminOrdersController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                user: {"in":"query","name":"user","dataType":"string"},
                status: {"in":"query","name":"status","dataType":"string"},
                from: {"in":"query","name":"from","dataType":"string"},
                to: {"in":"query","name":"to","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/orders',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminOrdersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminOrdersController.prototype.list)),

            async function AdminOrdersController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminOrdersController_list, request, response });

                const controller = new AdminOrdersController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminOrdersController_refund: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                orderId: {"in":"path","name":"orderId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"RefundOrderRequest"},
        };
        app.post('/api/admin/orders/:orderId/refund',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminOrdersController)),
            ...(fetchMiddlewares<RequestHandler>(AdminOrdersController.prototype.refund)),

            async function AdminOrdersController_refund(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminOrdersController_refund, request, response });

                const controller = new AdminOrdersController();

              await templateService.apiHandler({
                methodName: 'refund',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminModerationController_queue: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/moderation',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminModerationController)),
            ...(fetchMiddlewares<RequestHandler>(AdminModerationController.prototype.queue)),

            async function AdminModerationController_queue(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminModerationController_queue, request, response });

                const controller = new AdminModerationController();

              await templateService.apiHandler({
                methodName: 'queue',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminModerationController_act: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ModerationRequest"},
        };
        app.post('/api/admin/moderation',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminModerationController)),
            ...(fetchMiddlewares<RequestHandler>(AdminModerationController.prototype.act)),

            async function AdminModerationController_act(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminModerationController_act, request, response });

                const controller = new AdminModerationController();

              await templateService.apiHandler({
                methodName: 'act',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCreditsController_grant: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"GrantRequest"},
        };
        app.post('/api/admin/credits/grant',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCreditsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCreditsController.prototype.grant)),

            async function AdminCreditsController_grant(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCreditsController_grant, request, response });

                const controller = new AdminCreditsController();

              await templateService.apiHandler({
                methodName: 'grant',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminConfigController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/api/admin/config',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController)),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController.prototype.get)),

            async function AdminConfigController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminConfigController_get, request, response });

                const controller = new AdminConfigController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminConfigController_update: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ConfigUpdateRequest"},
        };
        app.post('/api/admin/config',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController)),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController.prototype.update)),

            async function AdminConfigController_update(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminConfigController_update, request, response });

                const controller = new AdminConfigController();

              await templateService.apiHandler({
                methodName: 'update',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminConfigController_history: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/config/history',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController)),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController.prototype.history)),

            async function AdminConfigController_history(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminConfigController_history, request, response });

                const controller = new AdminConfigController();

              await templateService.apiHandler({
                methodName: 'history',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminConfigController_restore: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ConfigRestoreRequest"},
        };
        app.post('/api/admin/config/restore',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController)),
            ...(fetchMiddlewares<RequestHandler>(AdminConfigController.prototype.restore)),

            async function AdminConfigController_restore(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminConfigController_restore, request, response });

                const controller = new AdminConfigController();

              await templateService.apiHandler({
                methodName: 'restore',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                active: {"in":"query","name":"active","dataType":"boolean"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/categories',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.list)),

            async function AdminCategoriesController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_list, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_create: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CategoryCreateRequest"},
        };
        app.post('/api/admin/categories',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.create)),

            async function AdminCategoriesController_create(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_create, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'create',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_reorder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CategoryReorderRequest"},
        };
        app.post('/api/admin/categories/reorder',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.reorder)),

            async function AdminCategoriesController_reorder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_reorder, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'reorder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_get: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/api/admin/categories/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.get)),

            async function AdminCategoriesController_get(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_get, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'get',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_update: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"CategoryUpdateRequest"},
        };
        app.patch('/api/admin/categories/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.update)),

            async function AdminCategoriesController_update(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_update, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'update',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminCategoriesController_deactivate: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/api/admin/categories/:id',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController)),
            ...(fetchMiddlewares<RequestHandler>(AdminCategoriesController.prototype.deactivate)),

            async function AdminCategoriesController_deactivate(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminCategoriesController_deactivate, request, response });

                const controller = new AdminCategoriesController();

              await templateService.apiHandler({
                methodName: 'deactivate',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAuditController_list: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                action: {"in":"query","name":"action","dataType":"string"},
                actor: {"in":"query","name":"actor","dataType":"string"},
                targetType: {"in":"query","name":"targetType","dataType":"string"},
                targetId: {"in":"query","name":"targetId","dataType":"string"},
                from: {"in":"query","name":"from","dataType":"string"},
                to: {"in":"query","name":"to","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/audit-log',
            authenticateMiddleware([{"jwt":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAuditController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAuditController.prototype.list)),

            async function AdminAuditController_list(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAuditController_list, request, response });

                const controller = new AdminAuditController();

              await templateService.apiHandler({
                methodName: 'list',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAppealsController_appeals: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["upheld"]},{"dataType":"enum","enums":["reversed"]}]},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/moderation/appeals',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController.prototype.appeals)),

            async function AdminAppealsController_appeals(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAppealsController_appeals, request, response });

                const controller = new AdminAppealsController();

              await templateService.apiHandler({
                methodName: 'appeals',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAppealsController_decideAppeal: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                appealId: {"in":"path","name":"appealId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"AppealDecision"},
        };
        app.post('/api/admin/moderation/appeals/:appealId',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController.prototype.decideAppeal)),

            async function AdminAppealsController_decideAppeal(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAppealsController_decideAppeal, request, response });

                const controller = new AdminAppealsController();

              await templateService.apiHandler({
                methodName: 'decideAppeal',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAppealsController_takedowns: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["actioned"]},{"dataType":"enum","enums":["rejected"]}]},
                limit: {"in":"query","name":"limit","dataType":"double"},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/api/admin/moderation/takedowns',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController.prototype.takedowns)),

            async function AdminAppealsController_takedowns(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAppealsController_takedowns, request, response });

                const controller = new AdminAppealsController();

              await templateService.apiHandler({
                methodName: 'takedowns',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAppealsController_decideTakedown: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                ticketId: {"in":"path","name":"ticketId","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"TakedownDecision"},
        };
        app.post('/api/admin/moderation/takedowns/:ticketId',
            authenticateMiddleware([{"jwt":["admin","moderator"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAppealsController.prototype.decideTakedown)),

            async function AdminAppealsController_decideTakedown(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAppealsController_decideTakedown, request, response });

                const controller = new AdminAppealsController();

              await templateService.apiHandler({
                methodName: 'decideTakedown',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAnalyticsController_analytics: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                from: {"in":"query","name":"from","dataType":"string"},
                to: {"in":"query","name":"to","dataType":"string"},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]}]},
                table: {"in":"query","name":"table","dataType":"union","subSchemas":[{"dataType":"enum","enums":["daily"]},{"dataType":"enum","enums":["kpis"]}]},
                baselineFrom: {"in":"query","name":"baselineFrom","dataType":"string"},
                baselineTo: {"in":"query","name":"baselineTo","dataType":"string"},
        };
        app.get('/api/admin/analytics',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAnalyticsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAnalyticsController.prototype.analytics)),

            async function AdminAnalyticsController_analytics(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAnalyticsController_analytics, request, response });

                const controller = new AdminAnalyticsController();

              await templateService.apiHandler({
                methodName: 'analytics',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminAnalyticsController_analyticsCsv: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                from: {"in":"query","name":"from","dataType":"string"},
                to: {"in":"query","name":"to","dataType":"string"},
                table: {"in":"query","name":"table","dataType":"union","subSchemas":[{"dataType":"enum","enums":["daily"]},{"dataType":"enum","enums":["kpis"]}]},
                baselineFrom: {"in":"query","name":"baselineFrom","dataType":"string"},
                baselineTo: {"in":"query","name":"baselineTo","dataType":"string"},
        };
        app.get('/api/admin/analytics.csv',
            authenticateMiddleware([{"jwt":["admin","finance"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminAnalyticsController)),
            ...(fetchMiddlewares<RequestHandler>(AdminAnalyticsController.prototype.analyticsCsv)),

            async function AdminAnalyticsController_analyticsCsv(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminAnalyticsController_analyticsCsv, request, response });

                const controller = new AdminAnalyticsController();

              await templateService.apiHandler({
                methodName: 'analyticsCsv',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa


    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    function authenticateMiddleware(security: TsoaRoute.Security[] = []) {
        return async function runAuthenticationMiddleware(request: any, response: any, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            // keep track of failed auth attempts so we can hand back the most
            // recent one.  This behavior was previously existing so preserving it
            // here
            const failedAttempts: any[] = [];
            const pushAndRethrow = (error: any) => {
                failedAttempts.push(error);
                throw error;
            };

            const secMethodOrPromises: Promise<any>[] = [];
            for (const secMethod of security) {
                if (Object.keys(secMethod).length > 1) {
                    const secMethodAndPromises: Promise<any>[] = [];

                    for (const name in secMethod) {
                        secMethodAndPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }

                    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

                    secMethodOrPromises.push(Promise.all(secMethodAndPromises)
                        .then(users => { return users[0]; }));
                } else {
                    for (const name in secMethod) {
                        secMethodOrPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }
                }
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            try {
                request['user'] = await Promise.any(secMethodOrPromises);

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }

                next();
            }
            catch(err) {
                // Show most recent error as response
                const error = failedAttempts.pop();
                error.status = error.status || 401;

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }
                next(error);
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        }
    }

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
}

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
