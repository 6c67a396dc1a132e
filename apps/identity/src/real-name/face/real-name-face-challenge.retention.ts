import { Injectable } from '@nestjs/common';

import { ExpiredChallengesRetention } from '../../face/retention/challenge-retention';

/** Deletes real-name face-step challenges a day after they expired, used or not (same rule as face checks). */
@Injectable()
export class RealNameFaceChallengeRetention extends ExpiredChallengesRetention {
  readonly name = 'real_name_face_challenges';
  protected readonly table = 'real_name_face_challenges';
}
