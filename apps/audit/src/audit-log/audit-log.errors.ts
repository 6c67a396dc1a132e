import { defineErrorCodes, DomainError } from '@exam/platform';

/** Internal: programming errors of an append to the chain (never a client's fault; answered as a 500). */
export const AuditLogErrorCode = defineErrorCodes('AUDIT_LOG', {
  OUTSIDE_TRANSACTION: {
    kind: 'internal',
    meaning: 'An append to the audit chain was attempted outside a database transaction.',
    action: 'Append inside the transaction of the change being recorded.',
  },
  INVALID_STREAM: {
    kind: 'internal',
    meaning: 'An append named a stream that is not a valid audit stream name.',
    action: 'Use a lower-case stream name of at most 32 characters.',
  },
  HEAD_MISSING: {
    kind: 'internal',
    meaning: 'The head row of an audit stream could not be created or locked.',
    action: 'Retry; if it persists, check the audit database user’s grants on audit_stream_heads.',
  },
});

export class AppendOutsideTransactionError extends DomainError {
  constructor() {
    super(AuditLogErrorCode.OUTSIDE_TRANSACTION, 'AuditLogService.append must run inside a transaction');
  }
}

export class InvalidAuditStreamError extends DomainError {
  constructor(stream: string) {
    super(AuditLogErrorCode.INVALID_STREAM, `Invalid audit stream name: ${stream}`);
  }
}

export class AuditStreamHeadMissingError extends DomainError {
  constructor(stream: string) {
    super(AuditLogErrorCode.HEAD_MISSING, `Audit stream head ${stream} vanished`);
  }
}
