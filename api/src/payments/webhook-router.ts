import { Router, type Request } from 'express';
import { AppError, sendProblem } from '../errors.js';
import { activeGateway, RazorpayGateway } from './gateways/index.js';
import { handleRazorpayEvent, isRazorpayEvent } from './razorpay-events.js';

/**
 * POST /api/webhooks/razorpay: public, authenticated only by the HMAC of the exact bytes received
 * (req.rawBody, kept by express.json), so a body that was parsed and re-serialised never verifies.
 */
export function paymentsWebhookRouter() {
  const r = Router();
  r.post('/api/webhooks/razorpay', async (req, res, next) => {
    try {
      const gateway = activeGateway();
      if (!(gateway instanceof RazorpayGateway)) return sendProblem(res, new AppError('not_found', 'Razorpay is not configured.'));
      const raw = (req as Request & { rawBody?: Buffer }).rawBody;
      if (!raw || !gateway.webhookSignatureValid(raw, req.header('x-razorpay-signature'))) {
        return sendProblem(res, new AppError('payment_verification_failed', 'The webhook signature does not match the body.'));
      }
      if (!isRazorpayEvent(req.body)) return sendProblem(res, new AppError('validation_error', 'Not a Razorpay event.'));
      const outcome = await handleRazorpayEvent(req.body, req.header('x-razorpay-event-id'), raw);
      res.json({ status: outcome });
    } catch (err) {
      next(err);
    }
  });
  return r;
}
