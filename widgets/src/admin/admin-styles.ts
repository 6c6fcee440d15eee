import { css } from 'lit';

export const adminStyles = css`
  :host { container-type: inline-size; }
  .toolbar { display: flex; gap: 10px; align-items: end; flex-wrap: wrap; margin-bottom: var(--_space); }
  .toolbar label.field { width: auto; }
  .toolbar input, .toolbar select { width: auto; }
  .kpis { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); margin-bottom: var(--_space); }
  .kpi { border: 1px solid var(--_border); border-radius: var(--_radius-sm); padding: 0.8em 0.95em; background: var(--_surface); }
  .kpi .value { font-size: 1.35em; }
  .kpi .sub { font-size: 0.75em; color: var(--_muted); }
  .charts { display: grid; gap: var(--_space); grid-template-columns: repeat(2, minmax(0, 1fr)); }
  @container (max-width: 820px) { .charts { grid-template-columns: 1fr; } }
  .chart { margin: 0; border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); background: var(--_surface); display: grid; gap: 0.6em; }
  .charts > .wide { grid-column: 1 / -1; }
  .chart figcaption { display: flex; justify-content: space-between; gap: 1em; flex-wrap: wrap; font-size: 0.92em; }
  .chart svg { width: 100%; height: auto; overflow: visible; }
  .chart .grid { stroke: var(--_border); stroke-width: 1; }
  .chart .tick { font-size: 12px; fill: var(--_muted); font-family: var(--_font); }
  .chart .tick.strong { fill: var(--_text); font-weight: 600; }
  .legend { display: flex; gap: 0.9em; flex-wrap: wrap; color: var(--_muted); font-size: 0.88em; }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 0.35em; vertical-align: -1px; }
  .funnel { display: grid; gap: 10px; }
  .f-row { display: grid; grid-template-columns: minmax(90px, 0.9fr) 2fr minmax(80px, auto); gap: 10px; align-items: center; font-size: 0.88em; }
  .f-track { height: 22px; background: var(--_surface-alt); border-radius: 6px; overflow: hidden; }
  .f-bar { height: 100%; background: var(--_primary); border-radius: 6px; }
  .f-value { font-variant-numeric: tabular-nums; font-weight: 650; text-align: right; }
  details.data summary { cursor: pointer; font-size: 0.8em; color: var(--_muted); width: fit-content; }
  details.data table { margin-top: 0.5em; font-size: 0.82em; }
  .list-actions { display: flex; gap: 4px; justify-content: flex-end; }
  .list-actions button { min-height: 32px; padding: 0 0.65em; font-size: 0.85em; }
  .mod-item { display: grid; grid-template-columns: 120px minmax(0, 1fr); gap: var(--_space); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  .mod-item img { width: 120px; height: 120px; object-fit: cover; border-radius: var(--_radius-sm); background: var(--_surface-alt); }
  @container (max-width: 560px) { .mod-item { grid-template-columns: 1fr; } }
  .form-grid { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); }
  fieldset.section { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); margin: 0; display: grid; gap: 12px; }
  fieldset.section legend { font-weight: 700; padding: 0 0.4em; }
  textarea.json { font-family: ui-monospace, SFMono-Regular, monospace; font-size: 0.85em; min-height: 80px; }
  .sticky-actions { position: sticky; bottom: 0; background: var(--_surface); padding: 0.75em 0; display: flex; gap: 10px; align-items: center; border-top: 1px solid var(--_border); }
  code { font-family: ui-monospace, SFMono-Regular, monospace; font-size: 0.88em; background: var(--_surface-alt); padding: 0.1em 0.35em; border-radius: 5px; }
`;
