import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ReferralReview } from '../../../sdk/src/types.js';
import { AisElement, define } from '../shared/base.js';
import { formatNumber } from '../shared/format.js';
import { relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icAlert } from '../shared/icons/alert.js';
import { icCheck } from '../shared/icons/check.js';
import { icClose } from '../shared/icons/close.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

/** The API's statuses: `held` waits for a decision, `paid` was approved (or never held), `rejected` was refused. */
type Status = 'held' | 'paid' | 'rejected';
interface User { id: string; name?: string }
/** A held award as the API lists it. */
type Review = ReferralReview;

/** Referrals held by the fraud checks (self-referral, shared device/IP, velocity), to approve or reject. */
export class AisAdminReferrals extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @state() private status: Status = 'held';
  @state() private items: Review[] = [];
  @state() private cursor?: string | null;
  @state() private loading = false;
  @state() private busy = '';

  protected async load(): Promise<void> {
    this.items = [];
    this.cursor = undefined;
    await this.more();
  }

  private async more(): Promise<void> {
    this.loading = true;
    try {
      const page = await this.client.admin.referralReviews.list({ status: this.status, limit: 50, cursor: this.cursor ?? undefined });
      this.items = [...this.items, ...page.items];
      this.cursor = page.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private async act(r: Review, action: 'approve' | 'reject'): Promise<void> {
    this.busy = r.id;
    try {
      const res = await this.client.admin.referralReviews.act({ id: r.id, action });
      this.emit('ais-referral-reviewed', { id: r.id, action, status: res.item.status, credits: r.credits });
      this.items = this.items.filter((i) => i.id !== r.id);
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.busy = '';
    }
  }

  private who(u: User | undefined) {
    return html`<div style="font-weight:600">${u?.name ?? u?.id ?? '—'}</div>${u?.name ? html`<code class="small">${u.id}</code>` : nothing}`;
  }

  override render() {
    return html`
      <div class="toolbar"><div class="chips" role="group" aria-label=${this.t('statusLabel')}>
        ${(['held', 'paid', 'rejected'] as const).map((s) => html`<button class="chip" aria-pressed=${this.status === s}
          @click=${() => { this.status = s; void this.load(); }}>${this.t(s === 'held' ? 'pending' : s === 'paid' ? 'statusPaid' : 'statusRejected')}</button>`)}
      </div></div>
      ${this.error ? this.renderError(this.error, () => void this.load()) : nothing}
      ${this.loading && !this.items.length ? this.renderLoading() : nothing}
      ${!this.loading && !this.error && !this.items.length ? this.renderEmpty(this.t('reviewEmpty')) : nothing}
      ${this.items.length ? html`<table part="table">
        <thead><tr><th scope="col">${this.t('referrer')}</th><th scope="col">${this.t('referee')}</th><th scope="col">${this.t('reason')}</th>
          <th scope="col" class="num">${this.t('earned')}</th><th scope="col"><span class="visually-hidden">${this.t('actionsLabel')}</span></th></tr></thead>
        <tbody>${this.items.map((r) => html`<tr>
          <td>${this.who(r.referrer)}${r.anomaly?.flagged ? html`<div><span class="badge danger" title="${r.anomaly.inactiveReferees}/${r.anomaly.referees}">${icon(icAlert, 12)} ${Math.round(r.anomaly.inactiveShare * 100)}% inactive</span></div>` : nothing}</td>
          <td>${this.who(r.referee)}<div class="muted small">${relativeTime(r.createdAt, this.loc, undefined, this.strings)}</div></td>
          <td>${r.type ? html`<div class="small">${r.type.replace(/_/g, ' ')}</div>` : nothing}<span class="badge warning">${r.holdReason ?? '—'}</span></td>
          <td class="num">${typeof r.credits === 'number' ? formatNumber(r.credits, this.loc) : '—'}</td>
          <td>${r.status === 'held' ? html`<div class="list-actions">
            <button ?disabled=${this.busy === r.id} @click=${() => void this.act(r, 'approve')}>${icon(icCheck, 15)} ${this.t('approve')}</button>
            <button class="danger" ?disabled=${this.busy === r.id} @click=${() => void this.act(r, 'reject')}>${icon(icClose, 15)} ${this.t('reject')}</button>
          </div>` : html`<span class="badge">${r.status}</span>`}</td></tr>`)}</tbody></table>` : nothing}
      ${this.cursor ? html`<div class="row" style="justify-content:center;margin-top:var(--_space)"><button @click=${() => void this.more()}>${this.t('loadMore')}</button></div>` : nothing}`;
  }
}

define('ais-admin-referrals', AisAdminReferrals);
