import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { RealNameRecordRepository } from './real-name-record.repository';

const BATCH = 100;

/**
 * At startup, re-encrypts real-name rows written before the owner was bound into their AAD (#12 item 18), in
 * keyset batches, so the old AAD form stops being accepted soon after a deploy and not only on each row's next
 * read. Safe on several replicas at once: each row is rewritten once (flag-guarded update).
 */
@Injectable()
export class RealNameOwnerBinding implements OnApplicationBootstrap {
  private readonly logger = new Logger(RealNameOwnerBinding.name);

  constructor(private readonly records: RealNameRecordRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bound, failed } = await this.bindAll();
    if (bound > 0) this.logger.log(`${bound} real-name record(s) re-encrypted with their owner bound`);
    if (failed.length > 0)
      this.logger.error(
        `${failed.length} real-name record(s) do not decrypt and were left: ${failed.join(', ')}`,
      );
  }

  async bindAll(): Promise<{ bound: number; failed: string[] }> {
    let afterId = '';
    let bound = 0;
    const failed: string[] = [];
    for (;;) {
      const batch = await this.records.bindOwners({ afterId, limit: BATCH });
      bound += batch.bound;
      failed.push(...batch.failed);
      const last = batch.seen.at(-1);
      if (last === undefined || batch.seen.length < BATCH) return { bound, failed };
      afterId = last;
    }
  }
}
