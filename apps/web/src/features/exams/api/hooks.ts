import { useQuery } from '@tanstack/react-query';

import { examsApi, paymentsApi } from './exams-api';
import { examKeys } from './query-keys';

export function useOpenExams(enabled: boolean) {
  return useQuery({
    queryKey: examKeys.open,
    queryFn: ({ signal }) => examsApi.openExams(signal),
    enabled,
  });
}

export function useNotice(examId: string, enabled = true) {
  return useQuery({ queryKey: examKeys.notice(examId), queryFn: () => examsApi.notice(examId), enabled });
}

export function useRegistrationForm(examId: string) {
  return useQuery({
    queryKey: examKeys.form(examId),
    queryFn: () => examsApi.registrationForm(examId),
    staleTime: 0,
  });
}

export function useMyRegistrations(enabled = true) {
  return useQuery({ queryKey: examKeys.registrations, queryFn: examsApi.myRegistrations, enabled });
}

export function useRegistration(registrationId: string) {
  return useQuery({
    queryKey: examKeys.registration(registrationId),
    queryFn: () => examsApi.registration(registrationId),
    staleTime: 0,
  });
}

export function useMyOrders(enabled = true) {
  return useQuery({ queryKey: examKeys.orders, queryFn: paymentsApi.myOrders, enabled, staleTime: 0 });
}

export function useResults(examId: string) {
  return useQuery({
    queryKey: examKeys.results(examId),
    queryFn: () => examsApi.results(examId),
    staleTime: 0,
  });
}

export function useReview(attemptId: string) {
  return useQuery({ queryKey: examKeys.review(attemptId), queryFn: () => examsApi.review(attemptId) });
}

export function useCertificateVerification(code: string) {
  return useQuery({
    queryKey: examKeys.verification(code),
    queryFn: () => examsApi.verifyCertificate(code),
    enabled: code.length > 0,
  });
}
