import { svg } from 'lit';

export const icAlert = svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v6"/><path d="M12 16.5v.5"/>`;
