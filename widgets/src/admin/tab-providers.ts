import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AisElement, define } from '../shared/base.js';
import type { WidgetError } from '../shared/format.js';
import { formatDate } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icPlus } from '../shared/icons/plus.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

interface KeyView { id: string; provider: string; purpose: string; alias: string; lastFour?: string; keyLast4?: string; endpoint?: string; model?: string; inUse?: string[]; createdAt?: string; rotatedAt?: string }
interface View {
  keys: KeyView[];
  selection?: { image: { active: string; fallback: string | null }; chat: { active: string } };
  kinds?: { provider: string; purposes: string[]; defaultEndpoint?: string; keyRequired: boolean }[];
}
interface Draft { provider: string; purpose: string; alias: string; apiKey: string; endpoint: string; model: string }

/** Provider keys (stored encrypted, shown by alias and last four), rotation, connection tests and the provider selection. */
export class AisAdminProviders extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @state() private view?: View;
  @state() private draft: Draft = { provider: 'openai', purpose: 'image', alias: '', apiKey: '', endpoint: '', model: '' };
  @state() private rotate: Record<string, string> = {};
  @state() private tests: Record<string, { ok: boolean; latencyMs?: number; error?: string | null } | 'running'> = {};
  @state() private actionError?: WidgetError;
  @state() private busy = false;

  protected async load(): Promise<void> {
    try {
      this.view = (await this.client.admin.providers.list()) as unknown as View;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private async change(body: Record<string, unknown>): Promise<boolean> {
    this.busy = true;
    this.actionError = undefined;
    try {
      this.view = (await this.client.admin.providers.set(body as never)) as unknown as View;
      this.emit('ais-admin-saved', { section: 'providers', action: body.action, id: body.id });
      return true;
    } catch (err) {
      this.actionError = this.fail(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    const ok = await this.change({ action: 'add', provider: d.provider, purpose: d.purpose, alias: d.alias, apiKey: d.apiKey, endpoint: d.endpoint || undefined, model: d.model || undefined });
    if (ok) this.draft = { ...d, alias: '', apiKey: '', endpoint: '', model: '' };
  }

  private async test(k: KeyView): Promise<void> {
    this.tests = { ...this.tests, [k.id]: 'running' };
    try {
      const r = await this.client.admin.providers.test({ id: k.id } as never);
      this.tests = { ...this.tests, [k.id]: r };
    } catch (err) {
      this.tests = { ...this.tests, [k.id]: { ok: false, error: this.fail(err).detail ?? 'error' } };
    }
  }

  override render() {
    if (this.error && !this.view) return this.renderError(this.error, () => void this.load());
    if (!this.view) return this.renderLoading();
    const v = this.view;
    const imageKeys = v.keys.filter((k) => k.purpose === 'image');
    const chatKeys = v.keys.filter((k) => k.purpose === 'chat');
    const sel = v.selection;
    return html`<div class="stack">
      ${this.renderInlineError(this.actionError)}
      ${sel ? html`<fieldset class="section"><legend>${this.t('provSelection')}</legend><div class="form-grid">
        ${this.select(this.t('provImage'), sel.image.active, this.opts(sel.image.active, ['default', 'local'], imageKeys), imageKeys, (x) => this.change({ action: 'select', image: { active: x, fallback: sel.image.fallback } }))}
        ${this.select(this.t('provFallback'), sel.image.fallback ?? '', this.opts(sel.image.fallback ?? '', ['', 'local'], imageKeys), imageKeys, (x) => this.change({ action: 'select', image: { active: sel.image.active, fallback: x || null } }))}
        ${this.select(this.t('provEnhancer'), sel.chat.active, this.opts(sel.chat.active, ['default', 'rules'], chatKeys), chatKeys, (x) => this.change({ action: 'select', chat: { active: x } }))}
      </div></fieldset>` : nothing}
      ${v.keys.length === 0 ? html`<p class="muted">${this.t('noKey')}</p>` : html`<table part="table">
        <thead><tr><th scope="col">${this.t('keyAlias')}</th><th scope="col">${this.t('provider')}</th><th scope="col">${this.t('apiKey')}</th><th scope="col">${this.t('rotateKey')}</th><th scope="col"><span class="visually-hidden">${this.t('actionsLabel')}</span></th></tr></thead>
        <tbody>${v.keys.map((k) => this.renderKey(k))}</tbody></table>`}
      <form class="stack" @submit=${this.add} part="add-key">
        <fieldset class="section"><legend>${this.t('add')}</legend>
          <div class="form-grid">
            <label class="field">${this.t('provider')}<select .value=${this.draft.provider} @change=${(e: Event) => (this.draft = { ...this.draft, provider: (e.target as HTMLSelectElement).value })}>
              ${(v.kinds?.map((k) => k.provider) ?? ['openai', 'stability', 'openai-compatible']).map((p) => html`<option value=${p} ?selected=${p === this.draft.provider}>${p}</option>`)}</select></label>
            <label class="field">${this.t('provPurpose')}<select .value=${this.draft.purpose} @change=${(e: Event) => (this.draft = { ...this.draft, purpose: (e.target as HTMLSelectElement).value })}>
              <option value="image">image</option><option value="chat">chat</option></select></label>
            <label class="field">${this.t('keyAlias')}<input required .value=${this.draft.alias} @input=${(e: Event) => (this.draft = { ...this.draft, alias: (e.target as HTMLInputElement).value })} /></label>
            <label class="field">${this.t('apiKey')}<input type="password" autocomplete="off" .value=${this.draft.apiKey} @input=${(e: Event) => (this.draft = { ...this.draft, apiKey: (e.target as HTMLInputElement).value })} />
              <span class="hint">${this.t('apiKeyHint')}</span></label>
            <label class="field">${this.t('endpoint')}<input type="url" placeholder=${v.kinds?.find((k) => k.provider === this.draft.provider)?.defaultEndpoint ?? 'https://'} .value=${this.draft.endpoint} @input=${(e: Event) => (this.draft = { ...this.draft, endpoint: (e.target as HTMLInputElement).value })} /></label>
            <label class="field">${this.t('model')}<input .value=${this.draft.model} @input=${(e: Event) => (this.draft = { ...this.draft, model: (e.target as HTMLInputElement).value })} /></label>
          </div>
          <div><button type="submit" class="primary" ?disabled=${this.busy || !this.draft.alias}>${icon(icPlus, 16)} ${this.t('add')}</button></div>
        </fieldset>
      </form>
    </div>`;
  }

  /** Built-in choices, then the keys, plus the current value if it is neither (so the select never lies). */
  private opts(current: string, builtIn: string[], keys: KeyView[]): string[] {
    const all = [...builtIn, ...keys.map((k) => k.id)];
    return all.includes(current) ? all : [current, ...all];
  }

  private select(label: string, value: string, options: string[], keys: KeyView[], onChange: (v: string) => void) {
    const name = (id: string) => (id === '' ? '—' : keys.find((k) => k.id === id)?.alias ?? id);
    return html`<label class="field">${label}<select .value=${value} ?disabled=${this.busy} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${name(o)}</option>`)}</select></label>`;
  }

  private renderKey(k: KeyView) {
    const test = this.tests[k.id];
    const last4 = k.lastFour ?? k.keyLast4;
    return html`<tr>
      <td><div style="font-weight:600">${k.alias}</div><div class="muted small">${(k.inUse ?? []).map((u) => html`<span class="badge success" style="margin-right:4px">${u}</span>`)}</div></td>
      <td>${k.provider}<div class="muted small">${k.purpose}${k.model ? ` · ${k.model}` : ''}</div></td>
      <td>${last4 ? html`<code>••••${last4}</code>` : html`<span class="muted">${this.t('noKey')}</span>`}
        <div class="muted small">${k.rotatedAt ? formatDate(k.rotatedAt, this.loc) : k.createdAt ? formatDate(k.createdAt, this.loc) : ''}</div></td>
      <td><div class="row" style="flex-wrap:nowrap">
        <input type="password" autocomplete="off" aria-label="${this.t('apiKey')} ${k.alias}" placeholder=${this.t('apiKey')} style="width:150px" .value=${this.rotate[k.id] ?? ''}
          @input=${(e: Event) => (this.rotate = { ...this.rotate, [k.id]: (e.target as HTMLInputElement).value })} />
        <button ?disabled=${this.busy || !this.rotate[k.id]} @click=${async () => { if (await this.change({ action: 'rotate', id: k.id, apiKey: this.rotate[k.id] })) this.rotate = { ...this.rotate, [k.id]: '' }; }}>${this.t('save')}</button>
      </div></td>
      <td><div class="list-actions">
        <button @click=${() => void this.test(k)} ?disabled=${test === 'running'}>${this.t('testProvider')}</button>
        <button class="ghost danger" aria-label="${this.t('delete')} ${k.alias}" ?disabled=${this.busy} @click=${() => void this.change({ action: 'remove', id: k.id })}>${icon(icTrash, 15)}</button>
      </div>
      ${test && test !== 'running' ? html`<div class="small ${test.ok ? 'pos' : 'neg'}" role="status">${test.ok ? this.t('testOk', { ms: test.latencyMs ?? 0 }) : this.t('testFailed', { error: test.error ?? '' })}</div>` : nothing}
      </td></tr>`;
  }
}

define('ais-admin-providers', AisAdminProviders);
