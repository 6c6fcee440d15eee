import client from 'prom-client';

/**
 * The process's Prometheus metrics, in one registry of our own (not prom-client's global one, so a test that
 * boots twice in one process does not register a metric twice). Hot paths only increment these; anything that
 * needs the database (the job backlog) is computed at scrape time in jobs-gauges.ts.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route template (never a raw id) and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const jobDuration = new client.Histogram({
  name: 'ais_job_duration_seconds',
  help: 'Job runs by job name and outcome (succeeded, failed, retry, skipped, error).',
  labelNames: ['name', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

export const providerRequests = new client.Counter({
  name: 'ais_provider_requests_total',
  help: 'Image provider calls by provider and outcome (success, error, refused, fallback = failed and the fallback was asked).',
  labelNames: ['provider', 'outcome'] as const,
  registers: [registry],
});

export const rateLimited = new client.Counter({
  name: 'ais_rate_limited_total',
  help: 'Requests refused with 429 rate_limited, by limit.',
  labelNames: ['limit'] as const,
  registers: [registry],
});

export const rateLimitStoreErrors = new client.Counter({
  name: 'ais_rate_limit_store_errors_total',
  help: 'Rate-limit checks the shared store (Redis) could not answer, by limit and what was done (open = let through, closed = refused).',
  labelNames: ['limit', 'policy'] as const,
  registers: [registry],
});

export const generateGroupSize = new client.Histogram({
  name: 'ais_generate_group_size',
  help: 'Generate acknowledgements per committed transaction (group commit): 1 when the load is light, more under load.',
  buckets: [1, 2, 4, 8, 16, 32],
  registers: [registry],
});

export const ledgerMovements = new client.Counter({
  name: 'ais_ledger_movements_total',
  help: 'Committed credit ledger movements by reason.',
  labelNames: ['reason'] as const,
  registers: [registry],
});

/** One line for the ledger: counted only once the movement's transaction has committed. */
export function countLedgerMovement(t: { afterCommit(fn: () => void): void }, reason: string) {
  t.afterCommit(() => countLedgerMovementCommitted(reason));
}
/** countLedgerMovement for a transaction the caller saw commit (db.script). */
export const countLedgerMovementCommitted = (reason: string) => ledgerMovements.inc({ reason });
