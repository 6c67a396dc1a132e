import type { PersonalDataExport } from './privacy-api';

/** One line of "what cancelling my account does", as an i18n key of the privacy namespace and its values. */
export interface Consequence {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * What cancelling the account does (ADR 0015), in the order a person should read it; lines about memberships
 * are added only when the person has any.
 */
export function erasureConsequences(
  data: Pick<PersonalDataExport, 'memberships'> | undefined,
): Consequence[] {
  const lines: Consequence[] = [
    { key: 'erasure.consequences.signedOut' },
    { key: 'erasure.consequences.profileErased' },
    { key: 'erasure.consequences.otherServices', values: { days: 15 } },
    { key: 'erasure.consequences.examsLost' },
  ];
  const memberships = data?.memberships.length ?? 0;
  if (memberships > 0)
    lines.push({ key: 'erasure.consequences.memberships', values: { count: memberships } });
  lines.push(
    { key: 'erasure.consequences.contactReusable' },
    { key: 'erasure.consequences.kept' },
    { key: 'erasure.consequences.irreversible' },
  );
  return lines;
}
