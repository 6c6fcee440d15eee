import { svg, type SVGTemplateResult } from 'lit';

/**
 * A handful of 24px stroke icons, drawn here so no icon font or network request is needed. Each icon is its own
 * module (`import { icSparkles } from './icons/sparkles.js'`, then `icon(icSparkles)`): rollup splits chunks by
 * module, so a page's chunks carry only the icons of the widgets it embeds.
 */

export function icon(path: SVGTemplateResult, size = 18) {
  return svg`<svg width=${size} height=${size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${path}</svg>`;
}
