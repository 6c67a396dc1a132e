import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import { MarkingIntakeService } from './marking-intake.service';

/**
 * Takes closed attempts into marking every EXAM_MARKING_INTAKE_INTERVAL_SECONDS (0 = off), on every
 * replica; the marking routes also take in their exam's attempts before answering.
 */
@Injectable()
export class MarkingIntakeScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly intake: MarkingIntakeService,
    env: ExamEnv,
  ) {
    super();
    this.intervalSeconds = env.EXAM_MARKING_INTAKE_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    const taken = await this.intake.run();
    if (taken > 0) this.logger.log(`took ${taken} closed attempt(s) into marking`);
  }
}
