import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { AuditLogRepository } from './audit-log.repository';
import { CHECKPOINT_STORE, type CheckpointStore } from './checkpoint.store';
import { CheckpointSigner, type SignedCheckpoint } from './checkpoint-signer';

/**
 * Periodically signs each stream's head and stores the signature outside the database. Someone who
 * rewrites and recomputes the whole chain in the database cannot produce matching signatures.
 */
@Injectable()
export class ChainCheckpointService {
  private readonly lastSigned = new Map<string, number>();

  constructor(
    private readonly entries: AuditLogRepository,
    private readonly signer: CheckpointSigner,
    @Inject(CHECKPOINT_STORE) private readonly store: CheckpointStore,
    private readonly env: AuditEnv,
    private readonly clock: Clock,
  ) {}

  /** Signs every stream whose head moved since the last checkpoint; returns what was written. */
  async checkpointAll(): Promise<SignedCheckpoint[]> {
    const now = this.clock.now();
    // Committed heads only (no lock): a checkpoint vouches for what is durably in the log.
    const heads = await this.entries.committedHeads();
    const written: SignedCheckpoint[] = [];
    for (const head of heads) {
      const { seq } = head;
      if (seq === 0 || this.lastSigned.get(head.stream) === seq) continue;
      const checkpoint = this.signer.sign({
        database: this.env.DATABASE_NAME,
        stream: head.stream,
        seq,
        headHash: head.hash,
        signedAt: now.toISOString(),
      });
      await this.store.append(checkpoint);
      this.lastSigned.set(head.stream, seq);
      written.push(checkpoint);
    }
    return written;
  }
}
