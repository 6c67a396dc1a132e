import {
  IsBoolean,
  IsIn,
  IsInt,
  IsIP,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { ToBool, ToInt, ToNumber } from './env-transforms';
import { Secret } from './secret.decorator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const KAFKA_SASL_MECHANISMS = ['none', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** Settings every backend service shares. Service env classes extend it. */
export class BaseServiceEnv {
  @IsIn(NODE_ENVS) NODE_ENV: NodeEnv = 'development';

  @ToInt() @IsInt() @Min(0) @Max(65535) HTTP_PORT = 3000;

  /**
   * Address the HTTP port binds to. Loopback by default, so on a developer machine only the gateway (and
   * its limits) is reachable from the network; containers set 0.0.0.0 (compose, k8s).
   */
  @IsIP(undefined, { message: 'LISTEN_HOST must be an IP address such as 127.0.0.1 or 0.0.0.0' })
  LISTEN_HOST = '127.0.0.1';

  /** MySQL-compatible server, e.g. mysql://user:pass@127.0.0.1:3306 (no database name). */
  @Secret()
  @Matches(/^mysql:\/\/[^\s]+$/, { message: 'DATABASE_URL must look like mysql://user:password@host:3306' })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306';

  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'DATABASE_NAME must be lower-case letters, digits and _' })
  DATABASE_NAME = '';

  @ToBool() @IsBoolean() DB_MIGRATIONS_RUN = false;

  @Matches(/^[^,\s]+(,[^,\s]+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Prepended to every physical topic and consumer group; tests use it to isolate runs. */
  @Matches(/^([a-z0-9_-]{1,32}\.)?$/, { message: 'KAFKA_TOPIC_PREFIX must be empty or like "t1a2b3."' })
  KAFKA_TOPIC_PREFIX = '';

  @ToInt() @IsInt() @Min(1) @Max(5) KAFKA_REPLICATION_FACTOR = 1;

  /**
   * How the service authenticates to the brokers: `scram-sha-512` with its own principal (the broker's ACLs
   * let each principal produce only its own topics), required in production; `none` for a local broker.
   */
  @IsIn(KAFKA_SASL_MECHANISMS) KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'none';
  @Matches(/^[a-z0-9_-]{0,64}$/, {
    message: 'KAFKA_SASL_USERNAME must be lower-case letters, digits, _ or -',
  })
  KAFKA_SASL_USERNAME = '';
  // Checked where it is used (messagingSettingsFrom): required, and no placeholder, only with SASL on.
  @IsString() KAFKA_SASL_PASSWORD = '';
  /** TLS to the brokers (SASL_SSL); the CA is the system's. */
  @ToBool() @IsBoolean() KAFKA_SSL = false;

  // Ed25519 signing of command events (see messaging/signing): the service's own key, `<service>.<id>`, and
  // the producers' public keys (`kid=<base64 SPKI>`, comma separated). Unset outside production = the
  // published development keys; production refuses those.
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*\.[A-Za-z0-9_.-]{1,48}$/, {
    message: 'EVENT_SIGNING_KEY_ID must look like <service>.<key id>, e.g. audit.2026-01',
  })
  EVENT_SIGNING_KEY_ID?: string;
  @IsOptional() @IsString() EVENT_SIGNING_PRIVATE_KEY?: string;
  @IsOptional() @IsString() EVENT_VERIFY_KEYS?: string;

  /** Outbox relay poll interval; fractional seconds allowed. */
  @ToNumber() @IsNumber() @Min(0.01) @Max(60) OUTBOX_POLL_SECONDS = 0.2;

  @ToInt() @IsInt() @Min(1) @Max(20) CONSUMER_MAX_ATTEMPTS = 3;

  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';

  /** JSON object of key id → ES256 public key (PEM) that access tokens may be signed with. */
  @IsString() JWT_PUBLIC_KEYS = '';

  // Field encryption and blind-index keys; validated by @exam/crypto's parseCryptoConfig (which also
  // refuses development keys and placeholders in production). All unset outside production = dev keys.
  @IsOptional() @IsString() FIELD_KEK?: string;
  @IsOptional() @IsString() FIELD_DATA_KEYS?: string;
  @IsOptional() @IsString() FIELD_ACTIVE_KEY_ID?: string;
  @IsOptional() @IsString() BLIND_INDEX_KEYS?: string;
  @IsOptional() @IsString() BLIND_INDEX_ACTIVE_KEY_ID?: string;

  @IsString() @Matches(/^\d+$/) BODY_LIMIT_BYTES = '1048576';

  /**
   * The shared list of ended sessions (sign-out, password change, security lock) that every service's access
   * guard checks, so a revoked session's access token is refused within seconds. Unset: no check (tests and
   * local runs without Redis only; production refuses to start without it).
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  /**
   * Which hops may set X-Forwarded-For (the gateway). IPs, CIDRs or proxy-addr names; the default trusts
   * loopback and private ranges only, where the gateway runs, so a client cannot spoof its IP to the
   * per-IP protections of a service.
   */
  @Matches(/^[a-z0-9.:/,\s]+$/i, {
    message: 'TRUSTED_PROXIES must be IPs, CIDRs or loopback/linklocal/uniquelocal',
  })
  TRUSTED_PROXIES = 'loopback,uniquelocal';
}
