import { generateKeyPairSync } from 'node:crypto';

import { type TopicName, Topics } from '@exam/contracts';
import type { TopicNamer } from '@exam/platform';
import {
  allowFullValuesOn,
  type KafkaProbe,
  type RunningService,
  ServiceTestBed,
  testJwtPublicKeys,
} from '@exam/testing';
import type { DataSource } from 'typeorm';

import { AccountsModule } from '../src/accounts.module';
import { AccountsEnv } from '../src/config/accounts.env';
import { RiskDeciderStub } from './fakes/risk-decider-stub';

export const ACCOUNTS_TOPICS: readonly TopicName[] = [
  Topics.UserRegistered,
  Topics.LoginAttempted,
  Topics.SessionRevoked,
  Topics.MembershipChanged,
  Topics.InstitutionRegistered,
  Topics.LoginAssessed,
  Topics.AccountActionRequested,
  Topics.ConsentChanged,
  Topics.PasswordChanged,
  Topics.ContactChanged,
  // The outbox publishes in order: a topic missing here would hold back every later event.
  Topics.ErasureRequested,
  Topics.AccountsPersonalDataRevealed,
  Topics.PlatformRoleChanged,
  // Consumed (security notices): a consumed topic must exist before the consumer starts.
  Topics.FaceEnrolmentChanged,
];

/** The accounts service under test: the shared test bed plus the public half of its own signing key. */
export interface AccountsHarness {
  readonly bed: ServiceTestBed<AccountsEnv>;
  readonly service: RunningService;
  readonly data: DataSource;
  readonly names: TopicNamer;
  readonly probe: KafkaProbe;
  readonly publicKeyPem: string;
  /** Audit's synchronous risk decision, stubbed: set `decision`, `delaySeconds` or `fail` per test. */
  readonly risk: RiskDeciderStub;
  close(): Promise<void>;
}

/** Boots the real accounts service (HTTP + Kafka) on its own database and topic prefix, with its own signing key. */
export async function startAccounts(overrides: Record<string, string> = {}): Promise<AccountsHarness> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicKeys = {
    ...(JSON.parse(testJwtPublicKeys()) as Record<string, string>),
    'accounts-test': publicKeyPem,
  };
  // The development mailbox exists to show a developer the messages sent to an address, address included.
  allowFullValuesOn('GET', '/api/accounts/dev/mailbox');
  const risk = await RiskDeciderStub.start();
  const bed = await ServiceTestBed.start({
    service: 'accounts',
    envClass: AccountsEnv,
    module: (env) => AccountsModule.register(env),
    topics: ACCOUNTS_TOPICS,
    overrides: {
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_KEY_ID: 'accounts-test',
      JWT_PUBLIC_KEYS: JSON.stringify(publicKeys),
      LOGIN_IP_FAILURES_PER_MINUTE: '10',
      LOGIN_IP_BLOCK_FAILURES_PER_MINUTE: '20',
      // Tests fire attempts at machine speed; the quick-login rule is covered by the policy's unit tests.
      LOGIN_QUICK_LOGIN_CHECK_SECONDS: '0',
      LOGIN_RISK_URL: risk.url,
      LOGIN_RISK_TIMEOUT_SECONDS: '0.5',
      ...overrides,
    },
  });
  return {
    bed,
    service: bed.service,
    data: bed.dataSource,
    names: bed.names,
    probe: bed.probe,
    publicKeyPem,
    risk,
    close: async () => {
      await bed.close();
      await risk.close();
    },
  };
}
