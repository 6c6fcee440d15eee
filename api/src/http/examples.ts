import fs from 'node:fs';
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
  const widgetsDist = path.join(ROOT, 'widgets', 'dist');
  // The same files under the package's version, cacheable for a year: a partner pins the version and adds SRI
  // (hashes in docs/widgets.md). Other versions are not carried: they fall through to a 404.
  r.use(`/widgets/v${widgetsVersion()}`, express.static(widgetsDist, { immutable: true, maxAge: 31_536_000_000 }));
  r.use('/widgets', express.static(widgetsDist));
  r.use('/sdk', express.static(path.join(ROOT, 'sdk', 'dist')));
  r.use(exampleSite());
  services().routers.push(r);
}

/** The version of widgets/package.json, read once per mount. */
function widgetsVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'widgets', 'package.json'), 'utf8')) as { version: string }).version;
}
