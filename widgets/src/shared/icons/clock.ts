import { svg } from 'lit';

export const icClock = svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`;
