import { defineErrorCodes } from '@exam/platform';

/** Codes the gateway answers with itself, in the shared error body, when an upstream fails it. */
export const GatewayErrorCode = defineErrorCodes('GATEWAY', {
  UPSTREAM_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The service behind this path did not answer (the gateway answers 502).',
    action: 'Try again shortly; if it persists, check the service health at /health/services.',
  },
  UPSTREAM_TIMEOUT: {
    kind: 'unavailable',
    meaning: 'The service behind this path did not answer in time (the gateway answers 504).',
    action: 'Try again shortly; a write may have happened, so read its state before repeating it.',
  },
});
