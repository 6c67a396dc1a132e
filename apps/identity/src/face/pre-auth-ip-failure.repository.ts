import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';

/** The per-network failure counters of pre-sign-in face checks (written by PreAuthIpBudget's WindowedCounter). */
@Injectable()
export class PreAuthIpFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Retention: counter windows that started at or before `cutoff` (no longer read). */
  purgeDeadWindows(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'face_preauth_ip_failures', column: 'window_start', ...limits },
      cutoff,
    );
  }
}
