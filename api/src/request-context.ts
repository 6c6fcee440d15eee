import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request (or per-job) context so every log line carries its request id without threading it through calls. */
export interface RequestContext { requestId: string; tenantId?: string; userId?: string; jobId?: string }
export const requestContext = new AsyncLocalStorage<RequestContext>();
export const currentRequestId = () => requestContext.getStore()?.requestId;
