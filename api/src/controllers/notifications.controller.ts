import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { listNotifications, markRead, type NotificationsPage } from '../operations/community/notifications.js';
import type { Problem } from './problem.js';

export interface MarkReadRequest {
  /** Notification ids to mark read (1..100). */
  ids?: string[];
  /** Mark every notification of the caller read. */
  all?: boolean;
}
export interface MarkReadResponse { updated: number }

@Route('api/notifications')
@Tags('Notifications')
@Security('jwt')
export class NotificationsController extends Controller {
  /**
   * Likes, remix rewards and moderation decisions, newest first, with the unread count.
   * @summary List my notifications
   */
  @Get()
  @OperationId('listNotifications')
  @Response<Problem>(400, 'validation_error')
  public async list(@Request() req: ExRequest, @Query() unread?: boolean, @Query() limit?: number, @Query() cursor?: string): Promise<NotificationsPage> {
    return listNotifications(req.user as Principal, { unread, limit, cursor });
  }

  /**
   * Marks the given notification ids (or `all`) of the caller as read; answers how many changed. Repeating it changes nothing.
   * @summary Mark notifications read
   */
  @Post('read')
  @OperationId('markNotificationsRead')
  @Response<Problem>(400, 'validation_error')
  public async read(@Request() req: ExRequest, @Body() body: MarkReadRequest): Promise<MarkReadResponse> {
    return markRead(req.user as Principal, body);
  }
}
