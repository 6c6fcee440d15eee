import 'express';

declare global {
  namespace Express {
    interface Request {
      /** Set by tsoa authentication: a Principal or a Visitor (auth/principal.ts). */
      user?: unknown;
      /** The exact request bytes, for signature checks (payment webhooks). */
      rawBody?: Buffer;
    }
  }
}
