import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
// The two decorators' own modules, not the lit/decorators.js index (which imports every decorator): rollup chunks
// by module graph, so through the index a page with only the studio carried @query and the others it never uses.
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { HttpCore } from '../../../sdk/src/core.js';
import type { StudioClient } from '../../../sdk/src/client.js';
import { deviceId } from './device.js';
import { classifyError, errorMessageKey, type WidgetError } from './format.js';
import type { MessageKey } from './i18n.js';
import { loadLocale, localeReady, pickLocale, registerStrings, translate, type Locale, type StringOverrides } from './translate.js';
import { partnerSettings, type PartnerSettings } from './settings.js';
import { icon } from './icons.js';
import { icAlert } from './icons/alert.js';
import { icClock } from './icons/clock.js';
import { icCoin } from './icons/coin.js';
import { icInbox } from './icons/inbox.js';
import { icRefresh } from './icons/refresh.js';
import { icWallet } from './icons/wallet.js';

export type GetToken = (ctx: { forceRefresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

/** Page-wide defaults for every widget (set once with `AisWidgets.configure({...})`); element attributes win. */
export interface WidgetDefaults {
  apiBase?: string;
  partnerKey?: string;
  locale?: string;
  /** Strings for any locale, page-wide: `{ hi: { generate: '…' }, ta: { …every key… } }`; no rebuild needed. */
  strings?: StringOverrides;
  token?: string;
  getToken?: GetToken;
}
// A page may set `window.AisWidgetsConfig = {...}` before the bundle loads instead of calling configure().
const defaults: WidgetDefaults = { ...((globalThis as { AisWidgetsConfig?: WidgetDefaults }).AisWidgetsConfig ?? {}) };
if (defaults.strings) registerStrings(defaults.strings);
const CONFIG_EVENT = 'ais-config-changed';

export function configure(options: WidgetDefaults): void {
  Object.assign(defaults, options);
  if (options.strings) registerStrings(options.strings);
  globalThis.dispatchEvent?.(new CustomEvent(CONFIG_EVENT));
}

/** Registers a tag once, so the full bundle and a per-widget entry can share a page. */
type ResourceName = Exclude<keyof StudioClient, 'http' | 'withOptions'>;
const resources: Partial<Record<ResourceName, new (http: HttpCore) => object>> = {};
/**
 * Registers the SDK resources a widget calls (`useResources({ studio: Studio, credits: Credits })`), at module load
 * next to `define`: a widget's `client.<name>` exists for every resource some loaded widget registered, and a page
 * bundles only the resource classes of the widgets it embeds.
 */
export function useResources(map: Partial<Record<ResourceName, new (http: HttpCore) => object>>): void {
  Object.assign(resources, map);
}

export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

/**
 * What every widget shares: configuration attributes, the SDK client (rebuilt when they change),
 * token refresh, the device id, prefixed events, i18n and the common loading/empty/error states.
 */
export abstract class AisElement extends LitElement {
  /** Origin of the API (no `/api`); defaults to `configure({apiBase})`, then the page's origin. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** Publishable partner key for anonymous calls. */
  @property({ attribute: 'partner-key' }) partnerKey?: string;
  /**
   * A BCP 47 tag: `en` and `hi` are built in; any other works once its strings are given (`strings` or
   * `configure({strings})`). Defaults to configure({locale}), the partner's default language, then `<html lang>`.
   */
  @property({ reflect: true }) locale?: string;
  /** Partial string overrides per locale, e.g. `{ en: { generate: 'Create · {cost}' }, ta: { … } }`. */
  @property({ attribute: false }) strings?: StringOverrides;
  /** A partner JWT. Prefer `getToken` so expired tokens are replaced. */
  @property({ attribute: false }) token?: string;
  /** `({forceRefresh}) => Promise<string>`, called before requests and with `forceRefresh: true` after a 401. */
  @property({ attribute: false }) getToken?: GetToken;

  @state() protected error?: WidgetError;
  /** The partner's public settings (features, tiers, locale defaults) once loaded; see loadSettings(). */
  @state() protected settings?: PartnerSettings;
  private _client?: StudioClient;
  private _needsLoad = true;
  private _loadSeq = 0;
  private _rateTimer?: ReturnType<typeof setInterval>;
  private readonly _onConfig = () => this.reconfigure();

  /** Loads (or reloads) the widget's data; called once configured and after configuration changes. */
  protected abstract load(): void | Promise<void>;

  get loc(): Locale {
    const wanted = this.locale ?? defaults.locale ?? this.settings?.locale?.default ?? (globalThis.document?.documentElement.lang || globalThis.navigator?.language);
    return pickLocale(wanted, this.strings);
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    const loc = this.loc;
    // A built-in locale other than English is a lazy chunk: English shows until it arrives, then we render again.
    if (!localeReady(loc)) void loadLocale(loc).then(() => this.requestUpdate(), () => undefined);
    return translate(loc, key, params, this.strings);
  }

  /** Whether the partner offers a feature (true until the settings say otherwise, so nothing flickers away). */
  feature(name: keyof PartnerSettings['features']): boolean {
    return this.settings?.features?.[name] !== false;
  }

  /** Loads the partner's public settings once per page and API (cached), so widgets hide switched-off features. */
  protected async loadSettings(): Promise<void> {
    const baseUrl = this.apiBase ?? defaults.apiBase ?? globalThis.location?.origin ?? '';
    this.settings = await partnerSettings(baseUrl, this.partnerKey ?? defaults.partnerKey);
  }

  /** Whether a token or token callback is available (anonymous visitors can only read). */
  get signedIn(): boolean {
    return !!(this.getToken ?? this.token ?? defaults.getToken ?? defaults.token);
  }

  /**
   * The SDK client: a `StudioClient` whose resources are those the loaded widgets registered (`useResources`), each
   * built on first use over one transport. Not `new StudioClient()`: that class names every resource, so each page
   * would carry the whole SDK (the admin calls on a studio-only page).
   */
  get client(): StudioClient {
    if (!this._client) {
      const baseUrl = this.apiBase ?? defaults.apiBase ?? globalThis.location?.origin ?? '';
      const http = new HttpCore({
        baseUrl,
        partnerKey: this.partnerKey ?? defaults.partnerKey,
        deviceId: deviceId(),
        locale: this.loc,
        maxRetries: 1,
        // Read at call time, so a new `token` or `getToken` takes effect without a new client.
        getToken: async ({ forceRefresh }) => {
          const fn = this.getToken ?? defaults.getToken;
          if (fn) return (await fn({ forceRefresh })) ?? undefined;
          return this.token ?? defaults.token;
        },
      });
      const made: Record<string | symbol, unknown> = { http };
      this._client = new Proxy(made, {
        get: (target, name) => {
          const Resource = typeof name === 'string' ? resources[name as ResourceName] : undefined;
          if (!(name in target) && Resource) target[name] = new Resource(http);
          return target[name];
        },
      }) as unknown as StudioClient;
    }
    return this._client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.(CONFIG_EVENT, this._onConfig);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.(CONFIG_EVENT, this._onConfig);
    clearInterval(this._rateTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.hasUpdated && (changed.has('apiBase') || changed.has('partnerKey') || changed.has('locale') || changed.has('strings'))) {
      this._client = undefined;
      this._needsLoad = true;
    }
    if (this.hasUpdated && (changed.has('token') || changed.has('getToken')) && this.error?.kind === 'unauthorized') {
      this._needsLoad = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this._needsLoad) {
      this._needsLoad = false;
      this._loadSeq++;
      this.error = undefined;
      void this.loadSettings();
      void this.load();
    }
  }

  /**
   * Changes whenever a new load starts (configuration changed). Capture it before awaiting and compare after, so an
   * answer to a request made with the old configuration never overwrites the new one.
   */
  protected get loadToken(): number {
    return this._loadSeq;
  }

  /** Rebuilds the client and reloads (after `configure()` or when the host asks). */
  reconfigure(): void {
    this._client = undefined;
    this._needsLoad = true;
    this.requestUpdate();
  }

  /** Dispatches a bubbling, composed `ais-*` event; returns false when a listener called preventDefault(). */
  emit<T>(name: `ais-${string}`, detail?: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** Classifies an error, tells the host page about it and returns it (callers decide where to show it). */
  protected fail(err: unknown): WidgetError {
    const e = classifyError(err);
    if (e.kind === 'unauthorized') this.emit('ais-token-expired', { code: e.code });
    // Distinct from expiry: the token was refused (bad signature, wrong partner); the host should fix its sign-in.
    if (e.kind === 'auth-invalid') this.emit('ais-auth-error', { code: e.code, detail: e.detail, requestId: e.requestId });
    if (e.kind === 'insufficient-credits') this.emit('ais-insufficient-credits', { code: e.code, detail: e.detail });
    if (e.kind !== 'aborted') this.emit('ais-error', e);
    if (e.kind === 'rate-limited') this.startRateCountdown(e);
    return e;
  }

  private startRateCountdown(e: WidgetError): void {
    clearInterval(this._rateTimer);
    this._rateTimer = setInterval(() => {
      if (!e.retryAfter || e.retryAfter <= 1) {
        e.retryAfter = 0;
        clearInterval(this._rateTimer);
      } else e.retryAfter -= 1;
      this.requestUpdate();
    }, 1000);
  }

  // ------------------------------------------------------------------ state rendering

  protected renderLoading(label = this.t('loading')): TemplateResult {
    return html`<div class="state" part="state state-loading" role="status" aria-live="polite">
      <div class="spinner" aria-hidden="true"></div><span>${label}</span>
    </div>`;
  }

  protected renderEmpty(message: string, hint?: string, action?: TemplateResult): TemplateResult {
    return html`<div class="state" part="state state-empty" role="status">
      <div class="state-icon">${icon(icInbox, 22)}</div>
      <strong>${message}</strong>${hint ? html`<span>${hint}</span>` : nothing}${action ?? nothing}
    </div>`;
  }

  /** Full-panel error state; `retry` re-runs the failed action. */
  protected renderError(e: WidgetError, retry?: () => void): TemplateResult {
    if (e.kind === 'insufficient-credits') return this.renderInsufficient(e);
    const rate = e.kind === 'rate-limited';
    const waiting = rate && (e.retryAfter ?? 0) > 0;
    const title = rate ? this.t('rateLimitedTitle') : e.kind === 'auth-invalid' ? this.t('authInvalidTitle') : this.t('errorTitle');
    const message = rate ? (waiting ? this.t('rateLimited', { s: e.retryAfter! }) : this.t('rateLimitedNow')) : this.t(errorMessageKey(e.kind));
    return html`<div class="state ${rate ? 'rate' : 'error'}" part="state ${rate ? 'state-rate-limited' : 'state-error'}" role="alert">
      <div class="state-icon">${icon(rate ? icClock : icAlert, 22)}</div>
      <strong>${title}</strong>
      <span>${message}</span>
      ${e.kind === 'error' || e.kind === 'validation' ? html`<span class="small">${e.detail ?? ''}</span>` : nothing}
      ${e.requestId ? html`<span class="ref">${this.t('errorRef', { id: e.requestId })}</span>` : nothing}
      ${retry && e.kind !== 'unauthorized' && e.kind !== 'auth-invalid' && e.kind !== 'forbidden' && e.kind !== 'feature-disabled'
        ? html`<button part="button" @click=${retry} ?disabled=${waiting}>${icon(icRefresh, 16)} ${this.t('retry')}</button>`
        : nothing}
    </div>`;
  }

  protected renderInsufficient(e?: WidgetError): TemplateResult {
    return html`<div class="state insufficient" part="state state-insufficient-credits" role="alert">
      <div class="state-icon">${icon(icWallet, 22)}</div>
      <strong>${this.t('insufficientTitle')}</strong>
      <span>${this.t('insufficient')}</span>
      ${e?.detail ? html`<span class="small">${e.detail}</span>` : nothing}
      <button class="primary" part="button button-primary buy-credits" @click=${() => this.emit('ais-buy-credits', { source: this.localName })}>
        ${icon(icCoin, 16)} ${this.t('buyCredits')}
      </button>
    </div>`;
  }

  /** A compact one-line error for forms and actions inside a loaded widget. */
  protected renderInlineError(e: WidgetError | undefined): TemplateResult | typeof nothing {
    if (!e) return nothing;
    if (e.kind === 'insufficient-credits') return this.renderInsufficient(e);
    const text = e.kind === 'rate-limited'
      ? ((e.retryAfter ?? 0) > 0 ? this.t('rateLimited', { s: e.retryAfter! }) : this.t('rateLimitedNow'))
      : this.t(errorMessageKey(e.kind));
    const detail = e.kind === 'validation' || e.kind === 'error' || e.kind === 'content-policy' ? e.detail : undefined;
    return html`<div class="inline-alert" part="alert" role="alert">${icon(e.kind === 'rate-limited' ? icClock : icAlert, 18)}
      <span>${e.kind === 'auth-invalid' ? html`<strong>${this.t('authInvalidTitle')}</strong> ` : nothing}${text}${detail ? html`<br /><span class="small">${detail}</span>` : nothing}</span></div>`;
  }
}
