import { svg } from 'lit';

export const icInbox = svg`<path d="M3 13l3-8h12l3 8"/><path d="M3 13v6h18v-6h-5l-1.5 2.5h-5L8 13z"/>`;
