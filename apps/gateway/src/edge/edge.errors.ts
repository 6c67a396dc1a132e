import { defineErrorCodes } from '@exam/platform';

/** Codes the gateway answers with itself, in the shared error body, when an upstream fails it. */
export const GatewayErrorCode = defineErrorCodes('GATEWAY', {
  UPSTREAM_UNAVAILABLE: {
    kind: 'bad_gateway',
    meaning: 'The service behind this path did not answer.',
    action: 'Try again shortly; if it persists, check the service health at /health/services.',
  },
  UPSTREAM_TIMEOUT: {
    kind: 'gateway_timeout',
    meaning: 'The service behind this path did not answer in time.',
    action: 'Try again shortly; a write may have happened, so read its state before repeating it.',
  },
});
