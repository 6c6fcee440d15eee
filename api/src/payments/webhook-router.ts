import { Router, type Request } from 'express';
import { AppError, sendProblem } from '../errors.js';
import { gatewayFor } from './gateways/index.js';
import { applyGatewayEvent } from './webhook-events.js';

/**
 * POST /api/webhooks/{gateway}: public, authenticated only by the gateway's signature over the exact bytes received
 * (req.rawBody, kept by express.json), so a body that was parsed and re-serialised never verifies. Only the active
 * gateway answers; any other name is 404.
 */
export function paymentsWebhookRouter() {
  const r = Router();
  r.post('/api/webhooks/:gateway', async (req, res, next) => {
    try {
      const gateway = gatewayFor(req.params.gateway ?? '');
      if (!gateway?.webhook) return sendProblem(res, new AppError('not_found', 'No payment gateway of this name is configured.'));
      const header = (name: string) => req.header(name);
      const raw = (req as Request & { rawBody?: Buffer }).rawBody;
      if (!raw || !gateway.webhook.verify(raw, header)) {
        return sendProblem(res, new AppError('payment_verification_failed', 'The webhook signature does not match the body.'));
      }
      const evt = gateway.webhook.map(req.body, header);
      if (!evt) return sendProblem(res, new AppError('validation_error', `Not a ${gateway.name} event.`));
      res.json({ status: await applyGatewayEvent(gateway, evt, raw) });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
