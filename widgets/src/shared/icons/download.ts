import { svg } from 'lit';

export const icDownload = svg`<path d="M12 3v12"/><path d="M7 10l5 5 5-5"/><path d="M5 21h14"/>`;
