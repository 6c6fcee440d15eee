import { svg } from 'lit';

export const icFlag = svg`<path d="M4 22V4"/><path d="M4 4h13l-2 4 2 4H4"/>`;
