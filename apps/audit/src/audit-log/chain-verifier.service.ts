import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { type ChainBreak, StreamChainWalker } from './audit-chain';
import { type AuditEntryRow, entryFromRow } from './audit-entry.row';
import { AuditLogRepository, type StreamHead } from './audit-log.repository';
import { ChainKeyRing } from './chain-key-ring';
import { CHECKPOINT_STORE, type CheckpointStore } from './checkpoint.store';
import { CheckpointSigner, type SignedCheckpoint } from './checkpoint-signer';

export interface StreamVerification {
  readonly stream: string;
  readonly entries: number;
  readonly headSeq: number;
  readonly checkpointsChecked: number;
  readonly lastCheckpointSeq: number | null;
  /** Entries stored past the committed head: appended outside the service (the head moves with every append). */
  readonly entriesBeyondHead: number;
  readonly firstBreak: ChainBreak | null;
}

/** Entries past a stream's head, found by comparing the highest seq with the head read after it. */
export interface EntriesBeyondHead {
  readonly stream: string;
  readonly headSeq: number;
  readonly lastSeq: number;
}

/** Per stream: the verifier's own state, gathered while walking. */
interface KeyUse {
  chainKnown: number;
  readonly chainMissing: Set<string>;
  checkpointsKnown: number;
  readonly checkpointsMissing: Set<string>;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly verifiedAt: string;
  readonly entries: number;
  readonly durationMs: number;
  readonly streams: readonly StreamVerification[];
  /** The first broken link over all streams (streams in name order), or null when the chain is intact. */
  readonly firstBreak: ChainBreak | null;
  /**
   * Set when this verifier lacks the keys the chain or its checkpoints were written with (none of them
   * matched): the breaks then say nothing about tampering. Fix the configuration and verify again.
   */
  readonly keyProblem: string | null;
}

const PAGE = 5000;

/** Recomputes every stream's chain from the database and checks it against the signed checkpoints outside it. */
@Injectable()
export class ChainVerifierService {
  constructor(
    private readonly entries: AuditLogRepository,
    private readonly signer: CheckpointSigner,
    private readonly keys: ChainKeyRing,
    @Inject(CHECKPOINT_STORE) private readonly store: CheckpointStore,
    private readonly env: AuditEnv,
    private readonly clock: Clock,
  ) {}

  async verify(): Promise<ChainVerification> {
    const started = this.clock.nowMs();
    // Order matters while appends continue: checkpoints first (they only vouch for committed heads),
    // then the heads, then entries up to each head. Later appends are left for the next run.
    const checkpoints = await this.store.readAll(this.env.DATABASE_NAME);
    const beyond = await this.entriesBeyondHead();
    const heads = await this.entries.committedHeads();
    const entryStreams = await this.entries.entryStreams();
    const names = [
      ...new Set([...heads.map((h) => h.stream), ...entryStreams, ...checkpoints.keys()]),
    ].sort();
    const streams: StreamVerification[] = [];
    const keyUse: KeyUse = {
      chainKnown: 0,
      chainMissing: new Set(),
      checkpointsKnown: 0,
      checkpointsMissing: new Set(),
    };
    for (const stream of names) {
      const head = heads.find((h) => h.stream === stream);
      const past = beyond.find((b) => b.stream === stream);
      streams.push(await this.verifyStream(stream, head, checkpoints.get(stream) ?? [], past, keyUse));
    }
    const firstBreak = streams.find((s) => s.firstBreak !== null)?.firstBreak ?? null;
    const keyProblem = this.keyProblemOf(keyUse);
    return {
      ok: firstBreak === null && keyProblem === null,
      keyProblem,
      verifiedAt: this.clock.now().toISOString(),
      entries: streams.reduce((sum, s) => sum + s.entries, 0),
      durationMs: this.clock.nowMs() - started,
      streams,
      firstBreak,
    };
  }

  /**
   * Streams with entries past their head. The highest seqs are read before the heads: an append commits
   * its entries and its head move together, so a committed entry past a later-read head was not written
   * by the service (someone with database access appended it, or hid entries by holding the head back).
   */
  async entriesBeyondHead(): Promise<EntriesBeyondHead[]> {
    const lastSeqs = await this.entries.lastSeqs();
    const heads = await this.entries.committedHeads();
    const found: EntriesBeyondHead[] = [];
    for (const [stream, lastSeq] of [...lastSeqs].sort(([a], [b]) => a.localeCompare(b))) {
      const headSeq = heads.find((h) => h.stream === stream)?.seq ?? 0;
      if (lastSeq > headSeq) found.push({ stream, headSeq, lastSeq });
    }
    return found;
  }

  private keyProblemOf(use: KeyUse): string | null {
    const problems: string[] = [];
    if (use.chainMissing.size > 0 && use.chainKnown === 0)
      problems.push(
        `The chain's entries were written with key ${[...use.chainMissing].join(', ')}, and AUDIT_CHAIN_KEYS here holds ${this.keys.activeKeyId} only: set AUDIT_CHAIN_KEYS to the keys the audit service writes with.`,
      );
    if (use.checkpointsMissing.size > 0 && use.checkpointsKnown === 0)
      problems.push(
        `No checkpoint is signed by a key this verifier knows (checkpoints name ${[...use.checkpointsMissing].join(', ')}; AUDIT_SIGNING_KEY here is ${this.signer.keyId}): set AUDIT_SIGNING_KEY or AUDIT_VERIFY_KEYS to the audit service's keys. If they are right, every checkpoint was replaced.`,
      );
    return problems.length === 0 ? null : problems.join(' ');
  }

  private async verifyStream(
    stream: string,
    head: StreamHead | undefined,
    checkpoints: readonly (SignedCheckpoint | null)[],
    beyond: EntriesBeyondHead | undefined,
    keyUse: KeyUse,
  ): Promise<StreamVerification> {
    const valid = checkpoints.filter((c): c is SignedCheckpoint => c !== null && c.stream === stream);
    for (const checkpoint of valid) {
      if (this.signer.knows(checkpoint.keyId)) keyUse.checkpointsKnown += 1;
      else keyUse.checkpointsMissing.add(checkpoint.keyId);
    }
    const walker = new StreamChainWalker(stream, this.keys, new Set(valid.map((c) => c.seq)));
    // Without a head row every entry is suspect; with one, entries past it were appended after the snapshot.
    const upTo = head ? head.seq : await this.entries.lastSeq(stream);
    // Pages are seq ranges, so the next one is fetched while this one is hashed.
    const page = (after: number): Promise<AuditEntryRow[]> =>
      this.entries.entriesBetween(stream, after, Math.min(after + PAGE, upTo));
    let next = page(-1);
    for (let after = -1; after < upTo; after += PAGE) {
      const rows = await next;
      if (after + PAGE < upTo) next = page(after + PAGE);
      // The stored attributes text is what was hashed: hash it as stored (any rewrite of it is a change).
      for (const row of rows) walker.accept(entryFromRow(row), row.attributes);
    }
    walker.checkKeyedEnd();
    keyUse.chainKnown += walker.keyedEntriesVerifiable;
    for (const keyId of walker.missingKeyIds) keyUse.chainMissing.add(keyId);
    if (head) walker.checkHead(head.seq, head.hash);
    else if (walker.entries > 0)
      walker.fail(1, 'CHAIN.HEAD_MISMATCH', 'The stream has entries but no head row.');
    const headSeq = head ? head.seq : 0;
    this.checkCheckpoints(walker, headSeq, checkpoints);
    if (beyond)
      walker.fail(
        beyond.headSeq + 1,
        'CHAIN.ENTRIES_BEYOND_HEAD',
        `Entries ${beyond.headSeq + 1}..${beyond.lastSeq} lie past the stream head at seq ${beyond.headSeq}: they were written outside the audit service, or the head was moved back to hide them.`,
      );
    const signedSeqs = valid.map((c) => c.seq);
    return {
      stream,
      entries: walker.entries,
      headSeq,
      checkpointsChecked: checkpoints.length,
      lastCheckpointSeq: signedSeqs.length === 0 ? null : Math.max(...signedSeqs),
      entriesBeyondHead: beyond ? beyond.lastSeq - beyond.headSeq : 0,
      firstBreak: walker.firstBreak ?? null,
    };
  }

  private checkCheckpoints(
    walker: StreamChainWalker,
    headSeq: number,
    checkpoints: readonly (SignedCheckpoint | null)[],
  ): void {
    for (const checkpoint of checkpoints) {
      if (
        checkpoint === null ||
        checkpoint.stream !== walker.stream ||
        checkpoint.database !== this.env.DATABASE_NAME ||
        !this.signer.verify(checkpoint)
      ) {
        walker.fail(
          checkpoint?.seq ?? 0,
          'CHAIN.CHECKPOINT_SIGNATURE_INVALID',
          'A checkpoint is unreadable or its signature does not verify: the checkpoint store was tampered with.',
        );
        continue;
      }
      if (checkpoint.seq > headSeq || checkpoint.seq > walker.lastSeq) {
        walker.fail(
          Math.min(headSeq, walker.lastSeq) + 1,
          'CHAIN.CHECKPOINT_BEYOND_HEAD',
          `A checkpoint signed at ${checkpoint.signedAt} vouches for seq ${checkpoint.seq}, but the log ends before it: entries were removed.`,
        );
        continue;
      }
      if (walker.hashAt(checkpoint.seq) !== checkpoint.headHash) {
        walker.fail(
          checkpoint.seq,
          'CHAIN.CHECKPOINT_MISMATCH',
          `Entry ${checkpoint.seq} differs from what the checkpoint signed at ${checkpoint.signedAt} vouches for: the chain was rewritten.`,
        );
      }
    }
  }
}
