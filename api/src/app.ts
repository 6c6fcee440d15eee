import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { RegisterRoutes } from './generated/routes.js';
import { errorMiddleware, AppError, sendProblem } from './errors.js';
import { requestIdMiddleware } from './http/request-id.js';
import { corsMiddleware } from './http/cors.js';
import { filesRouter } from './http/files.js';
import { rejectNulMiddleware } from './http/reject-nul.js';
import { services } from './context.js';
import { QueryTypes } from 'sequelize';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OPENAPI_PATH = path.join(ROOT, 'docs', 'openapi.json');

/** Routers that modules add outside tsoa (raw-body webhooks, HTML share pages, static sites). Mounted before tsoa's routes. */
const extraRouters: Router[] = [];
export function addRouter(r: Router) { extraRouters.push(r); }
export function clearRouters() { extraRouters.length = 0; }

/** Builds the Express app; never listens (main.ts and the tests do). */
export function buildApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.use(corsMiddleware);

  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    try {
      await services().db.sequelize.query('SELECT 1', { type: QueryTypes.SELECT });
      await services().db.sequelize.query('SELECT COUNT(*) AS n FROM agenda_jobs WHERE 1 = 0', { type: QueryTypes.SELECT });
      res.json({ status: 'ready', database: services().db.dialect });
    } catch {
      sendProblem(res, new AppError('provider_unavailable', 'The database or the job store is not reachable.'));
    }
  });

  const spec = fs.existsSync(OPENAPI_PATH) ? JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) : {};
  app.get('/docs/openapi.json', (_req, res) => { res.json(spec); });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec, { customSiteTitle: 'Community AI Studio API' }));

  // Raw bytes are kept for signature checks over the exact body (payment webhooks).
  app.use(express.json({ limit: '256kb', verify: (req, _res, buf) => { (req as unknown as { rawBody: Buffer }).rawBody = buf; } }));
  app.use(rejectNulMiddleware);
  app.use(filesRouter());
  for (const r of extraRouters) app.use(r);
  RegisterRoutes(app);

  app.use((req, res) => sendProblem(res, new AppError('not_found', `No route ${req.method} ${req.path}.`)));
  app.use(errorMiddleware);
  return app;
}
