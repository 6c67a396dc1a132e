import { RetentionTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import { RetentionService } from './retention.service';

/** Runs the retention pass every RETENTION_INTERVAL_SECONDS (0 = off). */
@Injectable()
export class RetentionScheduler extends RetentionTask {
  protected readonly intervalSeconds: number;

  constructor(
    protected readonly retention: RetentionService,
    env: ExamEnv,
  ) {
    super();
    this.intervalSeconds = env.RETENTION_INTERVAL_SECONDS;
  }
}
