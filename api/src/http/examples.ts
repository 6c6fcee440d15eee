import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { addRouter } from '../app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Serves the built widgets and SDK, and the example partner site when it exists. */
export function mountExamples() {
  const r = Router();
  r.use('/widgets', express.static(path.join(ROOT, 'widgets', 'dist')));
  r.use('/sdk', express.static(path.join(ROOT, 'sdk', 'dist')));
  const site = path.join(ROOT, 'examples', 'affiliate-platform', 'server.ts');
  if (fs.existsSync(site)) {
    r.use(async (req, res, next) => {
      const mod = (await import(SITE_MODULE)) as { router: () => Router };
      const inner = (cache ??= mod.router());
      inner(req, res, next);
    });
  }
  addRouter(r);
}
let cache: Router | undefined;
// A variable specifier: the example site is optional and not part of the API's type graph.
const SITE_MODULE = '../../../examples/affiliate-platform/server.js';
