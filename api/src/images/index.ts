export { imageInfo, type ImageInfo } from './info.js';
export { makeThumbnail, THUMBNAIL_CONTENT_TYPE, THUMBNAIL_FORMAT } from './thumbnail.js';
export { applyWatermark, DEFAULT_WATERMARK_TEXT, type WatermarkOptions } from './watermark.js';
export { applyQrCode, type QrOptions } from './qr.js';
export type { Corner } from './placement.js';
