import { html, nothing } from 'lit';
// The two decorators' own modules, not the lit/decorators.js index (which imports every decorator): rollup chunks
// by module graph, so through the index a page with only the studio carried @query and the others it never uses.
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import type { Category, FormatInfo, GetBalanceResponse, GetJobResponse, ImageFormat, Template, Tier, TierInfo } from '../../../sdk/src/types.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Studio } from '../../../sdk/src/resources/studio.js';
import { Credits } from '../../../sdk/src/resources/credits.js';
import { Community } from '../../../sdk/src/resources/community.js';
import { Remix } from '../../../sdk/src/resources/remix.js';
import { Me } from '../../../sdk/src/resources/me.js';
import { enStudio } from './i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import { downloadImage, placeholderGradient } from '../shared/download.js';
import { classifyError, formatCredits, type WidgetError } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { icAlert } from '../shared/icons/alert.js';
import { icClose } from '../shared/icons/close.js';
import { icCoin } from '../shared/icons/coin.js';
import { icDownload } from '../shared/icons/download.js';
import { icEdit } from '../shared/icons/edit.js';
import { icGift } from '../shared/icons/gift.js';
import { icImage } from '../shared/icons/image.js';
import { icPlus } from '../shared/icons/plus.js';
import { icRefresh } from '../shared/icons/refresh.js';
import { icRemix } from '../shared/icons/remix.js';
import { icShare } from '../shared/icons/share.js';
import { icSparkles } from '../shared/icons/sparkles.js';
import { ensureConsents } from '../shared/consent.js';
import { baseStyles } from '../shared/styles.js';
import { studioStyles } from './studio-styles.js';
import type { AisPublishDialog } from './publish-dialog.js';

export interface StudioPrefill {
  prompt?: string;
  /** Used as the enhanced prompt shown under the editor (remixes). */
  enhancedPrompt?: string;
  tier?: Tier | null;
  templateId?: string | null;
  watermark?: boolean;
  /** The community post being remixed: the creator is rewarded once the image exists. */
  sourcePostId?: string;
  format?: ImageFormat;
}

type Phase = 'idle' | 'generating' | 'done' | 'failed';

/**
 * `<ais-studio>`: template and category picker, prompt with enhanced preview and suggestions, tier and cost,
 * generate with progress, the result with download, publish and re-open.
 */
export class AisStudio extends AisElement {
  static override styles = [baseStyles, studioStyles];

  /** Listen on window for `ais-remix` and `ais-reopen` events and prefill from them. */
  @property({ type: Boolean, attribute: 'listen-remix' }) listenRemix = false;
  /** Hide the template picker. */
  @property({ type: Boolean, attribute: 'no-templates' }) noTemplates = false;

  @state() private loading = true;
  @state() private categories: Category[] = [];
  @state() private templates: Template[] = [];
  @state() private tiers: TierInfo[] = [];
  @state() private balance?: GetBalanceResponse;
  @state() private categoryId = '';
  @state() private templateId?: string;
  @state() private prompt = '';
  @state() private enhanced?: string;
  @state() private suggestions: string[] = [];
  @state() private useEnhanced = true;
  @state() private enhancing = false;
  @state() private allTemplates = false;
  @state() private tier: Tier = 'standard';
  @state() private formats: FormatInfo[] = [];
  @state() private format: ImageFormat = 'square';
  @state() private count = 1;
  @state() private maxCount = 4;
  /** Which image of a multi-image result the actions apply to. */
  @state() private picked = 0;
  @state() private watermark = true;
  @state() private phase: Phase = 'idle';
  @state() private job?: GetJobResponse;
  @state() private actionError?: WidgetError;
  @state() private sourcePostId?: string;
  @state() private remixRewarded = false;
  /** The partner's required consents were checked (and given) in this widget: later generations skip the check. */
  private consentsOk = false;
  // What lit's @query does (renderRoot.querySelector on each read), as getters: the studio then needs no decorator
  // module of its own, and a page with only the studio does not download @query.
  private get promptBox(): HTMLTextAreaElement | null { return this.renderRoot?.querySelector('textarea') ?? null; }
  private get publishDialog(): AisPublishDialog | null { return this.renderRoot?.querySelector('ais-publish-dialog') ?? null; }
  /** A lazily loaded part (the publish dialog, the poster composer) being downloaded, or whose download failed. */
  @state() private lazyState?: { failed: boolean; retry: () => void };

  private enhanceTimer?: ReturnType<typeof setTimeout>;
  private enhanceSeq = 0;
  private abort?: AbortController;
  private readonly maxLength = 1000;
  private readonly onRemix = (e: Event) => this.prefill((e as CustomEvent<StudioPrefill>).detail ?? {});
  private readonly onBalanceEvent = (e: Event) => { if (e.target !== this) void this.refreshBalance(); };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('ais-purchase-completed', this.onBalanceEvent);
    window.addEventListener('ais-balance-changed', this.onBalanceEvent);
    if (this.listenRemix) this.listenForRemix(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('ais-purchase-completed', this.onBalanceEvent);
    window.removeEventListener('ais-balance-changed', this.onBalanceEvent);
    this.listenForRemix(false);
    this.abort?.abort();
    clearTimeout(this.enhanceTimer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('listenRemix') && this.isConnected) this.listenForRemix(this.listenRemix);
  }

  private listenForRemix(on: boolean): void {
    window.removeEventListener('ais-remix', this.onRemix);
    window.removeEventListener('ais-reopen', this.onRemix);
    if (on) {
      window.addEventListener('ais-remix', this.onRemix);
      window.addEventListener('ais-reopen', this.onRemix);
    }
  }

  protected async load(): Promise<void> {
    this.loading = true;
    const seq = this.loadToken;
    try {
      const c = this.client;
      const [cats, temps, tiers, formats] = await Promise.all([
        c.studio.categories(), this.noTemplates ? Promise.resolve({ items: [] }) : c.studio.templates(), c.studio.tiers(),
        // An older server without formats keeps the square-only studio.
        c.studio.formats().catch(() => ({ items: [] as FormatInfo[], maxCount: 1 })),
      ]);
      if (seq !== this.loadToken) return;
      this.categories = cats.items;
      this.templates = temps.items;
      this.tiers = tiers.items;
      this.formats = formats.items;
      this.maxCount = formats.maxCount;
      if (!this.tiers.some((t) => t.tier === this.tier) && this.tiers[0]) this.tier = this.tiers[0].tier;
      await this.refreshBalance();
    } catch (err) {
      if (seq === this.loadToken) this.error = this.fail(err);
    } finally {
      if (seq === this.loadToken) this.loading = false;
    }
  }

  private async refreshBalance(): Promise<void> {
    if (!this.signedIn) return;
    try {
      this.balance = await this.client.credits.balance();
      if (!this.balance.isPaying) this.watermark = true;
    } catch (err) {
      if (classifyError(err).kind === 'unauthorized') this.fail(err);
    }
  }

  /** Fills the studio from a remix, a re-opened creation or the host page. */
  prefill(p: StudioPrefill): void {
    this.abort?.abort();
    this.phase = 'idle';
    this.job = undefined;
    this.actionError = undefined;
    this.remixRewarded = false;
    if (p.prompt !== undefined) this.prompt = p.prompt.slice(0, this.maxLength);
    this.enhanced = p.enhancedPrompt && p.enhancedPrompt !== p.prompt ? p.enhancedPrompt : undefined;
    this.useEnhanced = !!this.enhanced;
    this.suggestions = [];
    if (p.tier) this.tier = p.tier;
    if (p.format) this.format = p.format;
    this.templateId = p.templateId ?? undefined;
    if (p.watermark !== undefined) this.watermark = p.watermark || !this.balance?.isPaying;
    this.sourcePostId = p.sourcePostId;
    this.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    void this.updateComplete.then(() => this.promptBox?.focus());
  }

  private pickTemplate(t: Template | undefined): void {
    this.templateId = t?.id;
    if (t?.defaultFormat) this.format = t.defaultFormat as ImageFormat;
    if (t) {
      this.prompt = t.promptText;
      this.scheduleEnhance(0);
    } else {
      this.prompt = '';
      this.enhanced = undefined;
      this.suggestions = [];
    }
  }

  private onInput(e: Event): void {
    this.prompt = (e.target as HTMLTextAreaElement).value;
    this.scheduleEnhance(900);
  }

  private scheduleEnhance(delay: number): void {
    clearTimeout(this.enhanceTimer);
    if (this.prompt.trim().length < 3 || !this.signedIn) return;
    this.enhanceTimer = setTimeout(() => void this.enhance(), delay);
  }

  private async enhance(): Promise<void> {
    const text = this.prompt.trim();
    if (text.length < 3) return;
    const seq = ++this.enhanceSeq;
    this.enhancing = true;
    try {
      const r = await this.client.studio.enhancePrompt({ prompt: text, templateId: this.templateId });
      if (seq !== this.enhanceSeq) return; // a newer edit superseded this answer
      this.enhanced = r.enhancedPrompt;
      this.suggestions = r.suggestions ?? [];
      this.actionError = undefined;
    } catch (err) {
      if (seq === this.enhanceSeq) this.actionError = this.fail(err);
    } finally {
      if (seq === this.enhanceSeq) this.enhancing = false;
    }
  }

  private get tierInfo(): TierInfo | undefined {
    return this.tiers.find((t) => t.tier === this.tier);
  }

  private async generate(): Promise<void> {
    const prompt = (this.useEnhanced && this.enhanced ? this.enhanced : this.prompt).trim();
    if (!prompt || this.phase === 'generating') return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.actionError = undefined;
    this.remixRewarded = false;
    this.job = undefined;
    this.picked = 0;
    try {
      if (!this.consentsOk) {
        this.consentsOk = await ensureConsents(this.client, this.renderRoot,
          { prompt: (list) => this.t('consentPrompt', { list }), agree: this.t('consentAgree'), cancel: this.t('cancel') }, abort.signal);
        if (!this.consentsOk) {
          this.emit('ais-consent-declined', {});
          return;
        }
      }
      this.phase = 'generating';
      const started = await this.client.studio.generate(
        { prompt, tier: this.tier, templateId: this.templateId, watermark: this.watermark, ...(this.formats.length ? { format: this.format, count: this.count } : {}),
          ...(this.sourcePostId ? { remixOf: this.sourcePostId } : {}) }, { signal: abort.signal });
      this.emit('ais-generate-started', { jobId: started.jobId, imageId: started.imageId, tier: this.tier, creditDebited: started.creditDebited });
      if (this.balance) this.balance = { ...this.balance, credits: Math.max(0, this.balance.credits - started.creditDebited) };
      this.emit('ais-balance-changed', { credits: this.balance?.credits });
      const job = await this.client.studio.waitForJob(started.jobId, {
        signal: abort.signal, intervalMs: 900, timeoutMs: 180_000, throwOnFailure: false,
        onProgress: (j) => { this.job = j; },
      });
      this.job = job;
      if (job.status === 'succeeded') {
        this.phase = 'done';
        this.emit('ais-generated', { jobId: job.jobId, imageId: job.imageId, imageUrl: job.imageUrl, thumbnailUrl: job.thumbnailUrl, prompt, tier: this.tier, creditDebited: job.creditDebited });
        await this.refreshBalance(); // partial failures and fallback draws give credits back
        // The server records the remix itself (remixOf); this call only reads the reward back (it replays, never counts twice).
        if (this.sourcePostId) void this.recordRemix(this.sourcePostId, job.imageId);
      } else {
        this.phase = 'failed';
        this.emit('ais-generation-failed', { jobId: job.jobId, error: job.error, refunded: job.refunded });
        await this.refreshBalance();
        if (job.refunded) this.emit('ais-balance-changed', { credits: this.balance?.credits });
      }
    } catch (err) {
      const e = this.fail(err);
      if (e.kind === 'aborted') return;
      this.actionError = e;
      this.phase = this.job ? 'failed' : 'idle';
      if (e.kind === 'insufficient-credits') void this.refreshBalance();
      // The partner required a new version since the check: ask again on the next try.
      if (e.code === 'consent_required') this.consentsOk = false;
    }
  }

  private async recordRemix(postId: string, imageId: string): Promise<void> {
    try {
      const r = await this.client.remix.record(postId, { generatedImageId: imageId });
      this.remixRewarded = r.rewarded;
      this.emit('ais-remix-recorded', { postId, imageId, ...r });
    } catch (err) {
      // The image is made either way; a failed reward record is not the user's problem to solve.
      this.fail(err);
    }
  }

  private reopen(): void {
    this.phase = 'idle';
    this.job = undefined;
    void this.updateComplete.then(() => this.promptBox?.focus());
  }

  private startOver(): void {
    this.reopen();
    this.pickTemplate(undefined);
    this.sourcePostId = undefined;
  }

  // ------------------------------------------------------------------ rendering

  override render() {
    if (this.error && !this.tiers.length) return html`<div class="panel" part="base">${this.renderError(this.error, () => this.reconfigure())}</div>`;
    if (!this.tiers.length) return html`<div class="panel" part="base">${this.renderLoading()}</div>`;
    return html`<div class="panel" part="base">
      <div class="header"><h2 part="title">${this.t('studioTitle')}</h2>${this.renderBalanceBadge()}</div>
      <div class="layout">
        <div class="stack">
          ${this.renderRemixBanner()}
          ${this.noTemplates ? nothing : this.renderTemplates()}
          ${this.renderPrompt()}
          ${this.renderFormats()}
          ${this.renderTiers()}
          ${this.renderInlineError(this.actionError)}
          ${this.renderGenerateButton()}
        </div>
        <div class="preview">${this.renderCanvas()} ${this.renderResultActions()}</div>
      </div>
      <ais-publish-dialog exportparts="dialog: publish-dialog" .host_=${this} .categories=${this.categories} .isPaying=${!!this.balance?.isPaying}></ais-publish-dialog>
    </div>`;
  }

  private renderBalanceBadge() {
    if (!this.balance) return nothing;
    return html`<span class="badge" part="balance" aria-live="polite">${icon(icCoin, 14)} ${formatCredits(this.balance.credits, this.loc, this.strings)}</span>`;
  }

  private renderRemixBanner() {
    if (!this.sourcePostId) return nothing;
    return html`<div class="inline-alert info remix-banner" part="remix-banner">${icon(icRemix, 18)} <span>${this.t('remixFrom')}</span>
      <button class="ghost" @click=${() => (this.sourcePostId = undefined)} aria-label=${this.t('close')}>${icon(icClose, 16)}</button></div>`;
  }

  private renderTemplates() {
    const shown = this.categoryId ? this.templates.filter((t) => t.categoryId === this.categoryId) : this.templates;
    return html`<section aria-labelledby="tpl-h">
      <h3 class="eyebrow" id="tpl-h">${this.t('stepTemplate')}</h3>
      <div class="chips" role="group" aria-label=${this.t('categoryLabel')} part="categories">
        <button class="chip" part="chip" aria-pressed=${this.categoryId === ''} @click=${() => (this.categoryId = '')}>${this.t('allCategories')}</button>
        ${this.categories.map((c) => html`<button class="chip" part="chip" aria-pressed=${this.categoryId === c.id} @click=${() => (this.categoryId = c.id)}>${c.name}</button>`)}
      </div>
      ${shown.length === 0
        ? html`<p class="muted small">${this.t('noTemplates')}</p>`
        : html`<div class="templates" part="templates">
            <button class="template" part="template" aria-pressed=${!this.templateId} @click=${() => this.pickTemplate(undefined)}>
              <span class="art" style="background:var(--_surface-alt);color:var(--_muted)">${icon(icEdit, 26)}</span>
              <span class="label">${this.t('blankTemplate')}</span>
            </button>
            ${(this.allTemplates ? shown : shown.slice(0, 7)).map((t) => html`<button class="template" part="template" aria-pressed=${this.templateId === t.id} title=${t.description ?? t.promptText} @click=${() => this.pickTemplate(t)}>
              <span class="art" style=${`background:${placeholderGradient(t.id)}`}>${icon(icImage, 26)}</span>
              <span class="label">${t.title}</span></button>`)}
          </div>
          ${shown.length > 7 ? html`<button class="ghost small-btn" part="button" aria-expanded=${this.allTemplates} @click=${() => (this.allTemplates = !this.allTemplates)}>
            ${this.allTemplates ? this.t('showLess') : this.t('showAll', { n: shown.length })}</button>` : nothing}`}
    </section>`;
  }

  private renderPrompt() {
    return html`<section>
      <label class="field" for="prompt">${this.t('promptLabel')}</label>
      <div class="prompt-wrap">
        <textarea id="prompt" part="prompt" rows="4" maxlength=${this.maxLength} .value=${this.prompt} placeholder=${this.t('promptPlaceholder')}
          @input=${this.onInput} aria-describedby="count" ?disabled=${this.phase === 'generating'}></textarea>
        <span class="counter" id="count">${this.t('promptCount', { n: this.prompt.length, max: this.maxLength })}</span>
      </div>
      ${this.feature('promptEnhancement') ? html`<div class="row">
        <button class="ghost" part="button enhance" @click=${() => void this.enhance()} ?disabled=${this.prompt.trim().length < 3 || this.enhancing || !this.signedIn}>
          ${icon(icSparkles, 16)} ${this.enhancing ? this.t('enhancing') : this.t('enhance')}</button>
      </div>` : nothing}
      ${this.enhanced ? html`<div class="enhanced" part="enhanced" aria-live="polite">
        <label class="check"><input type="checkbox" .checked=${this.useEnhanced} @change=${(e: Event) => (this.useEnhanced = (e.target as HTMLInputElement).checked)} />
          <strong>${this.t('useEnhanced')}</strong></label>
        <p>${this.enhanced}</p>
        ${this.suggestions.length ? html`<details class="tips" part="suggestions"><summary>${icon(icSparkles, 14)} ${this.t('suggestions')} (${this.suggestions.length})</summary>
          <ul>${this.suggestions.map((s) => html`<li>${s}</li>`)}</ul></details>` : nothing}
      </div>` : nothing}
    </section>`;
  }

  private renderFormats() {
    if (!this.formats.length) return nothing;
    const pick = (f: ImageFormat) => () => (this.format = f);
    return html`<section>
      <h3 class="eyebrow" id="fmt-h">${this.t('formatLabel')}</h3>
      <div class="chips formats" role="radiogroup" aria-labelledby="fmt-h" part="formats">
        ${this.formats.map((f) => {
          const [w, h] = f.ratio.split(':').map(Number) as [number, number];
          return html`<button class="chip fmt" part="format" role="radio" aria-checked=${this.format === f.format} title=${f.uses} @click=${pick(f.format)}>
            <i class="ratio" style=${`aspect-ratio:${w}/${h};${w >= h ? 'width:18px' : 'height:18px'}`}></i>${this.t(`fmt_${f.format}`)} <span class="r">${f.ratio}</span></button>`;
        })}
      </div>
      ${this.maxCount > 1 ? html`<h3 class="eyebrow" id="count-h">${this.t('countLabel')}</h3>
      <div class="chips" role="radiogroup" aria-labelledby="count-h" part="counts">
        ${Array.from({ length: this.maxCount }, (_, i) => i + 1).map((n) => html`<button class="chip" part="count" role="radio" aria-checked=${this.count === n} @click=${() => (this.count = n)}>${n}</button>`)}
      </div>` : nothing}
    </section>`;
  }

  /** The total cost of the request: the tier's cost times the number of images. */
  private get totalCost(): number | undefined {
    const info = this.tierInfo;
    return info ? Math.round(info.credits * this.count * 1000) / 1000 : undefined;
  }

  private renderTiers() {
    const total = this.totalCost;
    const after = this.balance && total !== undefined ? this.balance.credits - total : undefined;
    const paying = !!this.balance?.isPaying;
    return html`<section>
      <h3 class="eyebrow" id="tier-h">${this.t('tierLabel')}</h3>
      <div class="tiers" role="radiogroup" aria-labelledby="tier-h" part="tiers" @keydown=${this.onTierKey}>
        ${this.tiers.map((t) => html`<button class="tier" part="tier" role="radio" aria-checked=${this.tier === t.tier} tabindex=${this.tier === t.tier ? 0 : -1}
          @click=${() => (this.tier = t.tier)}>
          <span class="t-name">${t.label}</span><span class="t-size">${this.t('tierSize', this.sizeOf(t))}</span>
          <span class="t-cost">${formatCredits(t.credits, this.loc, this.strings)}</span></button>`)}
      </div>
      ${this.balance ? html`<div class="balance-line" part="balance-line"><span class="muted">${this.t('balance')}: <strong>${formatCredits(this.balance.credits, this.loc, this.strings)}</strong></span>
        ${after !== undefined ? html`<span class=${after < 0 ? 'neg' : 'muted'}>${after < 0
          ? this.t('shortBy', { n: formatCredits(-after, this.loc, this.strings) })
          : this.t('afterBalance', { n: formatCredits(after, this.loc, this.strings) })}</span>` : nothing}</div>` : nothing}
      <label class="check"><input type="checkbox" .checked=${this.watermark} ?disabled=${!paying} @change=${(e: Event) => (this.watermark = (e.target as HTMLInputElement).checked)} />
        ${this.t('watermarkKeep')}</label>
      ${paying ? nothing : html`<p class="muted small">${this.t('watermarkFree')}</p>`}
    </section>`;
  }

  /** The pixel size of a tier in the chosen format. */
  private sizeOf(t: TierInfo): { w: number; h: number } {
    const s = this.formats.find((f) => f.format === this.format)?.tiers.find((x) => x.tier === t.tier);
    return s ? { w: s.width, h: s.height } : { w: t.width, h: t.height };
  }

  /** Arrow keys move between tiers, as in a native radio group. */
  private onTierKey(e: KeyboardEvent): void {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!dir || !this.tiers.length) return;
    e.preventDefault();
    const i = this.tiers.findIndex((t) => t.tier === this.tier);
    this.tier = this.tiers[(i + dir + this.tiers.length) % this.tiers.length]!.tier;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.tier[aria-checked="true"]')?.focus());
  }

  private renderGenerateButton() {
    const info = this.tierInfo;
    const busy = this.phase === 'generating';
    const fc = (n: number) => formatCredits(n, this.loc, this.strings);
    const cost = info ? (this.count > 1 ? this.t('totalCost', { count: this.count, each: fc(info.credits), total: fc(this.totalCost!) }) : fc(info.credits)) : '';
    return html`<button class="primary big generate" part="button button-primary generate" @click=${() => void this.generate()}
      ?disabled=${busy || !this.prompt.trim() || !this.signedIn} aria-busy=${busy}>
      ${busy ? html`<span class="spinner on-primary" aria-hidden="true"></span> ${this.t('generating')}` : html`${icon(icSparkles, 18)} ${this.t('generate', { cost })}`}
    </button>`;
  }

  private renderCanvas() {
    const j = this.job;
    const ratio = (this.formats.find((f) => f.format === (j?.format ?? this.format))?.ratio ?? '1:1').replace(':', ' / ');
    if (this.phase === 'done' && j?.imageUrl) {
      const made = (j.images ?? []).filter((i) => i.status === 'succeeded' && i.imageUrl);
      const shown = made[this.picked] ?? made[0];
      const lost = (j.images ?? []).length - made.length;
      return html`<div class="canvas" part="result" style=${`aspect-ratio:${ratio}`}><img src=${shown?.imageUrl ?? j.imageUrl} alt=${this.prompt} /></div>
        ${made.length > 1 ? html`<div class="grid" part="results" role="group">${made.map((i, n) => html`<button class="thumb" aria-pressed=${n === this.picked}
          aria-label=${this.t('variationOf', { i: n + 1, n: made.length })} @click=${() => (this.picked = n)} style=${`aspect-ratio:${ratio}`}><img src=${i.thumbnailUrl ?? i.imageUrl} alt="" /></button>`)}</div>` : nothing}
        ${lost > 0 ? html`<p class="inline-alert info small" role="status">${this.t('someFailed', { n: lost, total: j.images.length })}</p>` : nothing}
        ${j.fallbackFrom ? html`<p class="muted small">${this.t('fallbackDrawn')}</p>` : nothing}`;
    }
    if (this.phase === 'generating') {
      const p = j?.progress ?? 0;
      const label = !j || j.status === 'queued' ? this.t('queued') : this.t('running', { p });
      return html`<div class="canvas skeleton" part="progress">
        <div class="progress-wrap">
          <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${p} aria-label=${this.t('generating')}><div style="width:${Math.max(4, p)}%"></div></div>
          <span role="status" aria-live="polite" class="small muted">${label}</span>
        </div></div>`;
    }
    if (this.phase === 'failed') {
      return html`<div class="canvas" part="result"><div class="state error" role="alert"><div class="state-icon">${icon(icAlert, 22)}</div>
        <strong>${this.t('errorTitle')}</strong><span>${j?.refunded ? this.t('failed') : this.t('failedNoRefund')}</span>
        <button part="button" @click=${() => void this.generate()}>${icon(icRefresh, 16)} ${this.t('retry')}</button></div></div>`;
    }
    return html`<div class="canvas" part="result"><div class="empty"><div class="bubble">${icon(icImage, 30)}</div>
      <span class="small">${this.t('resultTitle')}</span></div></div>`;
  }

  private renderResultActions() {
    if (this.phase !== 'done' || !this.job) return nothing;
    const made = (this.job.images ?? []).filter((i) => i.status === 'succeeded' && i.imageUrl);
    const sel = made[this.picked];
    // The actions apply to the picked image of a multi-image result.
    const j = sel ? { ...this.job, imageId: sel.imageId, imageUrl: sel.imageUrl } : this.job;
    return html`<div class="actions">
      ${this.remixRewarded ? html`<div class="inline-alert success wide" role="status">${icon(icGift, 18)} ${this.t('remixRewarded')}</div>` : nothing}
      ${this.feature('community') ? html`<button class="primary wide" part="button button-primary publish" @click=${() => void this.openPublish(j.imageId)}>${icon(icShare, 16)} ${this.t('publish')}</button>` : nothing}
      <button part="button download" @click=${() => { this.emit('ais-download', { imageId: j.imageId }); void downloadImage(j.imageUrl!, `ais-${j.imageId}`); }}>${icon(icDownload, 16)} ${this.t('download')}</button>
      <button part="button reopen" @click=${() => this.reopen()}>${icon(icEdit, 16)} ${this.t('reopen')}</button>
      <button part="button make-poster" @click=${() => void this.openComposer(j.imageId, j.imageUrl!)}>${icon(icImage, 16)} ${this.t('makePoster')}</button>
      <button class="ghost wide" part="button new" @click=${() => this.startOver()}>${icon(icPlus, 16)} ${this.t('newImage')}</button>
      ${this.lazyState ? this.renderLazyState(this.lazyState) : nothing}
    </div>`;
  }

  /** Loading and error state of a lazy part: a spinner while it downloads, a retry when the download failed. */
  private renderLazyState(p: { failed: boolean; retry: () => void }) {
    return p.failed
      ? html`<div class="inline-alert wide" role="alert">${icon(icAlert, 18)} ${this.t('networkError')}
          <button part="button" @click=${p.retry}>${icon(icRefresh, 16)} ${this.t('retry')}</button></div>`
      : html`<div class="wide" role="status">${this.renderLoading()}</div>`;
  }

  /** Downloads a lazy chunk with a loading state and, when it fails (offline), an error with a retry; then `then`. */
  private async lazyPart(load: () => Promise<unknown>, then: () => void): Promise<void> {
    const retry = () => void this.lazyPart(load, then);
    this.lazyState = { failed: false, retry };
    try {
      await load();
    } catch {
      this.lazyState = { failed: true, retry };
      return;
    }
    this.lazyState = undefined;
    then();
  }

  /** The publish form: a lazily loaded chunk (./publish-dialog.ts), most visitors never publish. */
  private openPublish(imageId: string): Promise<void> {
    return this.lazyPart(() => import('./publish-dialog.js'), () => this.publishDialog?.open(imageId, this.prompt, this.templateCategory()));
  }

  /** The compose step: a lazily loaded chunk (../posters/ais-poster-composer.ts), mounted on first use. */
  private openComposer(imageId: string, imageUrl: string): Promise<void> {
    return this.lazyPart(() => import('../posters/ais-poster-composer.js'), () => this.mountComposer(imageId, imageUrl));
  }

  private mountComposer(imageId: string, imageUrl: string): void {
    let el = this.renderRoot.querySelector('ais-poster-composer');
    if (!el) {
      el = document.createElement('ais-poster-composer');
      el.setAttribute('exportparts', 'poster-composer, poster-preview, poster-final');
      this.renderRoot.appendChild(el);
    }
    el.host_ = this;
    el.onPublish = this.feature('community') ? (posterImageId) => void this.openPublish(posterImageId) : undefined;
    el.open(imageId, imageUrl, '');
  }

  private templateCategory(): string | undefined {
    return this.templates.find((t) => t.id === this.templateId)?.categoryId ?? (this.categoryId || undefined);
  }
}

addEnglish(enStudio);
useResources({ studio: Studio, credits: Credits, community: Community, remix: Remix, me: Me });
define('ais-studio', AisStudio);

declare global {
  interface HTMLElementTagNameMap { 'ais-studio': AisStudio }
}
