import { createHash } from 'node:crypto';

import { canonicalJson, type CanonicalValue } from './canonical-json';

/** The previous hash of a stream's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the hashed layout; bump it (and keep verifying old versions) if the layout ever changes. */
export const CHAIN_FORMAT_VERSION = 1;

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
  readonly hash: string;
}

export type UnhashedEntry = Omit<ChainedEntry, 'hash'>;

type TopField = Exclude<keyof UnhashedEntry, 'attributes'>;

/** The hashed top-level fields with their canonical (code-point) order; `attributes` and `v` join them. */
const HASHED_KEYS: readonly (TopField | 'attributes' | 'v')[] = (
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

/**
 * The canonical text that is hashed: `canonicalJson` of the entry without its hash plus the format
 * version. Built field by field (the top level is fixed) so that the attributes, already canonical
 * for their column, are not serialized twice; audit-chain.spec proves it equals canonicalJson.
 */
export function canonicalEntry(
  entry: UnhashedEntry,
  attributesJson: string = canonicalJson(entry.attributes),
): string {
  const parts = HASHED_KEYS.map((key) => {
    if (key === 'attributes') return `"attributes":${attributesJson}`;
    if (key === 'v') return `"v":${CHAIN_FORMAT_VERSION}`;
    const value: CanonicalValue = entry[key];
    return `${JSON.stringify(key)}:${canonicalJson(value)}`;
  });
  return `{${parts.join(',')}}`;
}

/** SHA-256 over the canonical form of everything in the entry but its own hash, including seq and prevHash. */
export function hashEntry(entry: UnhashedEntry, attributesJson?: string): string {
  return createHash('sha256').update(canonicalEntry(entry, attributesJson), 'utf8').digest('hex');
}

export const BREAK_CODES = [
  'CHAIN.SEQUENCE_GAP',
  'CHAIN.PREVIOUS_HASH_MISMATCH',
  'CHAIN.HASH_MISMATCH',
  'CHAIN.HEAD_MISMATCH',
  'CHAIN.CHECKPOINT_SIGNATURE_INVALID',
  'CHAIN.CHECKPOINT_MISMATCH',
  'CHAIN.CHECKPOINT_BEYOND_HEAD',
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
  /** seq → hash of entries a checkpoint refers to, collected while walking. */
  private readonly watched = new Map<number, string>();

  constructor(
    readonly stream: string,
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

  hashAt(seq: number): string | undefined {
    return this.watched.get(seq);
  }

  /** `attributesJson`: the attributes as stored, when the caller has the text (saves re-serializing). */
  accept(entry: ChainedEntry, attributesJson?: string): void {
    this.count += 1;
    if (this.watchSeqs.has(entry.seq)) this.watched.set(entry.seq, entry.hash);
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
    if (hashEntry(entry, attributesJson) !== entry.hash) {
      this.fail(
        entry.seq,
        'CHAIN.HASH_MISMATCH',
        `Entry ${entry.seq} was modified after it was written (its content no longer matches its hash).`,
      );
      return;
    }
    this.previousHash = entry.hash;
    this.expectedSeq += 1;
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
