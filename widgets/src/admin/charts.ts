import { html, nothing, svg } from 'lit';

/**
 * Small hand-drawn SVG charts for the admin dashboard (no chart library): a multi-series time chart, a funnel and
 * a bar distribution. Each is an SVG with role="img" and a label, plus a collapsible data table for screen readers
 * and for anyone who wants the numbers.
 */

export interface Series { name: string; values: number[]; color?: string }
export interface Bar { label: string; value: number }

const PALETTE = ['var(--_primary)', '#ec4899', '#0ea5e9', '#f59e0b', '#10b981'];

/** Rounded axis ticks from 0 to at least `max` (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.5 && ticks.length <= count + 1; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max) ticks.push(Math.round((ticks[ticks.length - 1]! + step) * 1e6) / 1e6);
  return ticks;
}

/** An SVG path through the values, x spread evenly over `width`, y scaled so `top` is at 0. */
export function linePath(values: number[], width: number, height: number, top: number): string {
  if (!values.length) return '';
  const dx = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((v, i) => `${i ? 'L' : 'M'}${round(i * dx)} ${round(height - (top > 0 ? (v / top) * height : 0))}`).join(' ');
}

const round = (v: number) => Math.round(v * 10) / 10;
const fmt = (v: number) => (Math.abs(v) >= 10000 ? `${round(v / 1000)}k` : String(round(v)));

/** Every n-th label so that about `max` fit. */
export function labelEvery(count: number, max = 7): number {
  return Math.max(1, Math.ceil(count / max));
}

/** `W` is the viewBox width: about the rendered width in px, so 12px labels stay 12px. */
/** `dataLabel`: the localised caption of the table behind each chart ("Data"). */
export function timeChart(title: string, labels: string[], series: Series[], W = 520, dataLabel = 'Data') {
  const H = 220, L = 44, B = 26, T = 10, R = 12;
  const w = W - L - R, h = H - T - B;
  const top = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)));
  const max = top[top.length - 1]!;
  const every = labelEvery(labels.length);
  const dx = labels.length > 1 ? w / (labels.length - 1) : 0;
  const summary = series.map((s) => `${s.name}: ${fmt(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  return html`<figure class="chart" part="chart">
    <figcaption><strong>${title}</strong>
      <span class="legend">${series.map((s, i) => html`<span><i style="background:${s.color ?? PALETTE[i % PALETTE.length]}"></i>${s.name}</span>`)}</span></figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}. ${summary}">
      ${svg`<g transform="translate(${L},${T})">
        ${top.map((v) => svg`<line x1="0" x2=${w} y1=${h - (v / max) * h} y2=${h - (v / max) * h} class="grid"/>
          <text x="-8" y=${h - (v / max) * h + 4} text-anchor="end" class="tick">${fmt(v)}</text>`)}
        ${labels.map((l, i) => i % every === 0 || (i === labels.length - 1 && i % every >= every / 2)
          ? svg`<text x=${i * dx} y=${h + 18} text-anchor="middle" class="tick">${l.slice(5)}</text>` : nothing)}
        ${series.map((s, i) => {
          const color = s.color ?? PALETTE[i % PALETTE.length];
          const d = linePath(s.values, w, h, max);
          return svg`${i === 0 && d ? svg`<path d="${d} L${round(w)} ${h} L0 ${h} Z" fill=${color} opacity="0.08"/>` : nothing}
            <path d=${d} fill="none" stroke=${color} stroke-width="2.2" stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`;
        })}
      </g>`}
    </svg>
    ${dataTable([title, ...series.map((s) => s.name)], labels.map((l, i) => [l, ...series.map((s) => s.values[i] ?? 0)]), dataLabel)}
  </figure>`;
}

export function funnelChart(title: string, steps: Bar[], dataLabel = 'Data') {
  const first = steps[0]?.value ?? 0;
  return html`<figure class="chart" part="chart">
    <figcaption><strong>${title}</strong></figcaption>
    <div class="funnel" role="img" aria-label="${title}. ${steps.map((s) => `${s.label}: ${s.value}`).join(', ')}">
      ${steps.map((s, i) => {
        const pct = first > 0 ? (s.value / first) * 100 : 0;
        const prev = i > 0 ? steps[i - 1]!.value : 0;
        return html`<div class="f-row">
          <span class="f-label">${s.label}</span>
          <div class="f-track"><div class="f-bar" style="width:${Math.max(pct, s.value > 0 ? 1.5 : 0)}%;opacity:${1 - i * 0.14}"></div></div>
          <span class="f-value">${fmt(s.value)}${i > 0 && prev > 0 ? html` <span class="muted">(${Math.round((s.value / prev) * 100)}%)</span>` : nothing}</span>
        </div>`;
      })}
    </div>
    ${dataTable([title, ''], steps.map((s) => [s.label, s.value]), dataLabel)}
  </figure>`;
}

export function barChart(title: string, bars: Bar[], W = 520, dataLabel = 'Data') {
  const H = 190, B = 28, T = 16;
  const h = H - T - B;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = W / Math.max(1, bars.length);
  const bw = Math.min(56, slot * 0.62);
  return html`<figure class="chart" part="chart">
    <figcaption><strong>${title}</strong></figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}. ${bars.map((b) => `${b.label}: ${b.value}`).join(', ')}">
      ${svg`<g transform="translate(0,${T})">
        <line x1="0" x2=${W} y1=${h} y2=${h} class="grid"/>
        ${bars.map((b, i) => {
          const bh = (b.value / max) * h;
          const x = i * slot + (slot - bw) / 2;
          return svg`<rect x=${x} y=${h - bh} width=${bw} height=${Math.max(bh, b.value > 0 ? 1 : 0)} rx="4" fill="var(--_primary)" opacity=${0.55 + 0.45 * (b.value / max)}/>
            <text x=${x + bw / 2} y=${h - bh - 5} text-anchor="middle" class="tick strong">${fmt(b.value)}</text>
            <text x=${x + bw / 2} y=${h + 17} text-anchor="middle" class="tick">${b.label}</text>`;
        })}
      </g>`}
    </svg>
    ${dataTable([title, ''], bars.map((b) => [b.label, b.value]), dataLabel)}
  </figure>`;
}

function dataTable(head: string[], rows: Array<Array<string | number>>, label: string) {
  return html`<details class="data"><summary>${label}</summary><table>
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}</tr>`)}</tbody>
  </table></details>`;
}
