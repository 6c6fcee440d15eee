import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { RegisterRoutes } from './generated/routes.js';
import { errorMiddleware, AppError, sendProblem } from './errors.js';
import { requestIdMiddleware } from './http/request-id.js';
import { corsMiddleware } from './http/cors.js';
import { filesRouter } from './http/files.js';
import { rejectNulMiddleware } from './http/reject-nul.js';
import { services } from './context.js';
import { QueryTypes } from 'sequelize';
import { httpMetrics, metricsHandler } from './metrics/http.js';
import { rateLimitStoreStatus } from './util/rate-limit-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OPENAPI_PATH = path.join(ROOT, 'docs', 'openapi.json');

/**
 * Builds the Express app over the booted AppContext; never listens (main.ts and the tests do). The modules' routers
 * (raw-body webhooks, HTML share pages, public images, the example site) are mounted before tsoa's routes.
 */
export function buildApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services().config.trustProxy);
  app.set('etag', false);
  app.use(httpMetrics);
  app.use(requestIdMiddleware);
  app.use(corsMiddleware);

  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/metrics', metricsHandler(() => services().config.metricsToken));
  app.get('/readyz', async (_req, res) => {
    try {
      await services().db.sequelize.query('SELECT 1', { type: QueryTypes.SELECT });
      await services().db.sequelize.query('SELECT COUNT(*) AS n FROM agenda_jobs WHERE 1 = 0', { type: QueryTypes.SELECT });
    } catch {
      return sendProblem(res, new AppError('not_ready', 'The database or the job store is not reachable.'));
    }
    const { storage } = services();
    try {
      await storage.check();
    } catch {
      return sendProblem(res, new AppError('not_ready', 'The image store is not reachable.', { storage: storage.kind }));
    }
    const rateLimits = rateLimitStoreStatus(); // Redis down keeps the process ready: reads go on, spending is refused
    res.json({ status: rateLimits.ok ? 'ready' : 'degraded', database: services().db.dialect, storage: storage.kind, rateLimits });
  });

  const spec = fs.existsSync(OPENAPI_PATH) ? JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) : {};
  app.get('/docs/openapi.json', (_req, res) => { res.json(spec); });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec, { customSiteTitle: 'Community AI Studio API' }));

  // Raw bytes are kept for signature checks over the exact body (payment webhooks).
  // Brand kits carry a base64 logo of up to 1 MB (posters/logo.ts); every other route keeps the 256 kB limit.
  app.post('/api/studio/brand-kits', express.json({ limit: '1500kb' }));
  app.use(express.json({ limit: '256kb', verify: (req, _res, buf) => { (req as unknown as { rawBody: Buffer }).rawBody = buf; } }));
  app.use(rejectNulMiddleware);
  app.use(filesRouter());
  for (const r of services().routers) app.use(r);
  RegisterRoutes(app);

  app.use((req, res) => sendProblem(res, new AppError('not_found', `No route ${req.method} ${req.path}.`)));
  app.use(errorMiddleware);
  return app;
}
