import { DomainError, type ErrorDetail } from '../errors/domain-error';
import { HealthErrorCode } from '../errors/platform.error-codes';

export class ServiceNotReadyError extends DomainError {
  constructor(problems: readonly ErrorDetail[]) {
    super(HealthErrorCode.NOT_READY, 'Service is not ready: a dependency is unreachable.', problems);
  }
}
