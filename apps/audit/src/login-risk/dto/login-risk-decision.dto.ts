import { LoginAttemptedV1, type LoginDecision, type LoginRiskDecisionReply } from '@exam/contracts';

/** The attempt to decide on: the payload accounts will publish for it, outcome `success`. */
export class LoginRiskDecisionRequestDto extends LoginAttemptedV1 {}

export class LoginRiskDecisionDto implements LoginRiskDecisionReply {
  /** allow: issue the token; step_up: ask for a code first; block: lock the account for review. */
  decision!: LoginDecision;

  static of(decision: LoginDecision): LoginRiskDecisionDto {
    return Object.assign(new LoginRiskDecisionDto(), { decision });
  }
}
