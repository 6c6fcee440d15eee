import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { services } from '../context.js';
import { router as exampleSite } from '../../../examples/affiliate-platform/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Serves the built widgets and SDK: always, in production too, since partners load the widgets from here
 * (pinned under /widgets/v<version>/ with SRI). Mounted on the booted AppContext, before buildApp().
 */
export function mountBundles() {
  services().routers.push(bundlesRouter());
}

/**
 * The bundles and the example partner site (SERVE_EXAMPLES, on outside production).
 * Imported statically: a dynamic import() can load a second copy of the API's modules under some loaders
 * (mocha + tsx), which would leave the site with services of its own. Mounted on the booted AppContext, before buildApp().
 */
export function mountExamples() {
  const r = bundlesRouter();
  r.use(exampleSite());
  services().routers.push(r);
}

/** The static routes for the built bundles (exported for tests). */
export function bundlesRouter(): Router {
  const r = Router();
  const widgetsDist = path.join(ROOT, 'widgets', 'dist');
  // The same files under the version they were built as, cacheable for a year: a partner pins the version and adds
  // SRI (hashes in docs/widgets.md). Other versions are not carried: they fall through to a 404.
  const version = builtWidgetsVersion(widgetsDist);
  if (version) r.use(`/widgets/v${version}`, express.static(widgetsDist, { immutable: true, maxAge: 31_536_000_000 }));
  r.use('/widgets', express.static(widgetsDist));
  r.use('/sdk', express.static(path.join(ROOT, 'sdk', 'dist')));
  return r;
}

/**
 * The widgets' version as written by the build into dist/sri.json (widgets/scripts/package-meta.mjs); undefined
 * before a build, or in an image without it, where only the unversioned path is served.
 */
function builtWidgetsVersion(dist: string): string | undefined {
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(dist, 'sri.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' && /^[0-9A-Za-z.+-]+$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
