import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AisElement, define } from '../shared/base.js';
import { formatNumber } from '../shared/format.js';
import { formatInr } from '../shared/format-extra.js';
import { icon } from '../shared/icons.js';
import { icDownload } from '../shared/icons/download.js';
import { icRefresh } from '../shared/icons/refresh.js';
import { fullBaseStyles } from '../shared/data-styles.js';
import { adminStyles } from './admin-styles.js';
import { barChart, funnelChart, timeChart } from './charts.js';

/** The parts of GET /api/admin/analytics this dashboard draws (the server sends more). */
interface Daily { date: string; signups: number; activeUsers: number; generations: number; failedGenerations: number; remixes: number; creditsSpent: number; rewardCredits: number; revenue: number; paidOrders: number }
interface Report {
  window?: { from: string; to: string; timezone: string; days: number };
  activation?: { newUsers: number; activatedWithin48h: number; rate: number | null };
  engagement?: { generations: number; generatingUsers: number; generationsPerUserPerWeek: number | null; reuseRate: number | null };
  monetization?: { users: number; payingUsers: number; paidConversion: number | null; revenue: number; arppu: number | null; paidOrders: number };
  credits?: { spent: number; refunded: number; netSpent: number };
  rewards?: { totalCredits: number; earners: number; earningShare: number | null; gini: number; distribution: { bucket: string; users: number }[] };
  referrals?: { signups: number; attributed: number; firstGeneration: number; qualified: number; creditsPaid: number };
  providers?: { grossMargin: number; grossMarginRate: number | null; providerCost: number; items: { provider: string; images: number; cost: number }[] };
  reliability?: { errorRate: number | null; generateAckP95Ms: number | null };
  daily?: Daily[];
  arppuUplift?: { baselineFrom: string; baselineTo: string; baselineArppu: number | null; arppu: number | null; uplift: number | null };
  ltvCac?: { ltv: number | null; cac: number | null; ratio: number | null };
}

/** An instant's calendar day (`YYYY-MM-DD`) in a time zone. */
const dayIn = (iso: string, timeZone: string) => {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
};
/** The last calendar day of a window that ends (exclusively) at `iso`. */
const lastDayIn = (iso: string, timeZone: string) => dayIn(new Date(Date.parse(iso) - 1).toISOString(), timeZone);

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

export class AisAdminAnalytics extends AisElement {
  static override styles = [fullBaseStyles, adminStyles];

  /**
   * Calendar days in the partner's time zone, as the API reads them. Empty until the first answer: the first load asks
   * for the server's default window (the last 30 days up to now, in the partner's zone) and fills them from it, so the
   * window includes the partner's today even when the browser's (or UTC's) calendar day is another one.
   */
  @state() private from = '';
  @state() private to = '';
  /** Optional baseline period for the ARPPU uplift ('' = the server's default, the period just before). */
  @state() private baselineFrom = '';
  @state() private baselineTo = '';
  @state() private report?: Report;
  @state() private loading = false;

  protected async load(): Promise<void> {
    this.loading = true;
    try {
      const baseline = this.baselineFrom && this.baselineTo ? { baselineFrom: this.baselineFrom, baselineTo: this.baselineTo } : {};
      this.report = (await this.client.admin.analytics({ ...this.days(), ...baseline })) as Report;
      if (!this.from && this.report.window) {
        this.from = dayIn(this.report.window.from, this.report.window.timezone);
        this.to = lastDayIn(this.report.window.to, this.report.window.timezone);
      }
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  /** The chosen window, or nothing (the server's default) before the first answer. */
  private days(): { from?: string; to?: string } {
    return this.from && this.to ? { from: this.from, to: this.to } : {};
  }

  private async csv(): Promise<void> {
    try {
      const text = await this.client.admin.analyticsCsv(this.days());
      const href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = href;
      a.download = `analytics-${this.from}-${this.to}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      this.emit('ais-admin-exported', { from: this.from, to: this.to });
    } catch (err) {
      this.error = this.fail(err);
    }
  }

  override render() {
    return html`
      <div class="toolbar" part="toolbar">
        <label class="field">${this.t('from')}<input type="date" .value=${this.from} max=${this.to} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label class="field">${this.t('to')}<input type="date" .value=${this.to} min=${this.from} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <label class="field" title=${this.t('an_baselineHint')}>${this.t('an_baseline')}<input type="date" part="baseline-from" .value=${this.baselineFrom} max=${this.from}
          @change=${(e: Event) => (this.baselineFrom = (e.target as HTMLInputElement).value)} /></label>
        <label class="field" title=${this.t('an_baselineHint')}>–<input type="date" part="baseline-to" .value=${this.baselineTo} min=${this.baselineFrom}
          @change=${(e: Event) => (this.baselineTo = (e.target as HTMLInputElement).value)} /></label>
        <button class="primary" part="button button-primary" @click=${() => void this.load()} ?disabled=${this.loading}>${icon(icRefresh, 16)} ${this.t('refresh')}</button>
        <span class="spacer"></span>
        <button part="button export" @click=${() => void this.csv()}>${icon(icDownload, 16)} ${this.t('exportCsv')}</button>
      </div>
      ${this.error ? this.renderError(this.error, () => void this.load()) : nothing}
      ${this.loading && !this.report ? this.renderLoading() : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }

  private renderReport(r: Report) {
    const n = (v: number | undefined) => formatNumber(v ?? 0, this.loc);
    const daily = r.daily ?? [];
    const labels = daily.map((d) => d.date);
    const kpis: Array<[string, string, string?]> = [
      [this.t('an_newUsers'), n(r.activation?.newUsers), this.t('an_activated', { p: pct(r.activation?.rate) })],
      [this.t('an_generations'), n(r.engagement?.generations), this.t('an_perUserWeek', { n: r.engagement?.generationsPerUserPerWeek ?? '—' })],
      [this.t('an_reuseRate'), pct(r.engagement?.reuseRate), this.t('an_remixGenerations')],
      [this.t('an_paidConversion'), pct(r.monetization?.paidConversion), this.t('an_payingUsers', { n: n(r.monetization?.payingUsers) })],
      [this.t('an_revenue'), formatInr(r.monetization?.revenue ?? 0, this.loc), this.t('an_arppu', { v: r.monetization?.arppu != null ? formatInr(r.monetization.arppu, this.loc) : '—' })],
      [this.t('an_arppuUplift'), pct(r.arppuUplift?.uplift),
        this.t('an_vsBaseline', { v: r.arppuUplift?.baselineArppu != null ? formatInr(r.arppuUplift.baselineArppu, this.loc) : '—' })],
      [this.t('an_ltvCac'), r.ltvCac?.ratio != null ? String(r.ltvCac.ratio) : '—',
        r.ltvCac?.cac != null ? this.t('an_ltvCacSub', { ltv: formatInr(r.ltvCac.ltv ?? 0, this.loc), cac: formatInr(r.ltvCac.cac, this.loc) }) : this.t('an_cacUnset')],
      [this.t('an_grossMargin'), formatInr(r.providers?.grossMargin ?? 0, this.loc), pct(r.providers?.grossMarginRate)],
      [this.t('an_creditsSpent'), n(r.credits?.netSpent), this.t('an_refunded', { n: n(r.credits?.refunded) })],
      [this.t('an_rewards'), n(r.rewards?.totalCredits), this.t('an_earners', { p: pct(r.rewards?.earningShare), g: r.rewards?.gini ?? '—' })],
      [this.t('an_errorRate'), pct(r.reliability?.errorRate), this.t('an_ackP95', { ms: r.reliability?.generateAckP95Ms ?? '—' })],
    ];
    return html`
      <div class="kpis" part="kpis">${kpis.map(([label, value, sub]) => html`<div class="kpi stat"><span class="label">${label}</span><span class="value">${value}</span>${sub ? html`<span class="sub">${sub}</span>` : nothing}</div>`)}</div>
      ${daily.length === 0 ? this.renderEmpty(this.t('noData')) : html`<div class="charts">
        <div class="wide">${timeChart(this.t('an_activityPerDay'), labels, [
          { name: this.t('an_generations'), values: daily.map((d) => d.generations) },
          { name: this.t('an_activeUsers'), values: daily.map((d) => d.activeUsers) },
          { name: this.t('an_signups'), values: daily.map((d) => d.signups) },
          { name: this.t('an_remixes'), values: daily.map((d) => d.remixes) },
        ], 1060, this.t('chartData'))}</div>
        ${timeChart(this.t('an_creditsPerDay'), labels, [
          { name: this.t('an_spent'), values: daily.map((d) => d.creditsSpent) },
          { name: this.t('an_rewards'), values: daily.map((d) => d.rewardCredits) },
        ], 520, this.t('chartData'))}
        ${timeChart(this.t('an_revenuePerDay'), labels, [{ name: this.t('an_revenue'), values: daily.map((d) => d.revenue), color: '#10b981' }], 520, this.t('chartData'))}
        ${funnelChart(this.t('an_referralFunnel'), [
          { label: this.t('an_referralSignups'), value: r.referrals?.attributed ?? 0 },
          { label: this.t('an_firstGeneration'), value: r.referrals?.firstGeneration ?? 0 },
          { label: this.t('an_qualified'), value: r.referrals?.qualified ?? 0 },
        ], this.t('chartData'))}
        ${funnelChart(this.t('an_activationFunnel'), [
          { label: this.t('an_newUsers'), value: r.activation?.newUsers ?? 0 },
          { label: this.t('an_generated48h'), value: r.activation?.activatedWithin48h ?? 0 },
          { label: this.t('an_payingUsersLabel'), value: r.monetization?.payingUsers ?? 0 },
        ], this.t('chartData'))}
        <div class="wide">${barChart(this.t('an_rewardDistribution'), (r.rewards?.distribution ?? []).map((b) => ({ label: b.bucket, value: b.users })), 1060, this.t('chartData'))}</div>
      </div>`}
      ${r.providers?.items?.length ? html`<section class="stack" style="margin-top:var(--_space)"><h3>${this.t('an_providers')}</h3><table>
        <thead><tr><th scope="col">${this.t('provider')}</th><th scope="col" class="num">${this.t('an_images')}</th><th scope="col" class="num">${this.t('an_cost')}</th></tr></thead>
        <tbody>${r.providers.items.map((p) => html`<tr><td>${p.provider}</td><td class="num">${n(p.images)}</td><td class="num">${formatInr(p.cost, this.loc)}</td></tr>`)}</tbody></table></section>` : nothing}
      ${r.window ? html`<p class="muted small" style="margin-top:var(--_space)">${dayIn(r.window.from, r.window.timezone)} – ${lastDayIn(r.window.to, r.window.timezone)} · ${r.window.timezone}</p>` : nothing}`;
  }
}

define('ais-admin-analytics', AisAdminAnalytics);
