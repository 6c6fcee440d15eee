import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminGetUserResponse, AdminUser } from '../../../sdk/src/types.js';
import { AisElement, define } from '../shared/base.js';
import { formatNumber, type WidgetError } from '../shared/format.js';
import { formatDate, relativeTime } from '../shared/format-extra.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

/**
 * Support tools: look users up (sub, name, email, referral code), open one (balance, debt, monthly use, ledger,
 * orders, images, posts, referrals), adjust its balance with a note, suspend or lift a suspension. What a role may not
 * do answers 403, shown inline next to the action.
 */
export class AisAdminUsers extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @state() private query = '';
  @state() private items: AdminUser[] = [];
  @state() private cursor?: string | null;
  @state() private loading = false;
  @state() private detail?: AdminGetUserResponse;
  @state() private ledgerCursor?: string | null;
  @state() private credits = '';
  @state() private note = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private actionError?: WidgetError;

  protected async load(): Promise<void> {
    this.items = [];
    this.cursor = undefined;
    await this.more();
  }

  private async more(): Promise<void> {
    this.loading = true;
    try {
      const page = await this.client.admin.users.search({ query: this.query.trim() || undefined, limit: 20, cursor: this.cursor ?? undefined });
      this.items = [...this.items, ...page.items];
      this.cursor = page.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private async open(id: string, ledgerCursor?: string): Promise<void> {
    this.loading = true;
    try {
      const d = await this.client.admin.users.get(id, { ledgerLimit: 20, ledgerCursor });
      this.detail = ledgerCursor && this.detail ? { ...d, ledger: { ...d.ledger, items: [...this.detail.ledger.items, ...d.ledger.items] } } : d;
      this.ledgerCursor = d.ledger.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private needNote(): boolean {
    if (this.note.trim()) return false;
    this.message = this.t('userNoteRequired');
    return true;
  }

  private async run(what: 'adjust' | 'suspend' | 'unsuspend'): Promise<void> {
    const d = this.detail;
    if (!d || this.needNote()) return;
    this.busy = true;
    this.actionError = undefined;
    this.message = '';
    try {
      const id = d.user.id;
      const note = this.note.trim();
      if (what === 'adjust') {
        const r = await this.client.admin.users.adjust(id, { credits: Number(this.credits), note });
        this.message = this.t('userAdjusted', { n: formatNumber(r.balance, this.loc, 3) });
        this.credits = '';
      } else if (what === 'suspend') await this.client.admin.users.suspend(id, { note });
      else await this.client.admin.users.unsuspend(id, { note });
      this.emit('ais-user-changed', { userId: id, action: what });
      this.note = '';
      await this.open(id);
    } catch (err) {
      this.actionError = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return this.detail ? this.renderDetail(this.detail) : this.renderSearch();
  }

  private renderSearch() {
    return html`
      <form class="toolbar" role="search" @submit=${(e: Event) => { e.preventDefault(); void this.load(); }}>
        <label class="field" style="flex:1 1 260px">${this.t('usersSearch')}
          <input type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
        <button class="primary" part="button button-primary" type="submit">${this.t('usersSearchButton')}</button>
      </form>
      ${this.error ? this.renderError(this.error, () => void this.load()) : nothing}
      ${this.loading && !this.items.length ? this.renderLoading() : nothing}
      ${!this.loading && !this.error && !this.items.length ? this.renderEmpty(this.t('usersEmpty')) : nothing}
      ${this.items.length ? html`<table part="table"><tbody>${this.items.map((u) => html`<tr>
        <td><button class="link" @click=${() => void this.open(u.id)}>${u.name || u.sub}</button>
          ${u.suspended ? html` <span class="badge danger">${this.t('userSuspended')}</span>` : nothing}
          <div class="muted small"><code>${u.sub}</code>${u.email ? ` · ${u.email}` : ''}</div></td>
        <td class="small"><code>${u.referralCode}</code></td>
        <td class="muted small">${this.t('userSince', { date: formatDate(u.createdAt, this.loc) })}</td>
      </tr>`)}</tbody></table>` : nothing}
      ${this.cursor ? html`<div class="row" style="justify-content:center"><button @click=${() => void this.more()} ?disabled=${this.loading}>${this.t('loadMore')}</button></div>` : nothing}`;
  }

  private renderDetail(d: AdminGetUserResponse) {
    const n = (x: number) => formatNumber(x, this.loc, 3);
    const u = d.user;
    const kpis: Array<[string, string]> = [[this.t('userBalance'), n(d.balance)], [this.t('userMonthly'), n(d.monthlyUsed)]];
    if (d.debt !== null && d.debt !== undefined) kpis.push([this.t('userDebt'), n(d.debt)]);
    const list = <T>(title: string, rows: T[], cell: (r: T) => unknown) => html`<section class="stack" style="gap:.4em">
      <h3>${title}</h3>${rows.length ? html`<table part="table"><tbody>${rows.map((r) => html`<tr>${cell(r)}</tr>`)}</tbody></table>`
        : html`<p class="muted small">${this.t('userNothing')}</p>`}</section>`;
    return html`<div class="stack">
      <div class="row"><button @click=${() => { this.detail = undefined; this.message = ''; this.actionError = undefined; }}>← ${this.t('usersBack')}</button></div>
      ${this.error ? this.renderError(this.error, () => void this.open(u.id)) : nothing}
      <div><h3>${u.name || u.sub} ${u.suspended ? html`<span class="badge danger">${this.t('userSuspended')}</span>` : nothing}</h3>
        <div class="muted small"><code>${u.sub}</code>${u.email ? ` · ${u.email}` : ''} · ${this.t('userSince', { date: formatDate(u.createdAt, this.loc) })}</div>
        ${u.suspended ? html`<p class="small">${this.t('userSuspendedNote', { when: relativeTime(u.suspended.suspendedAt, this.loc, undefined, this.strings), note: u.suspended.note })}</p>` : nothing}
      </div>
      <div class="kpis" part="kpis">${kpis.map(([label, value]) => html`<div class="kpi stat"><span class="label">${label}</span><span class="value">${value}</span></div>`)}</div>
      <section class="stack" style="gap:.5em" part="card">
        <h3>${this.t('userAdjust')}</h3>
        <div class="row">
          <label class="field">${this.t('userAdjustCredits')}<input type="number" step="0.001" .value=${this.credits}
            @input=${(e: Event) => (this.credits = (e.target as HTMLInputElement).value)} /></label>
          <label class="field" style="flex:1 1 220px">${this.t('note')}<input .value=${this.note} maxlength="500"
            @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} /></label>
        </div>
        <div class="row">
          <button class="primary" part="button button-primary" ?disabled=${this.busy || !Number(this.credits)} @click=${() => void this.run('adjust')}>${this.t('userAdjustApply')}</button>
          ${u.suspended
            ? html`<button ?disabled=${this.busy} @click=${() => void this.run('unsuspend')}>${this.t('userUnsuspend')}</button>`
            : html`<button class="danger" ?disabled=${this.busy} @click=${() => void this.run('suspend')}>${this.t('userSuspend')}</button>`}
        </div>
        ${this.message ? html`<p class="small" role="status">${this.message}</p>` : nothing}
        ${this.renderInlineError(this.actionError)}
      </section>
      ${list(this.t('userLedger'), d.ledger.items, (e) => html`<td class="small">${e.reason}${e.note ? html` <span class="muted">— ${e.note}</span>` : nothing}</td>
        <td class="num">${e.delta > 0 ? '+' : ''}${n(e.delta)}</td><td class="num muted">${n(e.balanceAfter)}</td>
        <td class="muted small">${relativeTime(e.createdAt, this.loc, undefined, this.strings)}</td>`)}
      ${this.ledgerCursor ? html`<div class="row"><button @click=${() => void this.open(u.id, this.ledgerCursor ?? undefined)} ?disabled=${this.loading}>${this.t('loadMore')}</button></div>` : nothing}
      ${list(this.t('userOrders'), d.orders, (o) => html`<td><code class="small">${o.orderId}</code></td><td>${o.status}</td><td class="num">${n(o.credits)}</td>
        <td class="muted small">${relativeTime(o.createdAt, this.loc, undefined, this.strings)}</td>`)}
      ${list(this.t('userJobs'), d.jobs, (j) => html`<td><code class="small">${j.jobId}</code></td><td>${j.status}${j.errorCode ? ` (${j.errorCode})` : ''}</td>
        <td class="num">${n(j.cost)}</td><td class="muted small">${relativeTime(j.createdAt, this.loc, undefined, this.strings)}</td>`)}
      ${list(this.t('userPosts'), d.posts, (p) => html`<td>${p.title}</td><td>${p.status}${p.hiddenReason ? ` (${p.hiddenReason})` : ''}</td>
        <td class="muted small">${relativeTime(p.createdAt, this.loc, undefined, this.strings)}</td>`)}
      <section class="stack" style="gap:.4em"><h3>${this.t('userReferrals')}</h3>
        <p class="small">${this.t('userReferralCode', { code: d.referrals.code })}${d.referrals.referredBy ? ` · ${this.t('userReferredBy', { name: d.referrals.referredBy })}` : ''}
          ${d.referrals.holds ? html` · <span class="badge warning">${this.t('userHolds', { n: d.referrals.holds })}</span>` : nothing}</p>
      </section>
    </div>`;
  }
}

define('ais-admin-users', AisAdminUsers);
