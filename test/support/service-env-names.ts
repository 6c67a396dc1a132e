import 'reflect-metadata';

import { secretKeysOf } from '@exam/platform';
import { getMetadataStorage } from 'class-validator';

import { AccountsEnv } from '../../apps/accounts/src/config/accounts.env';
import { AuditEnv } from '../../apps/audit/src/config/audit.env';
import { AuthoritySimEnv } from '../../apps/authority-sim/src/config/authority-sim.env';
import { ExamEnv } from '../../apps/exam/src/config/exam.env';
import { GatewayEnv } from '../../apps/gateway/src/config/gateway.env';
import { IdentityEnv } from '../../apps/identity/src/config/identity.env';
import { PaySimEnv } from '../../apps/pay-sim/src/config/pay-sim.env';
import { PaymentsEnv } from '../../apps/payments/src/config/payments.env';

/**
 * The env var names each app actually reads, derived from its env class (the only place a service reads
 * the environment), so deployment checks cannot drift from the code.
 */

export type EnvClass = new () => object;

/** The env class of every deployable app. */
export const SERVICE_ENV_CLASSES: Readonly<Record<string, EnvClass>> = {
  gateway: GatewayEnv,
  accounts: AccountsEnv,
  identity: IdentityEnv,
  exam: ExamEnv,
  payments: PaymentsEnv,
  audit: AuditEnv,
  'authority-sim': AuthoritySimEnv,
  'pay-sim': PaySimEnv,
};

/**
 * Every property with class-validator metadata, inherited ones included: exactly the names `loadConfig` keeps
 * (it validates with `whitelist: true`, which strips undecorated properties).
 */
export function envNamesOf(cls: EnvClass): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))].sort();
}

/** The names marked `@Secret()` (production refuses missing or placeholder values for them). */
export function secretEnvNamesOf(cls: EnvClass): string[] {
  return [...new Set(secretKeysOf(new cls()))].sort();
}

/** The env class of `app`, or undefined for an unknown app. */
export function envClassOf(app: string): EnvClass | undefined {
  return Object.hasOwn(SERVICE_ENV_CLASSES, app) ? SERVICE_ENV_CLASSES[app] : undefined;
}

/** The names `app` reads; empty for an unknown app (so every name it sets is reported). */
export function envNamesOfApp(app: string): ReadonlySet<string> {
  const cls = envClassOf(app);
  return new Set(cls === undefined ? [] : envNamesOf(cls));
}

/** The `@Secret()` names of `app`; empty for an unknown app. */
export function secretEnvNamesOfApp(app: string): ReadonlySet<string> {
  const cls = envClassOf(app);
  return new Set(cls === undefined ? [] : secretEnvNamesOf(cls));
}

/**
 * Field-encryption key material. Optional in BaseServiceEnv (unset outside production means the fixed
 * development keys) and validated by @exam/crypto rather than `@Secret()`, but secret all the same.
 */
export const FIELD_ENCRYPTION_SECRET_ENV: readonly string[] = [
  'FIELD_KEK',
  'FIELD_DATA_KEYS',
  'BLIND_INDEX_KEYS',
];

/** Every secret name of every app: the `@Secret()` names plus the field-encryption key material. */
export function allSecretEnvNames(): ReadonlySet<string> {
  return new Set([
    ...Object.values(SERVICE_ENV_CLASSES).flatMap((cls) => secretEnvNamesOf(cls)),
    ...FIELD_ENCRYPTION_SECRET_ENV,
  ]);
}
