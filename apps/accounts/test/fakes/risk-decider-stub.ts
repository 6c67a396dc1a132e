import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LoginDecision } from '@exam/contracts';

/** What the stub received: the attempt body and the authorization header. */
export interface DecisionRequest {
  readonly body: { readonly attemptId: string; readonly userId?: string; readonly ip: string };
  readonly authorization: string | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      chunks.push(c);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString());
    });
    req.on('error', reject);
  });
}

/**
 * Stands in for audit's synchronous risk decision in accounts' own e2e tests: answers `decision` after
 * `delaySeconds`, or 500 when `fail` is set. The real endpoint has its own e2e test in audit.
 */
export class RiskDeciderStub {
  decision: LoginDecision = 'allow';
  delaySeconds = 0;
  fail = false;
  /** When set, requests go on to this real audit service and its answer comes back unchanged. */
  forwardTo: string | undefined;
  readonly received: DecisionRequest[] = [];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      void this.answer(req, res);
    });
  }

  static async start(): Promise<RiskDeciderStub> {
    const stub = new RiskDeciderStub();
    await new Promise<void>((resolve) => {
      stub.server.listen(0, '127.0.0.1', resolve);
    });
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.decision = 'allow';
    this.delaySeconds = 0;
    this.fail = false;
    this.forwardTo = undefined;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    this.received.push({
      body: JSON.parse(text) as DecisionRequest['body'],
      authorization: req.headers.authorization,
    });
    await new Promise((resolve) => setTimeout(resolve, this.delaySeconds * 1000));
    if (this.forwardTo !== undefined) {
      const upstream = await fetch(new URL(req.url ?? '/', this.forwardTo), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
        body: text,
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
      return;
    }
    if (this.fail) {
      res.writeHead(500).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ decision: this.decision }));
  }
}
