import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../../sdk/src/types.js';
import { AisElement, define } from '../shared/base.js';
import type { WidgetError } from '../shared/format.js';
import { formatDate, relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icClose } from '../shared/icons/close.js';
import { icCopy } from '../shared/icons/copy.js';
import { icPlus } from '../shared/icons/plus.js';
import { icRefresh } from '../shared/icons/refresh.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

/** The event types an endpoint may subscribe to (the API answers 400 for others). */
const EVENT_TYPES = [
  'generation.succeeded', 'generation.failed', 'credits.purchased', 'credits.granted', 'credits.refunded', 'referral.held', 'referral.rewarded',
  'post.published', 'post.moderated', 'remix.rewarded', 'user.erased',
];
interface Draft { url: string; description: string; all: boolean; events: string[] }
const EMPTY: Draft = { url: '', description: '', all: true, events: [] };

/**
 * Outbound webhooks: the partner's endpoints, a form to add one (its signing secret is shown once, right after),
 * secret rotation, a test event, and each endpoint's deliveries with redelivery.
 */
export class AisAdminWebhooks extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @state() private items?: WebhookEndpoint[];
  @state() private draft: Draft = { ...EMPTY };
  /** The secret just created or rotated, for the endpoint it belongs to; never kept beyond this view. */
  @state() private secret?: { id: string; value: string };
  @state() private open?: string;
  @state() private deliveries: WebhookDelivery[] = [];
  @state() private actionError?: WidgetError;
  @state() private busy = '';

  protected async load(): Promise<void> {
    try {
      this.items = (await this.client.admin.webhooks.list()).items;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private async run(key: string, fn: () => Promise<void>): Promise<void> {
    this.busy = key;
    this.actionError = undefined;
    try {
      await fn();
    } catch (err) {
      this.actionError = this.fail(err);
    } finally {
      this.busy = '';
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    await this.run('create', async () => {
      const r = await this.client.admin.webhooks.create({ url: d.url.trim(), events: d.all ? ['*'] : d.events, description: d.description.trim() || undefined });
      this.secret = { id: r.id, value: r.secret };
      this.draft = { ...EMPTY };
      this.emit('ais-admin-saved', { section: 'webhooks', action: 'create', id: r.id });
      await this.load();
    });
  }

  private async showDeliveries(id: string): Promise<void> {
    if (this.open === id) { this.open = undefined; return; }
    await this.run(`d:${id}`, async () => {
      this.deliveries = (await this.client.admin.webhooks.deliveries(id, { limit: 50 })).items;
      this.open = id;
    });
  }

  private toggle(ev: string, on: boolean) {
    const events = on ? [...new Set([...this.draft.events, ev])] : this.draft.events.filter((x) => x !== ev);
    this.draft = { ...this.draft, events };
  }

  override render() {
    if (this.error && !this.items) return this.renderError(this.error, () => void this.load());
    if (!this.items) return this.renderLoading();
    return html`<div class="stack">
      ${this.renderInlineError(this.actionError)}
      ${this.secret ? html`<div class="section" role="status" part="alert"><p>${this.t('webhookSecretOnce')}</p>
        <div class="row"><code style="word-break:break-all">${this.secret.value}</code>
        <button class="ghost" aria-label=${this.t('copy')} @click=${() => void navigator.clipboard?.writeText(this.secret!.value)}>${icon(icCopy, 15)}</button>
        <button class="ghost" aria-label=${this.t('close')} @click=${() => (this.secret = undefined)}>${icon(icClose, 15)}</button></div></div>` : nothing}
      ${this.items.length === 0 ? html`<p class="muted">${this.t('webhookNone')}</p>` : html`<table part="table">
        <thead><tr><th scope="col">${this.t('webhookUrl')}</th><th scope="col">${this.t('webhookEvents')}</th><th scope="col">${this.t('webhookStatus')}</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.items.map((w) => this.renderEndpoint(w))}</tbody></table>`}
      ${this.renderForm()}
    </div>`;
  }

  private renderEndpoint(w: WebhookEndpoint) {
    const busy = this.busy !== '';
    return html`<tr>
      <td><code class="small" style="word-break:break-all">${w.url}</code>${w.description ? html`<div class="muted small">${w.description}</div>` : nothing}
        <div class="muted small">${formatDate(w.createdAt, this.loc)}</div></td>
      <td class="small">${w.events.join(', ')}</td>
      <td><span class="badge ${w.enabled ? 'success' : 'warning'}">${w.enabled ? this.t('active') : this.t('inactive')}</span>
        ${w.disabledReason ? html`<div class="muted small">${w.disabledReason}</div>` : nothing}</td>
      <td><div class="list-actions">
        <button ?disabled=${busy} @click=${() => void this.run(`t:${w.id}`, async () => { await this.client.admin.webhooks.test(w.id); if (this.open === w.id) { this.open = undefined; await this.showDeliveries(w.id); } })}>${this.t('webhookSendTest')}</button>
        <button ?disabled=${busy} @click=${() => void this.showDeliveries(w.id)} aria-expanded=${this.open === w.id}>${this.t('webhookDeliveries')}</button>
        <button ?disabled=${busy} @click=${() => void this.run(`r:${w.id}`, async () => { const r = await this.client.admin.webhooks.rotateSecret(w.id); this.secret = { id: w.id, value: r.secret }; })}>${this.t('webhookRotate')}</button>
        <button ?disabled=${busy} @click=${() => void this.run(`e:${w.id}`, async () => { await this.client.admin.webhooks.update(w.id, { enabled: !w.enabled }); await this.load(); })}>${w.enabled ? this.t('webhookDisable') : this.t('webhookEnable')}</button>
        <button class="ghost danger" aria-label="${this.t('delete')} ${w.url}" ?disabled=${busy} @click=${() => void this.run(`x:${w.id}`, async () => { await this.client.admin.webhooks.delete(w.id); await this.load(); })}>${icon(icTrash, 15)}</button>
      </div></td></tr>
      ${this.open === w.id ? html`<tr><td colspan="4">${this.renderDeliveries(w)}</td></tr>` : nothing}`;
  }

  private renderDeliveries(w: WebhookEndpoint) {
    if (!this.deliveries.length) return html`<p class="muted">${this.t('webhookNoDeliveries')}</p>`;
    return html`<table part="table" aria-label=${this.t('webhookDeliveries')}>
      <thead><tr><th scope="col">${this.t('webhookEvents')}</th><th scope="col">${this.t('webhookStatus')}</th><th scope="col" class="num">HTTP</th>
        <th scope="col" class="num">#</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${this.deliveries.map((d) => html`<tr>
        <td><div>${d.type}</div><div class="muted small">${relativeTime(d.createdAt, this.loc)}</div></td>
        <td><span class="badge ${d.status === 'succeeded' ? 'success' : d.status === 'failed' ? 'danger' : 'warning'}">${d.status}</span>
          ${d.nextAttemptAt && d.status === 'pending' ? html`<div class="muted small">${formatDate(d.nextAttemptAt, this.loc)}</div>` : nothing}</td>
        <td class="num">${d.responseStatus ?? '—'}</td><td class="num">${d.attempt}</td>
        <td><button ?disabled=${this.busy !== '' || d.status === 'pending'} @click=${() => void this.run(`rd:${d.id}`, async () => {
          await this.client.admin.webhooks.redeliver(w.id, d.id);
          this.deliveries = (await this.client.admin.webhooks.deliveries(w.id, { limit: 50 })).items;
        })}>${icon(icRefresh, 15)} ${this.t('webhookRedeliver')}</button></td></tr>`)}</tbody></table>`;
  }

  private renderForm() {
    const d = this.draft;
    return html`<form class="stack" @submit=${this.create} part="add-webhook">
      <fieldset class="section"><legend>${this.t('add')}</legend>
        <div class="form-grid">
          <label class="field">${this.t('webhookUrl')}<input type="url" required placeholder="https://" .value=${d.url}
            @input=${(e: Event) => (this.draft = { ...d, url: (e.target as HTMLInputElement).value })} /></label>
          <label class="field">${this.t('webhookDescription')}<input maxlength="500" .value=${d.description}
            @input=${(e: Event) => (this.draft = { ...d, description: (e.target as HTMLInputElement).value })} /></label>
        </div>
        <fieldset class="section"><legend>${this.t('webhookEvents')}</legend>
          <label><input type="checkbox" .checked=${d.all} @change=${(e: Event) => (this.draft = { ...d, all: (e.target as HTMLInputElement).checked })} /> ${this.t('webhookAllEvents')}</label>
          ${d.all ? nothing : html`<div class="form-grid">${EVENT_TYPES.map((ev) => html`<label class="small"><input type="checkbox" .checked=${d.events.includes(ev)}
            @change=${(e: Event) => this.toggle(ev, (e.target as HTMLInputElement).checked)} /> <code>${ev}</code></label>`)}</div>`}
        </fieldset>
        <div><button type="submit" class="primary" ?disabled=${this.busy !== '' || !d.url || (!d.all && !d.events.length)}>${icon(icPlus, 16)} ${this.t('add')}</button></div>
      </fieldset>
    </form>`;
  }
}

define('ais-admin-webhooks', AisAdminWebhooks);
