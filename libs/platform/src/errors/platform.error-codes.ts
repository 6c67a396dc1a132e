import { defineErrorCodes } from './error-codes';

/** Codes the platform itself answers with on every service (validation, framework errors, overload). */
export const RequestErrorCode = defineErrorCodes('REQUEST', {
  INVALID: {
    kind: 'invalid',
    meaning: 'A field of the request breaks its rules.',
    action: 'Correct the fields listed in details and send again.',
  },
  MALFORMED: {
    kind: 'invalid',
    meaning: 'The request could not be read (bad JSON, too deeply nested, malformed text).',
    action: 'Send a well-formed JSON body.',
  },
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No route answers this path.',
    action: 'Check the path and method.',
  },
  METHOD_NOT_ALLOWED: {
    kind: 'method_not_allowed',
    meaning: 'The route does not take this method.',
    action: 'Use the method the API reference gives.',
  },
  TOO_LARGE: {
    kind: 'too_large',
    meaning: 'The body is larger than allowed.',
    action: 'Send a smaller body.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: 'unsupported_media_type',
    meaning: 'The body has a content type the route does not read.',
    action: 'Send application/json.',
  },
  LENGTH_REQUIRED: {
    kind: 'length_required',
    meaning: 'The body came without a Content-Length (chunked uploads are refused at the edge).',
    action: 'Send a Content-Length header.',
  },
  RATE_LIMITED: {
    kind: 'too_many',
    meaning: 'Too many requests from this client.',
    action: 'Wait a minute and try again.',
  },
  REJECTED: {
    kind: 'invalid',
    meaning: 'The request was refused.',
    action: 'Read the message and correct the request.',
  },
});

export const AuthErrorCode = defineErrorCodes('AUTH', {
  UNAUTHENTICATED: {
    kind: 'unauthenticated',
    meaning: 'The access token is missing, expired or not valid.',
    action: 'Sign in again or refresh the token.',
  },
  FORBIDDEN: {
    kind: 'forbidden',
    meaning: 'The caller may not do this.',
    action: 'Ask an administrator for the role this needs.',
  },
  ROLE_REQUIRED: {
    kind: 'forbidden',
    meaning: 'The route needs a platform role the caller does not hold.',
    action: 'Ask a platform administrator for the role.',
  },
  TENANT_FORBIDDEN: {
    kind: 'forbidden',
    meaning: 'The caller is not staff of that institution with the required role.',
    action: 'Act only on your own institution, or ask its administrator for the role.',
  },
  POLICY_ACCEPTANCE_REQUIRED: {
    kind: 'forbidden',
    meaning: 'The privacy policy changed materially since the caller accepted it.',
    action: 'Read the version in details, accept it, then refresh the token.',
  },
  RECENT_AUTHENTICATION_REQUIRED: {
    kind: 'forbidden',
    meaning:
      'This changes how the account is signed in to or recovered, and the last proof of identity in the token is too old.',
    action: 'Confirm your password at POST /api/accounts/auth/reauthenticate, then retry with the new token.',
  },
});

export const ServiceErrorCode = defineErrorCodes('SERVICE', {
  BUSY: {
    kind: 'unavailable',
    meaning: 'The service is momentarily overloaded (a transaction lost a lock race too often).',
    action: 'Retry after a short pause.',
  },
});

export const InternalErrorCode = defineErrorCodes('INTERNAL', {
  UNEXPECTED: {
    kind: 'internal',
    meaning: 'Something failed on our side; nothing about it is shown.',
    action: 'Retry later; quote the correlationId when you report it.',
  },
});

export const HealthErrorCode = defineErrorCodes('HEALTH', {
  NOT_READY: {
    kind: 'unavailable',
    meaning: 'A dependency of the service (database, Kafka, rate-limit store) is unreachable.',
    action: 'Route traffic elsewhere until ready answers 200.',
  },
});

export const RevealErrorCode = defineErrorCodes('REVEAL', {
  RATE_LIMITED: {
    kind: 'too_many',
    meaning: 'Too many full values were revealed in the last hour.',
    action: 'Try again later; bulk access goes through an export with its own approval.',
  },
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No such value is stored for that subject.',
    action: 'Check the subject.',
  },
});

/** Internal: an event that would leave the service with plaintext personal data (never reaches a client). */
export const EventErrorCode = defineErrorCodes('EVENT', {
  PLAINTEXT_PERSONAL_DATA: {
    kind: 'internal',
    meaning: 'An event payload carried an unmasked personal value; the transaction was rolled back.',
    action: 'Fix the producer to send masked values or references.',
  },
});

export const FaceTicketErrorCode = defineErrorCodes('FACE', {
  TICKET_INVALID: {
    kind: 'unauthenticated',
    meaning: 'The face ticket is unknown, used or expired.',
    action: 'Start again from the sign-in page.',
  },
});

export const FaceCheckErrorCode = defineErrorCodes('FACE_CHECK', {
  MALFORMED: {
    kind: 'forbidden',
    meaning: 'The face-check token is malformed.',
    action: 'Do the face check again.',
  },
  UNKNOWN_KEY: {
    kind: 'forbidden',
    meaning: 'The face-check token was signed with an unknown key.',
    action: 'Do the face check again.',
  },
  BAD_SIGNATURE: {
    kind: 'forbidden',
    meaning: 'The face-check token signature is invalid.',
    action: 'Do the face check again.',
  },
  EXPIRED: {
    kind: 'forbidden',
    meaning: 'The face-check token has expired.',
    action: 'Do the face check again.',
  },
  NOT_YET_VALID: {
    kind: 'forbidden',
    meaning: 'The face-check token is not valid yet.',
    action: 'Check the device clock; do the face check again.',
  },
  WRONG_PURPOSE: {
    kind: 'forbidden',
    meaning: 'The face-check token was issued for another purpose.',
    action: 'Do the face check this page asks for.',
  },
  WRONG_EXAM: {
    kind: 'forbidden',
    meaning: 'The face-check token was issued for another exam.',
    action: 'Do the face check for this exam.',
  },
  WRONG_USER: {
    kind: 'forbidden',
    meaning: 'The face-check token was issued for another user.',
    action: 'Sign in as the person who did the face check.',
  },
  WRONG_REQUEST: {
    kind: 'forbidden',
    meaning: 'The face-check token was issued for another request.',
    action: 'Do the face check this page asks for.',
  },
});

export const SessionCheckErrorCode = defineErrorCodes('SESSION_CHECK', {
  UNAVAILABLE: {
    kind: 'unavailable',
    meaning:
      'The list of ended sessions (Redis) cannot be read, so no token can be trusted not to be revoked; nothing was done.',
    action: 'Retry in a few seconds; if it persists the platform operators are restoring the service.',
  },
});
