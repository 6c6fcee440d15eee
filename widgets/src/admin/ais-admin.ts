import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Admin } from '../../../sdk/src/resources/admin.js';
import { enAdmin } from './i18n-en.js';
import { enStudio } from '../studio/i18n-en.js';
import { enMore } from '../shared/i18n-en-more.js';
import { enCreations } from '../creations/i18n-en.js';
import { enFeed } from '../feed/i18n-en.js';
import { enWallet } from '../wallet/i18n-en.js';
import { enReferral } from '../referral/i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import type { MessageKey } from '../shared/i18n.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import './tab-analytics.js';
import './tab-catalog.js';
import './tab-config.js';
import './tab-moderation.js';
import './tab-providers.js';
import './tab-referrals.js';
import './tab-webhooks.js';
import './tab-users.js';

export type AdminTab = 'analytics' | 'templates' | 'categories' | 'moderation' | 'referrals' | 'config' | 'providers' | 'webhooks' | 'users';
/** Parts of the tab elements re-exported through `<ais-admin>` so `ais-admin::part(card)` works for the whole console. */
const PARTS = 'button, button-primary, card, chart, table, toolbar, kpis, dialog, queue, config-form, add-key, add-webhook, state, state-loading, state-empty, state-error, state-rate-limited, alert';
const TABS: Array<[AdminTab, MessageKey]> = [
  ['analytics', 'tabAnalytics'], ['templates', 'tabTemplates'], ['categories', 'tabCategories'], ['moderation', 'tabModeration'],
  ['referrals', 'tabReferrals'], ['config', 'tabConfig'], ['providers', 'tabProviders'], ['webhooks', 'tabWebhooks'], ['users', 'tabUsers'],
];

/**
 * `<ais-admin>`: the partner's admin console (needs a staff token: admin, or moderator, finance, support for their tabs):
 * analytics, templates, categories, moderation (with appeals and takedowns), referral review, configuration, provider
 * keys, webhooks and users (support tools), as ARIA tabs. Each tab is its own element, loaded when shown.
 */
export class AisAdmin extends AisElement {
  static override styles = [fullBaseStyles, css`
    [role='tablist'] { display: flex; gap: 2px; border-bottom: 1px solid var(--_border); margin-bottom: calc(var(--_space) * 1.25); overflow-x: auto; scrollbar-width: thin; }
    [role='tab'] {
      border: none; border-radius: 0; background: none; min-height: 44px; padding: 0 1em; color: var(--_muted);
      border-bottom: 2px solid transparent; margin-bottom: -1px;
    }
    [role='tab']:hover:not(:disabled) { background: var(--_surface-alt); border-color: transparent; border-bottom-color: var(--_border); }
    [role='tab'][aria-selected='true'] { color: var(--_primary); border-bottom-color: var(--_primary); }
  `];

  /** The open tab (reflected, so the host can deep-link to it). */
  @property({ reflect: true }) tab: AdminTab = 'analytics';
  /** Comma-separated tabs to show (default: all). */
  @property() tabs?: string;

  protected load(): void {
    // Each tab loads its own data when it is shown.
  }

  private get shown(): Array<[AdminTab, MessageKey]> {
    const want = this.tabs?.split(',').map((s) => s.trim()).filter(Boolean);
    return want?.length ? TABS.filter(([t]) => want.includes(t)) : TABS;
  }

  private select(tab: AdminTab, focus = false): void {
    if (tab !== this.tab) {
      this.tab = tab;
      this.emit('ais-admin-tab', { tab });
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onKey(e: KeyboardEvent): void {
    const tabs = this.shown.map(([t]) => t);
    const i = tabs.indexOf(this.tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
      : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    this.select(next, true);
  }

  override render() {
    return html`<div class="panel" part="base">
      <div class="header"><h2 part="title">${this.t('adminTitle')}</h2></div>
      <div role="tablist" aria-label=${this.t('adminTitle')} part="tabs" @keydown=${this.onKey}>
        ${this.shown.map(([t, key]) => html`<button role="tab" id="tab-${t}" part="tab" aria-selected=${this.tab === t} aria-controls="panel"
          tabindex=${this.tab === t ? 0 : -1} @click=${() => this.select(t)}>${this.t(key)}</button>`)}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0" part="panel">${this.renderTab()}</div>
    </div>`;
  }

  private renderTab() {
    // Configuration flows down as properties, so a tab talks to the same API with the same token as the console.
    const c = { a: this.apiBase, p: this.partnerKey, l: this.locale, t: this.token, g: this.getToken };
    switch (this.tab) {
      case 'analytics': return html`<ais-admin-analytics exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-analytics>`;
      case 'templates': return html`<ais-admin-catalog kind="templates" exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-catalog>`;
      case 'categories': return html`<ais-admin-catalog kind="categories" exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-catalog>`;
      case 'moderation': return html`<ais-admin-moderation exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-moderation>`;
      case 'referrals': return html`<ais-admin-referrals exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-referrals>`;
      case 'config': return html`<ais-admin-config exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-config>`;
      case 'providers': return html`<ais-admin-providers exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-providers>`;
      case 'webhooks': return html`<ais-admin-webhooks exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-webhooks>`;
      case 'users': return html`<ais-admin-users exportparts=${PARTS} .apiBase=${c.a} .partnerKey=${c.p} .locale=${c.l} .token=${c.t} .getToken=${c.g}></ais-admin-users>`;
      default: return html``;
    }
  }
}

// The admin tabs show strings of the user widgets too (history lines, report reasons…): every table, once.
for (const table of [enMore, enStudio, enCreations, enFeed, enWallet, enReferral, enAdmin]) addEnglish(table);
useResources({ admin: Admin });
define('ais-admin', AisAdmin);

declare global {
  interface HTMLElementTagNameMap { 'ais-admin': AisAdmin }
}
