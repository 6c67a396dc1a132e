import type { LoginDecision } from '../payloads/audit.payloads';

/** Audience of service-to-service tokens: never the access tokens' audience, so no access guard accepts one. */
export const SERVICE_TOKEN_AUDIENCE = 'exam-platform/internal';
/** The one thing a service token from accounts may ask audit: a risk decision before a token is issued. */
export const LOGIN_RISK_DECIDE_SCOPE = 'login-risk:decide';
/** Audit's synchronous risk decision; the body is an `accounts.login.attempted` payload with outcome `success`. */
export const LOGIN_RISK_DECIDE_PATH = '/api/audit/internal/login-risk/decisions';

export interface LoginRiskDecisionReply {
  readonly decision: LoginDecision;
}
