import type { TopicName } from '@exam/contracts';
import {
  developmentEventSigningKeyPair,
  generateEd25519KeyPair,
  ownerOfTopic,
  parseEd25519PrivateKey,
  signEvent,
} from '@exam/platform';

import { developmentSigningKeyOf, type KafkaProbe } from './kafka-probe';

export interface Forgery {
  /** What the attacker did, for the test's failure message. */
  readonly label: string;
  /** The reason code the consumer must dead-letter it with. */
  readonly reason: string;
  send(probe: KafkaProbe, physicalTopic: string, key: string, value: string): Promise<void>;
}

/**
 * The ways to push a command onto a signed topic without its owner's key: unsigned, signed with a fresh key
 * under the owner's key id, signed by another service's real key, signed under an unknown key id of the
 * owner, and a genuine signature moved onto altered bytes. Each must be refused, never acted on.
 */
export function commandForgeries(topic: TopicName, genuineValue: string): readonly Forgery[] {
  const owner = ownerOfTopic(topic);
  const ownerKeyId = developmentEventSigningKeyPair(owner).keyId;
  const attacker = generateEd25519KeyPair(ownerKeyId);
  const otherService = owner === 'identity' ? 'exam' : 'identity';
  const other = developmentEventSigningKeyPair(otherService);
  const rogue = generateEd25519KeyPair(`${owner}.rogue`);
  return [
    {
      label: 'unsigned',
      reason: 'EVENT.UNSIGNED',
      send: (probe, physical, key, value) => probe.produce(physical, [{ key, value }], { signWith: false }),
    },
    {
      label: `a fresh key presented as ${ownerKeyId}`,
      reason: 'EVENT.BAD_SIGNATURE',
      send: (probe, physical, key, value) =>
        probe.produce(physical, [{ key, value }], {
          signWith: { keyId: ownerKeyId, privateKey: parseEd25519PrivateKey(attacker.privateKey, 'event') },
        }),
    },
    {
      label: `${otherService}'s real key`,
      reason: 'EVENT.WRONG_SIGNER',
      send: (probe, physical, key, value) =>
        probe.produce(physical, [{ key, value }], {
          signWith: { keyId: other.keyId, privateKey: parseEd25519PrivateKey(other.privateKey, 'event') },
        }),
    },
    {
      label: `an unknown ${owner} key id`,
      reason: 'EVENT.UNKNOWN_KEY',
      send: (probe, physical, key, value) =>
        probe.produce(physical, [{ key, value }], {
          signWith: { keyId: rogue.keyId, privateKey: parseEd25519PrivateKey(rogue.privateKey, 'event') },
        }),
    },
    {
      label: 'a genuine signature on altered bytes',
      reason: 'EVENT.BAD_SIGNATURE',
      send: (probe, physical, key, value) =>
        probe.produce(
          physical,
          [
            {
              key,
              value,
              headers: signEvent(developmentSigningKeyOf(topic), topic, Buffer.from(genuineValue, 'utf8')),
            },
          ],
          { signWith: false },
        ),
    },
  ];
}
