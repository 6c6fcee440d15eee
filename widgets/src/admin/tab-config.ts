import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AisElement, define } from '../shared/base.js';
import { formatDate, humanizeKey, type WidgetError } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { baseStyles } from '../shared/styles.js';
import { adminStyles } from './admin-styles.js';
import { setPath } from './paths.js';

interface ConfigView { version: number; config: Record<string, unknown>; updatedAt?: string; updatedBy?: string }
interface HistoryItem { version: number; createdAt: string; createdBy?: string; note?: string; changed?: string[] }

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The partner configuration as a form generated from the config itself (sections per top-level key; numbers,
 * switches and text fields; lists as JSON), saved as a partial patch with the version it was based on.
 */
export class AisAdminConfig extends AisElement {
  static override styles = [baseStyles, adminStyles];

  @state() private view?: ConfigView;
  @state() private patch: Record<string, unknown> = {};
  @state() private jsonErrors: Record<string, boolean> = {};
  @state() private note = '';
  @state() private saving = false;
  @state() private saveError?: WidgetError;
  @state() private savedVersion?: number;
  @state() private history: HistoryItem[] = [];

  protected async load(): Promise<void> {
    try {
      this.view = (await this.client.admin.config.get()) as unknown as ConfigView;
      this.patch = {};
      this.error = undefined;
      const h = await this.client.admin.config.history({ limit: 8 });
      this.history = h.items as unknown as HistoryItem[];
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private change(path: string[], value: unknown): void {
    this.patch = setPath(this.patch, path, value);
    this.savedVersion = undefined;
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.view || this.saving || Object.values(this.jsonErrors).some(Boolean)) return;
    this.saving = true;
    this.saveError = undefined;
    try {
      const saved = (await this.client.admin.config.update({ config: this.patch, note: this.note || undefined, expectedVersion: this.view.version })) as unknown as ConfigView;
      this.savedVersion = saved.version;
      this.emit('ais-admin-saved', { section: 'config', version: saved.version, changed: Object.keys(this.patch) });
      this.note = '';
      await this.load();
    } catch (err) {
      this.saveError = this.fail(err);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    if (this.error && !this.view) return this.renderError(this.error, () => void this.load());
    if (!this.view) return this.renderLoading();
    const v = this.view;
    const dirty = Object.keys(this.patch).length > 0;
    return html`<form @submit=${this.save} class="stack" part="config-form">
      <div class="row"><span class="badge">${this.t('configVersion', { v: v.version })}</span>
        ${v.updatedAt ? html`<span class="muted small">${formatDate(v.updatedAt, this.loc)}${v.updatedBy ? ` · ${v.updatedBy}` : ''}</span>` : nothing}</div>
      ${Object.entries(v.config).map(([k, val]) => html`<fieldset class="section"><legend>${humanizeKey(k)}</legend>${this.renderValue([k], val, 0)}</fieldset>`)}
      <div class="sticky-actions">
        <label class="visually-hidden" for="cfg-note">${this.t('note')}</label>
        <input id="cfg-note" placeholder=${this.t('note')} style="flex:1;width:auto" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} />
        <button type="button" ?disabled=${!dirty} @click=${() => void this.load()}>${this.t('cancel')}</button>
        <button type="submit" class="primary" ?disabled=${!dirty || this.saving}>${this.t('save')}</button>
      </div>
      ${this.renderInlineError(this.saveError)}
      ${this.savedVersion ? html`<div class="inline-alert success" role="status">${icon('check', 18)} ${this.t('configSaved', { v: this.savedVersion })}</div>` : nothing}
      ${this.history.length ? html`<section class="stack"><h3>${this.t('historyTitle')}</h3><table>
        <tbody>${this.history.map((h) => html`<tr><td><span class="badge">v${h.version}</span></td><td class="small">${formatDate(h.createdAt, this.loc)}${h.createdBy ? ` · ${h.createdBy}` : ''}</td>
          <td class="small">${h.note ?? ''}</td><td class="small muted">${(h.changed ?? []).join(', ')}</td></tr>`)}</tbody></table></section>` : nothing}
    </form>`;
  }

  private current(path: string[], original: unknown): unknown {
    let p: unknown = this.patch;
    for (const k of path) {
      if (!isPlain(p) || !(k in p)) return original;
      p = p[k];
    }
    return p;
  }

  private renderValue(path: string[], value: unknown, depth: number): TemplateResult {
    if (isPlain(value) && depth < 3) {
      const leaves = Object.entries(value).filter(([, x]) => !isPlain(x));
      const groups = Object.entries(value).filter(([, x]) => isPlain(x));
      return html`${leaves.length ? html`<div class="form-grid">${leaves.map(([k, x]) => this.renderLeaf([...path, k], x))}</div>` : nothing}
        ${groups.map(([k, x]) => html`<fieldset class="section"><legend>${humanizeKey(k)}</legend>${this.renderValue([...path, k], x, depth + 1)}</fieldset>`)}`;
    }
    return this.renderLeaf(path, value);
  }

  private renderLeaf(path: string[], original: unknown): TemplateResult {
    const id = `cfg-${path.join('-')}`;
    const label = humanizeKey(path[path.length - 1]!);
    const value = this.current(path, original);
    const changed = value !== original;
    const style = changed ? 'border-color:var(--_primary)' : '';
    if (typeof original === 'boolean') {
      return html`<label class="check"><input type="checkbox" .checked=${!!value} @change=${(e: Event) => this.change(path, (e.target as HTMLInputElement).checked)} /> ${label}</label>`;
    }
    if (typeof original === 'number' || (original === null && /cap|limit|max|min/i.test(label))) {
      return html`<label class="field" for=${id}>${label}<input id=${id} type="number" step="any" style=${style} .value=${value === null ? '' : String(value)}
        @input=${(e: Event) => { const s = (e.target as HTMLInputElement).value; this.change(path, s === '' ? null : Number(s)); }} /></label>`;
    }
    if (typeof original === 'string' || original === null || original === undefined) {
      return html`<label class="field" for=${id}>${label}<input id=${id} style=${style} .value=${(value as string | null) ?? ''}
        @input=${(e: Event) => this.change(path, (e.target as HTMLInputElement).value)} /></label>`;
    }
    const key = path.join('.');
    return html`<label class="field" for=${id} style="grid-column:1/-1">${label}
      <textarea id=${id} class="json" rows=${Math.min(10, JSON.stringify(value, null, 1).split('\n').length)} style=${style}
        .value=${JSON.stringify(original, null, 2)} aria-invalid=${!!this.jsonErrors[key]}
        @input=${(e: Event) => {
          try {
            this.change(path, JSON.parse((e.target as HTMLTextAreaElement).value));
            this.jsonErrors = { ...this.jsonErrors, [key]: false };
          } catch {
            this.jsonErrors = { ...this.jsonErrors, [key]: true };
          }
        }}></textarea>
      ${this.jsonErrors[key] ? html`<span class="hint" style="color:var(--_danger)">${this.t('invalidJson')}</span>` : nothing}</label>`;
  }
}

define('ais-admin-config', AisAdminConfig);
