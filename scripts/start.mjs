// `npm start`: builds the SDK and widget bundles only if their sources changed (scripts/build-front.mjs), then
// starts the API in this same process (run as `node --import tsx scripts/start.mjs`): no npm-run, tsx CLI or
// second Node process in between, which is most of what a start costs once the bundles are built.
import { buildFront } from './build-front.mjs';

buildFront();
await import('../api/src/main.ts');
