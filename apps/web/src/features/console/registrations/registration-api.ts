import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { examPath } from '../shared/api-paths';

export const REGISTRATION_STATUSES = [
  'pending_review',
  'pending_payment',
  'confirmed',
  'rejected',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration as staff see it: the answers and identity masked by the server. */
export interface StaffRegistration {
  registrationId: string;
  userId: string;
  registrationNumber: string;
  ticketNumber: string | null;
  status: RegistrationStatus;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  answers: Record<string, string>;
  feeFen: number;
  paid: boolean;
  reviewReason: string | null;
  createdAt: string;
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  registrationNumber?: string;
  page: number;
  pageSize: number;
}

export const registrationKeys = {
  list: (institutionId: string, examId: string, filter: RegistrationFilter) =>
    ['console', institutionId, 'exams', examId, 'registrations', filter] as const,
  all: (institutionId: string, examId: string) =>
    ['console', institutionId, 'exams', examId, 'registrations'] as const,
};

export function registrationsQuery(filter: RegistrationFilter): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  const number = filter.registrationNumber?.trim().toUpperCase();
  if (number) query.set('registrationNumber', number);
  query.set('limit', String(filter.pageSize));
  query.set('offset', String((filter.page - 1) * filter.pageSize));
  return query.toString();
}

export function useRegistrations(institutionId: string, examId: string, filter: RegistrationFilter) {
  return useQuery({
    queryKey: registrationKeys.list(institutionId, examId, filter),
    queryFn: () =>
      api<{ items: StaffRegistration[]; total: number }>(
        examPath(institutionId, `/exams/${examId}/registrations?${registrationsQuery(filter)}`),
      ),
    placeholderData: keepPreviousData,
  });
}

const base = (institutionId: string, examId: string, registrationId: string) =>
  examPath(institutionId, `/exams/${examId}/registrations/${registrationId}`);

export function approveRegistration(institutionId: string, examId: string, registrationId: string) {
  return api<StaffRegistration>(`${base(institutionId, examId, registrationId)}/approve`, { method: 'POST' });
}

export function rejectRegistration(
  institutionId: string,
  examId: string,
  registrationId: string,
  reason: string,
) {
  return api<StaffRegistration>(`${base(institutionId, examId, registrationId)}/reject`, {
    body: { reason: reason.trim() },
  });
}

/** The full answers, for an administrator with a written reason: audited and limited per hour by the server. */
export async function revealRegistration(
  institutionId: string,
  examId: string,
  registrationId: string,
  reason: string,
): Promise<Record<string, string>> {
  const revealed = await api<{ field: string; value: string; revealedAt: string }>(
    `${base(institutionId, examId, registrationId)}/reveal`,
    { body: { reason: reason.trim() } },
  );
  return parseAnswers(revealed.value);
}

/** The stored form answers (a JSON object of strings); anything else reads as no answers. */
export function parseAnswers(value: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : String(v),
      ]),
    );
  } catch {
    return {};
  }
}

export function exportRegistrations(institutionId: string, examId: string): Promise<Blob> {
  return api<Blob>(examPath(institutionId, `/exams/${examId}/registrations-export.xlsx`), { as: 'blob' });
}
