import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

import { type EventEnvelope, Topics } from '@exam/contracts';
import { ensureTopics, KafkaEventServer, platformTopicSpecs, TopicNamer } from '@exam/platform';
import {
  createTestDatabase,
  KafkaProbe,
  startTestService,
  testEnv,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { issueTestToken } from '@exam/testing';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { AuditModule } from '../apps/audit/src/audit.module';
import { AuditEnv } from '../apps/audit/src/config/audit.env';
import { CpuMeter } from './support/cpu-meter';

/**
 * Run: npm run bench -- audit (BENCH_AUDIT_SECONDS=180 BENCH_AUDIT_RATE=5000 by default).
 * Produces login attempts at a steady rate for several minutes against a real audit service (real
 * Kafka, real MariaDB) and measures end-to-end ingestion (consume → score → chain append → alert),
 * consumer lag over time, the raw kafkajs consume rate of the same topic in the same run, and chain
 * verification speed. Writes .local/bench/audit.json. The producer runs in a worker thread: in
 * production other services produce, so producing must not take the consumer's event loop.
 */

const SECONDS = Number(process.env.BENCH_AUDIT_SECONDS ?? 180);
const RATE = Number(process.env.BENCH_AUDIT_RATE ?? 5000);
const USERS = 20_000;
const SAMPLE_MS = 5000;
/** Login attempts are chained per partition: accounts-login-0..5. */
const LOGIN_STREAMS = "stream LIKE 'accounts-login-%'";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function loginEvent(i: number, base: number): EventEnvelope<'accounts.login.attempted'> {
  const user = i % USERS;
  const userId = `00000000-0000-4000-8000-${user.toString(16).padStart(12, '0')}`;
  const failure = i % 10 === 0;
  const at = new Date(base + i);
  return {
    id: randomUUID(),
    type: Topics.LoginAttempted,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'accounts',
    subjectId: userId,
    traceId: `bench-${i}`,
    payload: {
      attemptId: randomUUID(),
      userId,
      outcome: failure ? 'failure' : 'success',
      ip: `114.247.${(user >> 8) % 256}.${user % 256}`,
      userAgent: 'Mozilla/5.0 bench',
      deviceId: `device-${user}`,
      attemptedAt: at.toISOString(),
    },
  };
}

interface ProducerTask {
  readonly brokers: string[];
  readonly topic: string;
  readonly base: number;
}

/** Worker thread: produces RATE events/s for SECONDS and reports the running count to the main thread. */
async function produceSteadily(task: ProducerTask): Promise<void> {
  const kafka = new Kafka({
    clientId: 'bench-audit-producer',
    brokers: task.brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  let produced = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    if (due > produced) {
      const batch = Array.from({ length: Math.min(due - produced, 2000) }, (_, k) =>
        loginEvent(produced + k, task.base),
      );
      await producer.send({
        topic: task.topic,
        acks: -1,
        messages: batch.map((e) => ({ key: e.subjectId, value: JSON.stringify(e) })),
      });
      produced += batch.length;
      parentPort?.postMessage(produced);
    } else {
      await sleep(20);
    }
  }
  await producer.disconnect();
}

/**
 * Entries chained so far and the newest one's times, read from the stream heads and by primary key:
 * the sampling must stay O(1), or its scans of the growing log compete with the ingestion measured.
 */
async function ingestionProgress(
  data: DataSource,
): Promise<{ ingested: number; latest: { occurred_at: string; recorded_at: string } | undefined }> {
  const heads: { stream: string; last_seq: string }[] = await data.query(
    `SELECT stream, last_seq FROM audit_stream_heads WHERE ${LOGIN_STREAMS}`,
  );
  const ingested = heads.reduce((sum, h) => sum + Number(h.last_seq), 0);
  const tips = heads.filter((h) => Number(h.last_seq) > 0).map((h) => [h.stream, h.last_seq]);
  const latestRows: { occurred_at: string; recorded_at: string }[] =
    tips.length === 0
      ? []
      : await data.query(
          'SELECT occurred_at, recorded_at FROM audit_log_entries WHERE (stream, seq) IN (?) ORDER BY recorded_at DESC LIMIT 1',
          [tips],
        );
  return { ingested, latest: latestRows.at(0) };
}

async function rawConsumeRate(kafka: Kafka, topic: string, expected: number): Promise<number> {
  const consumer = kafka.consumer({
    groupId: `bench-raw-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let started = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      eachBatch: ({ batch }) => {
        if (started === 0) started = performance.now();
        count += batch.messages.length;
        if (count >= expected) resolve(performance.now() - started);
        return Promise.resolve();
      },
    });
  });
  const ms = await Promise.race([done, sleep(300_000).then(() => performance.now() - started)]);
  await consumer.disconnect();
  return (count * 1000) / ms;
}

async function main(): Promise<void> {
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const topic = names.physical(Topics.LoginAttempted);
  const probe = new KafkaProbe();
  const db = await createTestDatabase('bench_audit');
  const checkpointDir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  const kafka = new Kafka({
    clientId: 'bench-audit',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    platformTopicSpecs(names, 1, [Topics.LoginAttempted, Topics.LoginAssessed, Topics.AlertRaised]),
  );
  const env = testServiceEnv(AuditEnv, {
    databaseName: db.name,
    topicPrefix: prefix,
    overrides: {
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '10',
      LOG_LEVEL: 'error',
    },
  });
  const service = await startTestService('audit', env, AuditModule.register(env));
  const data = service.app.get(DataSource);

  const samples: {
    t: number;
    produced: number;
    ingested: number;
    lagMessages: number;
    latestLatencyMs: number | null;
  }[] = [];
  const progress = { produced: 0, finished: false };
  const meter = new CpuMeter();
  const cpuBefore = meter.read();
  const started = performance.now();
  const task: ProducerTask = { brokers: testEnv().kafkaBrokers, topic, base: Date.now() };
  const worker = new Worker(__filename, { workerData: task });
  worker.on('message', (count: number) => {
    progress.produced = count;
  });
  const producing = new Promise<void>((resolve, reject) => {
    worker.once('exit', () => {
      progress.finished = true;
      resolve();
    });
    worker.once('error', reject);
  });
  const group = names.consumerGroup('audit');
  process.stdout.write(`producing ${RATE}/s for ${SECONDS}s …\n`);
  for (;;) {
    await Promise.race([sleep(SAMPLE_MS), producing]);
    if (progress.finished) break;
    const { ingested, latest } = await ingestionProgress(data);
    const high = await admin.fetchTopicOffsets(topic);
    const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const committedByPartition = new Map(
      (committed.at(0)?.partitions ?? []).map((p) => [p.partition, Math.max(0, Number(p.offset))]),
    );
    const lagMessages = high.reduce(
      (sum, p) => sum + Number(p.high) - (committedByPartition.get(p.partition) ?? 0),
      0,
    );
    const sample = {
      t: Math.round((performance.now() - started) / 1000),
      produced: progress.produced,
      ingested,
      lagMessages,
      latestLatencyMs: latest ? Date.parse(latest.recorded_at) - Date.parse(latest.occurred_at) : null,
    };
    samples.push(sample);
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  }
  await producing;
  const produced = progress.produced;
  const produceSeconds = (performance.now() - started) / 1000;
  const ingestedTotal = (await ingestionProgress(data)).ingested;
  const e2eRate = ingestedTotal / produceSeconds;
  const cpu = CpuMeter.between(cpuBefore, meter.read());
  // Cores each party kept busy while producing, and the consumer side's CPU per ingested event: the service's main
  // thread plus MariaDB, against what is left of the machine once the bench's producer (a worker thread standing in
  // for the other services, which in production run elsewhere) and the broker have taken theirs.
  const cores = (ms: number): number => Number((ms / 1000 / produceSeconds).toFixed(2));
  const consumerMsPerEvent = (cpu.mainThread + (cpu.servers.mariadb ?? 0)) / Math.max(1, ingestedTotal);
  const leftForConsumer =
    availableParallelism() - (cpu.otherThreads + (cpu.servers.kafka ?? 0)) / 1000 / produceSeconds;
  const cpuBudget = {
    cores: {
      serviceMainThread: cores(cpu.mainThread),
      producerAndOtherThreads: cores(cpu.otherThreads),
      mariadb: cores(cpu.servers.mariadb ?? 0),
      kafka: cores(cpu.servers.kafka ?? 0),
    },
    consumerCpuMsPerEvent: Number(consumerMsPerEvent.toFixed(3)),
    coresLeftForConsumer: Number(leftForConsumer.toFixed(2)),
    sustainableEventsPerSecondOnThisMachine: Math.round(leftForConsumer / (consumerMsPerEvent / 1000)),
  };
  // The audit consumer stops here, so a backlog it is still draining competes with neither the raw
  // consume measurement nor verification (the HTTP endpoint stays up).
  await service.app.get(KafkaEventServer).close();
  const rawRate = await rawConsumeRate(kafka, topic, produced);

  const token = issueTestToken({ roles: ['security_analyst'] });
  await request(service.url).post('/api/audit/chain/checkpoints').set('authorization', `Bearer ${token}`);
  const verifyStart = performance.now();
  const verify = await request(service.url)
    .get('/api/audit/chain/verify')
    .set('authorization', `Bearer ${token}`);
  const verifyMs = performance.now() - verifyStart;
  const verified = (verify.body as { entries: number; ok: boolean }).entries;

  const tail = samples.slice(-Math.max(2, Math.floor(samples.length / 3)));
  const tailFirst = tail[0]?.lagMessages ?? 0;
  // Growing = the backlog rose by more than noise (5 %, at least 100 messages) over the last third of the run.
  const lagGrowing =
    tail.length >= 2 && (tail.at(-1)?.lagMessages ?? 0) - tailFirst > Math.max(100, tailFirst * 0.05);
  const lagSeconds = (tail.at(-1)?.lagMessages ?? 0) / Math.max(1, e2eRate);
  const result = {
    durationSeconds: Math.round(produceSeconds),
    targetRate: RATE,
    produced,
    endToEndEventsPerSecond: Math.round(e2eRate),
    rawKafkajsConsumePerSecond: Math.round(rawRate),
    ratioToRaw: Number((e2eRate / rawRate).toFixed(3)),
    finalLagMessages: tail.at(-1)?.lagMessages ?? null,
    finalLagSecondsEstimate: Number(lagSeconds.toFixed(1)),
    lagGrowing,
    cpuBudget,
    verify: {
      ok: (verify.body as { ok: boolean }).ok,
      entries: verified,
      ms: Math.round(verifyMs),
      entriesPerSecond: Math.round((verified * 1000) / verifyMs),
    },
    targets: { eventsPerSecond: 5000, maxLagSeconds: 5, minRatioToRaw: 0.1 },
    pass: e2eRate >= 5000 && lagSeconds < 5 && !lagGrowing && e2eRate / rawRate >= 0.1,
    samples,
  };
  mkdirSync(join('.local', 'bench'), { recursive: true });
  writeFileSync(join('.local', 'bench', 'audit.json'), JSON.stringify(result, null, 2));
  const { samples: _samples, ...summary } = result;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);

  await admin.disconnect();
  await service.close();
  await probe.close();
  await db.drop();
  rmSync(checkpointDir, { recursive: true, force: true });
}

const fail = (error: unknown): void => {
  process.stderr.write(
    `audit bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
};

if (isMainThread) main().then(() => process.exit(0), fail);
else produceSteadily(workerData as ProducerTask).catch(fail);
