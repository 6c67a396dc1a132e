import { randomBytes } from 'node:crypto';

import { EVENT_PRODUCERS, generateEd25519KeyPair } from '@exam/platform';

/**
 * Prints fresh Kafka credentials and event-signing keys as docker/.env lines: the SCRAM passwords of the
 * broker's `admin` and of each service principal, each service's Ed25519 event-signing key (`<service>.1`)
 * and EVENT_VERIFY_KEYS, the public halves every consumer checks command events against.
 */
function main(): void {
  const password = (): string => randomBytes(24).toString('hex');
  const lines = [`KAFKA_ADMIN_PASSWORD=${password()}`];
  const publicKeys: string[] = [];
  for (const service of EVENT_PRODUCERS) {
    const upper = service.toUpperCase();
    const pair = generateEd25519KeyPair(`${service}.1`);
    lines.push(`KAFKA_PASSWORD_${upper}=${password()}`, `EVENT_SIGNING_KEY_${upper}=${pair.privateKey}`);
    publicKeys.push(pair.publicKeys);
  }
  lines.push(`EVENT_VERIFY_KEYS=${publicKeys.join(',')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
