import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { services } from '../context.js';
import { router as exampleSite } from '../../../examples/affiliate-platform/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Serves the built widgets and SDK, and the example partner site (SERVE_EXAMPLES, on outside production).
 * Imported statically: a dynamic import() can load a second copy of the API's modules under some loaders
 * (mocha + tsx), which would leave the site with services of its own. Mounted on the booted AppContext, before buildApp().
 */
export function mountExamples() {
  const r = Router();
  r.use('/widgets', express.static(path.join(ROOT, 'widgets', 'dist')));
  r.use('/sdk', express.static(path.join(ROOT, 'sdk', 'dist')));
  r.use(exampleSite());
  services().routers.push(r);
}
