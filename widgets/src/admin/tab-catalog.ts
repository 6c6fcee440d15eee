import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AdminCategory, AdminTemplate } from '../../../sdk/src/types.js';
import { AisElement, define } from '../shared/base.js';
import { confirmIn } from '../shared/confirm.js';
import type { WidgetError } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { icEdit } from '../shared/icons/edit.js';
import { icEye } from '../shared/icons/eye.js';
import { icEyeOff } from '../shared/icons/eye-off.js';
import { icPlus } from '../shared/icons/plus.js';
import { icTrash } from '../shared/icons/trash.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';

type Kind = 'templates' | 'categories';
type Row = AdminTemplate | AdminCategory;
type Draft = Record<string, string | number | boolean>;

/** Templates or categories (by `kind`): a table with edit/activate/delete and a create/edit dialog. */
export class AisAdminCatalog extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  @property() kind: Kind = 'templates';
  @state() private rows: Row[] = [];
  @state() private categories: AdminCategory[] = [];
  @state() private loading = false;
  @state() private draft?: Draft;
  @state() private editingId?: string;
  @state() private formError?: WidgetError;
  @state() private saving = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('kind')) void this.load();
  }

  protected async load(): Promise<void> {
    this.loading = true;
    try {
      const a = this.client.admin;
      // The category list serves both tabs (template category names and the template form's select).
      const cats = await a.categories.iterate({ limit: 100 } as never).toArray(500);
      this.categories = cats;
      this.rows = this.kind === 'categories' ? cats : await a.templates.iterate({ limit: 100 } as never).toArray(1000);
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private edit(row?: Row): void {
    this.editingId = row?.id;
    this.formError = undefined;
    if (this.kind === 'templates') {
      const t = row as AdminTemplate | undefined;
      this.draft = { title: t?.title ?? '', categoryId: t?.categoryId ?? this.categories[0]?.id ?? '', promptText: t?.promptText ?? '', description: t?.description ?? '', displayOrder: t?.displayOrder ?? 0, isActive: t?.isActive ?? true };
    } else {
      const c = row as AdminCategory | undefined;
      this.draft = { name: c?.name ?? '', slug: c?.slug ?? '', description: c?.description ?? '', style: c?.style ?? '', displayOrder: c?.displayOrder ?? 0, isActive: c?.isActive ?? true };
    }
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.draft || this.saving) return;
    this.saving = true;
    const body = Object.fromEntries(Object.entries(this.draft).map(([k, v]) => [k, v === '' && k !== 'title' && k !== 'name' ? undefined : v]));
    try {
      const a = this.client.admin;
      const saved = this.kind === 'templates'
        ? (this.editingId ? await a.templates.update(this.editingId, body) : await a.templates.create(body as never))
        : (this.editingId ? await a.categories.update(this.editingId, body) : await a.categories.create(body as never));
      this.dialog?.close();
      this.emit('ais-admin-saved', { section: this.kind, id: saved.id, created: !this.editingId });
      await this.load();
    } catch (err) {
      this.formError = this.fail(err);
    } finally {
      this.saving = false;
    }
  }

  private async toggle(row: Row): Promise<void> {
    try {
      const a = this.client.admin;
      if (this.kind === 'templates') await a.templates.update(row.id, { isActive: !row.isActive });
      else await a.categories.update(row.id, { isActive: !row.isActive });
      this.emit('ais-admin-saved', { section: this.kind, id: row.id });
      await this.load();
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  private async deleteRow(row: Row): Promise<void> {
    const name = String((row as AdminTemplate).title ?? (row as AdminCategory).name);
    if (!(await confirmIn(this.renderRoot, this.t('confirmDelete', { name }), this.t('delete'), this.t('cancel')))) return;
    try {
      if (this.kind === 'templates') await this.client.admin.templates.delete(row.id);
      else await this.client.admin.categories.delete(row.id);
      this.emit('ais-admin-deleted', { section: this.kind, id: row.id });
      await this.load();
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  override render() {
    const tpl = this.kind === 'templates';
    return html`
      <div class="toolbar"><span class="muted small">${this.rows.length} · ${this.rows.filter((r) => r.isActive).length} ${this.t('active').toLowerCase()}</span><span class="spacer"></span>
        <button class="primary" part="button button-primary" @click=${() => this.edit()} ?disabled=${tpl && !this.categories.length}>${icon(icPlus, 16)} ${this.t(tpl ? 'newTemplate' : 'newCategory')}</button></div>
      ${this.error ? this.renderError(this.error, () => void this.load()) : nothing}
      ${this.loading && !this.rows.length ? this.renderLoading() : nothing}
      ${!this.loading && !this.error && !this.rows.length ? this.renderEmpty(this.t('noData')) : nothing}
      ${this.rows.length ? html`<table part="table">
        <thead><tr>
          <th scope="col">${this.t(tpl ? 'titleLabel' : 'name')}</th>
          <th scope="col">${this.t(tpl ? 'categoryLabel' : 'slug')}</th>
          <th scope="col" class="num">${this.t('order_')}</th><th scope="col">${this.t('active')}</th><th scope="col"><span class="visually-hidden">${this.t('actionsLabel')}</span></th>
        </tr></thead>
        <tbody>${this.rows.map((r) => this.renderRow(r))}</tbody></table>` : nothing}
      ${this.renderDialog()}`;
  }

  private renderRow(r: Row) {
    const tpl = this.kind === 'templates';
    const name = tpl ? (r as AdminTemplate).title : (r as AdminCategory).name;
    const second = tpl ? this.categories.find((c) => c.id === (r as AdminTemplate).categoryId)?.name ?? (r as AdminTemplate).categoryId : (r as AdminCategory).slug;
    return html`<tr>
      <td><div style="font-weight:600">${name}</div>${tpl ? html`<div class="muted small" style="max-width:46ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${(r as AdminTemplate).promptText}</div>` : nothing}</td>
      <td>${tpl ? second : html`<code>${second}</code>`}</td>
      <td class="num">${r.displayOrder}</td>
      <td><span class="badge ${r.isActive ? 'success' : ''}">${this.t(r.isActive ? 'active' : 'inactive')}</span></td>
      <td><div class="list-actions">
        <button class="ghost" @click=${() => this.edit(r)} aria-label="${this.t('edit')} ${name}">${icon(icEdit, 15)}</button>
        <button class="ghost" @click=${() => void this.toggle(r)} aria-label="${this.t(r.isActive ? 'inactive' : 'active')}: ${name}" title=${this.t(r.isActive ? 'inactive' : 'active')}>${icon(r.isActive ? icEyeOff : icEye, 15)}</button>
        <button class="ghost danger" @click=${() => void this.deleteRow(r)} aria-label="${this.t('delete')} ${name}">${icon(icTrash, 15)}</button>
      </div></td></tr>`;
  }

  private renderDialog() {
    const d = this.draft;
    const tpl = this.kind === 'templates';
    const set = (k: string) => (e: Event) => {
      const el = e.target as HTMLInputElement;
      this.draft = { ...this.draft!, [k]: el.type === 'checkbox' ? el.checked : el.type === 'number' ? Number(el.value) : el.value };
    };
    return html`<dialog part="dialog" aria-labelledby="cat-h" style="width:min(560px,calc(100vw - 32px))">
      ${d ? html`<form class="dialog-body" @submit=${this.save}>
        <h3 id="cat-h">${this.editingId ? this.t('edit') : this.t(tpl ? 'newTemplate' : 'newCategory')}</h3>
        ${tpl ? html`
          <label class="field">${this.t('titleLabel')}<input required maxlength="150" .value=${String(d.title)} @input=${set('title')} /></label>
          <label class="field">${this.t('categoryLabel')}<select .value=${String(d.categoryId)} @change=${set('categoryId')}>
            ${this.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === d.categoryId}>${c.name}</option>`)}</select></label>
          <label class="field">${this.t('promptText')}<textarea required rows="4" .value=${String(d.promptText)} @input=${set('promptText')}></textarea></label>`
        : html`
          <label class="field">${this.t('name')}<input required maxlength="100" .value=${String(d.name)} @input=${set('name')} /></label>
          <label class="field">${this.t('slug')}<input pattern="[a-z0-9-]*" .value=${String(d.slug)} @input=${set('slug')} /></label>
          <label class="field">${this.t('style')}<input .value=${String(d.style)} @input=${set('style')} /></label>`}
        <label class="field">${this.t('description')}<input .value=${String(d.description)} @input=${set('description')} /></label>
        <div class="row"><label class="field" style="width:120px">${this.t('order_')}<input type="number" min="0" .value=${String(d.displayOrder)} @input=${set('displayOrder')} /></label>
          <label class="check" style="margin-top:1.4em"><input type="checkbox" .checked=${!!d.isActive} @change=${set('isActive')} /> ${this.t('active')}</label></div>
        ${this.renderInlineError(this.formError)}
        <div class="dialog-actions"><button type="button" @click=${() => this.dialog?.close()}>${this.t('cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.saving}>${this.t('save')}</button></div>
      </form>` : nothing}
    </dialog>`;
  }
}

define('ais-admin-catalog', AisAdminCatalog);
