import { css } from 'lit';

/**
 * Theme: every public custom property is read through a private `--_x` alias with a default, so a partner can
 * set `--ais-color-primary` on the element, on a parent or on :root and it is inherited into the shadow root.
 */
const base1 = css`
  :host {
    --_primary: var(--ais-color-primary, #4f46e5);
    --_primary-hover: var(--ais-color-primary-hover, color-mix(in srgb, var(--_primary) 86%, #000));
    --_primary-soft: var(--ais-color-primary-soft, color-mix(in srgb, var(--_primary) 10%, transparent));
    --_on-primary: var(--ais-color-on-primary, #fff);
    --_surface: var(--ais-color-surface, #ffffff);
    --_surface-alt: var(--ais-color-surface-alt, #f6f7fb);
    --_text: var(--ais-color-text, #161a2b);
    --_muted: var(--ais-color-muted, #5f6478);
    --_border: var(--ais-color-border, #e3e5ee);
    --_danger: var(--ais-color-danger, #c62828);
    --_success: var(--ais-color-success, #166534);
    --_warning: var(--ais-color-warning, #92400e);
    --_radius: var(--ais-radius, 14px);
    --_radius-sm: var(--ais-radius-small, 9px);
    --_space: var(--ais-spacing, 16px);
    --_font: var(--ais-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Devanagari', sans-serif);
    --_shadow: var(--ais-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 4px 16px rgb(16 24 40 / 6%));
    --_focus: var(--ais-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_primary) 35%, transparent));

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--ais-font-size, 15px);
    line-height: 1.5;
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: inherit; }

  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 1.5);
  }
  @media (max-width: 480px) { .panel { padding: var(--_space); } }
  .header { display: flex; align-items: center; justify-content: space-between; gap: var(--_space); margin-bottom: var(--_space); flex-wrap: wrap; }
  h2, h3, h4 { margin: 0; line-height: 1.25; letter-spacing: -0.01em; }
  h2 { font-size: 1.3em; font-weight: 700; }
  h3 { font-size: 1.05em; font-weight: 650; }
  h4, .eyebrow { font-size: 0.8em; font-weight: 650; text-transform: uppercase; letter-spacing: 0.06em; color: var(--_muted); }
  p { margin: 0; }
  .muted { color: var(--_muted); }
  .small { font-size: 0.87em; }
  .row { display: flex; gap: calc(var(--_space) * 0.6); align-items: center; flex-wrap: wrap; }
  .stack { display: grid; gap: var(--_space); }
`;

const base2 = css`

  button, .button {
    font: inherit; font-weight: 600; font-size: 0.93em;
    display: inline-flex; align-items: center; justify-content: center; gap: 0.45em;
    min-height: 40px; padding: 0 1.05em;
    border-radius: var(--_radius-sm); border: 1px solid var(--_border);
    background: var(--_surface); color: var(--_text);
    cursor: pointer; text-decoration: none; white-space: nowrap;
    transition: background 0.15s, border-color 0.15s, box-shadow 0.15s, transform 0.05s;
  }
  button:hover:not(:disabled), .button:hover { border-color: color-mix(in srgb, var(--_primary) 45%, var(--_border)); background: var(--_surface-alt); }
  button:active:not(:disabled) { transform: translateY(1px); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button.primary, .button.primary { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); box-shadow: 0 1px 2px rgb(16 24 40 / 12%); }
  button.primary:hover:not(:disabled), .button.primary:hover { background: var(--_primary-hover); border-color: var(--_primary-hover); }
  button.ghost { border-color: transparent; background: transparent; }
  button.ghost:hover:not(:disabled) { background: var(--_primary-soft); border-color: transparent; }
  button.danger { color: var(--_danger); }
  button.big { min-height: 48px; font-size: 1em; padding: 0 1.4em; }
  button.icon { padding: 0; width: 40px; }
  :focus-visible { outline: none; box-shadow: var(--_focus); }

  input, textarea, select {
    font: inherit; color: var(--_text); background: var(--_surface);
    border: 1px solid var(--_border); border-radius: var(--_radius-sm);
    padding: 0.55em 0.75em; min-height: 40px; width: 100%;
  }
  textarea { resize: vertical; min-height: 96px; line-height: 1.45; }
  input:focus, textarea:focus, select:focus { outline: none; border-color: var(--_primary); box-shadow: var(--_focus); }
  input[type='checkbox'], input[type='radio'] { width: auto; min-height: 0; accent-color: var(--_primary); }
  label.field { display: grid; gap: 0.3em; font-weight: 600; font-size: 0.9em; align-content: start; }
  label.field input, label.field select, label.field textarea { font-weight: 400; }
  label.field > span.hint { font-weight: 400; color: var(--_muted); }
  label.check { display: flex; gap: 0.5em; align-items: center; font-size: 0.92em; cursor: pointer; }

  .chips { display: flex; gap: 0.5em; flex-wrap: wrap; }
  .chip {
    min-height: 34px; padding: 0 0.95em; border-radius: 999px; font-weight: 550; font-size: 0.88em;
    background: var(--_surface); border: 1px solid var(--_border);
  }
  .chip[aria-pressed='true'], .chip[aria-selected='true'], .chip[aria-checked='true'] {
    background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary);
  }
  .badge {
    display: inline-flex; align-items: center; gap: 0.3em; padding: 0.1em 0.6em; border-radius: 999px;
    font-size: 0.78em; font-weight: 650; background: var(--_primary-soft); color: var(--_primary);
  }
  .badge.success { background: color-mix(in srgb, var(--_success) 12%, transparent); color: var(--_success); }
`;

const base3 = css`
  .grid { display: grid; gap: var(--_space); grid-template-columns: repeat(auto-fill, minmax(var(--ais-card-min-width, 200px), 1fr)); }
  .thumb { aspect-ratio: 1; width: 100%; object-fit: cover; display: block; background: var(--_surface-alt); }

  .state {
    display: grid; justify-items: center; text-align: center; gap: 0.6em;
    padding: calc(var(--_space) * 2) var(--_space); color: var(--_muted);
  }
  .state .state-icon {
    width: 48px; height: 48px; border-radius: 50%; display: grid; place-items: center;
    background: var(--_surface-alt); color: var(--_muted);
  }
  .state.error .state-icon, .state.insufficient .state-icon { background: color-mix(in srgb, var(--_danger) 10%, transparent); color: var(--_danger); }
  .state.rate .state-icon { background: color-mix(in srgb, var(--_warning) 12%, transparent); color: var(--_warning); }
  .stack > .state.insufficient, .stack > .state.rate { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) * 1.25); }
  .state strong { color: var(--_text); font-size: 1.02em; }
  .state .ref { font-size: 0.78em; font-family: ui-monospace, monospace; }
  .inline-alert {
    display: flex; gap: 0.6em; align-items: flex-start; padding: 0.7em 0.9em; border-radius: var(--_radius-sm);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface)); color: var(--_danger); font-size: 0.92em;
    border: 1px solid color-mix(in srgb, var(--_danger) 25%, transparent);
  }
  .inline-alert.success { background: color-mix(in srgb, var(--_success) 8%, var(--_surface)); color: var(--_success); border-color: color-mix(in srgb, var(--_success) 25%, transparent); }
  .inline-alert.info { background: var(--_primary-soft); color: var(--_text); border-color: color-mix(in srgb, var(--_primary) 20%, transparent); }

  .spinner {
    width: 28px; height: 28px; border-radius: 50%;
    border: 3px solid color-mix(in srgb, var(--_primary) 18%, transparent); border-top-color: var(--_primary);
    animation: ais-spin 0.8s linear infinite;
  }
  .spinner.on-primary { width: 18px; height: 18px; border-width: 2px; border-color: rgb(255 255 255 / 35%); border-top-color: var(--_on-primary); }
  .skeleton { background: linear-gradient(90deg, var(--_surface-alt), color-mix(in srgb, var(--_surface-alt) 40%, var(--_border)), var(--_surface-alt)); background-size: 200% 100%; animation: ais-shimmer 1.4s ease-in-out infinite; }
  @keyframes ais-spin { to { transform: rotate(360deg); } }
  @keyframes ais-shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
  @media (prefers-reduced-motion: reduce) {
    .spinner, .skeleton { animation-duration: 3s; }
    * { transition: none !important; }
  }

  dialog {
    border: none; border-radius: var(--_radius); padding: 0; color: var(--_text); background: var(--_surface);
    box-shadow: 0 24px 64px rgb(16 24 40 / 28%); width: min(460px, calc(100vw - 32px)); font-family: var(--_font);
  }
  dialog::backdrop { background: rgb(15 18 30 / 45%); backdrop-filter: blur(2px); }
  dialog .dialog-body { padding: calc(var(--_space) * 1.5); display: grid; gap: var(--_space); }
  dialog .dialog-actions { display: flex; gap: 0.6em; justify-content: flex-end; }

  .neg { color: var(--_danger); }
`;

/**
 * The rules every widget uses, as three sheets (what a page with only the studio downloads). The other widgets use
 * fullBaseStyles (data-styles.ts): these three with a few more rules (spacer, visually-hidden, danger and warning
 * badges, cards) between them in their original places, then the data-view rules, so their cascade is the same as
 * with the one sheet this was before.
 */
export const baseStyles = [base1, base2, base3];
export { base1, base2, base3 };
