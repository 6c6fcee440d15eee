import { svg } from 'lit';

export const icRefresh = svg`<path d="M20 11a8 8 0 1 0-2.3 5.7"/><path d="M20 4v7h-7"/>`;
