import { Injectable } from '@nestjs/common';

import { ExpiredChallengesRetention } from './challenge-retention';

/** Deletes face-check challenges (signed-in and pre-sign-in) a day after they expired, used or not. */
@Injectable()
export class FaceChallengeRetention extends ExpiredChallengesRetention {
  readonly name = 'face_challenges';
  protected readonly table = 'face_challenges';
}
