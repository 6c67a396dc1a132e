import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { ChainKeyRing } from './chain-key-ring';

/** Event type of the entry that seals a stream's legacy (unkeyed) entries under the chain key. */
export const CHAIN_KEYED_EVENT = 'audit.chain.keyed';

/**
 * Explicit migration of the unkeyed chain: at start, every stream whose last entry has no MAC key gets a
 * keyed entry appended, which links to (and so vouches for) everything before it. From then on an
 * unkeyed entry anywhere after it fails verification, so database access alone cannot extend a stream.
 */
@Injectable()
export class ChainKeyingService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: AuditLogRepository,
    private readonly log: AuditLogService,
    private readonly keys: ChainKeyRing,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sealLegacyStreams();
  }

  /** Returns the streams it sealed; safe on several replicas at once (the check runs under the head lock). */
  async sealLegacyStreams(): Promise<string[]> {
    const sealed: string[] = [];
    for (const { stream, seq } of await this.entries.committedHeads()) {
      if (seq === 0) continue;
      const didSeal = await this.dataSource.transaction(async (tx) => {
        const head = await this.log.lockHead(tx, stream);
        if (head.seq === 0 || (await this.entries.keyIdAt(tx, stream, head.seq)) !== null) return false;
        const now = this.clock.now();
        await this.log.appendAt(
          tx,
          head,
          [
            {
              eventId: randomUUID(),
              eventType: CHAIN_KEYED_EVENT,
              producer: 'audit',
              occurredAt: now.toISOString(),
              traceId: `chain-keying-${stream}`,
              subjectUserId: null,
              actorId: 'audit',
              institutionId: null,
              ipMasked: null,
              attributes: { keyId: this.keys.activeKeyId, sealedThroughSeq: head.seq },
            },
          ],
          now,
        );
        return true;
      });
      if (didSeal) sealed.push(stream);
    }
    return sealed;
  }
}
