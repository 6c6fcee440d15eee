import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Creation } from '../../../sdk/src/types.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Creations } from '../../../sdk/src/resources/creations.js';
import { enCreations } from './i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import { enMore } from '../shared/i18n-en-more.js';
import { confirmIn } from '../shared/confirm.js';
import { downloadImage, placeholderGradient } from '../shared/download.js';
import { formatCredits, type WidgetError } from '../shared/format.js';
import { formatDate, relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icAlert } from '../shared/icons/alert.js';
import { icDownload } from '../shared/icons/download.js';
import { icEdit } from '../shared/icons/edit.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';

/** `<ais-my-creations>`: the user's images as a grid, with a detail view, download, delete and re-open in the studio. */
export class AisMyCreations extends AisElement {
  static override styles = [fullBaseStyles, css`
    .tile { padding: 0; border: none; background: none; min-height: 0; display: block; width: 100%; border-radius: 0; }
    .tile:hover { background: none; }
    .card .meta { padding: 0.6em 0.75em; display: grid; gap: 0.2em; }
    .card .meta .prompt { font-size: 0.86em; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    .card .meta .row { justify-content: space-between; font-size: 0.78em; }
    .tile .ph { aspect-ratio: 1; display: grid; place-items: center; color: #fff; }
    .detail { display: grid; gap: calc(var(--_space) * 1.25); grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    @container (max-width: 640px) { .detail { grid-template-columns: 1fr; } }
    :host { container-type: inline-size; }
    .detail img { width: 100%; border-radius: var(--_radius); display: block; background: var(--_surface-alt); }
    dl { margin: 0; display: grid; gap: 0.75em; }
    dt { font-size: 0.78em; font-weight: 650; color: var(--_muted); text-transform: uppercase; letter-spacing: 0.05em; }
    dd { margin: 0.15em 0 0; }
    .more { display: flex; justify-content: center; margin-top: var(--_space); }
  `];

  /** Page size (1-100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 24;

  @state() private items: Creation[] = [];
  @state() private cursor?: string | null;
  @state() private loading = false;
  @state() private selected?: Creation;
  @state() private actionError?: WidgetError;
  @state() private toast = '';
  @query('#detail-h') private detailHeading?: HTMLElement;
  private lastTile?: string;
  private readonly onGenerated = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    // A new image from a studio on the same page shows up without a reload.
    window.addEventListener('ais-generated', this.onGenerated);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('ais-generated', this.onGenerated);
  }

  protected async load(): Promise<void> {
    this.items = [];
    this.cursor = undefined;
    this.loading = false;
    await this.more();
  }

  private async more(): Promise<void> {
    if (this.loading) return;
    const seq = this.loadToken;
    this.loading = true;
    try {
      const page = await this.client.creations.list({ limit: this.pageSize, cursor: this.cursor ?? undefined });
      if (seq !== this.loadToken) return;
      this.items = [...this.items, ...page.items];
      this.cursor = page.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      if (seq === this.loadToken) this.error = this.fail(err);
    } finally {
      if (seq === this.loadToken) this.loading = false;
    }
  }

  private open(c: Creation): void {
    this.lastTile = c.imageId;
    this.selected = c;
    this.actionError = undefined;
    void this.updateComplete.then(() => this.detailHeading?.focus());
  }

  private back(): void {
    this.selected = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${this.lastTile}"]`)?.focus());
  }

  private async deleteRow(c: Creation): Promise<void> {
    if (!(await confirmIn(this.renderRoot, this.t('deleteConfirm'), this.t('delete'), this.t('cancel')))) return;
    try {
      await this.client.creations.delete(c.imageId);
      this.items = this.items.filter((i) => i.imageId !== c.imageId);
      this.selected = undefined;
      this.flash(this.t('deleted'));
      this.emit('ais-deleted', { imageId: c.imageId });
    } catch (err) {
      this.actionError = this.fail(err);
    }
  }

  private async reopen(c: Creation): Promise<void> {
    try {
      const r = await this.client.creations.reopen(c.imageId);
      this.emit('ais-reopen', { imageId: c.imageId, prompt: r.prompt, tier: r.tier, templateId: r.templateId, watermark: r.watermark, format: r.format });
    } catch (err) {
      this.actionError = this.fail(err);
    }
  }

  private flash(text: string): void {
    this.toast = text;
    setTimeout(() => (this.toast = ''), 2500);
  }

  override render() {
    return html`<div class="panel" part="base">
      <div class="header"><h2 part="title">${this.t('creationsTitle')}</h2>
        ${this.selected ? html`<button class="ghost" part="button back" @click=${this.back}>← ${this.t('close')}</button>` : nothing}</div>
      ${this.selected ? this.renderDetail(this.selected) : this.renderGrid()}
      ${this.toast ? html`<div class="toast" role="status">${this.toast}</div>` : nothing}
    </div>`;
  }

  private renderGrid() {
    if (this.error && !this.items.length) return this.renderError(this.error, () => void this.load());
    if (this.loading && !this.items.length) return this.renderLoading();
    if (!this.items.length) return this.renderEmpty(this.t('creationsEmpty'), this.t('creationsEmptyHint'));
    return html`<div class="grid" part="grid" role="list">
        ${this.items.map((c) => html`<div class="card" part="card" role="listitem">
          <button class="tile" data-id=${c.imageId} @click=${() => this.open(c)} aria-label=${c.prompt}>
            ${c.thumbnailUrl ? html`<img class="thumb" part="thumbnail" src=${c.thumbnailUrl} alt="" loading="lazy" />`
              : html`<div class="ph" style="background:${placeholderGradient(c.imageId)}">${c.status === 'failed' ? icon(icAlert, 28) : html`<div class="spinner" style="border-color:#fff5;border-top-color:#fff"></div>`}</div>`}
          </button>
          <div class="meta"><span class="prompt">${c.prompt}</span>
            <div class="row"><span class="muted">${relativeTime(c.createdAt, this.loc, undefined, this.strings)}</span>${this.statusBadge(c)}</div></div>
        </div>`)}
      </div>
      ${this.error ? this.renderInlineError(this.error) : nothing}
      ${this.cursor ? html`<div class="more"><button part="button load-more" @click=${() => void this.more()} ?disabled=${this.loading}>${this.loading ? this.t('loading') : this.t('loadMore')}</button></div>` : nothing}`;
  }

  private statusBadge(c: Creation) {
    if (c.status === 'failed') return html`<span class="badge danger">${this.t('statusFailed')}</span>`;
    if (c.status === 'queued') return html`<span class="badge warning">${this.t('statusQueued')}</span>`;
    if (c.status === 'running') return html`<span class="badge warning">${this.t('statusRunning')}</span>`;
    if (c.postId) return html`<span class="badge success">${this.t('statusPublished')}</span>`;
    if (c.poster) return html`<span class="badge" part="poster-badge">${this.t('posterBadge')}</span>`;
    return html`<span class="badge">${c.tier}</span>`;
  }

  private renderDetail(c: Creation) {
    const url = c.downloadUrl ?? c.imageUrl;
    return html`<div class="detail" part="detail">
      ${c.imageUrl ? html`<img src=${c.imageUrl} alt=${c.prompt} part="image" />` : html`<div class="thumb" style="background:${placeholderGradient(c.imageId)};border-radius:var(--_radius)"></div>`}
      <div class="stack" style="align-content:start">
        <h3 id="detail-h" tabindex="-1">${c.prompt.slice(0, 60)}${c.prompt.length > 60 ? '…' : ''}</h3>
        <dl>
          <div><dt>${this.t('detailPrompt')}</dt><dd>${c.prompt}</dd></div>
          <div><dt>${this.t('detailTier')}</dt><dd>${c.tier} · ${c.width}×${c.height}</dd></div>
          ${c.poster ? html`<div><dt>${this.t('posterSource')}</dt><dd><img part="poster-source" src=${c.poster.sourceThumbnailUrl} alt=${this.t('posterSource')} style="width:96px;border-radius:6px;vertical-align:top" /></dd></div>` : nothing}
          <div><dt>${this.t('detailCost')}</dt><dd>${formatCredits(c.creditsSpent, this.loc, this.strings)}</dd></div>
          <div><dt>${this.t('detailCreated')}</dt><dd>${formatDate(c.createdAt, this.loc)}</dd></div>
        </dl>
        ${this.renderInlineError(this.actionError)}
        <div class="row">
          ${url ? html`<button class="primary" part="button button-primary download" @click=${() => { this.emit('ais-download', { imageId: c.imageId }); void downloadImage(url, `ais-${c.imageId}`); }}>${icon(icDownload, 16)} ${this.t('download')}</button>` : nothing}
          <button part="button reopen" @click=${() => void this.reopen(c)}>${icon(icEdit, 16)} ${this.t('reopenStudio')}</button>
          <button class="ghost danger" part="button delete" @click=${() => void this.deleteRow(c)}>${icon(icTrash, 16)} ${this.t('delete')}</button>
        </div>
      </div>
    </div>`;
  }
}

addEnglish(enMore);
addEnglish(enCreations);
useResources({ creations: Creations });
define('ais-my-creations', AisMyCreations);

declare global {
  interface HTMLElementTagNameMap { 'ais-my-creations': AisMyCreations }
}
