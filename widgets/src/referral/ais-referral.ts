import { css, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GetMyReferralsResponse } from '../../../sdk/src/types.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Referrals } from '../../../sdk/src/resources/referrals.js';
import { enReferral } from './i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import { enMore } from '../shared/i18n-en-more.js';
import { formatNumber } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { icCheck } from '../shared/icons/check.js';
import { icCopy } from '../shared/icons/copy.js';
import { icGift } from '../shared/icons/gift.js';
import { icShare } from '../shared/icons/share.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { encodeQr, qrPath } from './qr.js';

type Channel = 'native' | 'whatsapp' | 'telegram' | 'x' | 'email';

/** `<ais-referral>`: the user's invite link with copy and share buttons, a QR code, counts and the next milestone. */
export class AisReferral extends AisElement {
  static override styles = [fullBaseStyles, css`
    :host { container-type: inline-size; }
    .top { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: calc(var(--_space) * 1.5); align-items: start; }
    @container (max-width: 560px) { .top { grid-template-columns: 1fr; } .qr { justify-self: center; } }
    .link { display: flex; gap: 8px; }
    .link input { font-family: ui-monospace, SFMono-Regular, monospace; font-size: 0.88em; background: var(--_surface-alt); }
    .qr { background: #fff; padding: 6px; border-radius: var(--_radius-sm); border: 1px solid var(--_border); line-height: 0; }
    .qr svg { width: var(--ais-qr-size, 148px); height: var(--ais-qr-size, 148px); }
    .stats { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin-top: calc(var(--_space) * 1.25); }
    @container (max-width: 560px) { .stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    .stats .stat { background: var(--_surface-alt); border-radius: var(--_radius-sm); padding: 0.75em 0.9em; }
    .milestone { margin-top: calc(var(--_space) * 1.25); display: grid; gap: 0.5em; }
    .track { height: 10px; border-radius: 99px; background: var(--_surface-alt); overflow: hidden; border: 1px solid var(--_border); }
    .track > div { height: 100%; background: linear-gradient(90deg, var(--_primary), color-mix(in srgb, var(--_primary) 55%, #ec4899)); border-radius: 99px; }
    .share { display: flex; flex-wrap: wrap; gap: 8px; }
    .intro { color: var(--_muted); }
  `];

  /** Qualified sign-ups per milestone (the partner's `referral.milestoneEvery`), for the progress bar. */
  @property({ type: Number, attribute: 'milestone-every' }) milestoneEvery = 10;

  @state() private data?: GetMyReferralsResponse;
  @state() private copied = false;

  protected async load(): Promise<void> {
    const seq = this.loadToken;
    await this.loadSettings();
    if (!this.feature('referrals')) return;
    try {
      const data = await this.client.referrals.me();
      if (seq !== this.loadToken) return;
      this.data = data;
      this.error = undefined;
    } catch (err) {
      if (seq === this.loadToken) this.error = this.fail(err);
    }
  }

  private async copy(): Promise<void> {
    const link = this.data?.shareLink;
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // Clipboard API is unavailable on plain http and in some frames: fall back to a selected input.
      const input = this.renderRoot.querySelector<HTMLInputElement>('#link');
      input?.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
    this.emit('ais-referral-copied', { shareLink: link, code: this.data?.code });
    setTimeout(() => (this.copied = false), 2000);
  }

  private async share(channel: Channel): Promise<void> {
    const link = this.data?.shareLink;
    if (!link) return;
    const text = this.t('shareText');
    const enc = encodeURIComponent;
    const urls: Record<Exclude<Channel, 'native'>, string> = {
      whatsapp: `https://wa.me/?text=${enc(`${text} ${link}`)}`,
      telegram: `https://t.me/share/url?url=${enc(link)}&text=${enc(text)}`,
      x: `https://twitter.com/intent/tweet?text=${enc(text)}&url=${enc(link)}`,
      email: `mailto:?subject=${enc(this.t('referralTitle'))}&body=${enc(`${text} ${link}`)}`,
    };
    if (channel === 'native') {
      try {
        await navigator.share({ title: this.t('referralTitle'), text, url: link });
      } catch {
        return; // the user closed the share sheet
      }
    } else {
      window.open(urls[channel], '_blank', 'noopener');
    }
    this.emit('ais-referral-shared', { channel, shareLink: link, code: this.data?.code });
  }

  private renderQr(link: string) {
    try {
      const qr = encodeQr(link);
      const n = qr.size + 8;
      return html`<figure class="qr" part="qr" style="margin:0"><svg viewBox="0 0 ${n} ${n}" role="img" aria-label=${this.t('qrLabel')} shape-rendering="crispEdges">
        ${svg`<rect width=${n} height=${n} fill="#fff"/><path d=${qrPath(qr)} fill="#111"/>`}</svg></figure>`;
    } catch {
      return nothing; // a link too long for a QR code just goes without one
    }
  }

  override render() {
    if (!this.feature('referrals')) return html`<div class="panel" part="base">${this.renderEmpty(this.t('featureDisabled'))}</div>`;
    if (this.error && !this.data) return html`<div class="panel" part="base">${this.renderError(this.error, () => void this.load())}</div>`;
    if (!this.data) return html`<div class="panel" part="base">${this.renderLoading()}</div>`;
    const d = this.data;
    const every = Math.max(1, this.milestoneEvery);
    const done = Math.max(0, every - d.nextMilestone.qualifiedNeeded);
    const canShare = typeof navigator.share === 'function';
    return html`<div class="panel" part="base">
      <div class="top">
        <div class="stack">
          <div class="stack" style="gap:.35em"><h2 part="title">${this.t('referralTitle')}</h2><p class="intro small">${this.t('referralIntro')}</p></div>
          <label class="field" for="link">${this.t('yourLink')}</label>
          <div class="link">
            <input id="link" readonly .value=${d.shareLink} part="link" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            <button class="primary" part="button button-primary copy" @click=${() => void this.copy()}>${icon(this.copied ? icCheck : icCopy, 16)} ${this.copied ? this.t('copied') : this.t('copy')}</button>
          </div>
          <span class="visually-hidden" role="status" aria-live="polite">${this.copied ? this.t('copied') : ''}</span>
          <div class="share" role="group" aria-label=${this.t('share')} part="share">
            ${canShare ? html`<button part="button share" @click=${() => void this.share('native')}>${icon(icShare, 16)} ${this.t('share')}</button>` : nothing}
            <button part="button share" @click=${() => void this.share('whatsapp')}>WhatsApp</button>
            <button part="button share" @click=${() => void this.share('telegram')}>Telegram</button>
            <button part="button share" @click=${() => void this.share('x')}>X</button>
            <button part="button share" @click=${() => void this.share('email')}>${this.t('shareEmail')}</button>
          </div>
          <span class="muted small">${this.t('yourCode', { code: d.code })}</span>
        </div>
        ${this.renderQr(d.shareLink)}
      </div>
      <div class="stats" part="stats">
        ${this.stat('signups', d.signups)} ${this.stat('qualified', d.qualifiedSignups)} ${this.stat('pending', d.pendingReview)} ${this.stat('earned', d.creditsEarned)}
      </div>
      <div class="milestone" part="milestone">
        <div class="row" style="justify-content:space-between"><span class="small" style="font-weight:600">${icon(icGift, 16)} ${this.t('nextMilestone', { n: d.nextMilestone.qualifiedNeeded, reward: formatNumber(d.nextMilestone.reward, this.loc) })}</span>
          <span class="muted small">${done}/${every}</span></div>
        <div class="track" role="progressbar" aria-valuemin="0" aria-valuemax=${every} aria-valuenow=${done} aria-label=${this.t('qualified')}><div style="width:${(done / every) * 100}%"></div></div>
      </div>
    </div>`;
  }

  private stat(key: 'signups' | 'qualified' | 'pending' | 'earned', value: number) {
    return html`<div class="stat"><span class="label">${this.t(key)}</span><span class="value">${formatNumber(value, this.loc)}</span></div>`;
  }
}

addEnglish(enMore);
addEnglish(enReferral);
useResources({ referrals: Referrals });
define('ais-referral', AisReferral);

declare global {
  interface HTMLElementTagNameMap { 'ais-referral': AisReferral }
}
