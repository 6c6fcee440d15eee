/**
 * `@community-ai-studio/widgets/react`: React components for every widget (React 17 to 19), made with @lit/react.
 * Properties go to the element as properties (so `strings`, `prefill` objects work), and each widget event has an
 * `on…` prop: `<AisStudio tier="premium" onGenerated={(e) => console.log(e.detail)} />`.
 * Importing this module registers the custom elements, like the main entry.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import * as W from './index.js';

type Detail = CustomEvent<unknown>;
const ev = (name: string) => name as EventName<Detail>;

// Sent by every widget (shared/base.ts).
const common = {
  onError: ev('ais-error'),
  onTokenExpired: ev('ais-token-expired'),
  onInsufficientCredits: ev('ais-insufficient-credits'),
  onBuyCredits: ev('ais-buy-credits'),
};

export const AisStudio = createComponent({
  react: React, tagName: 'ais-studio', elementClass: W.AisStudio, displayName: 'AisStudio',
  events: {
    ...common, onBalanceChanged: ev('ais-balance-changed'), onDownload: ev('ais-download'), onGenerateStarted: ev('ais-generate-started'),
    onGenerated: ev('ais-generated'), onGenerationFailed: ev('ais-generation-failed'), onPublished: ev('ais-published'), onRemixRecorded: ev('ais-remix-recorded'),
  },
});

export const AisMyCreations = createComponent({
  react: React, tagName: 'ais-my-creations', elementClass: W.AisMyCreations, displayName: 'AisMyCreations',
  events: { ...common, onDeleted: ev('ais-deleted'), onDownload: ev('ais-download'), onReopen: ev('ais-reopen') },
});

export const AisFeed = createComponent({
  react: React, tagName: 'ais-feed', elementClass: W.AisFeed, displayName: 'AisFeed',
  events: { ...common, onFeedFilter: ev('ais-feed-filter'), onLiked: ev('ais-liked'), onRemix: ev('ais-remix'), onReported: ev('ais-reported') },
});

export const AisWallet = createComponent({
  react: React, tagName: 'ais-wallet', elementClass: W.AisWallet, displayName: 'AisWallet',
  events: {
    ...common, onBalanceChanged: ev('ais-balance-changed'), onPurchaseStarted: ev('ais-purchase-started'), onPurchaseCompleted: ev('ais-purchase-completed'),
    onPurchaseCancelled: ev('ais-purchase-cancelled'), onPurchaseFailed: ev('ais-purchase-failed'),
  },
});

export const AisReferral = createComponent({
  react: React, tagName: 'ais-referral', elementClass: W.AisReferral, displayName: 'AisReferral',
  events: { ...common, onReferralCopied: ev('ais-referral-copied'), onReferralShared: ev('ais-referral-shared') },
});

export const AisAdmin = createComponent({
  react: React, tagName: 'ais-admin', elementClass: W.AisAdmin, displayName: 'AisAdmin',
  events: {
    ...common, onAdminTab: ev('ais-admin-tab'), onAdminSaved: ev('ais-admin-saved'), onAdminDeleted: ev('ais-admin-deleted'),
    onAdminExported: ev('ais-admin-exported'), onModerated: ev('ais-moderated'), onReferralReviewed: ev('ais-referral-reviewed'),
  },
});

export const configure = W.configure;
export type { WidgetDefaults, GetToken } from './index.js';
