import { Clock, type RetentionReport, type RetentionSweep } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import { RegistrationRepository } from '../registration/registration.repository';
import { registrationsCutoff, type RetentionSettings } from './retention-policy';

const MAX_BATCHES_PER_PASS = 100;

/**
 * Empties the personal data of registrations past retention, in bounded batches of rows locked with SKIP
 * LOCKED: several replicas may run it at once, a second pass finds nothing.
 */
@Injectable()
export class RetentionService implements RetentionSweep {
  private readonly settings: RetentionSettings;

  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly clock: Clock,
    env: ExamEnv,
  ) {
    this.settings = {
      registrationsDays: env.RETENTION_REGISTRATIONS_DAYS,
      batchSize: env.RETENTION_BATCH_SIZE,
      maxBatchesPerPass: MAX_BATCHES_PER_PASS,
    };
  }

  async sweep(): Promise<RetentionReport> {
    const now = this.clock.now();
    const cutoff = registrationsCutoff(now, this.settings);
    let registrations = 0;
    for (let batch = 0; batch < this.settings.maxBatchesPerPass; batch++) {
      const done = await this.registrations.transaction(async (tx) => {
        const rows = await this.registrations.pastRetention(tx, cutoff, cutoff, this.settings.batchSize);
        for (const row of rows) await this.registrations.erasePersonalData(tx, row, now);
        return rows.length;
      });
      registrations += done;
      if (done < this.settings.batchSize) break;
    }
    return { registrations };
  }
}
