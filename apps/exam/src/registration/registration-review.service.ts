import { Topics } from '@exam/contracts';
import { type AuthUser, Clock, PersonalDataRevealService } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamsService } from '../exam/exams.service';
import { buildCandidatePaper, type CandidatePaper } from '../paper/paper-structure';
import { AdmissionTicketService } from '../ticket/admission-ticket.service';
import type { TicketVerificationDto } from './dto/registration.dto';
import type { ListRegistrationsQueryDto } from './dto/registration.dto';
import type { RegistrationEntity } from './registration.entity';
import { RegistrationNotFoundError, RegistrationNotPendingError } from './registration.errors';
import { RegistrationRepository } from './registration.repository';
import { RegistrationsService } from './registrations.service';

/** Staff side: search, approve or reject with a reason, export masked, reveal in full through the audit. */
@Injectable()
export class RegistrationReviewService {
  constructor(
    private readonly exams: ExamsService,
    private readonly registrations: RegistrationRepository,
    private readonly lifecycle: RegistrationsService,
    private readonly reveals: PersonalDataRevealService,
    private readonly clock: Clock,
    private readonly tickets: AdmissionTicketService,
  ) {}

  /** The door check as a route: the QR's signature and validity, then the registration's current state. */
  async verifyTicket(institutionId: string, token: string): Promise<TicketVerificationDto> {
    const result = this.tickets.verify(token);
    if (!result.valid)
      return {
        valid: false,
        reason: result.reason,
        examId: null,
        registrationNumber: null,
        ticketNumber: null,
        status: null,
      };
    const exam = await this.exams.get(institutionId, result.claims.examId).catch(() => null);
    if (exam === null)
      return {
        valid: false,
        reason: 'other_institution',
        examId: null,
        registrationNumber: null,
        ticketNumber: null,
        status: null,
      };
    const registration = await this.registrations.findOfExam(exam.id, result.claims.registrationId);
    return {
      valid: registration?.status === 'confirmed',
      reason: registration?.status === 'confirmed' ? null : 'registration_not_confirmed',
      examId: exam.id,
      registrationNumber: result.claims.registrationNumber,
      ticketNumber: result.claims.ticketNumber,
      status: registration?.status ?? null,
    };
  }

  async list(
    institutionId: string,
    examId: string,
    query: ListRegistrationsQueryDto,
  ): Promise<{ rows: RegistrationEntity[]; total: number }> {
    await this.exams.get(institutionId, examId);
    return this.registrations.pageOfExam(examId, query, query.limit ?? 50, query.offset ?? 0);
  }

  async all(institutionId: string, examId: string): Promise<RegistrationEntity[]> {
    await this.exams.get(institutionId, examId);
    return (await this.registrations.pageOfExam(examId, {}, 10_000, 0)).rows;
  }

  async approve(
    institutionId: string,
    examId: string,
    registrationId: string,
    reviewer: string,
  ): Promise<RegistrationEntity> {
    await this.exams.get(institutionId, examId);
    return this.registrations.transaction(async (tx) => {
      const registration = await this.registrations.lockOfExam(tx, examId, registrationId);
      if (registration === null) throw new RegistrationNotFoundError();
      if (registration.status !== 'pending_review')
        throw new RegistrationNotPendingError(registration.status);
      const now = this.clock.now();
      registration.reviewedBy = reviewer;
      registration.reviewReason = null;
      if (registration.feeFen > 0 && (registration.paidFen ?? 0) < registration.feeFen) {
        Object.assign(registration, { status: 'pending_payment', updatedAt: now });
        await this.registrations.save(tx, registration);
      } else await this.lifecycle.confirm(tx, registration, now);
      return registration;
    });
  }

  async reject(
    institutionId: string,
    examId: string,
    registrationId: string,
    reviewer: string,
    reason: string,
  ): Promise<RegistrationEntity> {
    await this.exams.get(institutionId, examId);
    return this.registrations.transaction(async (tx) => {
      const registration = await this.registrations.lockOfExam(tx, examId, registrationId);
      if (registration === null) throw new RegistrationNotFoundError();
      if (registration.status !== 'pending_review' && registration.status !== 'pending_payment')
        throw new RegistrationNotPendingError(registration.status);
      Object.assign(registration, { reviewedBy: reviewer, reviewReason: reason.trim() });
      await this.lifecycle.end(tx, registration, 'rejected', 'rejected', this.clock.now());
      return registration;
    });
  }

  /** The full form answers, audited (exam.personal_data.revealed) and rate-limited per staff member. */
  async reveal(
    actor: AuthUser,
    institutionId: string,
    examId: string,
    registrationId: string,
    reason: string,
  ) {
    await this.exams.get(institutionId, examId);
    return this.reveals.reveal({
      actor,
      subjectId: registrationId,
      field: 'registrationForm',
      reason,
      topic: Topics.ExamPersonalDataRevealed,
      load: async (manager) =>
        (await this.registrations.findOfExam(examId, registrationId, manager))?.formData ?? null,
    });
  }

  /** The paper this candidate sees, rebuilt from the exam's snapshot and the registration's stored seed. */
  async paperOf(institutionId: string, examId: string, registrationId: string): Promise<CandidatePaper> {
    const exam = await this.exams.get(institutionId, examId);
    const registration = await this.registrations.findOfExam(examId, registrationId);
    if (registration === null || exam.paperSnapshot === null) throw new RegistrationNotFoundError();
    return buildCandidatePaper(exam.paperSnapshot, registration.seed);
  }
}
