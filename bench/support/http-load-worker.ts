import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface Rate {
  readonly perSecond: number;
  readonly p99Ms: number;
  readonly count: number;
  readonly errors: number;
}

/** `concurrency` closed loops for `durationMs`; each loop is numbered so it can own its state (a user, a cookie). */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  work: (client: number) => Promise<void>,
): Promise<Rate> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await work(client);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const elapsed = (Date.now() - started) / 1000;
  return {
    perSecond: latencies.length / elapsed,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))] ?? 0,
    count: latencies.length,
    errors,
  };
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly setCookie: string[];
}

export function post(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  headers: Record<string, string> = {},
  expected: (status: number) => boolean = (status) => status < 400,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = {
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'] ?? [],
          };
          if (!expected(answer.status)) reject(new Error(`POST ${path} → ${answer.status} ${answer.body}`));
          else resolve(answer);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function refreshCookieOf(answer: HttpAnswer): string {
  const cookie = answer.setCookie.find((c) => c.startsWith('exam_refresh='));
  if (cookie === undefined) throw new Error('no refresh cookie');
  return cookie.split(';')[0] ?? '';
}

export const LOGIN_PATH = '/api/accounts/auth/login';
export const REFRESH_PATH = '/api/accounts/auth/refresh';

/** Per client: log in as its own user, rotate its own refresh cookie, or take the refresh route's 401 (no cookie). */
export type LoadKind = 'login' | 'refresh' | 'floor';

export interface LoadRequest {
  readonly kind: LoadKind;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly phones: readonly string[];
  readonly password: string;
  /** Refresh cookies by client; the reply carries them rotated. */
  readonly cookies: readonly string[];
}

export interface LoadReply {
  readonly rate: Rate;
  readonly cookies: string[];
}

export function loginOnce(
  agent: Agent,
  port: number,
  phone: string,
  password: string,
  client: number,
): Promise<HttpAnswer> {
  return post(agent, port, LOGIN_PATH, JSON.stringify({ login: phone, password }), {
    'x-forwarded-for': `10.0.${client}.1`,
    'x-device-id': `bench-device-${client}`,
  });
}

async function generate(agent: Agent, port: number, load: LoadRequest): Promise<LoadReply> {
  const cookies = [...load.cookies];
  const work: Record<LoadKind, (client: number) => Promise<void>> = {
    login: async (client) => {
      await loginOnce(agent, port, load.phones[client] ?? '', load.password, client);
    },
    refresh: async (client) => {
      cookies[client] = refreshCookieOf(
        await post(agent, port, REFRESH_PATH, '{}', { cookie: cookies[client] ?? '' }),
      );
    },
    floor: async () => {
      await post(agent, port, REFRESH_PATH, '{}', {}, (status) => status === 401);
    },
  };
  return { rate: await closedLoop(load.concurrency, load.durationMs, work[load.kind]), cookies };
}

interface WorkerSettings {
  readonly port: number;
  readonly sockets: number;
}

function isWorkerSettings(value: unknown): value is WorkerSettings {
  return (
    typeof value === 'object' &&
    value !== null &&
    'port' in value &&
    typeof value.port === 'number' &&
    'sockets' in value &&
    typeof value.sockets === 'number'
  );
}

/**
 * The HTTP clients of the accounts bench on their own thread: a real client is not on the service's event loop, so
 * the loop lag and latencies measured are the service's. It still runs on the same CPUs as the service.
 */
export class HttpLoadGenerator {
  private readonly worker: Worker;

  constructor(port: number, sockets: number) {
    // The parent runs under `node -r @swc-node/register`; a worker inherits its execArgv, so it can load this file.
    this.worker = new Worker(__filename, { workerData: { port, sockets } satisfies WorkerSettings });
  }

  run(load: LoadRequest): Promise<LoadReply> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        this.worker.off('message', onMessage);
        reject(error);
      };
      const onMessage = (reply: LoadReply): void => {
        this.worker.off('error', onError);
        resolve(reply);
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage(load);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const settings: unknown = workerData;
if (!isMainThread && parentPort !== null && isWorkerSettings(settings)) {
  const port = parentPort;
  const agent = new Agent({ keepAlive: true, maxSockets: settings.sockets });
  port.on('message', (load: LoadRequest) => {
    void generate(agent, settings.port, load).then((reply) => {
      port.postMessage(reply);
    });
  });
}
