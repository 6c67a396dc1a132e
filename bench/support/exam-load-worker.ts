import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** One candidate's running attempt as the load sends saves for it. */
export interface SaveTarget {
  readonly attemptId: string;
  readonly token: string;
  readonly device: string;
  readonly questionIds: readonly string[];
}

/** One candidate about to start an exam. */
export interface StartTarget {
  readonly examId: string;
  readonly token: string;
  readonly device: string;
}

export type ExamLoad =
  /** Each target saves once every targets/ratePerSecond seconds, on schedule whatever the answers' latency. */
  | {
      readonly kind: 'open-saves';
      readonly port: number;
      readonly prefix: string;
      readonly ratePerSecond: number;
      readonly durationMs: number;
      readonly targets: readonly SaveTarget[];
      readonly firstSeq: number;
    }
  /** `concurrency` loops saving as fast as answers come: the highest sustained rate. */
  | {
      readonly kind: 'closed-saves';
      readonly port: number;
      readonly prefix: string;
      readonly concurrency: number;
      readonly durationMs: number;
      readonly targets: readonly SaveTarget[];
      readonly firstSeq: number;
    }
  /** Every target released within `releaseMs`: start the attempt (`POST /api/exam/attempts`), fetch its paper. */
  | {
      readonly kind: 'spike';
      readonly port: number;
      readonly releaseMs: number;
      readonly targets: readonly StartTarget[];
    }
  /** Every target submits its attempt once, `concurrency` at a time (grading happens in the submission). */
  | {
      readonly kind: 'submits';
      readonly port: number;
      readonly concurrency: number;
      readonly targets: readonly SaveTarget[];
    }
  /**
   * `concurrency` loops fetching the targets' papers in turn (`path` with `:attemptId`): the paper-serving ceiling
   * of a route. Spread over every candidate, as a real exam is, so no one account meets its rate limit.
   */
  | {
      readonly kind: 'closed-get';
      readonly port: number;
      readonly path: string;
      readonly targets: readonly SaveTarget[];
      readonly concurrency: number;
      readonly durationMs: number;
    };

export interface LoadOutcome {
  readonly count: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly elapsedMs: number;
  readonly firstError: string | null;
  /** Saves: the highest sequence number the server acknowledged as held, by `attemptId/questionId`. */
  readonly acknowledged: Readonly<Record<string, number>>;
  /** Saves: the next unused sequence number (a later load continues from it). */
  readonly nextSeq: number;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** What a browser says it accepts: the paper route answers such a client compressed. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

function decoded(coding: string | undefined, chunks: readonly Buffer[]): string {
  const raw = Buffer.concat(chunks);
  if (coding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (coding === 'gzip') return gunzipSync(raw).toString('utf8');
  return raw.toString('utf8');
}

function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | null,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers:
          body === null
            ? headers
            : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: decoded(res.headers['content-encoding'], chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  firstError: string | null = null;
  readonly acknowledged: Record<string, number> = {};

  fail(message: string): void {
    this.errors += 1;
    this.firstError ??= message;
  }

  outcome(elapsedMs: number, nextSeq = 0): LoadOutcome {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      count: sorted.length,
      errors: this.errors,
      perSecond: sorted.length / (elapsedMs / 1000),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: sorted[sorted.length - 1] ?? 0,
      elapsedMs,
      firstError: this.firstError,
      acknowledged: this.acknowledged,
      nextSeq,
    };
  }
}

const nowMs = (): number => performance.now();

/**
 * Sends one request and records it: its latency from `since` when the status is one of `ok`, else an error
 * with the first of its kind kept. Returns the answer's body when it was recorded as a success.
 */
async function timed(
  recorder: Recorder,
  since: number,
  ok: readonly number[],
  what: string,
  exchange: () => Promise<Answer>,
): Promise<string | null> {
  try {
    const answer = await exchange();
    if (!ok.includes(answer.status)) {
      recorder.fail(`${what} → ${answer.status} ${answer.body.slice(0, 300)}`);
      return null;
    }
    recorder.latencies.push(nowMs() - since);
    return answer.body;
  } catch (error) {
    recorder.fail(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** One save of `target`, its latency counted from `scheduledAt` (so a stalled server cannot hide its queue). */
async function saveOnce(
  agent: Agent,
  load: { port: number; prefix: string; targets: number },
  target: SaveTarget,
  seq: number,
  scheduledAt: number,
  recorder: Recorder,
): Promise<void> {
  // The question moves on with each round over the targets (seq / targets), as a candidate works through the
  // paper; seq alone would give each target the same question every round (seq ≡ target index mod targets).
  const round = Math.floor(seq / load.targets);
  const questionId = target.questionIds[round % target.questionIds.length] ?? '';
  const payload = JSON.stringify({
    seq,
    idempotencyKey: `bench-${seq}`,
    answer: { choice: seq % 2 === 0 ? 'A' : 'B' },
  });
  const body = await timed(recorder, scheduledAt, [200], 'PUT save', () =>
    send(
      agent,
      load.port,
      'PUT',
      `${load.prefix}/attempts/${target.attemptId}/answers/${questionId}`,
      { authorization: `Bearer ${target.token}`, 'x-device-id': target.device },
      payload,
    ),
  );
  if (body === null) return;
  const held = (JSON.parse(body) as { held?: { seq?: number } }).held?.seq ?? 0;
  const key = `${target.attemptId}/${questionId}`;
  recorder.acknowledged[key] = Math.max(recorder.acknowledged[key] ?? 0, held);
}

async function openSaves(
  agent: Agent,
  load: Extract<ExamLoad, { kind: 'open-saves' }>,
): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const started = nowMs();
  const total = Math.floor((load.ratePerSecond * load.durationMs) / 1000);
  const where = { port: load.port, prefix: load.prefix, targets: load.targets.length };
  const inFlight = new Set<Promise<void>>();
  let issued = 0;
  while (issued < total) {
    // Save n is due at n / rate seconds: the first at once. (Counting the first as due one interval late added one
    // interval, 1000 / rate ms, to every latency measured: 200 ms at 5 saves/s, 1 ms at 1,000/s.)
    const due = Math.min(total, Math.floor(((nowMs() - started) * load.ratePerSecond) / 1000) + 1);
    for (; issued < due; issued += 1) {
      const target = load.targets.at(issued % load.targets.length);
      if (target === undefined) break;
      const scheduledAt = started + (issued * 1000) / load.ratePerSecond;
      const pending = saveOnce(agent, where, target, load.firstSeq + issued, scheduledAt, recorder);
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return recorder.outcome(nowMs() - started, load.firstSeq + issued);
}

async function closedSaves(
  agent: Agent,
  load: Extract<ExamLoad, { kind: 'closed-saves' }>,
): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const started = nowMs();
  const deadline = started + load.durationMs;
  const where = { port: load.port, prefix: load.prefix, targets: load.targets.length };
  let next = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (nowMs() < deadline) {
        const n = next;
        next += 1;
        const target = load.targets.at(n % load.targets.length);
        if (target === undefined) return;
        await saveOnce(agent, where, target, load.firstSeq + n, nowMs(), recorder);
      }
    }),
  );
  return recorder.outcome(nowMs() - started, load.firstSeq + next);
}

async function spike(agent: Agent, load: Extract<ExamLoad, { kind: 'spike' }>): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const started = nowMs();
  await Promise.all(
    load.targets.map(async (target, i) => {
      const releaseAt = started + (i * load.releaseMs) / load.targets.length;
      const wait = releaseAt - nowMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Start, then fetch the paper the answer points to, as the exam room does: served means the paper arrived.
      const paper = await timed(recorder, releaseAt, [200], 'POST start + GET paper', async () => {
        const headers = { authorization: `Bearer ${target.token}`, 'x-device-id': target.device };
        const started = await send(
          agent,
          load.port,
          'POST',
          '/api/exam/attempts',
          headers,
          JSON.stringify({ examId: target.examId }),
        );
        if (started.status !== 200 && started.status !== 201) return started;
        const { paperUrl } = JSON.parse(started.body) as { paperUrl: string };
        return send(
          agent,
          load.port,
          'GET',
          paperUrl,
          { ...headers, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
          null,
        );
      });
      if (paper !== null && !('sections' in (JSON.parse(paper) as object)))
        recorder.fail(`GET paper → not a paper: ${paper.slice(0, 200)}`);
    }),
  );
  return recorder.outcome(nowMs() - started);
}

async function closedGet(
  agent: Agent,
  load: Extract<ExamLoad, { kind: 'closed-get' }>,
): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const started = nowMs();
  const deadline = started + load.durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (nowMs() < deadline) {
        const target = load.targets.at(next % load.targets.length);
        next += 1;
        if (target === undefined) return;
        const t0 = nowMs();
        await timed(recorder, t0, [200], 'GET', () =>
          send(
            agent,
            load.port,
            'GET',
            load.path.replace(':attemptId', target.attemptId),
            {
              authorization: `Bearer ${target.token}`,
              'x-device-id': target.device,
              'accept-encoding': BROWSER_ACCEPT_ENCODING,
            },
            null,
          ),
        );
      }
    }),
  );
  return recorder.outcome(nowMs() - started);
}

async function submits(agent: Agent, load: Extract<ExamLoad, { kind: 'submits' }>): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const started = nowMs();
  let next = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (next < load.targets.length) {
        const target = load.targets.at(next);
        next += 1;
        if (target === undefined) return;
        const t0 = nowMs();
        await timed(recorder, t0, [200], 'POST submit', () =>
          send(
            agent,
            load.port,
            'POST',
            `/api/exam/attempts/${target.attemptId}/submit`,
            { authorization: `Bearer ${target.token}`, 'x-device-id': target.device },
            '{}',
          ),
        );
      }
    }),
  );
  return recorder.outcome(nowMs() - started);
}

function run(agent: Agent, load: ExamLoad): Promise<LoadOutcome> {
  switch (load.kind) {
    case 'open-saves':
      return openSaves(agent, load);
    case 'closed-saves':
      return closedSaves(agent, load);
    case 'spike':
      return spike(agent, load);
    case 'closed-get':
      return closedGet(agent, load);
    case 'submits':
      return submits(agent, load);
  }
}

/**
 * The exam bench's HTTP clients on their own thread (a real client is not on the service's event loop). They
 * still share the machine's CPUs with the service, the gateway, MariaDB and Kafka.
 */
export class ExamLoadGenerator {
  private readonly worker: Worker;

  constructor(sockets: number) {
    // The parent runs under `node -r @swc-node/register`; the worker inherits its execArgv and loads this file.
    this.worker = new Worker(__filename, { workerData: { sockets } });
  }

  run(load: ExamLoad): Promise<LoadOutcome> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        this.worker.off('message', onMessage);
        reject(error);
      };
      const onMessage = (outcome: LoadOutcome): void => {
        this.worker.off('error', onError);
        resolve(outcome);
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
if (
  !isMainThread &&
  parentPort !== null &&
  typeof settings === 'object' &&
  settings !== null &&
  'sockets' in settings
) {
  const port = parentPort;
  const agent = new Agent({ keepAlive: true, maxSockets: Number(settings.sockets) });
  port.on('message', (load: ExamLoad) => {
    void run(agent, load).then((outcome) => {
      port.postMessage(outcome);
    });
  });
}
