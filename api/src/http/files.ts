import { Router } from 'express';
import { GeneratedImage } from '../models/index.js';
import { verifySignedUrl } from '../storage/signed-urls.js';
import { services } from '../context.js';
import { AppError, sendProblem } from '../errors.js';

/** Serves private image bytes to holders of a valid signed URL (no bearer token: <img> tags cannot send one). */
export function filesRouter() {
  const r = Router();
  r.get('/api/files/:imageId/:variant', async (req, res, next) => {
    try {
      const { imageId, variant } = req.params;
      const download = req.query.download === '1';
      if ((variant !== 'original' && variant !== 'thumb') ||
        !verifySignedUrl(imageId, variant, req.query.exp as string | undefined, req.query.sig as string | undefined, download)) {
        return sendProblem(res, new AppError('not_found', 'This link is invalid or has expired.'));
      }
      const img = await GeneratedImage.findOne({ where: { id: imageId, deletedAt: null } });
      const key = variant === 'thumb' ? img?.thumbKey : img?.storageKey;
      const bytes = key ? await services().storage.get(key) : null;
      if (!img || !bytes) return sendProblem(res, new AppError('not_found', 'No such image.'));
      res.setHeader('Content-Type', variant === 'thumb' ? 'image/webp' : 'image/png');
      res.setHeader('Cache-Control', 'private, max-age=3600');
      if (download) res.setHeader('Content-Disposition', `attachment; filename="${img.id}.png"`);
      res.send(bytes);
    } catch (err) {
      next(err);
    }
  });
  return r;
}
