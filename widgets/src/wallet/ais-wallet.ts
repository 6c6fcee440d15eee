import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { GetBalanceResponse, LedgerEntry, LedgerReason, ListPacksResponse, Pack, PurchaseResponse } from '../../../sdk/src/types.js';
import { AisElement, define, useResources } from '../shared/base.js';
import { Credits } from '../../../sdk/src/resources/credits.js';
import { enWallet } from './i18n-en.js';
import { addEnglish } from '../shared/translate.js';
import { enMore } from '../shared/i18n-en-more.js';
import { formatCredits, formatNumber, type WidgetError } from '../shared/format.js';
import { formatInr, relativeTime } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icCheck } from '../shared/icons/check.js';
import { icLock } from '../shared/icons/lock.js';
import { saveBlob } from '../shared/download.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { CheckoutCancelled, openScriptCheckout } from './checkout.js';

/** `<ais-wallet>`: balance, monthly usage, packs with prices and discounts, the checkout the API names for each order, and history. */
export class AisWallet extends AisElement {
  static override styles = [fullBaseStyles, css`
    :host { container-type: inline-size; }
    button.link { background: none; border: 0; padding: 0; min-height: 0; color: var(--_primary); text-decoration: underline; font: inherit; cursor: pointer; }
    .hero {
      display: grid; grid-template-columns: 1.3fr 1fr 1fr; gap: var(--_space); padding: calc(var(--_space) * 1.25);
      border-radius: var(--_radius); color: var(--_on-primary);
      background: var(--ais-wallet-hero, linear-gradient(135deg, var(--_primary), color-mix(in srgb, var(--_primary) 55%, #ec4899)));
    }
    .hero .label { color: color-mix(in srgb, var(--_on-primary) 80%, transparent); }
    .hero .value.big { font-size: 2.2em; }
    @container (max-width: 560px) { .hero { grid-template-columns: 1fr 1fr; } .hero .stat:first-child { grid-column: 1 / -1; } }
    .packs { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
    .pack {
      display: grid; gap: 0.35em; justify-items: start; text-align: left; padding: 1em; min-height: 0; white-space: normal;
      border-radius: var(--_radius); position: relative; align-content: start; justify-content: stretch;
    }
    .pack .credits { font-size: 1.45em; font-weight: 750; letter-spacing: -0.02em; }
    .pack .price { font-weight: 650; }
    .pack .per { font-size: 0.78em; color: var(--_muted); font-weight: 500; }
    .pack .strike { text-decoration: line-through; color: var(--_muted); font-weight: 500; font-size: 0.85em; margin-left: 0.35em; }
    .pack .badge { position: absolute; top: 10px; right: 10px; }
    .custom { display: flex; gap: 10px; align-items: end; flex-wrap: wrap; }
    .custom label { flex: 0 1 220px; }
    section { display: grid; gap: calc(var(--_space) * 0.75); margin-top: calc(var(--_space) * 1.5); }
    .checkout-summary { display: grid; gap: 0.4em; padding: 0.9em; background: var(--_surface-alt); border-radius: var(--_radius-sm); }
    .checkout-summary .row { justify-content: space-between; }
    .sandbox-tag { display: inline-flex; gap: 0.35em; align-items: center; }
  `];

  /** Hide the transaction history. */
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;
  /** Merchant name shown in the payment gateway's checkout. */
  @property({ attribute: 'merchant-name' }) merchantName = 'Community AI Studio';

  @state() private balance?: GetBalanceResponse;
  @state() private packs?: ListPacksResponse;
  @state() private history: LedgerEntry[] = [];
  @state() private historyCursor?: string | null;
  @state() private loading = true;
  @state() private quantity = 20;
  @state() private busy = false;
  @state() private order?: PurchaseResponse;
  @state() private actionError?: WidgetError;
  @state() private notice = '';
  @query('#checkout') private checkoutDialog?: HTMLDialogElement;

  // A studio (or anything else) on the page that spends or earns credits announces it; the balance follows.
  private readonly onBalanceEvent = (e: Event) => {
    if (e.target === this || !this.balance) return;
    void this.client.credits.balance().then((b) => (this.balance = b), () => undefined);
    if (!this.noHistory) void this.loadHistory(true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('ais-balance-changed', this.onBalanceEvent);
    window.addEventListener('ais-generation-failed', this.onBalanceEvent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('ais-balance-changed', this.onBalanceEvent);
    window.removeEventListener('ais-generation-failed', this.onBalanceEvent);
  }

  protected async load(): Promise<void> {
    this.loading = true;
    const seq = this.loadToken;
    try {
      await this.loadSettings();
      // A partner that switched purchases off gets a wallet without packs (the route would answer 403).
      const [balance, packs] = await Promise.all([this.client.credits.balance(), this.feature('purchases') ? this.client.credits.packs() : undefined]);
      if (seq !== this.loadToken) return;
      this.balance = balance;
      this.packs = packs;
      if (packs) this.quantity = Math.max(packs.minQuantity, Math.min(this.quantity, packs.maxQuantity));
      this.error = undefined;
      if (!this.noHistory) await this.loadHistory(true);
    } catch (err) {
      if (seq === this.loadToken) this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private async loadHistory(reset = false): Promise<void> {
    try {
      const page = await this.client.credits.history({ limit: 10, cursor: reset ? undefined : this.historyCursor ?? undefined });
      this.history = reset ? page.items : [...this.history, ...page.items];
      this.historyCursor = page.nextCursor ?? null;
    } catch (err) {
      this.actionError = this.fail(err);
    }
  }

  /** Starts a purchase of a pack, or of `quantity` credits. */
  async buy(selection: { packId: string } | { quantity: number }): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = undefined;
    this.notice = '';
    try {
      const order = await this.client.credits.purchase(selection);
      this.order = order;
      this.emit('ais-purchase-started', { orderId: order.orderId, gateway: order.gateway, credits: order.credits, amount: order.amount, currency: order.currency });
      // The API says which checkout opens: a gateway's hosted script, or the built-in sandbox dialog.
      if (order.checkout?.type === 'script' && order.checkout.script) {
        const payment = await openScriptCheckout(order, order.checkout.script, {
          name: this.merchantName, description: formatCredits(order.credits, this.loc, this.strings),
          color: getComputedStyle(this).getPropertyValue('--ais-color-primary').trim() || undefined,
        });
        await this.verify(payment);
      } else {
        await this.updateComplete;
        this.checkoutDialog?.showModal();
      }
    } catch (err) {
      this.onPurchaseError(err);
    } finally {
      this.busy = false;
    }
  }

  private async sandboxPay(): Promise<void> {
    const order = this.order;
    if (!order || this.busy) return;
    this.busy = true;
    try {
      const payment = await this.client.credits.sandboxPay(order.orderId);
      await this.verify(payment);
      this.checkoutDialog?.close();
    } catch (err) {
      this.checkoutDialog?.close();
      this.onPurchaseError(err);
    } finally {
      this.busy = false;
    }
  }

  private async verify(payment: { orderId: string; paymentId: string; signature: string }): Promise<void> {
    const r = await this.client.credits.verify(payment);
    if (this.balance) this.balance = { ...this.balance, credits: r.balance, isPaying: true };
    this.notice = this.t('purchaseDone', { n: formatNumber(r.creditsAdded, this.loc) });
    this.order = undefined;
    this.emit('ais-purchase-completed', { orderId: r.orderId, creditsAdded: r.creditsAdded, balance: r.balance });
    this.emit('ais-balance-changed', { credits: r.balance });
    void this.client.credits.balance().then((b) => (this.balance = b), () => undefined);
    if (!this.noHistory) void this.loadHistory(true);
  }

  private cancelCheckout(): void {
    if (this.order) this.emit('ais-purchase-cancelled', { orderId: this.order.orderId });
    this.order = undefined;
    this.checkoutDialog?.close();
  }

  private onPurchaseError(err: unknown): void {
    if (err instanceof CheckoutCancelled) {
      this.notice = this.t('purchaseCancelled');
      this.emit('ais-purchase-cancelled', { orderId: this.order?.orderId });
      return;
    }
    this.actionError = this.fail(err);
    this.emit('ais-purchase-failed', { orderId: this.order?.orderId, code: this.actionError.code });
  }

  override render() {
    if (this.error && !this.balance) return html`<div class="panel" part="base">${this.renderError(this.error, () => void this.load())}</div>`;
    if (!this.balance) return html`<div class="panel" part="base">${this.renderLoading()}</div>`;
    const b = this.balance;
    return html`<div class="panel" part="base">
      <div class="header"><h2 part="title">${this.t('walletTitle')}</h2></div>
      <div class="hero" part="balance" aria-live="polite">
        <div class="stat"><span class="label">${this.t('availableCredits')}</span><span class="value big">${formatNumber(b.credits, this.loc)}</span></div>
        <div class="stat"><span class="label">${this.t('monthlyUsed')}</span><span class="value">${formatNumber(b.monthlyUsed, this.loc)}</span></div>
        ${b.monthlyCap != null ? html`<div class="stat"><span class="label">${this.t('monthlyRemaining')}</span><span class="value">${formatNumber(b.monthlyRemaining, this.loc)}</span>
          <span class="muted small">${this.t('monthlyCap')}: ${formatNumber(b.monthlyCap, this.loc)}</span></div>` : nothing}
        ${b.debtCredits > 0 ? html`<div class="stat" part="debt"><span class="label">${this.t('debtOwed')}</span><span class="value">${formatNumber(b.debtCredits, this.loc)}</span>
          <span class="muted small">${this.t('debtHelp')}</span></div>` : nothing}
      </div>
      ${this.notice ? html`<div class="inline-alert success" role="status" style="margin-top:var(--_space)">${icon(icCheck, 18)} ${this.notice}</div>` : nothing}
      ${this.actionError ? html`<div style="margin-top:var(--_space)">${this.renderInlineError(this.actionError)}</div>` : nothing}
      ${this.renderPacks()}
      ${this.noHistory ? nothing : this.renderHistory()}
      ${this.renderSandboxDialog()}
    </div>`;
  }

  /**
   * A history line written for the user from the movement's reason and reference (the stored note is for operators:
   * "50 credits bought (sandbox, verify)"), in the widget's locale.
   */
  private ledgerLine(h: LedgerEntry): string {
    const e = h as LedgerEntry & { refType?: string };
    switch (h.reason as LedgerReason) {
      case 'purchase': return this.t('line_purchase', { n: formatNumber(Math.abs(h.delta), this.loc) });
      case 'generation': return this.t('line_generation');
      case 'refund': return this.t('line_refund');
      case 'reward': return this.t('line_reward');
      case 'referral': return this.t('line_referral');
      case 'admin': return this.t(h.delta >= 0 ? 'line_admin_add' : 'line_admin_remove');
      case 'clawback': return this.t('line_clawback');
      case 'dispute_hold': return this.t('line_dispute_hold');
      case 'dispute_release': return this.t('line_dispute_release');
      case 'debt_settlement': return this.t('line_debt_settlement');
      case 'bonus': return this.t(e.refType === 'welcome' ? 'line_welcome' : e.refType === 'campaign' ? 'line_campaign' : 'line_bonus');
      default: return this.t('line_bonus');
    }
  }

  private renderPacks() {
    const p = this.packs;
    if (!p) return nothing;
    const best = Math.max(...p.items.map((i) => i.discountPercent));
    return html`<section aria-labelledby="packs-h">
      <div class="row" style="justify-content:space-between"><h3 id="packs-h">${this.t('packsTitle')}</h3>
        <span class="muted small">${this.t('perCredit', { p: formatNumber(p.pricePerCredit, this.loc, 2) })}</span></div>
      <div class="packs" part="packs">
        ${p.items.map((pack) => this.renderPack(pack, p.pricePerCredit, pack.discountPercent === best && best > 0))}
      </div>
      <div class="custom" part="custom-quantity">
        <label class="field">${this.t('customQtyLabel')}
          <input type="number" inputmode="numeric" min=${p.minQuantity} max=${p.maxQuantity} .value=${String(this.quantity)}
            @input=${(e: Event) => (this.quantity = Math.floor(Number((e.target as HTMLInputElement).value) || 0))} /></label>
        <button class="primary" part="button button-primary buy-custom" ?disabled=${this.busy || this.quantity < p.minQuantity || this.quantity > p.maxQuantity}
          @click=${() => void this.buy({ quantity: this.quantity })}>
          ${this.t('buy')} · ${formatInr(Math.round(this.quantity * p.pricePerCredit * 100) / 100, this.loc)}</button>
      </div>
    </section>`;
  }

  private renderPack(pack: Pack, perCredit: number, featured: boolean) {
    const full = pack.credits * perCredit;
    return html`<button class="pack" part="pack ${featured ? 'pack-featured' : ''}" ?disabled=${this.busy}
      style=${featured ? 'border-color:var(--_primary);box-shadow:0 0 0 1px var(--_primary)' : ''}
      @click=${() => void this.buy({ packId: pack.packId })}>
      ${pack.discountPercent ? html`<span class="badge ${featured ? '' : 'success'}">${this.t('save_pct', { n: pack.discountPercent })}</span>` : nothing}
      <span class="credits">${formatNumber(pack.credits, this.loc)}</span>
      <span class="per">${this.t('credits', { n: '' }).trim()}</span>
      <span class="price">${formatInr(pack.amount, this.loc)}${pack.discountPercent ? html`<span class="strike">${formatInr(full, this.loc)}</span>` : nothing}</span>
    </button>`;
  }

  /** The order's PDF receipt, fetched with the user's token (a plain link could not carry it) and saved. */
  private async downloadReceipt(orderId: string) {
    try {
      const pdf = await this.client.credits.receiptPdf(orderId);
      saveBlob(pdf, `receipt-${orderId}.pdf`);
    } catch (err) {
      this.notice = '';
      this.actionError = this.fail(err);
    }
  }

  private renderHistory() {
    return html`<section aria-labelledby="hist-h">
      <h3 id="hist-h">${this.t('historyTitle')}</h3>
      ${this.history.length === 0 ? html`<p class="muted small">${this.t('historyEmpty')}</p>` : html`<table part="history">
        <thead><tr><th scope="col">${this.t('reason')}</th><th scope="col" class="num">${this.t('change')}</th><th scope="col" class="num">${this.t('balance')}</th></tr></thead>
        <tbody>${this.history.map((h) => html`<tr>
          <td><div style="font-weight:600">${this.ledgerLine(h)}</div><div class="muted small">${relativeTime(h.createdAt, this.loc, undefined, this.strings)}
            ${h.reason === 'purchase' && (h as { refType?: string }).refType === 'order' ? html` · <button class="link" part="receipt-link"
              @click=${() => void this.downloadReceipt((h as { refId: string }).refId)}>${this.t('receipt')}</button>` : nothing}</div></td>
          <td class="num ${h.delta >= 0 ? 'pos' : 'neg'}">${h.delta > 0 ? '+' : ''}${formatNumber(h.delta, this.loc)}</td>
          <td class="num">${formatNumber(h.balanceAfter, this.loc)}</td></tr>`)}</tbody></table>`}
      ${this.historyCursor ? html`<div class="row" style="justify-content:center"><button class="ghost" part="button load-more" @click=${() => void this.loadHistory()}>${this.t('loadMore')}</button></div>` : nothing}
    </section>`;
  }

  private renderSandboxDialog() {
    const o = this.order;
    return html`<dialog id="checkout" part="dialog checkout-dialog" aria-labelledby="co-h" @cancel=${(e: Event) => { e.preventDefault(); this.cancelCheckout(); }}>
      ${o ? html`<div class="dialog-body">
        <div class="row" style="justify-content:space-between"><h3 id="co-h">${this.t('checkoutTitle')}</h3><span class="badge warning sandbox-tag">${icon(icLock, 13)} ${this.t('sandboxBadge')}</span></div>
        <p class="muted small">${this.t('checkoutNote')}</p>
        <div class="checkout-summary">
          <div class="row"><span>${formatCredits(o.credits, this.loc, this.strings)}</span><span class="muted small">${this.t('order', { id: o.orderId })}</span></div>
          <div class="row"><strong>${this.t('total')}</strong><strong>${formatInr(o.amount, this.loc)}</strong></div>
        </div>
        <div class="dialog-actions">
          <button part="button" @click=${() => this.cancelCheckout()} ?disabled=${this.busy}>${this.t('cancel')}</button>
          <button class="primary" part="button button-primary pay" @click=${() => void this.sandboxPay()} ?disabled=${this.busy} aria-busy=${this.busy}>
            ${this.busy ? this.t('paying') : this.t('pay', { amount: formatInr(o.amount, this.loc) })}</button>
        </div>
      </div>` : nothing}
    </dialog>`;
  }
}

addEnglish(enMore);
addEnglish(enWallet);
useResources({ credits: Credits });
define('ais-wallet', AisWallet);

declare global {
  interface HTMLElementTagNameMap { 'ais-wallet': AisWallet }
}
