import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BrandKit, CreatePosterRequest, CreatePosterResponse } from '../../../sdk/src/types.js';
import type { AisElement } from '../shared/base.js';
import { define, useResources } from '../shared/base.js';
import { Posters, BrandKits } from '../../../sdk/src/resources/posters.js';
import { downloadImage } from '../shared/download.js';
import { classifyError, errorMessageKey, type WidgetError } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { icDownload } from '../shared/icons/download.js';
import { icShare } from '../shared/icons/share.js';
import { fullBaseStyles } from '../shared/data-styles.js';

/**
 * `<ais-poster-composer>`: the studio's compose step, loaded on demand (a dynamic import from <ais-studio>, so pages that
 * never compose never download it). Pick a layout and format, type the text, choose a brand kit and the referral QR;
 * the preview is a CSS approximation drawn in the browser, the final poster is rendered by the server
 * (POST /api/studio/posters) with the bundled fonts. Its strings live here (English and Hindi) so they load with it.
 */
type Layout = CreatePosterRequest['layout'];
type Format = NonNullable<CreatePosterRequest['format']>;
const LAYOUTS: Layout[] = ['headline-top', 'bottom-band', 'split', 'centred-card', 'price-burst', 'minimal-corner'];
const FORMATS: Record<Format, string> = { square: '1 / 1', portrait: '4 / 5', story: '9 / 16', landscape: '16 / 9', banner: '3 / 1' };
const LIMITS = { headline: 80, subline: 160, cta: 30, price: 20 } as const;

const en = {
  title: 'Make a poster', layout: 'Layout', format: 'Format', headline: 'Headline', subline: 'Subline', cta: 'Button text', price: 'Price',
  brand: 'Brand kit', partnerBrand: 'Default ({name})', qr: 'Add my referral QR code', make: 'Make poster', making: 'Making…', close: 'Close',
  preview: 'Preview (approximate)', final: 'Your poster', download: 'Download', publish: 'Publish', free: 'Posters are free: no credits are used.',
  tooLong: 'The {field} does not fit this layout; shorten it or pick another layout.', needPrice: 'This layout needs a price.',
  'l_headline-top': 'Headline top', 'l_bottom-band': 'Bottom band', l_split: 'Split', 'l_centred-card': 'Centred card', 'l_price-burst': 'Price burst', 'l_minimal-corner': 'Minimal corner',
  f_square: 'Square 1:1', f_portrait: 'Portrait 4:5', f_story: 'Story 9:16', f_landscape: 'Landscape 16:9', f_banner: 'Banner 3:1',
};
type Key = keyof typeof en;
const hi: Record<Key, string> = {
  title: 'पोस्टर बनाएँ', layout: 'लेआउट', format: 'आकार', headline: 'शीर्षक', subline: 'उपशीर्षक', cta: 'बटन का पाठ', price: 'कीमत',
  brand: 'ब्रांड किट', partnerBrand: 'डिफ़ॉल्ट ({name})', qr: 'मेरा रेफ़रल QR कोड जोड़ें', make: 'पोस्टर बनाएँ', making: 'बन रहा है…', close: 'बंद करें',
  preview: 'पूर्वावलोकन (अनुमानित)', final: 'आपका पोस्टर', download: 'डाउनलोड', publish: 'प्रकाशित करें', free: 'पोस्टर मुफ़्त हैं: कोई क्रेडिट नहीं लगता।',
  tooLong: '{field} इस लेआउट में नहीं समाता; उसे छोटा करें या दूसरा लेआउट चुनें।', needPrice: 'इस लेआउट के लिए कीमत चाहिए।',
  'l_headline-top': 'ऊपर शीर्षक', 'l_bottom-band': 'नीचे पट्टी', l_split: 'दो भाग', 'l_centred-card': 'बीच में कार्ड', 'l_price-burst': 'कीमत बैज', 'l_minimal-corner': 'कोने में',
  f_square: 'वर्ग 1:1', f_portrait: 'पोर्ट्रेट 4:5', f_story: 'स्टोरी 9:16', f_landscape: 'लैंडस्केप 16:9', f_banner: 'बैनर 3:1',
};

export class AisPosterComposer extends LitElement {
  static override styles = [fullBaseStyles, css`
    dialog { width: min(960px, 96vw); max-height: 94vh; border: none; border-radius: var(--_radius, 12px); padding: 0; }
    .wrap { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px; }
    @media (max-width: 680px) { .wrap { grid-template-columns: 1fr; } }
    .layouts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; }
    .layouts button[aria-pressed='true'] { outline: 2px solid var(--ais-primary, #e4572e); }
    label { display: grid; gap: 4px; font-size: 0.9em; }
    .pv { position: relative; width: 100%; max-height: 60vh; margin: 0 auto; background: #333 center / cover no-repeat; overflow: hidden; border-radius: 8px; container-type: inline-size; }
    .pv .blk { position: absolute; display: grid; gap: 0.5cqw; padding: 3cqw; box-sizing: border-box; color: var(--t); }
    .pv .h { font-weight: 700; font-size: 6.5cqw; line-height: 1.15; overflow-wrap: anywhere; }
    .pv .s { font-size: 3.2cqw; }
    .pv .p { font-weight: 700; font-size: 5cqw; }
    .pv .c { justify-self: start; background: var(--s); color: var(--p); font-weight: 700; font-size: 2.8cqw; padding: 0.8cqw 2.5cqw; border-radius: 99px; }
    .pv .ctr { text-align: center; justify-items: center; } .pv .ctr .c { justify-self: center; }
    .pv .qr { position: absolute; right: 5%; bottom: 9%; width: 18%; aspect-ratio: 1; background: #fff repeating-conic-gradient(#000 0 25%, #fff 0 50%) 0 0 / 25% 25%; border: 4px solid #fff; }
    .pv .burst { position: absolute; left: 50%; top: 55%; transform: translate(-50%, -50%); width: 34%; aspect-ratio: 1; border-radius: 50%; background: var(--s); color: var(--p); display: grid; place-items: center; font-weight: 700; font-size: 6cqw; }
    .final img { width: 100%; border-radius: 8px; }
    .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .muted { opacity: 0.75; font-size: 0.85em; }
  `];

  @property({ attribute: false }) host_?: AisElement;
  /** Called with the poster's creation id when the user chooses Publish (the studio opens its publish dialog). */
  @property({ attribute: false }) onPublish?: (imageId: string) => void;
  @state() private imageId = '';
  @state() private imageUrl = '';
  @state() private layout: Layout = 'bottom-band';
  @state() private format: Format = 'square';
  @state() private text = { headline: '', subline: '', cta: '', price: '' };
  @state() private kits: BrandKit[] = [];
  @state() private partnerDefault?: { name: string; colors: { primary: string; secondary: string; text: string } };
  @state() private kitId = '';
  @state() private qr = true;
  @state() private busy = false;
  @state() private error?: string;
  @state() private result?: CreatePosterResponse;
  @query('dialog') private dialog?: HTMLDialogElement;

  private tp(key: Key, params: Record<string, string> = {}): string {
    const table = (this.host_?.loc ?? 'en').toLowerCase().startsWith('hi') ? hi : en;
    return (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  }

  /** Opens the composer over one of the user's images. */
  open(imageId: string, imageUrl: string, headline = ''): void {
    this.imageId = imageId;
    this.imageUrl = imageUrl;
    this.text = { headline: headline.slice(0, LIMITS.headline), subline: '', cta: '', price: '' };
    this.result = undefined;
    this.error = undefined;
    void this.updateComplete.then(() => this.dialog?.showModal());
    void this.loadKits();
  }

  private async loadKits() {
    try {
      const r = await this.host_!.client.brandKits.list();
      this.kits = r.items;
      this.partnerDefault = r.partnerDefault;
    } catch { /* the partner's default is used */ }
  }

  private get colors() {
    return this.kits.find((k) => k.id === this.kitId)?.colors ?? this.partnerDefault?.colors ?? { primary: '#e4572e', secondary: '#ffffff', text: '#ffffff' };
  }

  private async make() {
    const h = this.host_;
    if (!h || this.busy) return;
    if (this.layout === 'price-burst' && !this.text.price.trim()) { this.error = this.tp('needPrice'); return; }
    this.busy = true;
    this.error = undefined;
    const t = this.text;
    try {
      this.result = await h.client.posters.create({
        imageId: this.imageId, layout: this.layout, format: this.format, qr: this.qr ? 'referral' : 'none',
        text: { headline: t.headline.trim(), ...(t.subline.trim() ? { subline: t.subline.trim() } : {}), ...(t.cta.trim() ? { cta: t.cta.trim() } : {}), ...(t.price.trim() ? { price: t.price.trim() } : {}) },
        ...(this.kitId ? { brand: { brandKitId: this.kitId } } : {}),
      });
      h.emit('ais-poster-created', { posterId: this.result.posterId, imageId: this.result.imageId, sourceImageId: this.imageId });
    } catch (err) {
      const e = classifyError(err);
      const field = (err as { problem?: { field?: string } }).problem?.field?.replace(/^text\./, '');
      this.error = e.code === 'text_does_not_fit' && field ? this.tp('tooLong', { field: this.tp(field as Key) }) : h.t(errorMessageKey(e.kind));
      h.emit('ais-error', e as WidgetError);
    } finally {
      this.busy = false;
    }
  }

  private field(name: keyof typeof LIMITS) {
    return html`<label>${this.tp(name)}<input part="input poster-${name}" maxlength=${LIMITS[name]} .value=${this.text[name]}
      @input=${(e: Event) => { this.text = { ...this.text, [name]: (e.target as HTMLInputElement).value }; this.result = undefined; }} /></label>`;
  }

  private renderPreview() {
    const c = this.colors, t = this.text, L = this.layout;
    const block = (style: string, centre: boolean, withPrice = true) => html`<div class="blk ${centre ? 'ctr' : ''}" style=${style}>
      ${t.headline ? html`<div class="h">${t.headline}</div>` : nothing}${t.subline ? html`<div class="s">${t.subline}</div>` : nothing}
      ${withPrice && t.price ? html`<div class="p">${t.price}</div>` : nothing}${t.cta ? html`<div class="c">${t.cta}</div>` : nothing}</div>`;
    const shade = 'background:linear-gradient(#000b,#0000)';
    const parts = {
      'headline-top': block(`inset:0 0 45% 0;${shade}`, true),
      'bottom-band': block(`inset:55% 0 0 0;background:${c.primary}`, true),
      split: this.format === 'story' || this.format === 'portrait' ? block(`inset:50% 0 0 0;background:${c.primary}`, false) : block(`inset:0 48% 0 0;background:${c.primary};align-content:center`, false),
      'centred-card': block(`inset:22% 10%;background:${c.secondary};color:${c.primary};border-radius:2cqw;align-content:center`, true),
      'price-burst': html`${block(`inset:0 0 60% 0;${shade}`, true, false)}<div class="burst">${t.price}</div>`,
      'minimal-corner': block(`inset:0 35% 55% 0;background:radial-gradient(at top left,#000a,#0000 70%)`, false),
    } as const;
    return html`<div class="pv" part="poster-preview" aria-label=${this.tp('preview')}
      style="aspect-ratio:${FORMATS[this.format]};background-image:url('${this.imageUrl}');--p:${c.primary};--s:${c.secondary};--t:${L === 'centred-card' ? c.primary : c.text}">
      ${parts[L]}${this.qr && this.host_?.feature('referrals') !== false ? html`<div class="qr" aria-hidden="true"></div>` : nothing}</div>`;
  }

  override render() {
    const r = this.result;
    return html`<dialog part="poster-composer" aria-labelledby="pc-h" @close=${() => this.host_?.emit('ais-poster-closed', {})}>
      <div class="wrap">
        <div class="stack" style="display:grid;gap:10px;align-content:start">
          <h2 id="pc-h" style="margin:0">${this.tp('title')}</h2>
          <div role="group" aria-label=${this.tp('layout')} class="layouts">${LAYOUTS.map((l) => html`<button part="button layout" aria-pressed=${String(this.layout === l)}
            @click=${() => { this.layout = l; this.result = undefined; }}>${this.tp(`l_${l}` as Key)}</button>`)}</div>
          <label>${this.tp('format')}<select part="select poster-format" @change=${(e: Event) => { this.format = (e.target as HTMLSelectElement).value as Format; this.result = undefined; }}>
            ${(Object.keys(FORMATS) as Format[]).map((f) => html`<option value=${f} ?selected=${f === this.format}>${this.tp(`f_${f}` as Key)}</option>`)}</select></label>
          ${this.field('headline')}${this.field('subline')}${this.field('price')}${this.field('cta')}
          <label>${this.tp('brand')}<select part="select brand-kit" @change=${(e: Event) => { this.kitId = (e.target as HTMLSelectElement).value; this.result = undefined; }}>
            <option value="">${this.tp('partnerBrand', { name: this.partnerDefault?.name ?? '' })}</option>
            ${this.kits.map((k) => html`<option value=${k.id} ?selected=${k.id === this.kitId}>${k.name}</option>`)}</select></label>
          ${this.host_?.feature('referrals') !== false ? html`<label class="row"><input type="checkbox" part="checkbox poster-qr" .checked=${this.qr}
            @change=${(e: Event) => { this.qr = (e.target as HTMLInputElement).checked; this.result = undefined; }} style="width:auto" /> ${this.tp('qr')}</label>` : nothing}
          ${this.error ? html`<div class="inline-alert danger" role="alert">${this.error}</div>` : nothing}
          <div class="row">
            <button class="primary" part="button button-primary make-poster" ?disabled=${this.busy || !this.text.headline.trim()} @click=${() => void this.make()}>${this.busy ? this.tp('making') : this.tp('make')}</button>
            <button class="ghost" part="button" @click=${() => this.dialog?.close()}>${this.tp('close')}</button>
          </div>
          <span class="muted">${this.tp('free')}</span>
        </div>
        <div>
          ${r ? html`<div class="final"><h3 style="margin:0 0 8px">${this.tp('final')}</h3><img part="poster-final" src=${r.imageUrl} alt=${this.text.headline} />
              <div class="row" style="margin-top:8px">
                <button class="primary" part="button download-poster" @click=${() => void downloadImage(r.downloadUrl ?? r.imageUrl, `poster-${r.posterId}`)}>${icon(icDownload, 16)} ${this.tp('download')}</button>
                ${this.onPublish ? html`<button part="button publish-poster" @click=${() => this.onPublish?.(r.imageId)}>${icon(icShare, 16)} ${this.tp('publish')}</button>` : nothing}
              </div></div>`
            : html`<div class="muted" style="margin-bottom:6px">${this.tp('preview')}</div>${this.renderPreview()}`}
        </div>
      </div>
    </dialog>`;
  }
}

useResources({ posters: Posters, brandKits: BrandKits });
define('ais-poster-composer', AisPosterComposer);

declare global {
  interface HTMLElementTagNameMap { 'ais-poster-composer': AisPosterComposer }
}
