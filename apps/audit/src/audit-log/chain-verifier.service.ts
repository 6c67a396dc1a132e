import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { type ChainBreak, StreamChainWalker } from './audit-chain';
import { type AuditEntryRow, entryFromRow } from './audit-entry.row';
import { AuditLogRepository, type StreamHead } from './audit-log.repository';
import { CHECKPOINT_STORE, type CheckpointStore } from './checkpoint.store';
import { CheckpointSigner, type SignedCheckpoint } from './checkpoint-signer';

export interface StreamVerification {
  readonly stream: string;
  readonly entries: number;
  readonly headSeq: number;
  readonly checkpointsChecked: number;
  readonly lastCheckpointSeq: number | null;
  readonly firstBreak: ChainBreak | null;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly verifiedAt: string;
  readonly entries: number;
  readonly durationMs: number;
  readonly streams: readonly StreamVerification[];
  /** The first broken link over all streams (streams in name order), or null when the chain is intact. */
  readonly firstBreak: ChainBreak | null;
}

const PAGE = 5000;

/** Recomputes every stream's chain from the database and checks it against the signed checkpoints outside it. */
@Injectable()
export class ChainVerifierService {
  constructor(
    private readonly entries: AuditLogRepository,
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_STORE) private readonly store: CheckpointStore,
    private readonly env: AuditEnv,
    private readonly clock: Clock,
  ) {}

  async verify(): Promise<ChainVerification> {
    const started = this.clock.nowMs();
    // Order matters while appends continue: checkpoints first (they only vouch for committed heads),
    // then the heads, then entries up to each head. Later appends are left for the next run.
    const checkpoints = await this.store.readAll(this.env.DATABASE_NAME);
    const heads = await this.entries.committedHeads();
    const entryStreams = await this.entries.entryStreams();
    const names = [
      ...new Set([...heads.map((h) => h.stream), ...entryStreams, ...checkpoints.keys()]),
    ].sort();
    const streams: StreamVerification[] = [];
    for (const stream of names) {
      const head = heads.find((h) => h.stream === stream);
      streams.push(await this.verifyStream(stream, head, checkpoints.get(stream) ?? []));
    }
    const firstBreak = streams.find((s) => s.firstBreak !== null)?.firstBreak ?? null;
    return {
      ok: firstBreak === null,
      verifiedAt: this.clock.now().toISOString(),
      entries: streams.reduce((sum, s) => sum + s.entries, 0),
      durationMs: this.clock.nowMs() - started,
      streams,
      firstBreak,
    };
  }

  private async verifyStream(
    stream: string,
    head: StreamHead | undefined,
    checkpoints: readonly (SignedCheckpoint | null)[],
  ): Promise<StreamVerification> {
    const valid = checkpoints.filter((c): c is SignedCheckpoint => c !== null && c.stream === stream);
    const walker = new StreamChainWalker(stream, new Set(valid.map((c) => c.seq)));
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
    if (head) walker.checkHead(head.seq, head.hash);
    else if (walker.entries > 0)
      walker.fail(1, 'CHAIN.HEAD_MISMATCH', 'The stream has entries but no head row.');
    const headSeq = head ? head.seq : 0;
    this.checkCheckpoints(walker, headSeq, checkpoints);
    const signedSeqs = valid.map((c) => c.seq);
    return {
      stream,
      entries: walker.entries,
      headSeq,
      checkpointsChecked: checkpoints.length,
      lastCheckpointSeq: signedSeqs.length === 0 ? null : Math.max(...signedSeqs),
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
