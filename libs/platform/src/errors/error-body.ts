import type { ErrorDetail } from './domain-error';

/** The one error shape every service answers with. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
  readonly correlationId: string;
}
