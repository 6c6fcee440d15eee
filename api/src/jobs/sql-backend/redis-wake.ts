import { Redis } from 'ioredis';
import { logger } from '../../logger.js';
import { BaseNotificationChannel } from 'agenda';
import type { JobNotification, NotificationChannel } from 'agenda';

/**
 * Wake-ups on enqueue through Redis pub/sub, the way Agenda's own Postgres (LISTEN/NOTIFY) and Redis backends
 * notify: the jobs stay in SQL; Redis only says "job name X has new work", so a worker polls that name at once
 * instead of at its next processEvery tick. Nothing depends on a message arriving: a lost one (Redis down, a
 * worker reconnecting) costs one poll interval of latency, never a job.
 *
 * Both ends coalesce: a process publishes at most one message per job name per turn of its event loop, and a
 * worker hands Agenda at most one wake-up per job name per COALESCE_MS (a poll claims a batch; one wake-up
 * for 50 enqueues is enough, and the repository's poll-in-flight guard looks again for any it could not take).
 */
const COALESCE_MS = 5;

export interface RedisWakeOptions {
  url: string;
  /** Pub/sub channel; prefix it per deployment (REDIS_KEY_PREFIX) when one Redis serves several. */
  channel: string;
}

/** Publishing side: any process that enqueues (API or worker). One lazy connection per process. */
export class RedisWakePublisher {
  private client: Redis | undefined;
  private readonly pending = new Set<string>();
  private closed = false;

  constructor(private readonly options: RedisWakeOptions) {}

  /** Fire-and-forget: a failed publish is a lost wake-up, which polling covers. */
  notify(jobName: string): void {
    if (this.closed || this.pending.has(jobName)) return;
    this.pending.add(jobName);
    setImmediate(() => {
      this.pending.delete(jobName);
      if (this.closed) return;
      this.connection().publish(this.options.channel, jobName).catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = undefined;
    if (c) await c.quit().catch(() => c.disconnect());
  }

  private connection(): Redis {
    if (!this.client) {
      // The offline queue carries the first publishes while the connection opens; while Redis is away they fail
      // after a second (a late wake-up is worth little: polling has taken over), at most one per job name per turn.
      this.client = new Redis(this.options.url, { maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000,
        retryStrategy: times => Math.min(times * 200, 2000) });
      this.client.on('error', () => undefined);
    }
    return this.client;
  }
}

/**
 * Subscribing side, as Agenda's NotificationChannel: Agenda connects it on start() and calls our handler, which
 * fills the queue for that job name. publish() is a no-op: the repository publishes every insert itself (also
 * in API processes, where Agenda is never started and would not publish).
 */
export class RedisWakeChannel extends BaseNotificationChannel implements NotificationChannel {
  private subscriber: Redis | undefined;
  private readonly scheduled = new Set<string>();

  constructor(
    private readonly options: RedisWakeOptions,
    /** Told before Agenda is, so the poll that follows skips the probe. */
    private readonly onWake: (jobName: string) => void,
  ) {
    super({ channelName: options.channel });
    // An 'error' event with no listener throws: while Redis is away the worker polls, so the error is only noted.
    this.on('error', (err: unknown) => logger().debug({ err }, 'job wake-up channel: Redis unavailable, polling'));
  }

  async connect(): Promise<void> {
    if (this.subscriber) return;
    this.setState('connecting');
    const sub = new Redis(this.options.url, { connectTimeout: 2000, retryStrategy: times => Math.min(times * 200, 2000), lazyConnect: true });
    this.subscriber = sub;
    sub.on('error', error => this.emit('error', error));
    sub.on('ready', () => this.setState('connected'));
    sub.on('reconnecting', () => this.setState('reconnecting'));
    sub.on('message', (_channel: string, jobName: string) => this.received(jobName));
    try {
      await sub.connect();
      await sub.subscribe(this.options.channel); // ioredis re-subscribes by itself after a reconnect
      this.setState('connected');
    } catch (error) {
      // Redis down at start: the worker polls; ioredis keeps trying and subscribes once it is back.
      this.setState('reconnecting');
      this.emit('error', error instanceof Error ? error : new Error(String(error)));
    }
  }

  async disconnect(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = undefined;
    this.handlers.clear();
    this.scheduled.clear();
    if (sub) await sub.quit().catch(() => sub.disconnect());
    this.setState('disconnected');
  }

  async publish(_notification: JobNotification): Promise<void> {
    // The repository publishes on insert (see the class comment).
  }

  private received(jobName: string): void {
    if (!jobName || this.scheduled.has(jobName)) return;
    this.scheduled.add(jobName);
    setTimeout(() => {
      this.scheduled.delete(jobName);
      this.onWake(jobName);
      // nextRunAt null: due now, so Agenda fills the queue for this name at once.
      void this.notifyHandlers({ jobId: '', jobName, nextRunAt: null, priority: 0, timestamp: new Date() } as unknown as JobNotification);
    }, COALESCE_MS);
  }
}
