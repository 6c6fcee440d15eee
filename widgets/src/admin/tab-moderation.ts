import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Appeal, ModerationAction, Takedown } from '../../../sdk/src/types.js';
import { AisElement, define } from '../shared/base.js';
import type { WidgetError } from '../shared/format.js';
import { relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icCheck } from '../shared/icons/check.js';
import { icEye } from '../shared/icons/eye.js';
import { icEyeOff } from '../shared/icons/eye-off.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

/** What the queue shows of an item; tolerant of both the server's and the SDK's field names. */
interface Item {
  postId: string; title: string; status?: string; hidden?: boolean;
  previewThumbnailUrl?: string; thumbnailUrl?: string | null;
  author: { id: string; name?: string | null };
  openReports?: number; reportCount?: number;
  reasons: Array<{ reason: string; count: number } | string>;
  recentReports?: Array<{ reason: string; details?: string | null; createdAt: string }>;
  reports?: Array<{ reason: string; details?: string | null; createdAt: string }>;
  lastReportAt?: string; createdAt?: string;
}

/**
 * The moderation queue: reported posts with previews, reasons and hide/unhide/delete/dismiss actions; below it the
 * open appeals (uphold or reverse) and takedown requests (hide, delete or reject).
 */
export class AisAdminModeration extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @state() private items: Item[] = [];
  @state() private cursor?: string | null;
  @state() private loading = false;
  @state() private notes: Record<string, string> = {};
  @state() private busy = '';
  @state() private itemError: Record<string, WidgetError | undefined> = {};
  @state() private appeals: Appeal[] = [];
  @state() private takedowns: Takedown[] = [];

  protected async load(): Promise<void> {
    this.items = [];
    this.cursor = undefined;
    await Promise.all([this.more(), this.loadFollowUps()]);
  }

  private async loadFollowUps(): Promise<void> {
    try {
      const [a, t] = await Promise.all([this.client.admin.moderation.appeals({ limit: 50 }), this.client.admin.moderation.takedowns({ limit: 50 })]);
      this.appeals = a.items;
      this.takedowns = t.items;
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private async decide(key: string, call: () => Promise<unknown>, drop: () => void): Promise<void> {
    if (!this.notes[key]?.trim()) {
      this.itemError = { ...this.itemError, [key]: { kind: 'validation', code: 'validation_error', status: 400, detail: this.t('userNoteRequired') } as WidgetError };
      return;
    }
    this.busy = key;
    this.itemError = { ...this.itemError, [key]: undefined };
    try {
      await call();
      drop();
    } catch (err) {
      this.itemError = { ...this.itemError, [key]: this.fail(err) };
    } finally {
      this.busy = '';
    }
  }

  private async more(): Promise<void> {
    this.loading = true;
    try {
      const page = await this.client.admin.moderation.list({ limit: 20, cursor: this.cursor ?? undefined });
      this.items = [...this.items, ...(page.items as unknown as Item[])];
      this.cursor = page.nextCursor ?? null;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private async act(item: Item, action: ModerationAction): Promise<void> {
    this.busy = item.postId;
    this.itemError = { ...this.itemError, [item.postId]: undefined };
    try {
      const r = await this.client.admin.moderation.act({ postId: item.postId, action, note: this.notes[item.postId]?.trim() || action });
      this.emit('ais-moderated', { postId: item.postId, action, status: r.status });
      // Dismissed or deleted items leave the queue; hidden ones stay until their reports are closed.
      if (action === 'dismiss' || action === 'delete') this.items = this.items.filter((i) => i.postId !== item.postId);
      else this.items = this.items.map((i) => (i.postId === item.postId ? { ...i, status: String(r.status ?? (action === 'hide' ? 'hidden' : 'listed')), hidden: action === 'hide' } : i));
    } catch (err) {
      this.itemError = { ...this.itemError, [item.postId]: this.fail(err) };
    } finally {
      this.busy = '';
    }
  }

  override render() {
    return html`${this.renderQueue()}${this.renderAppeals()}${this.renderTakedowns()}`;
  }

  private renderQueue() {
    if (this.error && !this.items.length) return this.renderError(this.error, () => void this.load());
    if (this.loading && !this.items.length) return this.renderLoading();
    if (!this.items.length) return this.renderEmpty(this.t('queueEmpty'));
    return html`<div class="stack" role="list" part="queue">
      ${this.items.map((i) => this.renderItem(i))}
      ${this.cursor ? html`<div class="row" style="justify-content:center"><button @click=${() => void this.more()} ?disabled=${this.loading}>${this.t('loadMore')}</button></div>` : nothing}
    </div>`;
  }

  private noteInput(key: string) {
    return html`<label class="visually-hidden" for="note-${key}">${this.t('note')}</label>
      <input id="note-${key}" placeholder=${this.t('note')} style="flex:1 1 200px;width:auto" .value=${this.notes[key] ?? ''}
        @input=${(e: Event) => (this.notes = { ...this.notes, [key]: (e.target as HTMLInputElement).value })} />`;
  }

  private renderAppeals() {
    return html`<section class="stack" style="margin-top:var(--_space)" aria-labelledby="appeals-h"><h3 id="appeals-h">${this.t('appealsTitle')}</h3>
      ${!this.appeals.length ? html`<p class="muted small">${this.t('appealsEmpty')}</p>` : html`<div class="stack" role="list" part="queue">
      ${this.appeals.map((a) => html`<div class="mod-item" role="listitem" part="card">
        <img src=${a.post.previewThumbnailUrl} alt="" />
        <div class="stack" style="gap:.55em">
          <h4>${a.post.title}</h4>
          <span class="muted small">${this.t('by', { name: a.author.name || a.author.id })} · ${this.t('appealOf', { action: a.action })}${a.actionNote ? ` — ${a.actionNote}` : ''}</span>
          <p class="small" style="border-left:3px solid var(--_border);padding-left:.6em"><span class="muted">${this.t('appealAuthorSays')}:</span> “${a.message}”</p>
          <div class="row">${this.noteInput(a.appealId)}
            <button ?disabled=${this.busy === a.appealId} @click=${() => void this.decide(a.appealId,
              () => this.client.admin.moderation.decideAppeal(a.appealId, { decision: 'uphold', note: this.notes[a.appealId]!.trim() }),
              () => (this.appeals = this.appeals.filter((x) => x.appealId !== a.appealId)))}>${this.t('appealUphold')}</button>
            <button class="primary" ?disabled=${this.busy === a.appealId} @click=${() => void this.decide(a.appealId,
              () => this.client.admin.moderation.decideAppeal(a.appealId, { decision: 'reverse', note: this.notes[a.appealId]!.trim() }),
              () => (this.appeals = this.appeals.filter((x) => x.appealId !== a.appealId)))}>${this.t('appealReverse')}</button>
          </div>
          ${this.renderInlineError(this.itemError[a.appealId])}
        </div></div>`)}</div>`}
    </section>`;
  }

  private renderTakedowns() {
    const act = (t: Takedown, action: 'hide' | 'delete' | 'reject') => void this.decide(t.ticketId,
      () => this.client.admin.moderation.decideTakedown(t.ticketId, { action, note: this.notes[t.ticketId]!.trim() }),
      () => (this.takedowns = this.takedowns.filter((x) => x.ticketId !== t.ticketId)));
    return html`<section class="stack" style="margin-top:var(--_space)" aria-labelledby="takedowns-h"><h3 id="takedowns-h">${this.t('takedownsTitle')}</h3>
      ${!this.takedowns.length ? html`<p class="muted small">${this.t('takedownsEmpty')}</p>` : html`<div class="stack" role="list" part="queue">
      ${this.takedowns.map((t) => html`<div class="mod-item" role="listitem" part="card">
        ${t.post ? html`<img src=${t.post.previewThumbnailUrl} alt="" />` : html`<div></div>`}
        <div class="stack" style="gap:.55em">
          <h4>${t.post ? t.post.title : this.t('takedownNoPost', { url: t.url ?? '' })}</h4>
          <div class="row"><span class="badge danger">${this.reasonLabel(t.reason)}</span>
            <span class="muted small">${this.t('takedownContact', { email: t.contactEmail })} · ${relativeTime(t.createdAt, this.loc, undefined, this.strings)}</span></div>
          ${t.details ? html`<p class="small" style="border-left:3px solid var(--_border);padding-left:.6em">“${t.details}”</p>` : nothing}
          <div class="row">${this.noteInput(t.ticketId)}
            ${t.post ? html`<button ?disabled=${this.busy === t.ticketId} @click=${() => act(t, 'hide')}>${icon(icEyeOff, 15)} ${this.t('hide')}</button>
              <button class="danger" ?disabled=${this.busy === t.ticketId} @click=${() => act(t, 'delete')}>${icon(icTrash, 15)} ${this.t('delete')}</button>` : nothing}
            <button ?disabled=${this.busy === t.ticketId} @click=${() => act(t, 'reject')}>${this.t('takedownReject')}</button>
          </div>
          ${this.renderInlineError(this.itemError[t.ticketId])}
        </div></div>`)}</div>`}
    </section>`;
  }

  private renderItem(i: Item) {
    const thumb = i.previewThumbnailUrl ?? i.thumbnailUrl;
    const count = i.openReports ?? i.reportCount ?? 0;
    const hidden = i.status === 'hidden' || i.hidden;
    const reports = i.recentReports ?? i.reports ?? [];
    const busy = this.busy === i.postId;
    const noteId = `note-${i.postId}`;
    return html`<div class="mod-item" role="listitem" part="card" aria-labelledby="mt-${i.postId}">
      ${thumb ? html`<img src=${thumb} alt="" />` : html`<div class="thumb skeleton" style="width:120px;border-radius:var(--_radius-sm)"></div>`}
      <div class="stack" style="gap:.55em">
        <div class="row" style="justify-content:space-between">
          <h3 id="mt-${i.postId}">${i.title}</h3>
          <div class="row">${hidden ? html`<span class="badge warning">${this.t('statusHidden')}</span>` : nothing}<span class="badge danger">${this.t('reportsCount', { n: count })}</span></div>
        </div>
        <span class="muted small">${this.t('by', { name: i.author.name || i.author.id })}${i.lastReportAt ? ` · ${relativeTime(i.lastReportAt, this.loc, undefined, this.strings)}` : ''}</span>
        <div class="chips">${i.reasons.map((r) => typeof r === 'string'
          ? html`<span class="badge">${this.reasonLabel(r)}</span>`
          : html`<span class="badge">${this.reasonLabel(r.reason)} × ${r.count}</span>`)}</div>
        ${reports.filter((r) => r.details).slice(0, 3).map((r) => html`<p class="small" style="border-left:3px solid var(--_border);padding-left:.6em">“${r.details}” <span class="muted">— ${this.reasonLabel(r.reason)}</span></p>`)}
        <div class="row">
          <label class="visually-hidden" for=${noteId}>${this.t('note')}</label>
          <input id=${noteId} placeholder=${this.t('note')} style="flex:1 1 200px;width:auto" .value=${this.notes[i.postId] ?? ''}
            @input=${(e: Event) => (this.notes = { ...this.notes, [i.postId]: (e.target as HTMLInputElement).value })} />
          ${hidden
            ? html`<button ?disabled=${busy} @click=${() => void this.act(i, 'unhide')}>${icon(icEye, 15)} ${this.t('unhide')}</button>`
            : html`<button ?disabled=${busy} @click=${() => void this.act(i, 'hide')}>${icon(icEyeOff, 15)} ${this.t('hide')}</button>`}
          <button ?disabled=${busy} @click=${() => void this.act(i, 'dismiss')}>${icon(icCheck, 15)} ${this.t('dismiss')}</button>
          <button class="danger" ?disabled=${busy} @click=${() => void this.act(i, 'delete')}>${icon(icTrash, 15)} ${this.t('delete')}</button>
        </div>
        ${this.renderInlineError(this.itemError[i.postId])}
      </div>
    </div>`;
  }

  private reasonLabel(reason: string): string {
    const key = `reason_${reason}` as Parameters<AisElement['t']>[0];
    const text = this.t(key);
    return text === key ? reason : text;
  }
}

define('ais-admin-moderation', AisAdminModeration);
