import { type ChildProcess, fork } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

import { type TopicName, Topics } from '@exam/contracts';
import { ensureTopics, platformTopicSpecs, TopicNamer } from '@exam/platform';
import {
  createTestDatabase,
  KafkaProbe,
  startTestService,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import { DataSource } from 'typeorm';

import {
  alipayContent,
  beijingRfc3339,
  beijingTime,
  encryptResource,
  fenToYuan,
  nonce,
  randomToken,
  sha256RsaSign,
} from '../apps/pay-sim/src/sim-crypto';
import { PaymentsEnv } from '../apps/payments/src/config/payments.env';
import { PaymentsModule } from '../apps/payments/src/payments.module';
import { rsaVerify } from '../apps/payments/src/provider/wechat/wechat-pay.protocol';
import { CpuMeter } from './support/cpu-meter';
import { profiled } from './support/profile';
import { writeBenchResult } from './support/report';

/**
 * Run: npm run bench -- payments (BENCH_PAYMENTS_CALLBACKS=4000, BENCH_PAYMENTS_CONCURRENCY=32 by default;
 * BENCH_PROFILE=1 writes the payments main thread's CPU profile).
 * Verified provider callbacks applied per second, end to end: the real payments service (HTTP, signature and
 * timestamp check, AES-GCM decryption for WeChat Pay, the transaction that locks the order, records the
 * provider transaction, pays the order, appends history, stages payments.order.paid and records the callback)
 * on real MariaDB and Kafka, for pending orders seeded beforehand, half paid by WeChat Pay v3 and half by
 * Alipay. A separate load-generator process signs every callback as the providers do (before the clock
 * starts) and posts them over keep-alive connections. Reported as a ratio to raw RSA-SHA256 verifications
 * per second (the adapters' own verify, one core) measured in the same run, with CPU per callback for the
 * payments process, MariaDB, Kafka and the load generator. Writes .local/bench/payments.json.
 */

const COUNT = Number(process.env.BENCH_PAYMENTS_CALLBACKS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_PAYMENTS_CONCURRENCY ?? 32);
const RAW_VERIFY_MS = 2000;
const AMOUNT_FEN = 19_900;
const TARGET_RATIO = 0.3;
const TOPICS: readonly TopicName[] = [
  Topics.RegistrationCreated,
  Topics.RefundRequested,
  Topics.OrderPaid,
  Topics.OrderRefunded,
  Topics.OrderExpired,
];

interface RsaPair {
  readonly privatePem: string;
  readonly publicPem: string;
}

function rsaPair(): RsaPair {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** What the load generator needs to speak as both providers. */
interface LoadTask {
  readonly port: number;
  readonly concurrency: number;
  readonly wechat: {
    mchId: string;
    appId: string;
    serial: string;
    platformPrivate: string;
    apiV3Key: string;
  };
  readonly alipay: { appId: string; privatePem: string };
  readonly orders: readonly { outTradeNo: string; provider: 'wechat' | 'alipay' }[];
}

interface LoadReport {
  readonly signMs: number;
  readonly sendMs: number;
  readonly sent: number;
  readonly accepted: number;
  readonly refused: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface PreparedCallback {
  readonly path: string;
  readonly contentType: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly accepted: (status: number, body: string) => boolean;
}

/** A WeChat Pay v3 TRANSACTION.SUCCESS callback: AES-256-GCM resource, platform-signed headers. */
function wechatCallback(
  task: LoadTask,
  outTradeNo: string,
  key: ReturnType<typeof createPrivateKey>,
): PreparedCallback {
  const now = new Date();
  const resource = {
    mchid: task.wechat.mchId,
    appid: task.wechat.appId,
    out_trade_no: outTradeNo,
    transaction_id: `4200${randomToken(12)}`,
    trade_type: 'NATIVE',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    success_time: beijingRfc3339(now),
    payer: { openid: `bench-${randomToken(8)}` },
    amount: { total: AMOUNT_FEN, payer_total: AMOUNT_FEN, currency: 'CNY', payer_currency: 'CNY' },
  };
  const body = JSON.stringify({
    id: randomToken(),
    create_time: beijingRfc3339(now),
    event_type: 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: encryptResource(JSON.stringify(resource), task.wechat.apiV3Key, 'transaction', 'transaction'),
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const n = nonce();
  return {
    path: '/api/payments/callbacks/wechat',
    contentType: 'application/json',
    headers: {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': n,
      'wechatpay-serial': task.wechat.serial,
      'wechatpay-signature': sha256RsaSign(`${timestamp}\n${n}\n${body}\n`, key),
    },
    body,
    accepted: (status) => status === 204,
  };
}

/** An Alipay trade_status_sync notification, RSA2-signed over the sorted parameters. */
function alipayCallback(
  task: LoadTask,
  outTradeNo: string,
  key: ReturnType<typeof createPrivateKey>,
): PreparedCallback {
  const now = new Date();
  const amount = fenToYuan(AMOUNT_FEN);
  const params: Record<string, string> = {
    notify_time: beijingTime(now),
    notify_type: 'trade_status_sync',
    notify_id: randomToken(),
    app_id: task.alipay.appId,
    charset: 'utf-8',
    version: '1.0',
    trade_no: `2026${randomToken(12)}`,
    out_trade_no: outTradeNo,
    trade_status: 'TRADE_SUCCESS',
    total_amount: amount,
    receipt_amount: amount,
    buyer_pay_amount: amount,
    subject: 'bench',
    gmt_create: beijingTime(now),
    gmt_payment: beijingTime(now),
  };
  const sign = sha256RsaSign(alipayContent(params, ['sign', 'sign_type']), key);
  return {
    path: '/api/payments/callbacks/alipay',
    contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    headers: {},
    body: new URLSearchParams({ ...params, sign_type: 'RSA2', sign }).toString(),
    accepted: (status, text) => status === 200 && text === 'success',
  };
}

function post(
  agent: Agent,
  port: number,
  callback: PreparedCallback,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: callback.path,
        headers: {
          ...callback.headers,
          'content-type': callback.contentType,
          'content-length': Buffer.byteLength(callback.body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(callback.body);
  });
}

/** The load generator (child process): signs every callback first, then posts them when told to. */
function runLoadGenerator(): void {
  process.once('message', (task: LoadTask) => {
    const signStart = performance.now();
    const wechatKey = createPrivateKey(task.wechat.platformPrivate);
    const alipayKey = createPrivateKey(task.alipay.privatePem);
    const callbacks = task.orders.map((order) =>
      order.provider === 'wechat'
        ? wechatCallback(task, order.outTradeNo, wechatKey)
        : alipayCallback(task, order.outTradeNo, alipayKey),
    );
    const signMs = performance.now() - signStart;
    process.send?.({ ready: true });
    process.once('message', () => {
      void (async (): Promise<void> => {
        const agent = new Agent({ keepAlive: true, maxSockets: task.concurrency });
        const latencies: number[] = [];
        let accepted = 0;
        let refused = 0;
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: task.concurrency }, async () => {
            for (
              let callback = callbacks.at(next++);
              callback !== undefined;
              callback = callbacks.at(next++)
            ) {
              const t0 = performance.now();
              try {
                const answer = await post(agent, task.port, callback);
                if (callback.accepted(answer.status, answer.body)) accepted += 1;
                else refused += 1;
              } catch {
                refused += 1;
              }
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const sendMs = performance.now() - started;
        agent.destroy();
        latencies.sort((a, b) => a - b);
        const at = (p: number): number =>
          Number(
            (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(1),
          );
        const report: LoadReport = {
          signMs: Math.round(signMs),
          sendMs: Math.round(sendMs),
          sent: callbacks.length,
          accepted,
          refused,
          p50Ms: at(0.5),
          p99Ms: at(0.99),
        };
        process.send?.({ report }, () => process.exit(0));
      })();
    });
  });
}

/** Pending product orders inserted in bulk, as checkout leaves them; half to be paid by each provider. */
async function seedOrders(data: DataSource, count: number): Promise<LoadTask['orders']> {
  const orders: { outTradeNo: string; provider: 'wechat' | 'alipay' }[] = [];
  const institutionId = randomUUID();
  const now = new Date();
  const expires = new Date(now.getTime() + 3600_000);
  for (let start = 0; start < count; start += 500) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + 500); i += 1) {
      const id = randomUUID();
      const outTradeNo = id.replaceAll('-', '');
      orders.push({ outTradeNo, provider: i % 2 === 0 ? 'wechat' : 'alipay' });
      rows.push([
        id,
        outTradeNo,
        institutionId,
        randomUUID(),
        'product',
        'bench',
        AMOUNT_FEN,
        'CNY',
        'pending',
        0,
        0,
        0,
        expires,
        now,
        now,
      ]);
    }
    // Set-based bulk insert: seeding only, outside the measured window.
    await data.query(
      `INSERT INTO payment_orders (id, out_trade_no, institution_id, buyer_id, kind, description, amount_fen,
         currency, status, paid_fen, refund_committed_fen, refunded_fen, expires_at, created_at, updated_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
  return orders;
}

/** Raw RSA-SHA256 (PKCS#1 v1.5, 2048-bit) verifications per second on this thread, with the adapters' verify. */
function rawVerifyRate(pair: RsaPair): { perSecond: number; count: number } {
  const message = `${Math.floor(Date.now() / 1000)}\n${nonce()}\n${randomBytes(600).toString('base64')}\n`;
  const key = createPublicKey(pair.publicPem);
  const signature = sha256RsaSign(message, createPrivateKey(pair.privatePem));
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < RAW_VERIFY_MS) {
    if (!rsaVerify(message, signature, key)) throw new Error('raw verification failed');
    count += 1;
  }
  return { perSecond: (count * 1000) / (performance.now() - started), count };
}

function waitFor<T>(child: ChildProcess, pick: (message: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const value = pick(message);
      if (value === undefined) return;
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${String(code)}`));
    });
  });
}

async function main(): Promise<void> {
  const merchant = rsaPair();
  const platform = rsaPair();
  const app = rsaPair();
  const alipay = rsaPair();
  const apiV3Key = randomBytes(24).toString('base64url').slice(0, 32);
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const probe = new KafkaProbe();
  const db = await createTestDatabase('bench_payments');
  await probe.withAdmin((admin) => ensureTopics(admin, platformTopicSpecs(names, 1, TOPICS)));
  const env = testServiceEnv(PaymentsEnv, {
    databaseName: db.name,
    topicPrefix: prefix,
    overrides: {
      LOG_LEVEL: 'error',
      WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privatePem,
      WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicPem,
      WECHATPAY_APIV3_KEY: apiV3Key,
      ALIPAY_APP_PRIVATE_KEY: app.privatePem,
      ALIPAY_PUBLIC_KEY: alipay.publicPem,
      // Only callbacks run: no expiry, refund or reconciliation passes in the measured window.
      PAYMENTS_JOB_INTERVAL_SECONDS: '0',
      PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0',
    },
  });
  const service = await startTestService('payments', env, PaymentsModule.register(env));
  const data = service.app.get(DataSource);
  const orders = await seedOrders(data, COUNT);

  const rawMeter = new CpuMeter();
  const raw = await rawMeter.measure(() => Promise.resolve(rawVerifyRate(platform)));

  const child = fork(__filename, ['load'], { execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
  const task: LoadTask = {
    port: Number(new URL(service.url).port),
    concurrency: CONCURRENCY,
    wechat: {
      mchId: env.WECHATPAY_MCH_ID,
      appId: env.WECHATPAY_APP_ID,
      serial: env.WECHATPAY_PLATFORM_SERIAL,
      platformPrivate: platform.privatePem,
      apiV3Key,
    },
    alipay: { appId: env.ALIPAY_APP_ID, privatePem: alipay.privatePem },
    orders,
  };
  const ready = waitFor(child, (m) => ((m as { ready?: boolean }).ready === true ? true : undefined));
  child.send(task);
  await ready;
  process.stdout.write(`${COUNT} callbacks signed; posting with ${CONCURRENCY} connections …\n`);
  const meter = new CpuMeter({
    mariadb: /(^|\/)(mariadbd|mysqld)( |$)/,
    kafka: /kafka\.Kafka /u,
    loadGenerator: /payments\.bench\.ts load/u,
  });
  const before = meter.read();
  const done = waitFor(child, (m) => (m as { report?: LoadReport }).report);
  child.send({ go: true });
  // BENCH_PROFILE=1: the payments main thread's CPU profile of the run, .local/bench/payments.cpuprofile.
  const load = await profiled(process.env.BENCH_PROFILE === '1', 'payments', () => done);
  const cpu = CpuMeter.between(before, meter.read());

  const countRows = await data.query<{ paid: string; transactions: string; applied: string }[]>(
    `SELECT (SELECT COUNT(*) FROM payment_orders WHERE status = 'paid') AS paid,
            (SELECT COUNT(*) FROM payment_transactions) AS transactions,
            (SELECT COUNT(*) FROM payment_callbacks WHERE outcome = 'applied') AS applied`,
  );
  const counts = countRows.at(0) ?? { paid: '0', transactions: '0', applied: '0' };
  const applied = Number(counts.applied);
  const callbacksPerSecond = (load.accepted * 1000) / load.sendMs;
  const ratio = callbacksPerSecond / raw.result.perSecond;
  const per = (ms: number | undefined): number =>
    Math.round(((ms ?? 0) / Math.max(1, load.accepted)) * 100) / 100;
  const result = {
    callbacks: COUNT,
    concurrency: CONCURRENCY,
    accepted: load.accepted,
    refused: load.refused,
    ordersPaid: Number(counts.paid),
    transactionsRecorded: Number(counts.transactions),
    callbacksApplied: applied,
    everyCallbackApplied: applied === COUNT && Number(counts.paid) === COUNT,
    sendSeconds: Number((load.sendMs / 1000).toFixed(2)),
    verifiedCallbacksPerSecond: Math.round(callbacksPerSecond),
    rawRsaSha256VerifyPerSecond: Math.round(raw.result.perSecond),
    ratioToRawVerify: Number(ratio.toFixed(4)),
    latencyMs: { p50: load.p50Ms, p99: load.p99Ms },
    loadGeneratorSigningMs: load.signMs,
    cpuMsPerCallback: {
      paymentsMainThread: per(cpu.mainThread),
      paymentsOtherThreads: per(cpu.otherThreads),
      mariadb: per(cpu.servers.mariadb),
      kafka: per(cpu.servers.kafka),
      loadGenerator: per(cpu.servers.loadGenerator),
    },
    cpuMsPerRawVerify: CpuMeter.perOperation(raw.cpu, raw.result.count).mainThread,
    measuredProcesses: meter.measuredServers,
    targets: { minRatioToRawVerify: TARGET_RATIO },
    pass: ratio >= TARGET_RATIO && applied === COUNT,
  };
  const file = writeBenchResult('payments', result);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${file}\n`);

  await service.close();
  await probe.close();
  await db.drop();
}

const fail = (error: unknown): void => {
  process.stderr.write(
    `payments bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
};

if (process.argv[2] === 'load') runLoadGenerator();
else main().then(() => process.exit(0), fail);
