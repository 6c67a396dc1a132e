/** One place for the cache keys of this feature, so a change invalidates every page that shows it. */
export const examKeys = {
  open: ['exams', 'open'] as const,
  notice: (examId: string) => ['exams', 'notice', examId] as const,
  form: (examId: string) => ['exams', 'form', examId] as const,
  registrations: ['exams', 'registrations'] as const,
  registration: (registrationId: string) => ['exams', 'registrations', registrationId] as const,
  orders: ['payments', 'orders'] as const,
  results: (examId: string) => ['exams', 'results', examId] as const,
  review: (attemptId: string) => ['exams', 'review', attemptId] as const,
  verification: (code: string) => ['exams', 'certificate-verification', code] as const,
};
