import { svg } from 'lit';

export const icClose = svg`<path d="M6 6l12 12M18 6L6 18"/>`;
