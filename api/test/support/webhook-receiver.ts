import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, already verified with the `standardwebhooks` library (or the reason it failed). */
export interface Received { path: string; id: string; timestamp: string; body: string; type?: string; data?: Record<string, unknown>; verified: boolean; error?: string }

/**
 * A real HTTP endpoint on loopback. Each path has a script (answer per attempt number on that path); the secret per
 * path is set once the endpoint has been created. Every request is verified with `standardwebhooks`.
 */
export type Answer = number | 'hang' | 'redirect' | 'huge';
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server?: http.Server;
  private readonly scripts = new Map<string, (n: number) => Answer>();
  private readonly secrets = new Map<string, string>();
  private readonly hits = new Map<string, number>();
  private readonly hanging = new Set<http.ServerResponse>();
  url = '';

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  script(path: string, fn: (n: number) => Answer) { this.scripts.set(path, fn); }
  secret(path: string, secret: string) { this.secrets.set(path, secret); }
  on(path: string) { return this.received.filter((r) => r.path === path); }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const path = req.url ?? '/';
    const n = (this.hits.get(path) ?? 0) + 1;
    this.hits.set(path, n);
    const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']) };
    const rec: Received = { path, id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], body, verified: false };
    try {
      const secret = this.secrets.get(path);
      if (!secret) throw new Error('no secret for this path');
      const payload = new Webhook(secret).verify(body, headers) as { type: string; data: Record<string, unknown> };
      Object.assign(rec, { verified: true, type: payload.type, data: payload.data });
    } catch (err) {
      rec.error = (err as Error).message;
    }
    if (req.headers['content-type'] !== 'application/json') rec.error = `content-type ${req.headers['content-type']}`;
    this.received.push(rec);
    const answer = this.scripts.get(path)?.(n) ?? 200;
    if (answer === 'hang') { this.hanging.add(res); return; }
    if (answer === 'redirect') { res.writeHead(302, { location: 'http://169.254.169.254/' }).end(); return; }
    if (answer === 'huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(65536);
      let sent = 0;
      const pump = () => { while (sent < 200 && res.write(chunk)) sent++; if (sent < 200) res.once('drain', pump); else res.end(); };
      res.on('error', () => undefined);
      pump();
      return;
    }
    res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
  }

  async stop() {
    for (const r of this.hanging) r.destroy();
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
