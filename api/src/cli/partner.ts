import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDatabase, ensureDatabaseExists, migrate } from '../db.js';
import { configureLogger } from '../logger.js';
import { initModels } from '../models/index.js';
import { databaseOnlyContext, setAppContext } from '../context.js';
import { problemBody, toAppError } from '../errors.js';
import { createPartner } from '../operations/platform/create-partner.js';
import { listPartners } from '../operations/platform/list-partners.js';
import { getPartner } from '../operations/platform/get-partner.js';
import { updatePartner } from '../operations/platform/update-partner.js';
import { rotatePublishableKey } from '../operations/platform/rotate-publishable-key.js';

/**
 * The platform API from the command line, for operators without it (no PLATFORM_API_KEY) — the same use cases,
 * the same validation, JSON on stdout. Errors are the API's problem documents on stderr (exit 1); usage errors exit 2.
 * Running servers see the change within a second (tenants.ts).
 */
const USAGE = `usage: npm run partner -- <command> [options]
  create --name NAME [--slug SLUG] --algorithm HS256|RS256|ES256 (--secret S | --secret-file F | --jwks-url URL | --public-key-file PEM)
         [--issuer ISS] [--audience AUD] [--origin https://app.example.com ...] [--site-url URL] [--max-token-lifetime SECONDS]
  create --json '{"name": ..., "auth": {...}}'         (the API's body)
  list [--status active|disabled] [--limit N] [--cursor C]
  get ID
  update ID [any create option] [--status active|disabled] | update ID --json '{...}'
  rotate-key ID
  disable ID
  enable ID`;

const options = {
  json: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' }, algorithm: { type: 'string' }, secret: { type: 'string' },
  'secret-file': { type: 'string' }, 'jwks-url': { type: 'string' }, 'public-key-file': { type: 'string' }, issuer: { type: 'string' },
  audience: { type: 'string' }, origin: { type: 'string', multiple: true }, 'site-url': { type: 'string' }, 'max-token-lifetime': { type: 'string' },
  status: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, help: { type: 'boolean' },
} as const;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/** Options -> the API's body; only what was given, so an update changes only those fields. */
function bodyFrom(v: Values): Record<string, unknown> {
  if (v.json !== undefined) {
    try {
      return JSON.parse(v.json);
    } catch {
      usage('--json is not valid JSON');
    }
  }
  const body: Record<string, unknown> = {};
  if (v.name !== undefined) body.name = v.name;
  if (v.slug !== undefined) body.slug = v.slug;
  if (v.algorithm !== undefined) {
    const auth: Record<string, unknown> = { algorithm: v.algorithm };
    if (v.secret !== undefined) auth.secret = v.secret;
    if (v['secret-file'] !== undefined) auth.secret = fs.readFileSync(v['secret-file'], 'utf8').trim();
    if (v['jwks-url'] !== undefined) auth.jwksUrl = v['jwks-url'];
    if (v['public-key-file'] !== undefined) auth.publicKey = fs.readFileSync(v['public-key-file'], 'utf8');
    body.auth = auth;
  } else if (v.secret !== undefined || v['secret-file'] !== undefined || v['jwks-url'] !== undefined || v['public-key-file'] !== undefined) {
    usage('--secret, --secret-file, --jwks-url and --public-key-file need --algorithm');
  }
  for (const [flag, field] of [['issuer', 'issuer'], ['audience', 'audience'], ['site-url', 'siteUrl']] as const) {
    const val = v[flag];
    if (val !== undefined) body[field] = val === '' ? null : val;
  }
  if (v.origin !== undefined) body.allowedOrigins = v.origin.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  if (v['max-token-lifetime'] !== undefined) body.maxTokenLifetimeSeconds = Number(v['max-token-lifetime']);
  if (v.status !== undefined) body.status = v.status;
  return body;
}

const parsed = ((): { values: Values; positionals: string[] } => {
  try {
    return parseArgs({ options, allowPositionals: true, strict: true });
  } catch (err) {
    return usage((err as Error).message);
  }
})();
const { values, positionals } = parsed;
const [command, id] = positionals;
if (values.help || !command) usage();
const needId = () => id ?? usage(`${command} needs the partner's id`);

configureLogger('warn');
const config = loadConfig();
await ensureDatabaseExists(config.databaseUrl);
const db = createDatabase(config.databaseUrl);
initModels(db.sequelize);
setAppContext(databaseOnlyContext(config, db));
const ACTOR = 'platform-cli';
try {
  await migrate(db);
  let out: unknown;
  switch (command) {
    case 'create': out = await createPartner(bodyFrom(values), ACTOR); break;
    case 'list': out = await listPartners({ status: values.status, cursor: values.cursor, limit: values.limit === undefined ? undefined : Number(values.limit) }); break;
    case 'get': out = await getPartner(needId()); break;
    case 'update': out = await updatePartner(needId(), bodyFrom(values), ACTOR); break;
    case 'rotate-key': out = await rotatePublishableKey(needId(), ACTOR); break;
    case 'disable': out = await updatePartner(needId(), { status: 'disabled' }, ACTOR); break;
    case 'enable': out = await updatePartner(needId(), { status: 'active' }, ACTOR); break;
    default: usage(`unknown command "${command}"`);
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} catch (err) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) console.error((err as Error).stack ?? String(err));
  process.stderr.write(JSON.stringify(problemBody(appErr, undefined), null, 2) + '\n');
  process.exitCode = 1;
} finally {
  await db.close();
}
