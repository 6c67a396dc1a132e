import { createHash, randomBytes, randomUUID } from 'node:crypto';

import {
  type AuditRecord,
  canonicalEntry,
  CHAIN_FORMAT_VERSION,
  type ChainedEntry,
  GENESIS_HASH,
  hashEntry,
  LEGACY_CHAIN_FORMAT_VERSION,
  StreamChainWalker,
  type UnhashedEntry,
} from './audit-chain';
import { canonicalJson } from './canonical-json';
import { ChainKeyRing } from './chain-key-ring';

const keys = new ChainKeyRing([randomBytes(32)]);

function record(i: number): AuditRecord {
  return {
    eventId: randomUUID(),
    eventType: 'accounts.login.attempted',
    producer: 'accounts',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    traceId: `trace-${i}`,
    subjectUserId: randomUUID(),
    actorId: null,
    institutionId: null,
    ipMasked: '203.0.113.*',
    attributes: { outcome: 'success', n: i },
  };
}

/** A stream of `length` entries; `unkeyedUpTo` first ones in the legacy unkeyed format, the rest under `ring`. */
function chain(
  length: number,
  unkeyedUpTo = 0,
  ring: ChainKeyRing = keys,
  from?: ChainedEntry,
): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = from?.hash ?? GENESIS_HASH;
  const first = (from?.seq ?? 0) + 1;
  for (let seq = first; seq < first + length; seq += 1) {
    const unhashed = {
      ...record(seq),
      stream: 'accounts',
      seq,
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 1, seq)).toISOString(),
      prevHash,
      keyId: seq <= unkeyedUpTo ? null : ring.activeKeyId,
    };
    const entry = { ...unhashed, hash: hashEntry(unhashed, ring.activeKey) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

function walk(entries: readonly ChainedEntry[], ring: ChainKeyRing = keys): StreamChainWalker {
  const sut = new StreamChainWalker('accounts', ring);
  for (const entry of entries) sut.accept(entry);
  sut.checkKeyedEnd();
  return sut;
}

/** What someone with database access but without the key can compute: the legacy unkeyed SHA-256. */
function forgeUnkeyed(after: ChainedEntry): ChainedEntry {
  const unhashed = {
    ...record(after.seq + 1),
    stream: 'accounts',
    seq: after.seq + 1,
    recordedAt: after.recordedAt,
    prevHash: after.hash,
    keyId: null,
  };
  return { ...unhashed, hash: hashEntry(unhashed, undefined) };
}

describe(canonicalJson.name, () => {
  it('should serialize objects with sorted keys and no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it('should refuse numbers that JSON cannot represent', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('finite');
  });
});

describe(StreamChainWalker.name, () => {
  it('should accept an intact chain and end at its last entry', () => {
    const entries = chain(5);
    const sut = walk(entries);
    sut.checkHead(5, entries[4].hash);
    expect(sut.firstBreak).toBeUndefined();
    expect(sut.lastSeq).toBe(5);
  });

  it('should report a modified entry as a hash mismatch at its seq', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], attributes: { outcome: 'failure', n: 3 } };
    expect(walk(entries).firstBreak).toMatchObject({ seq: 3, code: 'CHAIN.HASH_MISMATCH' });
  });

  it('should report a deleted entry as a sequence gap', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(walk(entries).firstBreak).toMatchObject({ seq: 2, code: 'CHAIN.SEQUENCE_GAP' });
  });

  it('should report swapped entries (seq renumbered) as a broken link', () => {
    const entries = chain(5);
    const second = entries[1];
    const third = entries[2];
    entries[1] = { ...third, seq: 2 };
    entries[2] = { ...second, seq: 3 };
    expect(walk(entries).firstBreak).toMatchObject({ seq: 2, code: 'CHAIN.PREVIOUS_HASH_MISMATCH' });
  });

  it('should report entries cut off the end when the head says more', () => {
    const entries = chain(5);
    const sut = walk(entries.slice(0, 4));
    sut.checkHead(5, entries[4].hash);
    expect(sut.firstBreak).toMatchObject({ seq: 5, code: 'CHAIN.HEAD_MISMATCH' });
  });

  it('should refuse an entry forged with database access but without the key, whatever it claims', () => {
    const entries = chain(4);
    const last = entries[3];
    const sha = (u: UnhashedEntry): string => createHash('sha256').update(canonicalEntry(u)).digest('hex');
    const { hash: _h, ...unhashed } = { ...forgeUnkeyed(last), keyId: keys.activeKeyId };
    const claimingTheKey: ChainedEntry = { ...unhashed, hash: sha(unhashed) };
    const withOtherKey = chain(1, 0, new ChainKeyRing([randomBytes(32)]), last);

    expect(walk([...entries, forgeUnkeyed(last)]).firstBreak).toMatchObject({
      seq: 5,
      code: 'CHAIN.UNKEYED_ENTRY',
    });
    expect(walk([...entries, claimingTheKey]).firstBreak).toMatchObject({
      seq: 5,
      code: 'CHAIN.HASH_MISMATCH',
    });
    expect(walk([...entries, ...withOtherKey]).firstBreak).toMatchObject({
      seq: 5,
      code: 'CHAIN.KEY_UNKNOWN',
    });
  });

  it('should verify legacy unkeyed entries that a keyed entry seals, and refuse an unkeyed stream end', () => {
    const sealed = chain(5, 3);
    const unsealed = chain(3, 3);

    expect(walk(sealed).firstBreak).toBeUndefined();
    expect(walk(unsealed).firstBreak).toMatchObject({ seq: 1, code: 'CHAIN.UNKEYED_ENTRY' });
    expect(walk([...sealed, forgeUnkeyed(sealed[4])]).firstBreak).toMatchObject({
      seq: 6,
      code: 'CHAIN.UNKEYED_ENTRY',
    });
  });

  it('should verify entries of a retired key and tell a missing key apart from a bad MAC', () => {
    const old = new ChainKeyRing([randomBytes(32)]);
    const oldEntries = chain(2, 0, old);
    const rotated = new ChainKeyRing([randomBytes(32), old.keyOf(old.activeKeyId) ?? Buffer.alloc(0)]);
    const entries = [...oldEntries, ...chain(2, 0, rotated, oldEntries[1])];

    expect(walk(entries, rotated).firstBreak).toBeUndefined();
    const stranger = walk(entries, new ChainKeyRing([randomBytes(32)]));
    expect(stranger.keyedEntriesVerifiable).toBe(0);
    expect([...stranger.missingKeyIds].sort()).toEqual([old.activeKeyId, rotated.activeKeyId].sort());
  });

  it('should keep only the first break', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1], traceId: 'forged' };
    entries[3] = { ...entries[3], traceId: 'forged' };
    expect(walk(entries).firstBreak?.seq).toBe(2);
  });
});

describe(canonicalEntry.name, () => {
  it('should equal canonicalJson of the whole entry with its format version', () => {
    for (const { hash: _hash, ...unhashed } of [
      ...chain(3),
      { ...chain(1)[0], actorId: 'service:audit', institutionId: randomUUID(), ipMasked: null },
    ]) {
      expect(canonicalEntry(unhashed)).toBe(canonicalJson({ v: CHAIN_FORMAT_VERSION, ...unhashed }));
      expect(canonicalEntry(unhashed, canonicalJson(unhashed.attributes))).toBe(canonicalEntry(unhashed));
    }
  });

  it('should keep the legacy layout (no key id, format 1) for unkeyed entries', () => {
    const { hash, keyId: _keyId, ...legacy } = chain(1, 1)[0];
    expect(canonicalEntry({ ...legacy, keyId: null })).toBe(
      canonicalJson({ v: LEGACY_CHAIN_FORMAT_VERSION, ...legacy }),
    );
    expect(hash).toBe(
      createHash('sha256')
        .update(canonicalJson({ v: LEGACY_CHAIN_FORMAT_VERSION, ...legacy }))
        .digest('hex'),
    );
  });
});
