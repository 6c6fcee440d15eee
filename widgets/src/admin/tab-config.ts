import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AisElement, define } from '../shared/base.js';
import type { WidgetError } from '../shared/format.js';
import { formatDate } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icAlert } from '../shared/icons/alert.js';
import { icCheck } from '../shared/icons/check.js';
import { icPlus } from '../shared/icons/plus.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';
import { checkValue, SECTIONS, type FieldDef, type FieldKind, type RowColumn, type SectionDef } from './config-fields.js';
import { css } from 'lit';

type Obj = Record<string, unknown>;
interface ConfigView { version: number; config: Obj; updatedAt?: string; updatedBy?: string }
interface HistoryItem { version: number; createdAt: string; createdBy?: string; note?: string; changed?: string[] }

const isPlain = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (isPlain(x) ? x[k] : undefined), o);
function set(o: Obj, path: string, value: unknown): Obj {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  return { ...o, [head]: rest.length ? set(isPlain(o[head]) ? (o[head] as Obj) : {}, rest.join('.'), value) : value };
}
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** `2026-12-01T10:00:00.000Z` <-> the `datetime-local` input's `2026-12-01T10:00` (UTC, as the API stores it). */
const toInput = (iso: unknown) => (typeof iso === 'string' && iso ? iso.slice(0, 16) : '');
const fromInput = (v: string) => (v ? `${v}:00.000Z` : '');

/**
 * The partner configuration as a labelled form (config-fields.ts): prices, packs, tiers, rewards, caps, limits,
 * features and campaigns, with help text and each field's problem beside it (checked here first, then by the API,
 * whose `errors[].field` names the same paths). Saves only what changed, with the version it was based on.
 */
export class AisAdminConfig extends AisElement {
  static override styles = [fullBaseStyles, adminStyles, css`
    .help { color: var(--_muted); font-size: 0.85em; margin: 0; }
    .field-error { color: var(--_danger); font-size: 0.82em; font-weight: 500; }
    input[aria-invalid='true'] { border-color: var(--_danger); }
    table.rows { width: 100%; }
    table.rows td { vertical-align: top; padding: 4px; }
    table.rows input { min-width: 70px; }
    .changed { border-color: var(--_primary); }
  `];

  @state() private view?: ConfigView;
  @state() private draft: Obj = {};
  @state() private serverErrors: Record<string, string> = {};
  @state() private note = '';
  @state() private saving = false;
  @state() private saveError?: WidgetError;
  @state() private savedVersion?: number;
  @state() private history: HistoryItem[] = [];
  @state() private tried = false;

  protected async load(): Promise<void> {
    try {
      this.view = (await this.client.admin.config.get()) as unknown as ConfigView;
      this.draft = clone(this.view.config);
      this.serverErrors = {};
      this.tried = false;
      this.error = undefined;
      const h = await this.client.admin.config.history({ limit: 8 });
      this.history = h.items as unknown as HistoryItem[];
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private change(path: string, value: unknown): void {
    this.draft = set(this.draft, path, value);
    this.savedVersion = undefined;
    const { [path]: _gone, ...rest } = this.serverErrors;
    this.serverErrors = rest;
  }

  /** The changed top-level sections; maps merge key by key on the server, so a removed band is sent as null. */
  private patch(): Obj {
    const out: Obj = {};
    const orig = this.view?.config ?? {};
    for (const k of Object.keys(this.draft)) {
      if (same(this.draft[k], orig[k])) continue;
      out[k] = this.draft[k];
    }
    const bands = get(this.draft, 'pricing.bands');
    const oldBands = get(orig, 'pricing.bands');
    if (isPlain(out.pricing) && isPlain(bands) && isPlain(oldBands)) {
      const withRemovals: Obj = { ...bands };
      for (const b of Object.keys(oldBands)) if (!(b in bands)) withRemovals[b] = null;
      out.pricing = { ...(out.pricing as Obj), bands: withRemovals };
    }
    return out;
  }

  /** Every client-side problem, keyed by field path (`pricing.packs.1.credits`). */
  private problems(): Record<string, string> {
    const out: Record<string, string> = {};
    const note = (path: string, kind: FieldKind, v: unknown, min?: number, max?: number, optional?: boolean) => {
      const p = checkValue(kind, v, min, max, optional);
      if (p) out[path] = this.t(p.key, p.params);
    };
    for (const s of SECTIONS) {
      for (const f of s.fields ?? []) note(f.path, f.kind, get(this.draft, f.path), f.min, f.max, f.optional);
      if (s.rows) for (const [i, row] of this.rowsOf(s).entries()) for (const c of s.rows.columns) note(`${s.rows.path}.${i}.${c.key}`, c.kind, row[c.key], c.min, c.max, c.optional);
    }
    return out;
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    this.tried = true;
    if (!this.view || this.saving || Object.keys(this.problems()).length) return;
    this.saving = true;
    this.saveError = undefined;
    const patch = this.patch();
    try {
      const saved = (await this.client.admin.config.update({ config: patch, note: this.note || undefined, expectedVersion: this.view.version })) as unknown as ConfigView;
      this.savedVersion = saved.version;
      this.emit('ais-admin-saved', { section: 'config', version: saved.version, changed: Object.keys(patch) });
      this.note = '';
      await this.load();
      this.savedVersion = saved.version;
    } catch (err) {
      this.saveError = this.fail(err);
      const list = (err as { errors?: { field?: string; message: string }[] }).errors ?? [];
      this.serverErrors = Object.fromEntries(list.filter((x) => x.field).map((x) => [x.field!, x.message]));
    } finally {
      this.saving = false;
    }
  }

  override render() {
    if (this.error && !this.view) return this.renderError(this.error, () => void this.load());
    if (!this.view) return this.renderLoading();
    const v = this.view;
    const dirty = Object.keys(this.patch()).length > 0;
    const problems = this.tried ? this.problems() : {};
    return html`<form @submit=${this.save} class="stack" part="config-form" novalidate>
      <div class="row"><span class="badge">${this.t('configVersion', { v: v.version })}</span>
        ${v.updatedAt ? html`<span class="muted small">${formatDate(v.updatedAt, this.loc)}${v.updatedBy ? ` · ${v.updatedBy}` : ''}</span>` : nothing}</div>
      ${SECTIONS.map((s) => this.renderSection(s, problems))}
      ${this.tried && Object.keys(problems).length ? html`<div class="inline-alert" role="alert">${icon(icAlert, 18)} ${this.t('cfgFixErrors')}</div>` : nothing}
      <div class="sticky-actions">
        <label class="visually-hidden" for="cfg-note">${this.t('note')}</label>
        <input id="cfg-note" placeholder=${this.t('note')} style="flex:1;width:auto" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} />
        <button type="button" ?disabled=${!dirty} @click=${() => void this.load()}>${this.t('cancel')}</button>
        <button type="submit" class="primary" ?disabled=${!dirty || this.saving}>${this.t('save')}</button>
      </div>
      ${this.renderInlineError(this.saveError)}
      ${this.savedVersion ? html`<div class="inline-alert success" role="status">${icon(icCheck, 18)} ${this.t('configSaved', { v: this.savedVersion })}</div>` : nothing}
      ${this.history.length ? html`<section class="stack"><h3>${this.t('historyTitle')}</h3><table>
        <tbody>${this.history.map((h) => html`<tr><td><span class="badge">v${h.version}</span></td><td class="small">${formatDate(h.createdAt, this.loc)}${h.createdBy ? ` · ${h.createdBy}` : ''}</td>
          <td class="small">${h.note ?? ''}</td><td class="small muted">${(h.changed ?? []).join(', ')}</td></tr>`)}</tbody></table></section>` : nothing}
    </form>`;
  }

  private renderSection(s: SectionDef, problems: Record<string, string>): TemplateResult {
    const tierHead = (path: string) => /^tiers\.(\w+)\.label$/.exec(path)?.[1];
    return html`<fieldset class="section" part="config-section" data-section=${s.id}><legend>${this.t(s.title)}</legend>
      ${s.help ? html`<p class="help">${this.t(s.help)}</p>` : nothing}
      ${s.rows ? this.renderRows(s, problems) : nothing}
      ${s.fields ? html`<div class="form-grid">${s.fields.map((f) => html`${tierHead(f.path) ? html`<strong style="grid-column:1/-1">${String(get(this.view!.config, f.path) ?? tierHead(f.path))}</strong>` : nothing}${this.renderField(f, problems)}`)}</div>` : nothing}
    </fieldset>`;
  }

  private errorFor(path: string, problems: Record<string, string>): string | undefined {
    return problems[path] ?? this.serverErrors[path];
  }

  private renderField(f: FieldDef, problems: Record<string, string>): TemplateResult {
    const id = `cfg-${f.path.replace(/\./g, '-')}`;
    const value = get(this.draft, f.path);
    const changed = !same(value, get(this.view!.config, f.path));
    const err = this.errorFor(f.path, problems);
    const helpId = `${id}-help`;
    if (f.kind === 'bool') {
      return html`<label class="check" style="grid-column:1/-1"><input id=${id} type="checkbox" .checked=${value !== false}
        @change=${(e: Event) => this.change(f.path, (e.target as HTMLInputElement).checked)} /> ${this.t(f.label)}</label>`;
    }
    return html`<label class="field" for=${id}>${this.t(f.label)}
      ${this.input(id, f.kind, value, (v) => this.change(f.path, v), { changed, invalid: !!err, describedBy: helpId, min: f.min, max: f.max })}
      ${err ? html`<span class="field-error" id=${helpId} role="alert">${err}</span>` : f.help ? html`<span class="hint" id=${helpId}>${this.t(f.help)}</span>` : nothing}
    </label>`;
  }

  private input(id: string, kind: FieldKind, value: unknown, onChange: (v: unknown) => void,
    o: { changed?: boolean; invalid?: boolean; describedBy?: string; min?: number; max?: number; label?: string } = {}): TemplateResult {
    const cls = o.changed ? 'changed' : '';
    if (kind === 'text') {
      return html`<input id=${id} class=${cls} aria-label=${o.label ?? nothing} aria-invalid=${o.invalid ? 'true' : 'false'} aria-describedby=${o.describedBy ?? nothing}
        .value=${typeof value === 'string' ? value : ''} @input=${(e: Event) => onChange((e.target as HTMLInputElement).value)} />`;
    }
    if (kind === 'lines') {
      // A list of short texts, one per line (blocked terms); blank lines are dropped.
      return html`<textarea id=${id} rows="4" class=${cls} aria-label=${o.label ?? nothing} aria-invalid=${o.invalid ? 'true' : 'false'} aria-describedby=${o.describedBy ?? nothing}
        .value=${Array.isArray(value) ? value.join('\n') : ''}
        @input=${(e: Event) => onChange((e.target as HTMLTextAreaElement).value.split('\n').map((l) => l.trim()).filter(Boolean))}></textarea>`;
    }
    if (kind === 'datetime') {
      return html`<input id=${id} type="datetime-local" class=${cls} aria-label=${o.label ?? nothing} aria-invalid=${o.invalid ? 'true' : 'false'}
        .value=${toInput(value)} @input=${(e: Event) => onChange(fromInput((e.target as HTMLInputElement).value))} />`;
    }
    return html`<input id=${id} type="number" inputmode="decimal" step=${kind === 'int' ? '1' : 'any'} min=${o.min ?? nothing} max=${o.max ?? nothing} class=${cls}
      aria-label=${o.label ?? nothing} aria-invalid=${o.invalid ? 'true' : 'false'} aria-describedby=${o.describedBy ?? nothing}
      .value=${value === null || value === undefined ? '' : String(value)}
      @input=${(e: Event) => { const s = (e.target as HTMLInputElement).value; onChange(s === '' ? null : Number(s)); }} />`;
  }

  /** Rows of a list section; price bands (a name -> price map) are shown as rows too. */
  private rowsOf(s: SectionDef): Obj[] {
    const raw = get(this.draft, s.rows!.path);
    if (s.rows!.map) return Object.entries(isPlain(raw) ? raw : {}).map(([name, price]) => ({ name, price }));
    return Array.isArray(raw) ? (raw as Obj[]) : [];
  }

  private setRows(s: SectionDef, rows: Obj[]): void {
    if (s.rows!.map) this.change(s.rows!.path, Object.fromEntries(rows.map((r) => [String(r.name ?? ''), r.price])));
    else this.change(s.rows!.path, rows);
  }

  private renderRows(s: SectionDef, problems: Record<string, string>): TemplateResult {
    const rows = this.rowsOf(s);
    const cols = s.rows!.columns;
    const cell = (i: number, c: RowColumn, row: Obj) => {
      const path = `${s.rows!.path}.${i}.${c.key}`;
      const err = this.errorFor(s.rows!.map ? `${s.rows!.path}.${String(row.name)}` : path, problems) ?? problems[path];
      const value = c.key === 'grant' || c.key === 'tierDiscountPercent' ? row[c.key] ?? null : row[c.key];
      return html`<td>${this.input(`cfg-${s.id}-${i}-${c.key}`, c.kind, value, (v) => {
        const next = rows.map((r, j) => (j === i ? { ...r, [c.key]: v } : r));
        if (c.optional && (v === null || v === '')) delete next[i]![c.key];
        this.setRows(s, next);
      }, { invalid: !!err, label: `${this.t(c.label)} ${i + 1}`, min: c.min, max: c.max })}
        ${err ? html`<div class="field-error" role="alert">${err}</div>` : nothing}</td>`;
    };
    const blank = (): Obj => (s.id === 'campaigns'
      ? { id: '', name: '', startsAt: new Date().toISOString().slice(0, 16) + ':00.000Z', endsAt: new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 16) + ':00.000Z', grant: 1 }
      : s.id === 'packs' ? { id: '', credits: 10, discountPercent: 0 } : { name: '', price: 5 });
    return html`${rows.length === 0 ? nothing : html`<table class="rows" part="config-rows"><thead><tr>${cols.map((c) => html`<th scope="col">${this.t(c.label)}</th>`)}<th></th></tr></thead>
      <tbody>${rows.map((row, i) => html`<tr>${cols.map((c) => cell(i, c, row))}
        <td><button type="button" class="ghost" @click=${() => this.setRows(s, rows.filter((_, j) => j !== i))}>${icon(icTrash, 14)} ${this.t('cfgRemoveRow')}</button></td></tr>`)}</tbody></table>`}
      <div><button type="button" @click=${() => this.setRows(s, [...rows, blank()])}>${icon(icPlus, 14)} ${this.t(s.rows!.add)}</button></div>`;
  }
}

define('ais-admin-config', AisAdminConfig);
