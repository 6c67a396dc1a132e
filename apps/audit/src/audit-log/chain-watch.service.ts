import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AlertRaiser } from '../alerts/alert-raiser.service';
import {
  type ChainVerification,
  ChainVerifierService,
  type EntriesBeyondHead,
} from './chain-verifier.service';

/** Cause of the alert raised when entries lie past a stream head. */
export const ENTRIES_BEYOND_HEAD_RULE = 'audit_chain_entries_beyond_head';

/** One alert per stream and day at most; later findings add occurrences to it. */
const DEDUP_MINUTES = 24 * 60;

/**
 * Watches the chain for what only someone with database access can cause: entries past a stream head
 * (appended outside the service, or hidden by holding the head back). Each finding raises a critical
 * alert in the staff queue.
 */
@Injectable()
export class ChainWatchService {
  constructor(
    private readonly verifier: ChainVerifierService,
    private readonly alerts: AlertRaiser,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Full verification, alerting on entries past a head as well as reporting them. */
  async verify(): Promise<ChainVerification> {
    const result = await this.verifier.verify();
    await this.alert(
      result.streams
        .filter((s) => s.entriesBeyondHead > 0)
        .map((s) => ({ stream: s.stream, headSeq: s.headSeq, lastSeq: s.headSeq + s.entriesBeyondHead })),
    );
    return result;
  }

  /** The cheap periodic check (two aggregate reads); returns what it alerted on. */
  async checkEntriesBeyondHead(): Promise<EntriesBeyondHead[]> {
    const found = await this.verifier.entriesBeyondHead();
    await this.alert(found);
    return found;
  }

  private async alert(found: readonly EntriesBeyondHead[]): Promise<void> {
    if (found.length === 0) return;
    const now = this.clock.now();
    await this.dataSource.transaction((tx) =>
      this.alerts.raiseMany(
        tx,
        found.map((f) => ({
          subjectKind: 'stream' as const,
          subjectRef: f.stream,
          userId: null,
          institutionIds: [],
          score: 100,
          seenAt: now,
          dedupMinutes: DEDUP_MINUTES,
          detections: [
            {
              rule: ENTRIES_BEYOND_HEAD_RULE,
              severity: 'critical' as const,
              weight: 100,
              reason: `Audit stream ${f.stream} has entries ${f.headSeq + 1}..${f.lastSeq} past its head at seq ${f.headSeq}: they were written outside the audit service or the head was moved back to hide them. Run the chain verification and investigate database access.`,
              evidence: { stream: f.stream, headSeq: f.headSeq, lastSeq: f.lastSeq },
            },
          ],
        })),
        now,
      ),
    );
  }
}
