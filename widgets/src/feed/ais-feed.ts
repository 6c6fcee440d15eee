import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Card, Category, FeedSort, ReportReason } from '../../../sdk/src/types.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Community } from '../../../sdk/src/resources/community.js';
import { Remix } from '../../../sdk/src/resources/remix.js';
import { Studio } from '../../../sdk/src/resources/studio.js';
import { enFeed } from './i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import { enMore } from '../shared/i18n-en-more.js';
import { formatNumber, type WidgetError } from '../shared/format.js';
import { relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icFlag } from '../shared/icons/flag.js';
import { icHeart } from '../shared/icons/heart.js';
import { icRemix } from '../shared/icons/remix.js';
import { fullBaseStyles } from '../shared/data-styles.js';

const REASONS: ReportReason[] = ['spam', 'nudity', 'violence', 'hate', 'copyright', 'misleading', 'other'];

/** `<ais-feed>`: the community feed with infinite scroll, category filter, trending/latest, like, report and remix. */
export class AisFeed extends AisElement {
  static override styles = [fullBaseStyles, css`
    .toolbar { display: flex; gap: var(--_space); justify-content: space-between; align-items: center; flex-wrap: wrap; margin-bottom: var(--_space); }
    .seg { display: inline-flex; background: var(--_surface-alt); border-radius: 999px; padding: 3px; border: 1px solid var(--_border); }
    .seg button { border: none; background: transparent; border-radius: 999px; min-height: 32px; }
    .seg button[aria-pressed='true'] { background: var(--_surface); box-shadow: 0 1px 3px rgb(16 24 40 / 12%); color: var(--_primary); }
    .card .img-wrap { position: relative; }
    .card .body { padding: 0.7em 0.8em 0.4em; display: grid; gap: 0.15em; }
    .card .title { font-weight: 650; font-size: 0.95em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .card .author { font-size: 0.8em; color: var(--_muted); }
    .card .bar { display: flex; align-items: center; gap: 2px; padding: 0.2em 0.4em 0.5em; }
    .card .bar button { min-height: 34px; padding: 0 0.6em; font-size: 0.84em; font-weight: 600; }
    .liked { color: #e11d48; }
    .liked svg { fill: currentColor; }
    .remix-btn { margin-left: auto; color: var(--_primary); }
    .sentinel { height: 1px; }
    .end { text-align: center; color: var(--_muted); font-size: 0.85em; padding: var(--_space); }
    .more { display: flex; justify-content: center; padding: var(--_space); }
  `];

  @property({ reflect: true }) sort: FeedSort = 'trending';
  @property({ attribute: 'category-id' }) categoryId = '';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;
  /** Hide the category chips. */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;

  @state() private items: Card[] = [];
  @state() private categories: Category[] = [];
  @state() private cursor?: string | null;
  @state() private loading = false;
  @state() private actionError?: WidgetError;
  @state() private reporting?: Card;
  @state() private reportReason: ReportReason = 'spam';
  @state() private reportDetails = '';
  @state() private toast = '';
  @query('.sentinel') private sentinel?: HTMLElement;
  @query('#report-dialog') private reportDialog?: HTMLDialogElement;
  private observer?: IntersectionObserver;
  private generation = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('sort') || changed.has('categoryId'))) void this.reload();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!this.observer && 'IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && this.cursor && !this.loading && !this.error) void this.more();
      }, { rootMargin: '400px' });
    }
    if (this.sentinel && this.observer) {
      this.observer.disconnect();
      this.observer.observe(this.sentinel);
    }
  }

  protected async load(): Promise<void> {
    await this.loadSettings();
    if (!this.feature('community')) return;
    if (!this.noFilters) {
      this.client.studio.categories().then((r) => (this.categories = r.items), () => undefined);
    }
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.generation++;
    this.items = [];
    this.cursor = undefined;
    this.loading = false;
    await this.more();
  }

  private async more(): Promise<void> {
    if (this.loading) return;
    const gen = this.generation;
    this.loading = true;
    try {
      const page = await this.client.community.feed({ sort: this.sort, categoryId: this.categoryId || undefined, limit: this.pageSize, cursor: this.cursor ?? undefined });
      if (gen !== this.generation) return; // the filter changed while this page was loading
      const seen = new Set(this.items.map((i) => i.postId));
      this.items = [...this.items, ...page.items.filter((i) => !seen.has(i.postId))];
      this.cursor = page.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      if (gen === this.generation) this.error = this.fail(err);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }

  private setSort(sort: FeedSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    this.emit('ais-feed-filter', { sort, categoryId: this.categoryId || null });
  }

  private setCategory(id: string): void {
    this.categoryId = id;
    this.emit('ais-feed-filter', { sort: this.sort, categoryId: id || null });
  }

  private async like(card: Card): Promise<void> {
    if (!this.signedIn) return this.flash(this.t('signInToInteract'));
    const before = { likedByMe: card.likedByMe, likes: card.likes };
    this.patch(card.postId, { likedByMe: !card.likedByMe, likes: card.likes + (card.likedByMe ? -1 : 1) });
    try {
      const r = await this.client.community.like(card.postId);
      this.patch(card.postId, { likedByMe: r.liked, likes: r.likes });
      this.emit('ais-liked', { postId: card.postId, liked: r.liked, likes: r.likes });
    } catch (err) {
      this.patch(card.postId, before);
      this.actionError = this.fail(err);
    }
  }

  private patch(postId: string, change: Partial<Card>): void {
    this.items = this.items.map((i) => (i.postId === postId ? { ...i, ...change } : i));
  }

  private async remix(card: Card): Promise<void> {
    if (!this.signedIn) return this.flash(this.t('signInToInteract'));
    try {
      const r = await this.client.remix.open(card.postId);
      this.emit('ais-remix', {
        postId: card.postId, sourcePostId: r.sourcePostId, prompt: r.templatePrompt, enhancedPrompt: r.enhancedPrompt,
        tier: r.tier ?? undefined, categoryId: r.categoryId ?? card.categoryId,
      });
    } catch (err) {
      this.actionError = this.fail(err);
    }
  }

  private openReport(card: Card): void {
    if (!this.signedIn) return this.flash(this.t('signInToInteract'));
    this.reporting = card;
    this.reportReason = 'spam';
    this.reportDetails = '';
    void this.updateComplete.then(() => this.reportDialog?.showModal());
  }

  private async submitReport(e: Event): Promise<void> {
    e.preventDefault();
    const card = this.reporting;
    if (!card) return;
    try {
      await this.client.community.report(card.postId, { reason: this.reportReason, details: this.reportDetails.trim() || undefined });
      this.reportDialog?.close();
      this.flash(this.t('reportSent'));
      this.emit('ais-reported', { postId: card.postId, reason: this.reportReason });
    } catch (err) {
      this.reportDialog?.close();
      this.actionError = this.fail(err);
    }
  }

  private flash(text: string): void {
    this.toast = text;
    setTimeout(() => (this.toast = ''), 3000);
  }

  override render() {
    if (!this.feature('community')) return html`<div class="panel" part="base">${this.renderEmpty(this.t('featureDisabled'))}</div>`;
    return html`<div class="panel" part="base">
      <div class="toolbar">
        <h2 part="title">${this.t('feedTitle')}</h2>
        <div class="seg" role="group" aria-label=${this.t('sortLabel')} part="sort">
          ${(['trending', 'latest'] as const).map((s) => html`<button aria-pressed=${this.sort === s} @click=${() => this.setSort(s)}>${this.t(s)}</button>`)}
        </div>
      </div>
      ${this.noFilters || !this.categories.length ? nothing : html`<div class="chips" role="group" aria-label=${this.t('categoryLabel')} part="categories" style="margin-bottom:var(--_space)">
        <button class="chip" part="chip" aria-pressed=${!this.categoryId} @click=${() => this.setCategory('')}>${this.t('allCategories')}</button>
        ${this.categories.map((c) => html`<button class="chip" part="chip" aria-pressed=${this.categoryId === c.id} @click=${() => this.setCategory(c.id)}>${c.name}</button>`)}
      </div>`}
      ${this.renderInlineError(this.actionError)}
      ${this.renderBody()}
      ${this.toast ? html`<div class="toast" role="status">${this.toast}</div>` : nothing}
      ${this.renderReportDialog()}
    </div>`;
  }

  private renderBody() {
    if (this.error && !this.items.length) return this.renderError(this.error, () => void this.reload());
    if (this.loading && !this.items.length) return this.renderLoading();
    if (!this.items.length) return this.renderEmpty(this.t('feedEmpty'));
    return html`<div class="grid" part="grid" role="feed" aria-busy=${this.loading}>
        ${this.items.map((c, i) => this.renderCard(c, i))}
      </div>
      ${this.error ? this.renderError(this.error, () => void this.more()) : nothing}
      ${this.cursor ? html`<div class="sentinel"></div>
        <div class="more">${this.loading ? html`<div class="spinner" role="status" aria-label=${this.t('loading')}></div>`
          : html`<button part="button load-more" @click=${() => void this.more()}>${this.t('loadMore')}</button>`}</div>`
        : html`<p class="end">${this.t('endOfFeed')}</p>`}`;
  }

  private renderCard(c: Card, i: number) {
    const name = c.author.name || c.author.id;
    return html`<article class="card" part="card" aria-posinset=${i + 1} aria-setsize=${this.cursor ? -1 : this.items.length} aria-labelledby="t-${c.postId}">
      <div class="img-wrap"><img class="thumb" part="thumbnail" src=${c.thumbnailUrl} alt=${c.title} loading="lazy" /></div>
      <div class="body">
        <span class="title" id="t-${c.postId}">${c.title}</span>
        <span class="author">${this.t('by', { name })} · ${relativeTime(c.createdAt, this.loc, undefined, this.strings)}${c.reuseCount > 0 ? html` · ${this.t('remixes', { n: formatNumber(c.reuseCount, this.loc) })}` : nothing}</span>
      </div>
      <div class="bar">
        <button class="ghost ${c.likedByMe ? 'liked' : ''}" part="button like" aria-pressed=${c.likedByMe}
          @click=${() => void this.like(c)}>
          ${icon(icHeart, 17)}<span class="visually-hidden">${this.t('like')}:</span> ${formatNumber(c.likes, this.loc)}</button>
        <button class="ghost" part="button report" aria-label=${this.t('report')} title=${this.t('report')} @click=${() => this.openReport(c)}>${icon(icFlag, 16)}</button>
        ${this.feature('remix') ? html`<button class="ghost remix-btn" part="button remix" @click=${() => void this.remix(c)}>${icon(icRemix, 16)} ${this.t('remix')}</button>` : nothing}
      </div>
    </article>`;
  }

  private renderReportDialog() {
    return html`<dialog id="report-dialog" part="dialog report-dialog" aria-labelledby="rep-h" @close=${() => (this.reporting = undefined)}>
      <form class="dialog-body" @submit=${this.submitReport}>
        <h3 id="rep-h">${this.t('reportTitle')}</h3>
        ${this.reporting ? html`<p class="muted small">${this.reporting.title}</p>` : nothing}
        <fieldset style="border:none;padding:0;margin:0;display:grid;gap:.35em;grid-template-columns:1fr 1fr">
          <legend class="small" style="font-weight:600;margin-bottom:.4em">${this.t('reportReason')}</legend>
          ${REASONS.map((r) => html`<label class="check"><input type="radio" name="reason" .checked=${this.reportReason === r} @change=${() => (this.reportReason = r)} /> ${this.t(`reason_${r}`)}</label>`)}
        </fieldset>
        <label class="field">${this.t('reportDetails')}<textarea rows="2" maxlength="500" .value=${this.reportDetails} @input=${(e: Event) => (this.reportDetails = (e.target as HTMLTextAreaElement).value)}></textarea></label>
        <div class="dialog-actions">
          <button type="button" part="button" @click=${() => this.reportDialog?.close()}>${this.t('cancel')}</button>
          <button type="submit" class="primary" part="button button-primary">${icon(icFlag, 16)} ${this.t('report')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

addEnglish(enMore);
addEnglish(enFeed);
useResources({ community: Community, remix: Remix, studio: Studio });
define('ais-feed', AisFeed);

declare global {
  interface HTMLElementTagNameMap { 'ais-feed': AisFeed }
}
