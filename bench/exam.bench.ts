import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

import {
  Clock,
  createServiceApp,
  ensureTopics,
  platformTopicSpecs,
  startServiceApp,
  TopicNamer,
} from '@exam/platform';
import {
  createTestDatabase,
  issueTestToken,
  KafkaProbe,
  testJwtPublicKeys,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { DataSource } from 'typeorm';

import { ExamEnv } from '../apps/exam/src/config/exam.env';
import { examRoomEdge } from '../apps/exam/src/edge/exam-room-edge';
import { ExamModule } from '../apps/exam/src/exam.module';
import { attemptExamBody } from '../apps/exam/test/support/attempt-fixtures';
import { EXAM_TOPICS } from '../apps/exam/test/support/exam-bed';
import { CpuMeter, type CpuTimes } from './support/cpu-meter';
import {
  type ExamLoad,
  ExamLoadGenerator,
  type LoadOutcome,
  type SaveTarget,
  type StartTarget,
} from './support/exam-load-worker';
import { startNginxEdge } from './support/nginx-edge';
import { profiled } from './support/profile';
import { writeBenchResult } from './support/report';

/**
 * Run: npm run bench -- exam. Everything on this machine: MariaDB, Kafka, the exam service (this process's main
 * thread), the gateway and the bare baseline (their own processes), nginx as the ingress (routing as the k8s
 * Ingress does: the exam room's /api/exam/attempts/* straight to exam, everything else to the gateway), the load
 * generator (a worker thread here). The candidates' requests go through the ingress (BENCH_EXAM_EDGE=ingress,
 * the default) or all through the gateway (BENCH_EXAM_EDGE=gateway, the path before ADR 0048's decision 9).
 *
 *  - exam-start spike: CANDIDATES candidates released within one second start the same exam through the gateway
 *    and fetch the paper the answer points to, as the exam room does (compressed, as a browser accepts): all
 *    served, p99 (target: all within 15 s, p99 < 10 s, no errors); then the paper-serving ceiling (closed loop on
 *    GET /attempts/:id/paper, the immutable paper) against a bare Fastify route returning the same cached bytes
 *    without authentication (target ≥ 0.5).
 *  - autosave: every candidate saves every CANDIDATES / SAVE_RATE seconds (5,000 at 1,000/s = every 5 s) through
 *    the gateway, open loop, SAVE_SECONDS per round (target p50 < 20 ms, p99 < 100 ms, no errors, nothing lost);
 *    the highest sustained save rate (closed loop) through the gateway and direct, against a bare Fastify route
 *    doing the same two statements with mysql2 (target ≥ 0.5).
 *  - submission with automatic grading of a QUESTIONS-question paper: every candidate submits (closed loop).
 * Medians of ROUNDS rounds where a phase can repeat; CPU ms per operation per process from /proc.
 * Scale with BENCH_EXAM_CANDIDATES, BENCH_EXAM_SAVE_RATE, BENCH_EXAM_SAVE_SECONDS, BENCH_EXAM_ROUNDS.
 */

const CANDIDATES = Number(process.env.BENCH_EXAM_CANDIDATES ?? 5000);
const SAVE_RATE = Number(process.env.BENCH_EXAM_SAVE_RATE ?? 1000);
const SAVE_SECONDS = Number(process.env.BENCH_EXAM_SAVE_SECONDS ?? 180);
const ROUNDS = Number(process.env.BENCH_EXAM_ROUNDS ?? 3);
const QUESTIONS = 50;
const CEILING_MS = 5000;
const CEILING_CONCURRENCY = 32;
/** BENCH_EXAM_PROFILE=1: V8 CPU profiles of the exam service's main thread per phase, under .local/bench/. */
const PROFILE = process.env.BENCH_EXAM_PROFILE === '1';
const HOUR_MS = 3_600_000;
const EDGE = process.env.BENCH_EXAM_EDGE === 'gateway' ? 'gateway' : 'ingress';
/** Names this run's child processes, so the CPU meter never finds another run's (say one left by a crash). */
const RUN_ID = randomUUID().slice(0, 8);
/** What to stop if the bench fails half-way (forked children exit with it; nginx is spawned and would not). */
const onFailure: (() => Promise<void>)[] = [];
const SERVERS = {
  mariadb: /(^|\/)(mariadbd|mysqld)( |$)/,
  kafka: /kafka\.Kafka /u,
  gateway: new RegExp(`gateway-process\\.ts ${RUN_ID}`, 'u'),
  ingress: new RegExp(`nginx .*bench-edge-${RUN_ID}\\.conf`, 'u'),
  bare: new RegExp(`bare-exam-server\\.ts ${RUN_ID}`, 'u'),
} as const;
type Path = 'bare' | 'direct' | 'gateway' | 'ingress';

type Measured = LoadOutcome & { readonly cpu: CpuTimes };

interface Json {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  token: string,
  body?: object,
): Promise<Json> {
  const payload = body === undefined ? null : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: `/api/exam${path}`,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === null
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

function expectStatus(reply: Json, status: number, what: string): Record<string, unknown> {
  if (reply.status !== status)
    throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 400)}`);
  return reply.body;
}

/** `count` tasks, `concurrency` at a time. */
async function inParallel(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await task(i);
      }
    }),
  );
}

function forkChild(
  file: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'support', file), [RUN_ID], {
    execArgv: [
      '-r',
      '@swc-node/register',
      ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '..', '.local', 'bench')}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port: number }) => {
      resolve({ child, port: message.port });
    });
    child.once('exit', (code) => {
      reject(new Error(`${file} exited with ${code}`));
    });
  });
}

/** Asks a child to exit cleanly (writing its CPU profile, if any), killing it after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.send('exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function median(values: readonly Measured[]): Measured {
  const sorted = [...values].sort((a, b) => a.perSecond - b.perSecond);
  const middle = sorted.at(Math.floor(sorted.length / 2));
  if (middle === undefined) throw new Error('no rounds');
  return middle;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

function describe(outcome: LoadOutcome): string {
  return `${outcome.count} ok, ${outcome.errors} errors, ${outcome.perSecond.toFixed(0)}/s, p50 ${ms(outcome.p50Ms)}, p99 ${ms(outcome.p99Ms)}, max ${ms(outcome.maxMs)}`;
}

async function main(): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const database = await createTestDatabase('exam_bench');
  const prefix = uniqueTopicPrefix();
  const probe = new KafkaProbe();
  await probe.withAdmin((admin) =>
    ensureTopics(admin, platformTopicSpecs(new TopicNamer(prefix), 1, EXAM_TOPICS)),
  );
  // exam and the gateway count on the same Redis counters, as in production (ADR 0048, decision 9).
  // The closed-loop phases send far more than a candidate's 600 requests a minute per account (with 100
  // candidates, hundreds each), so the budget is raised; every request is still counted in Redis, as in production.
  const rateLimits = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    RATE_LIMIT_NAMESPACE: `bench-${randomUUID().slice(0, 8)}:`,
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
  };
  const env = testServiceEnv(ExamEnv, {
    databaseName: database.name,
    topicPrefix: prefix,
    overrides: { OUTBOX_POLL_SECONDS: '0.2', EXAM_FINALISE_INTERVAL_SECONDS: '0', ...rateLimits },
  });
  // Booted as main.ts does, without the test harness's response inspection, so only production code is measured.
  const app = await createServiceApp({
    service: 'exam',
    env,
    module: ExamModule.register(env),
    edge: examRoomEdge(env),
  });
  const examPort = await startServiceApp(app, 0, '127.0.0.1');
  // The service's clock, moved into the exam window once everything is set up (server time decides windows).
  let offsetMs = 0;
  const clock = app.get(Clock);
  clock.now = () => new Date(Date.now() + offsetMs);

  const institutionId = randomUUID();
  const admin = issueTestToken({
    roles: [],
    memberships: [{ institutionId, roles: ['org_admin'] }],
    expiresInSeconds: 4 * 3600,
  });
  const inst = (path: string) => `/institutions/${institutionId}${path}`;
  console.log(`[exam bench] setting up: ${QUESTIONS}-question paper, ${CANDIDATES} registered candidates`);
  const bankId = expectStatus(
    await call(agent, examPort, 'POST', inst('/banks'), admin, { name: 'bench bank' }),
    201,
    'bank',
  ).bankId as string;
  const questionIds: string[] = [];
  for (let i = 0; i < QUESTIONS; i += 1) {
    const created = await call(agent, examPort, 'POST', inst(`/banks/${bankId}/questions`), admin, {
      type: 'single',
      stem: `Question ${i + 1}: which option is right?`,
      score: 2,
      difficulty: 1,
      options: [
        { text: 'right', correct: true },
        { text: 'wrong', correct: false },
        { text: 'also wrong', correct: false },
        { text: 'wrong again', correct: false },
      ],
    });
    questionIds.push(expectStatus(created, 201, 'question').questionId as string);
  }
  const paperId = expectStatus(
    await call(agent, examPort, 'POST', inst('/papers'), admin, {
      title: 'bench paper',
      bankId,
      kind: 'fixed',
      sections: [
        {
          title: 'one',
          instructions: '',
          shuffleQuestions: true,
          shuffleOptions: true,
          items: questionIds.map((questionId) => ({ questionId })),
          draws: [],
        },
      ],
    }),
    201,
    'paper',
  ).paperId as string;
  const t0 = Date.now();
  const examId = expectStatus(
    await call(
      agent,
      examPort,
      'POST',
      inst('/exams'),
      admin,
      attemptExamBody(
        paperId,
        new Date(t0),
        { title: 'bench exam', capacity: CANDIDATES },
        { durationMinutes: 120, lateEntryMinutes: 60, passScore: 60 },
      ),
    ),
    201,
    'exam',
  ).examId as string;
  expectStatus(await call(agent, examPort, 'POST', inst(`/exams/${examId}/publish`), admin), 200, 'publish');
  const candidates: StartTarget[] = Array.from({ length: CANDIDATES }, (_, i) => ({
    examId,
    token: issueTestToken({ roles: ['candidate'], expiresInSeconds: 4 * 3600 }),
    device: `bench-device-${i}`,
  }));
  await inParallel(CANDIDATES, 16, async (i) => {
    const candidate = candidates.at(i);
    if (candidate === undefined) return;
    expectStatus(
      await call(agent, examPort, 'POST', `/exams/${examId}/registrations`, candidate.token, { answers: [] }),
      201,
      'registration',
    );
  });
  offsetMs = HOUR_MS + 60_000;

  const gateway = await forkChild('gateway-process.ts', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    EXAM_URL: `http://127.0.0.1:${examPort}`,
    JWT_PUBLIC_KEYS: testJwtPublicKeys(),
    ...rateLimits,
  });
  const ingress = await startNginxEdge({
    examPort,
    gatewayPort: gateway.port,
    dir: join(__dirname, '..', '.local', 'bench', 'nginx'),
    runId: RUN_ID,
  });
  onFailure.push(() => ingress.stop());
  const edgePort = EDGE === 'ingress' ? ingress.port : gateway.port;
  console.log(`[exam bench] candidates' requests through the ${EDGE}`);
  const load = new ExamLoadGenerator(512);
  const meter = new CpuMeter(SERVERS);
  const measure = async (work: ExamLoad): Promise<Measured> => {
    const { result, cpu } = await meter.measure(() => load.run(work));
    return { ...result, cpu };
  };

  // 1. The start spike, through the edge (with the ingress: start via the gateway, the paper straight from exam).
  console.log(`[exam bench] start spike: ${CANDIDATES} candidates released within 1 s`);
  const spike = await profiled(PROFILE, 'exam-start', () =>
    measure({
      kind: 'spike',
      port: edgePort,
      releaseMs: 1000,
      targets: candidates,
    }),
  );
  console.log(
    `  ${describe(spike)}, all served in ${ms(spike.elapsedMs)}${spike.firstError ? `; first error: ${spike.firstError}` : ''}`,
  );
  const dataSource = app.get(DataSource);
  const attemptRows: { id: string; user_id: string; device_id: string }[] = await dataSource.query(
    'SELECT id, user_id, device_id FROM exam_attempts WHERE exam_id = ?',
    [examId],
  );
  console.log(`  attempts in the database: ${attemptRows.length}`);

  // Save targets: each candidate's attempt and device, with the paper's questions.
  const attemptByDevice = new Map(attemptRows.map((row) => [row.device_id, row.id]));
  const targets: SaveTarget[] = candidates.flatMap((candidate) => {
    const attemptId = attemptByDevice.get(candidate.device);
    return attemptId === undefined
      ? []
      : [{ attemptId, token: candidate.token, device: candidate.device, questionIds }];
  });
  const sample = targets.at(0);
  if (sample === undefined) throw new Error('no attempt started');
  const paperJson = JSON.stringify(
    expectStatus(
      await call(agent, examPort, 'GET', `/attempts/${sample.attemptId}/paper`, sample.token),
      200,
      'paper',
    ),
  );
  const bare = await forkChild('bare-exam-server.ts', {
    BARE_DATABASE_URL: database.url,
    BARE_PAPER_JSON: paperJson,
  });
  const meterWithBare = new CpuMeter(SERVERS);
  const measureAll = async (work: ExamLoad): Promise<Measured> => {
    const { result, cpu } = await meterWithBare.measure(() => load.run(work));
    return { ...result, cpu };
  };

  // 2. Paper-serving ceiling: exam's paper route (direct, through the gateway, through the ingress) against the
  // bare cached JSON.
  const paperRounds: Record<Path, Measured[]> = { bare: [], direct: [], gateway: [], ingress: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    paperRounds.bare.push(
      await measureAll({
        kind: 'closed-get',
        port: bare.port,
        path: '/bare/paper',
        targets,
        concurrency: CEILING_CONCURRENCY,
        durationMs: CEILING_MS,
      }),
    );
    paperRounds.direct.push(
      await profiled(PROFILE && round === 0, 'exam-paper', () =>
        measureAll({
          kind: 'closed-get',
          port: examPort,
          path: '/api/exam/attempts/:attemptId/paper',
          targets,
          concurrency: CEILING_CONCURRENCY,
          durationMs: CEILING_MS,
        }),
      ),
    );
    for (const [name, port] of [
      ['gateway', gateway.port],
      ['ingress', ingress.port],
    ] as const)
      paperRounds[name].push(
        await measureAll({
          kind: 'closed-get',
          port,
          path: '/api/exam/attempts/:attemptId/paper',
          targets,
          concurrency: CEILING_CONCURRENCY,
          durationMs: CEILING_MS,
        }),
      );
  }

  // 3. Save ceiling: closed loops, bare vs exam direct vs exam through the gateway vs through the ingress.
  let seq = 1;
  const saveRounds: Record<Path, Measured[]> = { bare: [], direct: [], gateway: [], ingress: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, port, prefix] of [
      ['bare', bare.port, '/bare'],
      ['direct', examPort, '/api/exam'],
      ['gateway', gateway.port, '/api/exam'],
      ['ingress', ingress.port, '/api/exam'],
    ] as const) {
      const outcome = await profiled(PROFILE && round === 0 && name === 'direct', 'exam-save', () =>
        measureAll({
          kind: 'closed-saves',
          port,
          prefix,
          concurrency: CEILING_CONCURRENCY,
          durationMs: CEILING_MS,
          targets,
          firstSeq: seq,
        }),
      );
      seq = outcome.nextSeq;
      saveRounds[name].push(outcome);
    }
  }

  // 4. Autosave at the target rate, open loop, through the edge.
  console.log(
    `[exam bench] autosave: ${targets.length} candidates, ${SAVE_RATE} saves/s, ${SAVE_SECONDS} s per round`,
  );
  const acknowledged = new Map<string, number>();
  const autosaveRounds: Measured[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const outcome = await measureAll({
      kind: 'open-saves',
      port: edgePort,
      prefix: '/api/exam',
      ratePerSecond: SAVE_RATE,
      durationMs: SAVE_SECONDS * 1000,
      targets,
      firstSeq: seq,
    });
    seq = outcome.nextSeq;
    for (const [key, held] of Object.entries(outcome.acknowledged))
      acknowledged.set(key, Math.max(acknowledged.get(key) ?? 0, held));
    autosaveRounds.push(outcome);
    console.log(
      `  round ${round + 1}: ${describe(outcome)}${outcome.firstError ? `; first error: ${outcome.firstError}` : ''}`,
    );
  }
  // Nothing lost: every acknowledged save is in the database with at least its sequence number.
  const stored: { attempt_id: string; question_id: string; seq: string }[] = await dataSource.query(
    'SELECT aa.attempt_id, aa.question_id, aa.seq FROM attempt_answers aa JOIN exam_attempts a ON a.id = aa.attempt_id WHERE a.exam_id = ?',
    [examId],
  );
  const storedSeq = new Map(stored.map((row) => [`${row.attempt_id}/${row.question_id}`, Number(row.seq)]));
  const lost = [...acknowledged].filter(([key, held]) => (storedSeq.get(key) ?? 0) < held).length;

  // 5. Submissions with automatic grading: every candidate submits.
  console.log(`[exam bench] submissions: ${targets.length} attempts of ${QUESTIONS} questions`);
  const submissions = await profiled(PROFILE, 'exam-submit', () =>
    measureAll({
      kind: 'submits',
      port: edgePort,
      concurrency: CEILING_CONCURRENCY,
      targets,
    }),
  );
  const graded: { n: string }[] = await dataSource.query(
    "SELECT COUNT(*) AS n FROM exam_attempts WHERE exam_id = ? AND status IN ('graded', 'submitted') AND objective_score IS NOT NULL",
    [examId],
  );

  const result = {
    machine: { cpus: (await import('node:os')).availableParallelism() },
    settings: { CANDIDATES, SAVE_RATE, SAVE_SECONDS, ROUNDS, QUESTIONS, EDGE },
    spike: { ...spike, acknowledged: undefined, cpuPerStart: CpuMeter.perOperation(spike.cpu, spike.count) },
    paperServing: Object.fromEntries(
      Object.entries(paperRounds).map(([name, rounds]) => {
        const m = median(rounds);
        return [
          name,
          {
            perSecond: m.perSecond,
            p99Ms: m.p99Ms,
            errors: m.errors,
            cpuPerRequest: CpuMeter.perOperation(m.cpu, m.count),
          },
        ];
      }),
    ),
    saveCeiling: Object.fromEntries(
      Object.entries(saveRounds).map(([name, rounds]) => {
        const m = median(rounds);
        return [
          name,
          {
            perSecond: m.perSecond,
            p99Ms: m.p99Ms,
            errors: m.errors,
            firstError: m.firstError,
            cpuPerSave: CpuMeter.perOperation(m.cpu, m.count),
          },
        ];
      }),
    ),
    autosave: {
      rounds: autosaveRounds.map((m) => ({
        perSecond: m.perSecond,
        p50Ms: m.p50Ms,
        p99Ms: m.p99Ms,
        maxMs: m.maxMs,
        errors: m.errors,
        count: m.count,
      })),
      median: (() => {
        const m = median(autosaveRounds);
        return {
          perSecond: m.perSecond,
          p50Ms: m.p50Ms,
          p99Ms: m.p99Ms,
          errors: m.errors,
          cpuPerSave: CpuMeter.perOperation(m.cpu, m.count),
        };
      })(),
      acknowledgedKeys: acknowledged.size,
      storedRows: stored.length,
      lost,
    },
    submissions: {
      perSecond: submissions.perSecond,
      p99Ms: submissions.p99Ms,
      errors: submissions.errors,
      firstError: submissions.firstError,
      graded: Number(graded[0]?.n ?? 0),
      cpuPerSubmission: CpuMeter.perOperation(submissions.cpu, submissions.count),
    },
  };
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  const pm = (name: Path) => median(paperRounds[name]).perSecond;
  const sm = (name: Path) => median(saveRounds[name]).perSecond;
  console.log('\n[exam bench] results (medians)');
  console.log(
    `  start spike: ${describe(spike)}; all served in ${ms(spike.elapsedMs)} (target ≤ 15 s, p99 < 10 s, 0 errors)`,
  );
  console.log(
    `  paper serving: bare ${pm('bare').toFixed(0)}/s, exam direct ${pm('direct').toFixed(0)}/s (${ratio(pm('direct'), pm('bare'))}×), through gateway ${pm('gateway').toFixed(0)}/s (${ratio(pm('gateway'), pm('bare'))}×), through the ingress ${pm('ingress').toFixed(0)}/s (${ratio(pm('ingress'), pm('bare'))}×; target ≥ 0.5)`,
  );
  console.log(
    `  save ceiling: bare ${sm('bare').toFixed(0)}/s, exam direct ${sm('direct').toFixed(0)}/s (${ratio(sm('direct'), sm('bare'))}×), through gateway ${sm('gateway').toFixed(0)}/s (${ratio(sm('gateway'), sm('bare'))}×), through the ingress ${sm('ingress').toFixed(0)}/s (${ratio(sm('ingress'), sm('bare'))}×; target ≥ 0.5)`,
  );
  const auto = median(autosaveRounds);
  console.log(
    `  autosave at ${SAVE_RATE}/s: ${describe(auto)} (target p50 < 20 ms, p99 < 100 ms); acknowledged ${acknowledged.size} answers, stored ${stored.length}, lost ${lost}`,
  );
  for (const path of ['gateway', 'ingress'] as const)
    console.log(
      `  CPU ms per save (median ceiling round, through the ${path}): ${JSON.stringify(result.saveCeiling[path].cpuPerSave)}`,
    );
  console.log(
    `  CPU ms per paper (median ceiling round, gateway / ingress): ${JSON.stringify(result.paperServing.gateway.cpuPerRequest)} / ${JSON.stringify(result.paperServing.ingress.cpuPerRequest)}`,
  );
  console.log(`  CPU ms per save (autosave at rate): ${JSON.stringify(result.autosave.median.cpuPerSave)}`);
  console.log(
    `  submissions (${QUESTIONS} questions, graded on submit): ${describe(submissions)}; graded ${result.submissions.graded} (target ≥ 400/s, p99 < 1 s)`,
  );
  console.log(`  written to ${writeBenchResult('exam', result)}`);

  await load.close();
  await ingress.stop();
  await stopChild(gateway.child);
  bare.child.kill('SIGTERM');
  agent.destroy();
  await app.close();
  await probe.close();
  await database.drop();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await Promise.allSettled(onFailure.map((stop) => stop()));
  process.exit(1);
});
