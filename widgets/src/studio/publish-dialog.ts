import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Category, Visibility } from '../../../sdk/src/types.js';
import type { AisElement } from '../shared/base.js';
import { define } from '../shared/base.js';
import { classifyError, errorMessageKey, type WidgetError } from '../shared/format.js';
import { parseTags } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icAlert } from '../shared/icons/alert.js';
import { icCheck } from '../shared/icons/check.js';
import { icShare } from '../shared/icons/share.js';
import { baseStyles } from '../shared/styles.js';

/** The studio's publish form, in a modal `<dialog>` (focus is trapped and Escape closes it natively). */
export class AisPublishDialog extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) host_?: AisElement;
  @property({ attribute: false }) categories: Category[] = [];
  @property({ type: Boolean }) isPaying = false;
  @state() private imageId = '';
  @state() private postTitle = '';
  @state() private categoryId = '';
  @state() private tags = '';
  @state() private visibility: Visibility = 'public';
  @state() private watermark = true;
  @state() private busy = false;
  @state() private error?: WidgetError;
  @state() private postId?: string;
  @query('dialog') private dialog?: HTMLDialogElement;

  open(imageId: string, prompt: string, categoryId?: string): void {
    this.imageId = imageId;
    this.postTitle = prompt.split(/[,.]/)[0]!.trim().slice(0, 80);
    this.categoryId = categoryId ?? this.categories[0]?.id ?? '';
    this.tags = '';
    this.visibility = 'public';
    this.watermark = true;
    this.error = undefined;
    this.postId = undefined;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private close(): void {
    this.dialog?.close();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const h = this.host_;
    if (!h || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const r = await h.client.community.publish({
        imageId: this.imageId, title: this.postTitle.trim(), categoryId: this.categoryId, tags: parseTags(this.tags),
        visibility: this.visibility, watermark: this.isPaying ? this.watermark : true,
      });
      this.postId = r.postId;
      h.emit('ais-published', { postId: r.postId, imageId: this.imageId, visibility: this.visibility, categoryId: this.categoryId });
    } catch (err) {
      this.error = classifyError(err);
      h.emit('ais-error', this.error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = (k: Parameters<AisElement['t']>[0], p?: Record<string, string | number>) => this.host_?.t(k, p) ?? k;
    return html`<dialog part="dialog" aria-labelledby="pub-title" @close=${() => (this.busy = false)}>
      ${this.postId
        ? html`<div class="dialog-body" role="status">
            <div class="state"><div class="state-icon" style="color:var(--_success)">${icon(icCheck, 24)}</div>
              <strong id="pub-title">${t('published')}</strong><span class="small muted">${this.postTitle}</span></div>
            <div class="dialog-actions"><button class="primary" part="button button-primary" @click=${this.close}>${t('close')}</button></div>
          </div>`
        : html`<form class="dialog-body" @submit=${this.submit}>
            <h3 id="pub-title">${t('publishTitle')}</h3>
            <label class="field">${t('titleLabel')}<input required maxlength="120" .value=${this.postTitle} @input=${(e: Event) => (this.postTitle = (e.target as HTMLInputElement).value)} /></label>
            <label class="field">${t('categoryLabel')}
              <select required .value=${this.categoryId} @change=${(e: Event) => (this.categoryId = (e.target as HTMLSelectElement).value)}>
                ${this.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === this.categoryId}>${c.name}</option>`)}
              </select></label>
            <label class="field">${t('tagsLabel')}<input .value=${this.tags} @input=${(e: Event) => (this.tags = (e.target as HTMLInputElement).value)} /></label>
            <fieldset style="border:none;padding:0;margin:0;display:grid;gap:.4em">
              <legend class="small" style="font-weight:600;margin-bottom:.3em">${t('visibilityLabel')}</legend>
              ${(['public', 'private'] as const).map((v) => html`<label class="check"><input type="radio" name="vis" .checked=${this.visibility === v}
                @change=${() => (this.visibility = v)} /> ${t(v === 'public' ? 'visibilityPublic' : 'visibilityPrivate')}</label>`)}
            </fieldset>
            ${this.isPaying ? html`<label class="check"><input type="checkbox" .checked=${this.watermark} @change=${(e: Event) => (this.watermark = (e.target as HTMLInputElement).checked)} /> ${t('watermarkKeep')}</label>`
              : html`<p class="small muted">${t('watermarkFree')}</p>`}
            ${this.error ? html`<div class="inline-alert" role="alert">${icon(icAlert, 18)} <span>${t(errorMessageKey(this.error.kind))}${this.error.detail ? html`<br /><span class="small">${this.error.detail}</span>` : nothing}</span></div>` : nothing}
            <div class="dialog-actions">
              <button type="button" part="button" @click=${this.close}>${t('cancel')}</button>
              <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy || !this.postTitle.trim() || !this.categoryId}>${icon(icShare, 16)} ${t('publish')}</button>
            </div>
          </form>`}
    </dialog>`;
  }
}

define('ais-publish-dialog', AisPublishDialog);
