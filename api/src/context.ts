import type { AppConfig } from './config.js';
import type { Database } from './db.js';

/**
 * Process-wide services, set once at boot (or per test). tsoa builds controllers with `new`, so
 * controllers and operations reach shared services through here rather than a DI container.
 */
export interface Services {
  config: AppConfig;
  db: Database;
  [name: string]: unknown;
}

let current: Services | undefined;
export function setServices(s: Services) { current = s; }
export function services(): Services {
  if (!current) throw new Error('services not initialised');
  return current;
}
/** A named service registered by a module at boot (storage, queue, payments ...). */
export function service<T>(name: string): T {
  const s = services()[name];
  if (s === undefined) throw new Error(`service ${name} not registered`);
  return s as T;
}
export function registerService(name: string, value: unknown) { services()[name] = value; }
