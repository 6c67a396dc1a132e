import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import { AttemptClosingService } from './attempt-closing.service';

/**
 * Finalises attempts past their deadline and grace every EXAM_FINALISE_INTERVAL_SECONDS (0 = off), on every
 * replica: rows are claimed with SKIP LOCKED, so replicas never close the same attempt twice.
 */
@Injectable()
export class AttemptFinaliserScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly closing: AttemptClosingService,
    env: ExamEnv,
  ) {
    super();
    this.intervalSeconds = env.EXAM_FINALISE_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    const closed = await this.closing.finaliseDue();
    if (closed > 0) this.logger.log(`finalised ${closed} attempt(s) past their deadline`);
  }
}
