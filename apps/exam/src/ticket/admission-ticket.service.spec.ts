import { TestClock } from '@exam/testing';

import { loadExamEnv } from '../config/exam.env';
import type { ExamEntity } from '../exam/exam.entity';
import type { ExamRepository } from '../exam/exam.repository';
import type { RegistrationEntity } from '../registration/registration.entity';
import type { RegistrationRepository } from '../registration/registration.repository';
import { AdmissionTicketService } from './admission-ticket.service';

const exam = {
  id: '00000000-0000-4000-8000-000000000002',
  title: '资格考试',
  opensAt: new Date('2027-01-10T01:00:00Z'),
  closesAt: new Date('2027-01-10T04:00:00Z'),
  settings: { durationMinutes: 120, venue: { kind: 'onsite', address: '考点' } },
} as unknown as ExamEntity;

function registration(status: string): RegistrationEntity {
  return {
    id: '00000000-0000-4000-8000-000000000003',
    userId: '00000000-0000-4000-8000-000000000001',
    examId: exam.id,
    status,
    registrationNumber: 'ABCDEFGH000001',
    ticketNumber: 'ZABCDEFGH000001',
    maskedName: '张*',
    maskedIdNumber: '1101**********1234',
  } as unknown as RegistrationEntity;
}

function sut(status: string, env: Record<string, string> = {}): AdmissionTicketService {
  const registrations = {
    findOfUser: () => Promise.resolve(registration(status)),
  } as unknown as RegistrationRepository;
  const exams = { findById: () => Promise.resolve(exam) } as unknown as ExamRepository;
  return new AdmissionTicketService(
    loadExamEnv(env),
    registrations,
    exams,
    new TestClock(new Date('2027-01-01T00:00:00Z')),
  );
}

describe(AdmissionTicketService.name, () => {
  it('should refuse with a 503 code, never a 500, when the CJK font is missing', async () => {
    await expect(
      sut('confirmed', { TICKET_FONT_PATH: '/nonexistent/font.ttc' }).pdf('u', 'r'),
    ).rejects.toMatchObject({
      code: 'REGISTRATION.FONT_UNAVAILABLE',
      kind: 'unavailable',
    });
  });

  it('should refuse a registration that is not confirmed', async () => {
    await expect(sut('pending_payment').pdf('u', 'r')).rejects.toMatchObject({
      code: 'REGISTRATION.NOT_CONFIRMED',
    });
  });

  it('should sign a QR token it verifies offline until a day after the exam closes', () => {
    const service = sut('confirmed');
    const token = service.tokenFor(exam, registration('confirmed'));
    expect(service.verify(token)).toMatchObject({ valid: true, claims: { ticketNumber: 'ZABCDEFGH000001' } });
  });
});

describe('ExamEnv', () => {
  it('should refuse the development ticket key in production', () => {
    expect(() => loadExamEnv({ NODE_ENV: 'production' })).toThrow(/TICKET_PRIVATE_KEY/);
  });
});
