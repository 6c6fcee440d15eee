import { svg } from 'lit';

export const icEdit = svg`<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13.5 6.5l4 4"/>`;
