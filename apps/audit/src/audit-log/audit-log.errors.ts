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

/** Configuration: the chain's MAC keys (AUDIT_CHAIN_KEYS) cannot be used; refused at start and by the CLI. */
export const AuditChainErrorCode = defineErrorCodes('AUDIT_CHAIN', {
  KEY_INVALID: {
    kind: 'internal',
    meaning: 'AUDIT_CHAIN_KEYS is not a comma-separated list of base64 keys of at least 32 random bytes.',
    action:
      'Set AUDIT_CHAIN_KEYS to the keys the audit service writes with, newest first (openssl rand -base64 32).',
  },
});

export class ChainKeyInvalidError extends DomainError {
  constructor(problem: string) {
    super(
      AuditChainErrorCode.KEY_INVALID,
      `AUDIT_CHAIN_KEYS cannot be used: ${problem}. Set it to comma-separated base64 keys of at least 32 bytes, newest first.`,
    );
  }
}
