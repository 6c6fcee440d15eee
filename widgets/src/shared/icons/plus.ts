import { svg } from 'lit';

export const icPlus = svg`<path d="M12 5v14M5 12h14"/>`;
