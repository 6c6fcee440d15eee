import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AisElement, define } from '../shared/base.js';
import { formatInr, formatNumber, isoDay } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { baseStyles } from '../shared/styles.js';
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
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

export class AisAdminAnalytics extends AisElement {
  static override styles = [baseStyles, adminStyles];

  @state() private from = isoDay(new Date(Date.now() - 29 * 86_400_000));
  @state() private to = isoDay(new Date());
  @state() private report?: Report;
  @state() private loading = false;

  protected async load(): Promise<void> {
    this.loading = true;
    try {
      this.report = (await this.client.admin.analytics({ from: this.from, to: this.to })) as Report;
      this.error = undefined;
    } catch (err) {
      this.error = this.fail(err);
    } finally {
      this.loading = false;
    }
  }

  private async csv(): Promise<void> {
    try {
      const text = await this.client.admin.analyticsCsv({ from: this.from, to: this.to });
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
        <button class="primary" part="button button-primary" @click=${() => void this.load()} ?disabled=${this.loading}>${icon('refresh', 16)} ${this.t('refresh')}</button>
        <span class="spacer"></span>
        <button part="button export" @click=${() => void this.csv()}>${icon('download', 16)} ${this.t('exportCsv')}</button>
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
      ['New users', n(r.activation?.newUsers), `${pct(r.activation?.rate)} activated in 48 h`],
      ['Generations', n(r.engagement?.generations), `${r.engagement?.generationsPerUserPerWeek ?? '—'} per user / week`],
      ['Reuse rate', pct(r.engagement?.reuseRate), 'remix generations'],
      ['Paid conversion', pct(r.monetization?.paidConversion), `${n(r.monetization?.payingUsers)} paying users`],
      ['Revenue', formatInr(r.monetization?.revenue ?? 0, this.loc), `ARPPU ${r.monetization?.arppu != null ? formatInr(r.monetization.arppu, this.loc) : '—'}`],
      ['Gross margin', formatInr(r.providers?.grossMargin ?? 0, this.loc), pct(r.providers?.grossMarginRate)],
      ['Credits spent', n(r.credits?.netSpent), `${n(r.credits?.refunded)} refunded`],
      ['Rewards', n(r.rewards?.totalCredits), `${pct(r.rewards?.earningShare)} of active users earn · Gini ${r.rewards?.gini ?? '—'}`],
      ['Error rate', pct(r.reliability?.errorRate), `ack p95 ${r.reliability?.generateAckP95Ms ?? '—'} ms`],
    ];
    return html`
      <div class="kpis" part="kpis">${kpis.map(([label, value, sub]) => html`<div class="kpi stat"><span class="label">${label}</span><span class="value">${value}</span>${sub ? html`<span class="sub">${sub}</span>` : nothing}</div>`)}</div>
      ${daily.length === 0 ? this.renderEmpty(this.t('noData')) : html`<div class="charts">
        <div class="wide">${timeChart('Activity per day', labels, [
          { name: 'Generations', values: daily.map((d) => d.generations) },
          { name: 'Active users', values: daily.map((d) => d.activeUsers) },
          { name: 'Sign-ups', values: daily.map((d) => d.signups) },
          { name: 'Remixes', values: daily.map((d) => d.remixes) },
        ], 1060)}</div>
        ${timeChart('Credits per day', labels, [
          { name: 'Spent', values: daily.map((d) => d.creditsSpent) },
          { name: 'Rewards', values: daily.map((d) => d.rewardCredits) },
        ])}
        ${timeChart('Revenue per day (₹)', labels, [{ name: 'Revenue', values: daily.map((d) => d.revenue), color: '#10b981' }])}
        ${funnelChart('Referral funnel', [
          { label: 'Referral sign-ups', value: r.referrals?.attributed ?? 0 },
          { label: 'First generation', value: r.referrals?.firstGeneration ?? 0 },
          { label: 'Qualified', value: r.referrals?.qualified ?? 0 },
        ])}
        ${funnelChart('Activation funnel', [
          { label: 'New users', value: r.activation?.newUsers ?? 0 },
          { label: 'Generated in 48 h', value: r.activation?.activatedWithin48h ?? 0 },
          { label: 'Paying users', value: r.monetization?.payingUsers ?? 0 },
        ])}
        <div class="wide">${barChart('Reward distribution (users per credits earned)', (r.rewards?.distribution ?? []).map((b) => ({ label: b.bucket, value: b.users })), 1060)}</div>
      </div>`}
      ${r.providers?.items?.length ? html`<section class="stack" style="margin-top:var(--_space)"><h3>Providers</h3><table>
        <thead><tr><th scope="col">${this.t('provider')}</th><th scope="col" class="num">Images</th><th scope="col" class="num">Cost</th></tr></thead>
        <tbody>${r.providers.items.map((p) => html`<tr><td>${p.provider}</td><td class="num">${n(p.images)}</td><td class="num">${formatInr(p.cost, this.loc)}</td></tr>`)}</tbody></table></section>` : nothing}
      ${r.window ? html`<p class="muted small" style="margin-top:var(--_space)">${r.window.from.slice(0, 10)} – ${r.window.to.slice(0, 10)} · ${r.window.timezone}</p>` : nothing}`;
  }
}

define('ais-admin-analytics', AisAdminAnalytics);
