import { randomUUID } from 'node:crypto';

import {
  type AuditRecord,
  canonicalEntry,
  CHAIN_FORMAT_VERSION,
  type ChainedEntry,
  GENESIS_HASH,
  hashEntry,
  StreamChainWalker,
} from './audit-chain';
import { canonicalJson } from './canonical-json';

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

function chain(length: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const unhashed = {
      ...record(seq),
      stream: 'accounts',
      seq,
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 1, seq)).toISOString(),
      prevHash,
    };
    const entry = { ...unhashed, hash: hashEntry(unhashed) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

function walk(entries: readonly ChainedEntry[]): StreamChainWalker {
  const sut = new StreamChainWalker('accounts');
  for (const entry of entries) sut.accept(entry);
  return sut;
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
});
