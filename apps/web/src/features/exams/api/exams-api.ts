import { api } from '../../../api/http';
import type {
  AttemptReview,
  Certificate,
  CertificateVerification,
  Checkout,
  ExamNotice,
  ExamResults,
  Order,
  PayMethod,
  PayProvider,
  Registration,
  RegistrationForm,
} from './types';

const id = (value: string): string => encodeURIComponent(value);

export const examsApi = {
  openExams: (signal?: AbortSignal) =>
    api<{ items: ExamNotice[] }>('/exam/exams/open', signal ? { signal } : {}).then((r) => r.items),
  notice: (examId: string) => api<ExamNotice>(`/exam/exams/${id(examId)}/notice`),
  registrationForm: (examId: string) => api<RegistrationForm>(`/exam/exams/${id(examId)}/registration-form`),
  register: (examId: string, answers: { key: string; value: string }[], idempotencyKey: string) =>
    api<Registration>(`/exam/exams/${id(examId)}/registrations`, {
      method: 'POST',
      body: { answers },
      idempotencyKey,
    }),
  myRegistrations: () => api<{ items: Registration[] }>('/exam/me/registrations').then((r) => r.items),
  registration: (registrationId: string) => api<Registration>(`/exam/me/registrations/${id(registrationId)}`),
  cancelRegistration: (registrationId: string) =>
    api<Registration>(`/exam/me/registrations/${id(registrationId)}/cancel`, { method: 'POST' }),
  admissionTicket: (registrationId: string) =>
    api<Blob>(`/exam/me/registrations/${id(registrationId)}/admission-ticket.pdf`, { as: 'blob' }),
  results: (examId: string) => api<ExamResults>(`/exam/me/exams/${id(examId)}/results`),
  review: (attemptId: string) => api<AttemptReview>(`/exam/me/attempts/${id(attemptId)}/review`),
  issueCertificate: (examId: string) =>
    api<Certificate>(`/exam/me/exams/${id(examId)}/certificate`, { method: 'POST' }),
  certificatePdf: (examId: string) =>
    api<Blob>(`/exam/me/exams/${id(examId)}/certificate.pdf`, { as: 'blob' }),
  verifyCertificate: (code: string) =>
    api<CertificateVerification>(`/exam/certificates/${id(code)}`, { anonymous: true }),
};

export const paymentsApi = {
  myOrders: () => api<{ items: Order[] }>('/payments/me/orders').then((r) => r.items),
  order: (orderId: string) => api<Order>(`/payments/me/orders/${id(orderId)}`),
  /** A new exam-fee order after the last one expired; the same key returns the same order. */
  reorder: (registrationId: string, idempotencyKey: string) =>
    api<Order>(`/payments/me/registrations/${id(registrationId)}/orders`, {
      method: 'POST',
      body: { idempotencyKey },
    }),
  checkout: (orderId: string, provider: PayProvider, method: PayMethod) =>
    api<Checkout>(`/payments/me/orders/${id(orderId)}/checkout`, {
      method: 'POST',
      body: { provider, method },
    }),
};
