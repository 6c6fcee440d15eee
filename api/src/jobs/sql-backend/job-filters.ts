import { Op } from 'sequelize';
import type { WhereOptions } from 'sequelize';
import type { RemoveJobsOptions } from 'agenda';
import type { JobRow } from './job-model.js';

/**
 * The SQL part of a RemoveJobsOptions filter (ids and names). Returns null when
 * the options name no criterion at all, so callers can refuse to touch every
 * row by accident: a bare `{}` must match nothing, as in Agenda's Mongo backend.
 */
export function whereForSelection(options: RemoveJobsOptions): WhereOptions<JobRow> | null {
  const where: Record<string | symbol, unknown> = {};
  if (options.id !== undefined) where.id = String(options.id);
  else if (options.ids && options.ids.length > 0) where.id = { [Op.in]: options.ids.map(String) };

  if (options.name !== undefined) where.name = options.name;
  else if (options.names && options.names.length > 0) where.name = { [Op.in]: options.names };
  else if (options.notNames && options.notNames.length > 0) where.name = { [Op.notIn]: options.notNames };

  if (Object.keys(where).length === 0 && options.data === undefined) return null;
  return where as WhereOptions<JobRow>;
}

/**
 * Whether stored job data matches a filter: objects match when every key of the
 * filter matches (recursively), anything else must be deeply equal. Done in
 * JavaScript because data is stored as portable JSON text, not a JSON column.
 */
export function dataMatches(actual: unknown, filter: unknown): boolean {
  if (filter === null || typeof filter !== 'object') return Object.is(actual, filter) || actual === filter;
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(filter)) {
    return Array.isArray(actual) && actual.length === filter.length && filter.every((v, i) => dataMatches(actual[i], v));
  }
  return Object.entries(filter as Record<string, unknown>).every(([key, value]) =>
    dataMatches((actual as Record<string, unknown>)[key], value),
  );
}
