import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../config.js';

/** Prints a JWT for the default partner: npm run token -- --sub alice [--name Alice] [--role admin] [--ref CODE] [--ttl 3600] */
const { values } = parseArgs({
  options: {
    sub: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, ref: { type: 'string' },
    ttl: { type: 'string', default: String(24 * 3600) },
  },
});
if (!values.sub) {
  console.error('usage: npm run token -- --sub alice [--name Alice] [--role admin] [--ref CODE] [--ttl seconds]');
  process.exit(2);
}
const config = loadConfig();
const claims: Record<string, string> = {};
for (const k of ['name', 'email', 'role', 'ref'] as const) if (values[k]) claims[k] = values[k]!;
process.stdout.write(jwt.sign({ sub: values.sub, ...claims }, config.authJwtSecret, { algorithm: 'HS256', expiresIn: Number(values.ttl) }) + '\n');
