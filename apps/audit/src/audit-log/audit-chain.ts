import { createHash, createHmac } from 'node:crypto';

import { canonicalJson, type CanonicalValue } from './canonical-json';

/** The previous hash of a stream's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the hashed layout; bump it (and keep verifying old versions) if the layout ever changes. */
export const CHAIN_FORMAT_VERSION = 2;

/** The unkeyed SHA-256 layout written before the chain was keyed; still verified, never written. */
export const LEGACY_CHAIN_FORMAT_VERSION = 1;

/** Finds a chain key by its id (a fingerprint); undefined when the verifier does not hold it. */
export interface ChainKeys {
  keyOf(keyId: string): Buffer | undefined;
}

/** What one audit entry says, free of personal data: references, masked values, types and times. */
export interface AuditRecord {
  readonly eventId: string;
  readonly eventType: string;
  readonly producer: string;
  /** ISO-8601 UTC with milliseconds. */
  readonly occurredAt: string;
  readonly traceId: string;
  /** The user the event is about, when there is one (a pseudonymous id, never a name or number). */
  readonly subjectUserId: string | null;
  /** Who acted: the user themself, a staff member, or a service. */
  readonly actorId: string | null;
  readonly institutionId: string | null;
  /** IPv4 /24 or IPv6 /48, never the full address. */
  readonly ipMasked: string | null;
  readonly attributes: { readonly [key: string]: CanonicalValue };
}

/** An entry as it sits in the log: the record plus its place in the chain. */
export interface ChainedEntry extends AuditRecord {
  readonly stream: string;
  readonly seq: number;
  /** ISO-8601 UTC with milliseconds. */
  readonly recordedAt: string;
  readonly prevHash: string;
  /** Id of the HMAC key of `hash`; null for legacy entries hashed with plain SHA-256 (format 1). */
  readonly keyId: string | null;
  readonly hash: string;
}

export type UnhashedEntry = Omit<ChainedEntry, 'hash'>;

type TopField = Exclude<keyof UnhashedEntry, 'attributes' | 'keyId'>;

/** The hashed top-level fields of format 1 in canonical (code-point) order; `attributes` and `v` join them. */
const LEGACY_HASHED_KEYS: readonly (TopField | 'attributes' | 'keyId' | 'v')[] = (
  [
    'v',
    'stream',
    'seq',
    'prevHash',
    'recordedAt',
    'eventId',
    'eventType',
    'producer',
    'occurredAt',
    'traceId',
    'subjectUserId',
    'actorId',
    'institutionId',
    'ipMasked',
    'attributes',
  ] as const
).toSorted();

/** Format 2 also covers the key id, so an entry cannot be moved under another key. */
const HASHED_KEYS: readonly (TopField | 'attributes' | 'keyId' | 'v')[] = [
  ...LEGACY_HASHED_KEYS,
  'keyId' as const,
].toSorted();

/**
 * The canonical text that is hashed: `canonicalJson` of the entry without its hash plus the format
 * version. Built field by field (the top level is fixed) so that the attributes, already canonical
 * for their column, are not serialized twice; audit-chain.spec proves it equals canonicalJson.
 */
export function canonicalEntry(
  entry: UnhashedEntry,
  attributesJson: string = canonicalJson(entry.attributes),
): string {
  const legacy = entry.keyId === null;
  const parts = (legacy ? LEGACY_HASHED_KEYS : HASHED_KEYS).map((key) => {
    if (key === 'attributes') return `"attributes":${attributesJson}`;
    if (key === 'v') return `"v":${legacy ? LEGACY_CHAIN_FORMAT_VERSION : CHAIN_FORMAT_VERSION}`;
    const value: CanonicalValue = entry[key];
    return `${JSON.stringify(key)}:${canonicalJson(value)}`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * The entry's MAC: HMAC-SHA256 with the key named by `entry.keyId` over the canonical form of everything
 * but its own hash (seq and prevHash included). Database access alone cannot compute it. Legacy entries
 * (keyId null) get the plain SHA-256 they were written with; `key` is then unused.
 */
export function hashEntry(entry: UnhashedEntry, key: Buffer | undefined, attributesJson?: string): string {
  const text = canonicalEntry(entry, attributesJson);
  if (entry.keyId === null) return createHash('sha256').update(text, 'utf8').digest('hex');
  if (key === undefined) throw new Error(`no key for audit chain key id ${entry.keyId}`);
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

export const BREAK_CODES = [
  'CHAIN.SEQUENCE_GAP',
  'CHAIN.PREVIOUS_HASH_MISMATCH',
  'CHAIN.HASH_MISMATCH',
  'CHAIN.HEAD_MISMATCH',
  'CHAIN.CHECKPOINT_SIGNATURE_INVALID',
  'CHAIN.CHECKPOINT_MISMATCH',
  'CHAIN.CHECKPOINT_BEYOND_HEAD',
  'CHAIN.KEY_UNKNOWN',
  'CHAIN.UNKEYED_ENTRY',
  'CHAIN.ENTRIES_BEYOND_HEAD',
] as const;
export type BreakCode = (typeof BREAK_CODES)[number];

export interface ChainBreak {
  readonly stream: string;
  readonly seq: number;
  readonly code: BreakCode;
  readonly reason: string;
}

/**
 * Walks one stream's entries in seq order and remembers the first broken link. Incremental, so a
 * verifier can feed it page by page without holding the whole log in memory.
 */
export class StreamChainWalker {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private broken: ChainBreak | undefined;
  private count = 0;
  private lastKeyedSeq = 0;
  /** Keyed entries whose key the verifier holds, and those whose key it does not. */
  private knownKeyEntries = 0;
  private readonly unknownKeyIds = new Set<string>();
  /** seq → hash of entries a checkpoint refers to, collected while walking. */
  private readonly watched = new Map<number, string>();

  constructor(
    readonly stream: string,
    private readonly keys: ChainKeys,
    private readonly watchSeqs: ReadonlySet<number> = new Set(),
  ) {}

  get firstBreak(): ChainBreak | undefined {
    return this.broken;
  }

  get entries(): number {
    return this.count;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.previousHash;
  }

  /** Entries written with a key this walker holds. */
  get keyedEntriesVerifiable(): number {
    return this.knownKeyEntries;
  }

  /** Key ids of entries this walker could not check because it does not hold their key. */
  get missingKeyIds(): ReadonlySet<string> {
    return this.unknownKeyIds;
  }

  hashAt(seq: number): string | undefined {
    return this.watched.get(seq);
  }

  /** `attributesJson`: the attributes as stored, when the caller has the text (saves re-serializing). */
  accept(entry: ChainedEntry, attributesJson?: string): void {
    this.count += 1;
    if (this.watchSeqs.has(entry.seq)) this.watched.set(entry.seq, entry.hash);
    const key = entry.keyId === null ? undefined : this.keys.keyOf(entry.keyId);
    if (entry.keyId !== null) {
      if (key === undefined) this.unknownKeyIds.add(entry.keyId);
      else this.knownKeyEntries += 1;
    }
    if (this.broken) return;
    if (entry.seq !== this.expectedSeq) {
      const what =
        entry.seq > this.expectedSeq
          ? `entries ${this.expectedSeq}..${entry.seq - 1} are missing`
          : 'the sequence goes backwards';
      this.fail(
        this.expectedSeq,
        'CHAIN.SEQUENCE_GAP',
        `Expected seq ${this.expectedSeq} but found ${entry.seq}: ${what}.`,
      );
      return;
    }
    if (entry.prevHash !== this.previousHash) {
      this.fail(
        entry.seq,
        'CHAIN.PREVIOUS_HASH_MISMATCH',
        `Entry ${entry.seq} does not link to entry ${entry.seq - 1} (deleted, inserted or reordered).`,
      );
      return;
    }
    if (entry.keyId === null && this.lastKeyedSeq > 0) {
      this.fail(
        entry.seq,
        'CHAIN.UNKEYED_ENTRY',
        `Entry ${entry.seq} carries no MAC key after keyed entries: it was written by someone without the chain key.`,
      );
      return;
    }
    if (entry.keyId !== null && key === undefined) {
      this.fail(
        entry.seq,
        'CHAIN.KEY_UNKNOWN',
        `Entry ${entry.seq} names chain key ${entry.keyId}, which this verifier does not hold: it cannot be checked.`,
      );
      return;
    }
    if (hashEntry(entry, key, attributesJson) !== entry.hash) {
      this.fail(
        entry.seq,
        'CHAIN.HASH_MISMATCH',
        `Entry ${entry.seq} was modified after it was written (its content no longer matches its hash).`,
      );
      return;
    }
    if (entry.keyId !== null) this.lastKeyedSeq = entry.seq;
    this.previousHash = entry.hash;
    this.expectedSeq += 1;
  }

  /**
   * After the last entry: a stream must end in a keyed entry. Legacy (unkeyed) entries are only trusted
   * when a keyed entry follows them (the audit service seals legacy streams at start), else anyone with
   * database access could have appended them.
   */
  checkKeyedEnd(): void {
    if (this.broken || this.lastSeq === 0 || this.lastKeyedSeq === this.lastSeq) return;
    this.fail(
      this.lastKeyedSeq + 1,
      'CHAIN.UNKEYED_ENTRY',
      `Entries ${this.lastKeyedSeq + 1}..${this.lastSeq} carry no MAC key and no keyed entry follows them: they may have been written by someone without the chain key (a legacy stream is sealed when the audit service starts with AUDIT_CHAIN_KEYS).`,
    );
  }

  /** The head row must agree with the last entry; otherwise entries were cut off the end (or the head forged). */
  checkHead(headSeq: number, headHash: string): void {
    if (this.broken) return;
    if (headSeq !== this.lastSeq || headHash !== this.previousHash) {
      this.fail(
        Math.min(headSeq, this.lastSeq) + 1,
        'CHAIN.HEAD_MISMATCH',
        `The stream head says seq ${headSeq} but the log ends at seq ${this.lastSeq}: entries were removed from the end or the head was altered.`,
      );
    }
  }

  fail(seq: number, code: BreakCode, reason: string): void {
    this.broken ??= { stream: this.stream, seq, code, reason };
  }
}
