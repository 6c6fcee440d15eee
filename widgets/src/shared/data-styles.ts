import { css } from 'lit';
import { base1, base2, base3 } from './styles.js';

/**
 * Rules for data views (positive amounts, toasts, stat tiles, tables, numeric cells), after baseStyles in the widgets that show them. Its
 * own module (rollup splits chunks by module): a page with only the studio, which has none, does not download them.
 */
export const dataStyles = css`
  .pos { color: var(--_success); }
  .toast {
    position: sticky; bottom: var(--_space); margin-top: var(--_space); justify-self: center;
    background: var(--_text); color: var(--_surface); padding: 0.6em 1em; border-radius: var(--_radius-sm); font-size: 0.9em; width: fit-content;
  }
  .stat { display: grid; gap: 0.15em; }
  .stat .value { font-size: 1.6em; font-weight: 750; letter-spacing: -0.02em; line-height: 1.15; }
  .stat .label { font-size: 0.82em; color: var(--_muted); font-weight: 550; }
  table { width: 100%; border-collapse: collapse; font-size: 0.92em; }
  th { text-align: left; font-weight: 650; color: var(--_muted); font-size: 0.85em; padding: 0.55em 0.6em; border-bottom: 1px solid var(--_border); }
  td { padding: 0.65em 0.6em; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  tr:last-child td { border-bottom: none; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
`;

/** Spacer and visually-hidden (between base1 and base2). */
const baseExtra1 = css`
  .spacer { flex: 1; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Danger and warning badges, cards (between base2 and base3). */
const baseExtra2 = css`
  .badge.danger { background: color-mix(in srgb, var(--_danger) 12%, transparent); color: var(--_danger); }
  .badge.warning { background: color-mix(in srgb, var(--_warning) 14%, transparent); color: var(--_warning); }

  .card {
    background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
    overflow: hidden; display: flex; flex-direction: column;
    transition: box-shadow 0.2s, transform 0.2s, border-color 0.2s;
  }
  .card:hover { box-shadow: var(--_shadow); }
`;

/**
 * What every widget but the studio styles itself with, before its own sheet: the base rules with the extra ones in
 * their original places, then the data-view rules (own module: rollup splits chunks by module, so a page with only
 * the studio, which uses none of them, does not download them).
 */
export const fullBaseStyles = [base1, baseExtra1, base2, baseExtra2, base3, dataStyles];
