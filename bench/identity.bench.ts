import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { Topics } from '@exam/contracts';
import { ensureTopics, platformTopicSpecs, SystemClock, TopicNamer } from '@exam/platform';
import {
  createTestDatabase,
  issueTestToken,
  KafkaProbe,
  startTestService,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { DataSource } from 'typeorm';

import { buildAuthorityServer } from '../apps/authority-sim/src/authority-server';
import { loadAuthoritySimEnv } from '../apps/authority-sim/src/config/authority-sim.env';
import { generatedPerson, SEEDED_PERSONS } from '../apps/authority-sim/src/registry/test-persons';
import { HttpAuthorityProvider } from '../apps/identity/src/authority/http-authority.provider';
import { IdentityEnv } from '../apps/identity/src/config/identity.env';
import { IdentityModule } from '../apps/identity/src/identity.module';
import { writeBenchResult } from './support/report';

/**
 * Run: npm run bench -- identity. Real-name verifications per second end to end (HTTP → validation → blind
 * index lookup → budget reservation → signed authority check + confirming query → encrypted insert + outbox
 * event), each with a fresh user and a fresh generated person, so every request is a successful verification.
 * Baseline: the same authority round trips (check + query) straight from the HTTP client, at the same
 * concurrency; the ratio shows what the service adds. Medians of three rounds.
 * With ../shared/testdata/faces present, also the face step (人脸核身): one verification at a time with a
 * liveness answer of three frames (model work in the worker thread, then the capture to the authority).
 */

const ROUNDS = 3;
const ROUND_MS = 3000;
const CONCURRENCY = 8;
const PERSONS = 30_000;
const SECRET = 'bench-authority-secret-0123456789abcdef';
const FACES = resolvePath(__dirname, '..', '../shared/testdata/faces');
const FACE_SAMPLES = 8;
/** 李四 is linked to "bernadette" in the simulator; these frames pass liveness (yaws from scripts/face-eval.ts). */
const FACE_FRAMES: Record<string, string> = {
  turn_left: 'bernadette/bernadette2.png',
  turn_right: 'bernadette/bernadette4.png',
  look_straight: 'bernadette/bernadette3.png',
};

interface Rate {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly count: number;
  readonly errors: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function closedLoop(work: () => Promise<void>): Promise<Rate> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const deadline = started + ROUND_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await work();
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / ((Date.now() - started) / 1000),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    count: latencies.length,
    errors,
  };
}

function median(rates: readonly Rate[]): Rate {
  const sorted = [...rates].sort((a, b) => a.perSecond - b.perSecond);
  const middle = sorted.at(Math.floor(sorted.length / 2));
  if (middle === undefined) throw new Error('no rounds');
  return middle;
}

/** POSTs and requires a 200 `match`: a real-name verification that did not match is a bench failure. */
async function post(agent: Agent, port: number, path: string, body: string, token: string): Promise<number> {
  const { status, text } = await postForText(agent, port, path, body, token);
  if (status !== 200 || !text.includes('"result":"match"'))
    throw new Error(`status ${status}: ${text.slice(0, 200)}`);
  return status;
}

function postForText(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  token: string,
): Promise<{ status: number; text: string }> {
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
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface FaceStepLatency {
  readonly samples: number;
  readonly p50Ms: number;
  readonly maxMs: number;
}

/** Sequential real-name verifications with the face step; the record is removed after each so 李四 verifies again. */
async function faceStep(
  agent: Agent,
  port: number,
  clearRecords: () => Promise<void>,
): Promise<FaceStepLatency | null> {
  if (!existsSync(FACES)) return null;
  const li = SEEDED_PERSONS.find((p) => p.name === '李四');
  if (li === undefined) throw new Error('seeded person 李四 missing');
  const frames = new Map(
    Object.entries(FACE_FRAMES).map(([step, file]) => [
      step,
      readFileSync(resolvePath(FACES, file)).toString('base64'),
    ]),
  );
  const latencies: number[] = [];
  for (let i = 0; i < FACE_SAMPLES; i++) {
    const token = issueTestToken({ userId: randomUUID() });
    const asked = await postForText(
      agent,
      port,
      '/api/identity/real-name/face-challenges',
      JSON.stringify({ consent: true, consentPolicyVersion: '2026-11' }),
      token,
    );
    if (asked.status !== 201) throw new Error(`challenge: ${asked.status} ${asked.text.slice(0, 200)}`);
    const challenge = JSON.parse(asked.text) as { challengeId: string; nonce: string; steps: string[] };
    const body = JSON.stringify({
      name: li.name,
      idNumber: li.idNumber,
      validFrom: li.validFrom,
      validTo: li.validTo,
      face: {
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        frames: challenge.steps.map((step) => frames.get(step) ?? ''),
        frameTimesMs: [300, 900, 1_500],
      },
    });
    const t0 = process.hrtime.bigint();
    await post(agent, port, '/api/identity/real-name/verifications', body, token);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await clearRecords();
  }
  latencies.sort((a, b) => a - b);
  return { samples: latencies.length, p50Ms: percentile(latencies, 0.5), maxMs: latencies.at(-1) ?? 0 };
}

async function main(): Promise<void> {
  const sim = buildAuthorityServer(
    loadAuthoritySimEnv({
      AUTHORITY_HMAC_SECRET: SECRET,
      AUTHORITY_GENERATED_PERSONS: String(PERSONS),
      AUTHORITY_RATE_LIMIT_PER_MINUTE: '1000000',
      AUTHORITY_REFERENCE_PHOTOS_DIR: existsSync(FACES) ? FACES : '',
      LOG_LEVEL: 'error',
    }),
  );
  const simUrl = await sim.listen({ port: 0, host: '127.0.0.1' });
  const db = await createTestDatabase('bench_identity');
  const prefix = uniqueTopicPrefix();
  const probe = new KafkaProbe();
  await probe.withAdmin((admin) =>
    ensureTopics(
      admin,
      platformTopicSpecs(new TopicNamer(prefix), 1, [
        Topics.VerificationCompleted,
        Topics.MinorFlagged,
        Topics.GuardianConsentRecorded,
      ]),
    ),
  );
  const env = testServiceEnv(IdentityEnv, {
    databaseName: db.name,
    topicPrefix: prefix,
    // The service's default relay interval, not the tests' 50 ms.
    overrides: {
      AUTHORITY_URL: simUrl,
      AUTHORITY_HMAC_SECRET: SECRET,
      LOG_LEVEL: 'error',
      OUTBOX_POLL_SECONDS: '0.2',
    },
  });
  const identity = await startTestService('identity', env, IdentityModule.register(env));
  const port = Number(new URL(identity.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const client = new HttpAuthorityProvider(env, new SystemClock());
  let next = 0;
  const nextPerson = (): ReturnType<typeof generatedPerson> => {
    if (next >= PERSONS) throw new Error('ran out of generated persons; raise PERSONS');
    return generatedPerson(next++);
  };

  const verify = async (): Promise<void> => {
    const person = nextPerson();
    const body = JSON.stringify({
      name: person.name,
      idNumber: person.idNumber,
      validFrom: person.validFrom,
      validTo: person.validTo,
    });
    await post(
      agent,
      port,
      '/api/identity/real-name/verifications',
      body,
      issueTestToken({ userId: randomUUID() }),
    );
  };
  const rawAuthority = async (): Promise<void> => {
    const person = nextPerson();
    const decision = await client.check({
      requestId: randomUUID(),
      name: person.name,
      idNumber: person.idNumber,
      document: { validFrom: person.validFrom, validTo: person.validTo },
    });
    if (decision.result !== 'match') throw new Error(decision.result);
  };

  await closedLoop(verify);
  const baseline: Rate[] = [];
  const service: Rate[] = [];
  const loopLag = monitorEventLoopDelay({ resolution: 10 });
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(await closedLoop(rawAuthority));
    loopLag.enable();
    service.push(await closedLoop(verify));
    loopLag.disable();
  }
  const dataSource = identity.app.get(DataSource);
  const face = await faceStep(agent, port, async () => {
    await dataSource.query('DELETE FROM real_name_records');
  });
  const result = {
    faceStep: face,
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    verifications: median(service),
    authorityRoundTripsBaseline: median(baseline),
    ratio: median(service).perSecond / median(baseline).perSecond,
    eventLoopLagP99Ms: loopLag.percentile(99) / 1e6,
  };
  const file = writeBenchResult('identity', result);
  process.stdout.write(
    `real-name verifications/s: ${result.verifications.perSecond.toFixed(1)} (p50 ${result.verifications.p50Ms.toFixed(1)} ms, ` +
      `p95 ${result.verifications.p95Ms.toFixed(1)} ms, errors ${result.verifications.errors})\n` +
      `authority round trips/s (baseline): ${result.authorityRoundTripsBaseline.perSecond.toFixed(1)}; ratio ${result.ratio.toFixed(2)}; ` +
      `event-loop lag p99 ${result.eventLoopLagP99Ms.toFixed(1)} ms\n` +
      (face === null
        ? 'face step skipped (no test faces)\n'
        : `real-name with face step, one at a time: p50 ${face.p50Ms.toFixed(0)} ms, max ${face.maxMs.toFixed(0)} ms over ${face.samples}\n`) +
      `written to ${file}\n`,
  );
  agent.destroy();
  await identity.close();
  await sim.close();
  await probe.close();
  await db.drop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
