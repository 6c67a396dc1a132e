import {
  loadConfig,
  LOG_LEVELS,
  type LogLevel,
  NODE_ENVS,
  type NodeEnv,
  parsePublicKeys,
} from '@exam/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsOptional, IsUrl, Matches, Max, Min, ValidateBy } from 'class-validator';

import { parseTrustProxy, TRUST_PROXY_MESSAGE } from './trust-proxy';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? Number(value) : value);
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The gateway's settings; it owns no data, so no database or Kafka here. */
export class GatewayEnv {
  @IsIn(NODE_ENVS) NODE_ENV: NodeEnv = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) HTTP_PORT = 3000;
  /** The gateway is the public entry point, so it listens on every interface unless told otherwise. */
  @IsIP(undefined, { message: 'LISTEN_HOST must be an IP address such as 0.0.0.0 or 127.0.0.1' })
  LISTEN_HOST = '0.0.0.0';
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
  @IsUrl(URL_OPTIONS) ACCOUNTS_URL = 'http://127.0.0.1:3001';
  @IsUrl(URL_OPTIONS) IDENTITY_URL = 'http://127.0.0.1:3002';
  @IsUrl(URL_OPTIONS) EXAM_URL = 'http://127.0.0.1:3003';
  @IsUrl(URL_OPTIONS) PAYMENTS_URL = 'http://127.0.0.1:3004';
  @IsUrl(URL_OPTIONS) AUDIT_URL = 'http://127.0.0.1:3005';
  /**
   * The real-name authority simulator (development only: `npm run start:local` sets it, production
   * manifests never do). When set, `/health/services` also reports it; nothing is proxied to it.
   */
  @IsOptional() @IsUrl(URL_OPTIONS) AUTHORITY_SIM_URL?: string;
  /** Requests per minute per client address, for requests without a genuine access token. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_PER_MINUTE = 600;
  /**
   * Requests per minute per signed-in account (a genuine access token): candidates of an exam centre share
   * one NAT address, so their autosaves are counted per account, not per address.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_ACCOUNT_PER_MINUTE = 600;
  /**
   * The accounts service's token keys (key id → SPKI PEM, as every backend has them), so the edge can tell a
   * genuine access token from a made-up one. Empty: every request is counted per address.
   */
  @ValidateBy({
    name: 'jwtPublicKeys',
    validator: {
      validate: (value) => {
        try {
          parsePublicKeys(String(value));
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'JWT_PUBLIC_KEYS must be a JSON object of key id to an EC P-256 public key PEM',
    },
  })
  JWT_PUBLIC_KEYS = '';
  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024) BODY_LIMIT_BYTES = 1_048_576;
  /** Shared rate-limit counters so every gateway replica enforces the same limit. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;
  /** Key prefix of the shared counters (lets several deployments share one Redis). */
  @Matches(/^[a-z0-9:_-]{1,32}$/) RATE_LIMIT_NAMESPACE = 'gw-rl:';
  /**
   * Which hops may set X-Forwarded-For: `false` when published directly, else the number of proxies in
   * front (the Ingress: 1) or their IPs/CIDRs. Entries beyond them are the client's own and ignored.
   */
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value) => parseTrustProxy(value) !== undefined,
      defaultMessage: () => TRUST_PROXY_MESSAGE,
    },
  })
  TRUST_PROXY = 'false';
}

export function loadGatewayEnv(env: Readonly<Record<string, string | undefined>> = process.env): GatewayEnv {
  return loadConfig(GatewayEnv, env);
}
