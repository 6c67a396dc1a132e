import { Injectable } from '@nestjs/common';

import { IdentityEnv } from '../../config/identity.env';
import { type LivenessStep, randomLivenessSteps } from '../face-liveness';

/** Draws the steps of a new liveness challenge: head movements, with face actions when LIVENESS_FACE_ACTIONS. */
@Injectable()
export class LivenessSteps {
  constructor(private readonly env: IdentityEnv) {}

  /** Face actions need the local rules (the vendor service answers head movements only). */
  get faceActions(): boolean {
    return this.env.LIVENESS_FACE_ACTIONS && this.env.LIVENESS_PROVIDER === 'local';
  }

  draw(): LivenessStep[] {
    return randomLivenessSteps(this.faceActions);
  }
}
