import { Router, type Request, type Response } from 'express';
import { AppError, sendProblem } from '../errors.js';
import { applyGatewayEvent } from './webhook-events.js';
import { webhookGateway } from './gateways/accounts.js';

/**
 * POST /api/webhooks/{gateway} and POST /api/webhooks/razorpay/{partnerId}: public, authenticated only by the gateway's
 * signature over the exact bytes received (req.rawBody, kept by express.json), so a body that was parsed and re-serialised
 * never verifies. The first is the process account (the default partner's, and every partner's without its own); the second
 * a partner's own account (payments/accounts.ts), which only touches that partner's orders. Any other name is 404.
 */
export function paymentsWebhookRouter() {
  const r = Router();
  const handle = async (req: Request, res: Response, name: string, partnerId?: string) => {
    const found = await webhookGateway(name, partnerId);
    const gateway = found?.gateway;
    if (!found || !gateway?.webhook) return sendProblem(res, new AppError('not_found', 'No payment gateway of this name is configured.'));
    const header = (h: string) => req.header(h);
    const raw = (req as Request & { rawBody?: Buffer }).rawBody;
    if (!raw || !gateway.webhook.verify(raw, header)) {
      return sendProblem(res, new AppError('payment_verification_failed', 'The webhook signature does not match the body.'));
    }
    const evt = gateway.webhook.map(req.body, header);
    if (!evt) return sendProblem(res, new AppError('validation_error', `Not a ${gateway.name} event.`));
    res.json({ status: await applyGatewayEvent(gateway, evt, raw, found.scope) });
  };
  r.post('/api/webhooks/:gateway', (req, res, next) => { handle(req, res, req.params.gateway ?? '').catch(next); });
  r.post('/api/webhooks/:gateway/:partnerId', (req, res, next) => { handle(req, res, req.params.gateway ?? '', req.params.partnerId).catch(next); });
  return r;
}
