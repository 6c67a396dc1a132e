import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import type { RetentionStep } from './retention-step';

export type RetentionStepOutcome =
  | { readonly step: string; readonly ok: true; readonly deleted: number; readonly batches: number }
  | { readonly step: string; readonly ok: false; readonly error: string };

export interface RetentionPass {
  readonly at: Date;
  readonly steps: readonly RetentionStepOutcome[];
}

/**
 * One retention pass over every registered step, in registration order. A failing step does not stop the
 * others; whatever it left is deleted by a later pass.
 */
@Injectable()
export class IdentityRetentionService {
  private readonly steps: RetentionStep[] = [];

  constructor(private readonly clock: Clock) {}

  register(step: RetentionStep): void {
    if (this.steps.some((known) => known.name === step.name))
      throw new Error(`retention step ${step.name} is registered twice`);
    this.steps.push(step);
  }

  stepNames(): readonly string[] {
    return this.steps.map((step) => step.name);
  }

  async runPass(): Promise<RetentionPass> {
    const at = this.clock.now();
    const outcomes: RetentionStepOutcome[] = [];
    for (const step of this.steps) {
      try {
        const purge = await step.purge(at);
        outcomes.push({ step: step.name, ok: true, deleted: purge.deleted, batches: purge.batches });
      } catch (error: unknown) {
        outcomes.push({
          step: step.name,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return { at, steps: outcomes };
  }
}
