import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import {
  createWebhook, deleteWebhook, getWebhook, listWebhooks, rotateWebhookSecret, updateWebhook, type CreateWebhookRequest, type UpdateWebhookRequest,
} from '../operations/webhooks/manage-endpoints.js';
import { listDeliveries, redeliver, sendTestEvent } from '../operations/webhooks/deliveries.js';
import type { WebhookDeliveryView, WebhookEndpointView, WebhookEndpointWithSecret } from '../presenters/webhooks.js';
import type { Problem } from './problem.js';

export interface WebhookList { items: WebhookEndpointView[] }
export interface WebhookDeliveryPage { items: WebhookDeliveryView[]; nextCursor?: string }

/** Outbound webhooks (Standard Webhooks): the partner's endpoints, their secrets and deliveries. */
@Route('api/admin/webhooks')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminWebhooksController extends Controller {
  /**
   * Adds an endpoint: https URL on a public address (http and private addresses only for hosts in WEBHOOK_ALLOWED_HOSTS),
   * event types or `*`. Answers the signing secret, which is shown only here and on rotation.
   * @summary Add a webhook endpoint
   */
  @Post()
  @OperationId('adminCreateWebhook')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(409, 'conflict (too many endpoints)')
  public async create(@Request() req: ExRequest, @Body() body: CreateWebhookRequest): Promise<WebhookEndpointWithSecret> {
    const out = await createWebhook(req.user as Principal, body);
    this.setStatus(201);
    return out;
  }

  /**
   * The partner's endpoints, without secrets.
   * @summary List webhook endpoints
   */
  @Get()
  @OperationId('adminListWebhooks')
  @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest): Promise<WebhookList> {
    return listWebhooks(req.user as Principal);
  }

  /**
   * One endpoint, without its secret.
   * @summary Get a webhook endpoint
   */
  @Get('{id}')
  @OperationId('adminGetWebhook')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async get(@Request() req: ExRequest, @Path() id: string): Promise<WebhookEndpointView> {
    return getWebhook(req.user as Principal, id);
  }

  /**
   * Changes the URL, event types, description or enabled flag (enabling again restarts the 5-day failure window).
   * @summary Update a webhook endpoint
   */
  @Patch('{id}')
  @OperationId('adminUpdateWebhook')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async update(@Request() req: ExRequest, @Path() id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookEndpointView> {
    return updateWebhook(req.user as Principal, id, body);
  }

  /**
   * Removes the endpoint and its delivery history; nothing more is sent to it.
   * @summary Delete a webhook endpoint
   */
  @Delete('{id}')
  @OperationId('adminDeleteWebhook')
  @SuccessResponse(204, 'Deleted')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async remove(@Request() req: ExRequest, @Path() id: string): Promise<void> {
    await deleteWebhook(req.user as Principal, id);
    this.setStatus(204);
  }

  /**
   * Replaces the signing secret at once and answers the new one (shown only here).
   * @summary Rotate a webhook endpoint's secret
   */
  @Post('{id}/secret')
  @OperationId('adminRotateWebhookSecret')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async rotate(@Request() req: ExRequest, @Path() id: string): Promise<WebhookEndpointWithSecret> {
    return rotateWebhookSecret(req.user as Principal, id);
  }

  /**
   * Sends a `webhook.test` event to this endpoint and answers its delivery.
   * @summary Send a test event
   */
  @Post('{id}/test')
  @OperationId('adminTestWebhook')
  @SuccessResponse(202, 'Queued')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (endpoint disabled)')
  public async test(@Request() req: ExRequest, @Path() id: string): Promise<WebhookDeliveryView> {
    const out = await sendTestEvent(req.user as Principal, id);
    this.setStatus(202);
    return out;
  }

  /**
   * The endpoint's deliveries, newest first, with their attempts and last answer.
   * @summary List an endpoint's deliveries
   */
  @Get('{id}/deliveries')
  @OperationId('adminListWebhookDeliveries')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async deliveries(@Request() req: ExRequest, @Path() id: string, @Query() limit?: number, @Query() cursor?: string): Promise<WebhookDeliveryPage> {
    return listDeliveries(req.user as Principal, id, { limit, cursor });
  }

  /**
   * Sends a delivery again now, with the same event id and body.
   * @summary Redeliver a webhook delivery
   */
  @Post('{id}/deliveries/{deliveryId}/redeliver')
  @OperationId('adminRedeliverWebhook')
  @SuccessResponse(202, 'Queued')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict')
  public async redeliver(@Request() req: ExRequest, @Path() id: string, @Path() deliveryId: string): Promise<WebhookDeliveryView> {
    const out = await redeliver(req.user as Principal, id, deliveryId);
    this.setStatus(202);
    return out;
  }
}
