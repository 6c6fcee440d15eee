/** The five user widgets (not the admin one). Importing this module registers their custom elements. */
export { AisElement, configure, define } from './shared/base.js';
export type { GetToken, WidgetDefaults } from './shared/base.js';
export { translate, pickLocale, registerStrings } from './shared/translate.js';
export type { Locale, StringOverrides } from './shared/translate.js';
export type { MessageKey } from './shared/i18n.js';
export type { PartnerSettings } from './shared/settings.js';
export { AisStudio } from './studio/ais-studio.js';
export type { StudioPrefill } from './studio/ais-studio.js';
export { AisMyCreations } from './creations/ais-my-creations.js';
export { AisFeed } from './feed/ais-feed.js';
export { AisWallet } from './wallet/ais-wallet.js';
export { AisReferral } from './referral/ais-referral.js';
