import { defineErrorCodes, DomainError } from '@exam/platform';

export const CertificateErrorCode = defineErrorCodes('CERTIFICATE', {
  NOT_OFFERED: {
    kind: 'conflict',
    meaning: 'This exam does not offer a certificate.',
    action: 'Nothing to do; your result page shows your score.',
  },
  NOT_PASSED: {
    kind: 'conflict',
    meaning:
      'A certificate is issued only on a pass, and the attempt that counts did not reach the pass score.',
    action: 'Take another attempt if the exam allows one.',
  },
  NOT_ISSUED: {
    kind: 'not_found',
    meaning: 'You have no certificate for this exam yet.',
    action: 'Ask for it first with POST /api/exam/me/exams/{examId}/certificate.',
  },
  REVOKED: {
    kind: 'gone',
    meaning: 'The certificate was revoked: its attempt was terminated or regraded below the pass score.',
    action: 'Contact the exam’s institution.',
  },
  UNKNOWN_CODE: {
    kind: 'not_found',
    meaning: 'No certificate has this verification code: it is not genuine, or the code was mistyped.',
    action: 'Check the 24-character code printed on the certificate and try again.',
  },
  FONT_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The font needed to print the certificate is not installed on the server.',
    action: 'Try again later; operators: install the font TICKET_FONT_PATH names (Debian fonts-noto-cjk).',
  },
});

export class CertificateNotOfferedError extends DomainError {
  constructor() {
    super(CertificateErrorCode.NOT_OFFERED);
  }
}

export class CertificateNotPassedError extends DomainError {
  constructor(score: number, passScore: number) {
    super(
      CertificateErrorCode.NOT_PASSED,
      `The attempt that counts scored ${score}; the pass score is ${passScore}. A certificate is issued only on a pass.`,
    );
  }
}

export class CertificateNotIssuedError extends DomainError {
  constructor() {
    super(CertificateErrorCode.NOT_ISSUED);
  }
}

export class CertificateRevokedError extends DomainError {
  constructor() {
    super(CertificateErrorCode.REVOKED);
  }
}

export class UnknownVerificationCodeError extends DomainError {
  constructor() {
    super(CertificateErrorCode.UNKNOWN_CODE);
  }
}

export class CertificateFontUnavailableError extends DomainError {
  constructor() {
    super(CertificateErrorCode.FONT_UNAVAILABLE);
  }
}
