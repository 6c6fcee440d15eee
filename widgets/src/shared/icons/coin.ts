import { svg } from 'lit';

export const icCoin = svg`<circle cx="12" cy="12" r="9"/><path d="M9 9.5c0-1.2 1.3-2 3-2s3 .8 3 2-1.3 1.7-3 2.1-3 .9-3 2.1 1.3 2 3 2 3-.8 3-2"/><path d="M12 5.5v2M12 16.5v2"/>`;
