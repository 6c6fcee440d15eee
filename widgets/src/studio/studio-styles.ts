import { css } from 'lit';

export const studioStyles = css`
  .layout { display: grid; gap: calc(var(--_space) * 1.5); grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); align-items: start; }
  @container (max-width: 760px) { .layout { grid-template-columns: 1fr; } }
  :host { container-type: inline-size; }
  section { display: grid; gap: calc(var(--_space) * 0.75); }
  .templates { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(118px, 1fr)); }
  .template {
    display: grid; grid-template-rows: auto auto; padding: 0; min-height: 0; overflow: hidden; text-align: left;
    border-radius: var(--_radius-sm); white-space: normal; align-items: stretch; justify-content: stretch;
  }
  .template .art { aspect-ratio: 4 / 3; display: grid; place-items: center; color: #fff; background-size: cover; background-position: center; }
  .template .art svg { opacity: 0.9; }
  .template .label { padding: 0.45em 0.6em; font-size: 0.82em; font-weight: 600; line-height: 1.3; }
  .template[aria-pressed='true'] { border-color: var(--_primary); box-shadow: 0 0 0 2px var(--_primary); }
  .prompt-wrap { position: relative; }
  .counter { position: absolute; right: 10px; bottom: 8px; font-size: 0.75em; color: var(--_muted); pointer-events: none; }
  .enhanced {
    border: 1px dashed color-mix(in srgb, var(--_primary) 45%, var(--_border)); background: var(--_primary-soft);
    border-radius: var(--_radius-sm); padding: 0.75em 0.9em; display: grid; gap: 0.5em;
  }
  .enhanced p { font-size: 0.93em; }
  .tips summary { cursor: pointer; font-size: 0.85em; font-weight: 600; color: var(--_primary); display: inline-flex; gap: 0.35em; align-items: center; }
  .tips ul { margin: 0.5em 0 0; padding-left: 1.2em; font-size: 0.86em; color: var(--_muted); display: grid; gap: 0.2em; }
  .small-btn { justify-self: start; min-height: 32px; font-size: 0.85em; }
  .tiers { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(118px, 1fr)); }
  .tier {
    display: grid; gap: 2px; justify-items: start; justify-content: stretch; text-align: left; padding: 0.7em 0.85em; min-height: 0; white-space: normal;
    border-radius: var(--_radius-sm);
  }
  .tier[aria-checked='true'] { border-color: var(--_primary); box-shadow: 0 0 0 2px var(--_primary); background: var(--_primary-soft); }
  .tier .t-name { font-weight: 700; }
  .tier .t-size { font-size: 0.78em; color: var(--_muted); font-weight: 500; }
  .tier .t-cost { font-size: 0.85em; color: var(--_primary); font-weight: 700; }
  .balance-line { display: flex; justify-content: space-between; align-items: center; gap: 1em; font-size: 0.9em; }
  .balance-line strong { font-size: 1.05em; }
  .preview {
    position: sticky; top: var(--_space); display: grid; gap: var(--_space);
  }
  .canvas {
    aspect-ratio: 1; border-radius: var(--_radius); overflow: hidden; background: var(--_surface-alt);
    border: 1px solid var(--_border); display: grid; place-items: center; position: relative;
  }
  .canvas img { width: 100%; height: 100%; object-fit: cover; display: block; }
  .canvas .empty { display: grid; justify-items: center; gap: 0.5em; color: var(--_muted); text-align: center; padding: 2em; }
  .canvas .empty .bubble { width: 64px; height: 64px; border-radius: 20px; display: grid; place-items: center; background: var(--_primary-soft); color: var(--_primary); }
  .progress-wrap { width: 70%; display: grid; gap: 0.6em; justify-items: center; text-align: center; }
  .bar { width: 100%; height: 8px; border-radius: 99px; background: color-mix(in srgb, var(--_primary) 14%, transparent); overflow: hidden; }
  .bar > div { height: 100%; background: var(--_primary); border-radius: 99px; transition: width 0.4s ease; }
  .actions { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
  .actions .wide { grid-column: 1 / -1; }
  .remix-banner { display: flex; gap: 0.5em; align-items: center; }
  .remix-banner button { margin-left: auto; min-height: 30px; }
  .generate { width: 100%; }
  .fmt { display: inline-flex; gap: 0.4em; align-items: center; }
  .fmt .r { font-weight: 400; }
  .fmt .ratio { display: inline-block; border: 2px solid currentColor; border-radius: 3px; max-width: 22px; max-height: 22px; }
  .canvas img { object-fit: contain; }
  .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .thumb { padding: 0; min-height: 0; overflow: hidden; border-radius: var(--_radius-sm); }
  .thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
  .thumb[aria-pressed='true'] { box-shadow: 0 0 0 2px var(--_primary); border-color: var(--_primary); }
`;
