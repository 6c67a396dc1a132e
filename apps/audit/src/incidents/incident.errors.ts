import { defineErrorCodes, DomainError } from '@exam/platform';

export const IncidentErrorCode = defineErrorCodes('INCIDENT', {
  DISCOVERED_BEFORE_OCCURRED: {
    kind: 'invalid',
    meaning: 'The incident is said to have been discovered before it occurred.',
    action: 'Correct occurredAt or discoveredAt so that discovery is not before occurrence.',
  },
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No personal-information incident has this id.',
    action: 'List the incidents and pick one.',
  },
});

export class IncidentDiscoveredBeforeOccurredError extends DomainError {
  constructor() {
    super(IncidentErrorCode.DISCOVERED_BEFORE_OCCURRED, 'discoveredAt cannot be before occurredAt.', [
      { field: 'discoveredAt', reason: 'must not be before occurredAt' },
    ]);
  }
}

export class IncidentNotFoundError extends DomainError {
  constructor(id: string) {
    super(IncidentErrorCode.NOT_FOUND, `No incident ${id}.`);
  }
}
