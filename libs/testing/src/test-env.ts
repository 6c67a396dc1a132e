/** The one place test infrastructure reads the environment. */
export interface TestEnv {
  /** MySQL-compatible server, without a database name. */
  readonly databaseUrl: string;
  /** Comma-separated Kafka bootstrap servers. */
  readonly kafkaBrokers: string[];
  /** Unique per test process, so runs never collide in databases or topics. */
  readonly runId: string;
  /** The broker is the one scripts/kafka.sh manages (tests may stop and start it). */
  readonly localKafka: boolean;
  /**
   * SCRAM-SHA-512 credentials of the test principal, when the broker requires SASL
   * (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD); a super user, since tests create topics of every service.
   */
  readonly kafkaSasl?: { readonly username: string; readonly password: string };
}

function kafkaSaslFromEnv(): TestEnv['kafkaSasl'] {
  const username = process.env.KAFKA_SASL_USERNAME;
  const password = process.env.KAFKA_SASL_PASSWORD;
  if (username === undefined || username === '' || password === undefined) return undefined;
  return { username, password };
}

function makeRunId(): string {
  const fromEnv = process.env.TEST_RUN_ID;
  if (fromEnv !== undefined && /^[a-z0-9]{1,16}$/.test(fromEnv)) return fromEnv;
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(-10);
}

let cached: TestEnv | undefined;

export function testEnv(): TestEnv {
  cached ??= {
    databaseUrl: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306',
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`)
      .split(',')
      .map((b) => b.trim()),
    runId: makeRunId(),
    localKafka: process.env.KAFKA_BROKERS === undefined,
    // Read on use: the e2e global setup may set the credentials after the run id was shared.
    get kafkaSasl() {
      return kafkaSaslFromEnv();
    },
  };
  return cached;
}

/** Called once by the e2e global setup: every jest worker then shares this run's id (and prefixes). */
export function shareRunIdWithWorkers(): void {
  process.env.TEST_RUN_ID = testEnv().runId;
}
