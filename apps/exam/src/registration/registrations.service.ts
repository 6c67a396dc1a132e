import { randomBytes, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import { isDuplicateKeyError } from '../database/duplicate-key';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import type { FormAnswerDto } from './dto/registration.dto';
import { RegistrationEntity } from './registration.entity';
import {
  AlreadyRegisteredError,
  ExamFullError,
  FaceVerifiedRealNameRequiredError,
  PracticeExamOpenError,
  RealNameRequiredError,
  RegistrationEndedError,
  RegistrationFormInvalidError,
  RegistrationLockedError,
  RegistrationNotCancellableError,
  RegistrationNotFoundError,
  RegistrationWindowClosedError,
} from './registration.errors';
import { RegistrationRepository } from './registration.repository';
import { checkFormAnswers } from './registration-form';

export interface OrderPaid {
  readonly orderId: string;
  readonly userId: string;
  readonly registrationId: string;
  readonly amountFen: number;
}

/** The candidate's side of registration (报名) and the payment events that confirm it. */
@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);

  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly exams: ExamRepository,
    private readonly candidates: VerifiedCandidateService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  private async openExam(examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findById(examId);
    if (exam === null || exam.status !== 'published') throw new ExamNotFoundError();
    if (exam.practice) throw new PracticeExamOpenError();
    return exam;
  }

  private checkWindow(exam: ExamEntity, now: Date): void {
    const opens = exam.registrationOpensAt;
    const closes = exam.registrationClosesAt;
    if (opens === null || closes === null || now < opens || now >= closes)
      throw new RegistrationWindowClosedError(opens, closes);
  }

  private answers(exam: ExamEntity, answers: readonly FormAnswerDto[]): string {
    const { values, errors } = checkFormAnswers(exam.settings.registrationForm, answers);
    if (errors.length > 0) throw new RegistrationFormInvalidError(errors);
    return JSON.stringify(values);
  }

  /** The exam's form with the verified name and ID number pre-filled, masked (not editable). */
  async form(userId: string, examId: string) {
    const exam = await this.openExam(examId);
    const verified = await this.candidates.find(userId);
    return { exam, verified };
  }

  /**
   * Registers within the window. The seat and the registration number come from one conditional update of the
   * exam row, in the same transaction as the registration and its events: no overbooking under concurrency.
   */
  async register(
    userId: string,
    examId: string,
    answers: readonly FormAnswerDto[],
  ): Promise<RegistrationEntity> {
    const exam = await this.openExam(examId);
    const now = this.clock.now();
    this.checkWindow(exam, now);
    const verified = await this.candidates.find(userId);
    if (exam.requiresRealName && verified === null) throw new RealNameRequiredError();
    // The entry face check compares with the face verified with the real name; without one it cannot hold.
    if (exam.settings.faceCheckAtEntry && verified?.faceVerified !== true)
      throw new FaceVerifiedRealNameRequiredError();
    const formData = this.answers(exam, answers);
    try {
      return await this.registrations.transaction(async (tx) => {
        const seq = await this.exams.takeSeat(tx, examId);
        if (seq === null) {
          const current = await this.exams.findById(examId, tx);
          if (current === null || current.status !== 'published') throw new ExamNotFoundError();
          throw new ExamFullError();
        }
        const registrationNumber = `${exam.code}${String(seq).padStart(6, '0')}`;
        const status = exam.requiresApproval
          ? 'pending_review'
          : exam.feeFen > 0
            ? 'pending_payment'
            : 'confirmed';
        const registration = Object.assign(new RegistrationEntity(), {
          id: randomUUID(),
          examId,
          institutionId: exam.institutionId,
          userId,
          registrationNumber,
          ticketNumber: status === 'confirmed' ? `Z${registrationNumber}` : null,
          status,
          active: 1,
          formData,
          maskedName: verified?.maskedName ?? null,
          maskedIdNumber: verified?.maskedIdNumber ?? null,
          feeFen: exam.feeFen,
          orderId: null,
          paidFen: null,
          reviewReason: null,
          reviewedBy: null,
          seed: randomBytes(8).toString('hex'),
          createdAt: now,
          updatedAt: now,
          confirmedAt: status === 'confirmed' ? now : null,
          cancelledAt: null,
          personalDataErasedAt: null,
        });
        await this.registrations.insert(tx, registration);
        await this.events.stage(tx, Topics.RegistrationCreated, {
          subjectId: registration.id,
          payload: {
            registrationId: registration.id,
            examId,
            userId,
            institutionId: exam.institutionId,
            feeRequired: exam.feeFen > 0,
            feeFen: exam.feeFen,
          },
        });
        if (status === 'confirmed') await this.stageConfirmed(tx, registration);
        return registration;
      });
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) throw new AlreadyRegisteredError();
      throw error;
    }
  }

  list(userId: string): Promise<RegistrationEntity[]> {
    return this.registrations.listOfUser(userId);
  }

  async get(userId: string, registrationId: string): Promise<RegistrationEntity> {
    const registration = await this.registrations.findOfUser(userId, registrationId);
    if (registration === null) throw new RegistrationNotFoundError();
    return registration;
  }

  /** Edits the form answers: only within the window and before any payment order exists. */
  async update(
    userId: string,
    registrationId: string,
    answers: readonly FormAnswerDto[],
  ): Promise<RegistrationEntity> {
    const current = await this.get(userId, registrationId);
    const exam = await this.exams.findById(current.examId);
    if (exam === null) throw new RegistrationNotFoundError();
    const formData = this.answers(exam, answers);
    return this.registrations.transaction(async (tx) => {
      const registration = await this.registrations.lockOfUser(tx, userId, registrationId);
      if (registration === null) throw new RegistrationNotFoundError();
      if (registration.active === null) throw new RegistrationEndedError();
      if (registration.orderId !== null) throw new RegistrationLockedError();
      const now = this.clock.now();
      this.checkWindow(exam, now);
      Object.assign(registration, { formData, updatedAt: now });
      await this.registrations.save(tx, registration);
      return registration;
    });
  }

  /** Cancels before the registration deadline: the seat is released and a paid fee is refunded. */
  async cancel(userId: string, registrationId: string): Promise<RegistrationEntity> {
    const current = await this.get(userId, registrationId);
    const exam = await this.exams.findById(current.examId);
    if (exam === null) throw new RegistrationNotFoundError();
    return this.registrations.transaction(async (tx) => {
      const registration = await this.registrations.lockOfUser(tx, userId, registrationId);
      if (registration === null) throw new RegistrationNotFoundError();
      if (registration.active === null) throw new RegistrationEndedError();
      const now = this.clock.now();
      if (exam.registrationClosesAt === null || now >= exam.registrationClosesAt)
        throw new RegistrationNotCancellableError('the registration deadline has passed');
      await this.end(tx, registration, 'cancelled', 'candidate', now);
      return registration;
    });
  }

  /** Ends a registration (cancelled or rejected): frees the seat, publishes it, asks for a refund of a paid fee. */
  async end(
    tx: EntityManager,
    registration: RegistrationEntity,
    status: 'cancelled' | 'rejected',
    reason: 'candidate' | 'rejected',
    now: Date,
  ): Promise<void> {
    Object.assign(registration, {
      status,
      active: null,
      cancelledAt: now,
      updatedAt: now,
      ticketNumber: null,
    });
    await this.registrations.save(tx, registration);
    await this.exams.releaseSeat(tx, registration.examId);
    await this.events.stage(tx, Topics.RegistrationCancelled, {
      subjectId: registration.id,
      payload: {
        registrationId: registration.id,
        examId: registration.examId,
        userId: registration.userId,
        institutionId: registration.institutionId,
        reason,
        cancelledAt: now.toISOString(),
      },
    });
    await this.requestRefund(tx, registration);
  }

  private async requestRefund(tx: EntityManager, registration: RegistrationEntity): Promise<void> {
    if (registration.orderId === null || registration.paidFen === null) return;
    await this.events.stage(tx, Topics.RefundRequested, {
      subjectId: registration.id,
      payload: {
        registrationId: registration.id,
        orderId: registration.orderId,
        userId: registration.userId,
        amountFen: registration.paidFen,
        currency: 'CNY',
      },
    });
  }

  async confirm(tx: EntityManager, registration: RegistrationEntity, now: Date): Promise<void> {
    Object.assign(registration, {
      status: 'confirmed',
      ticketNumber: `Z${registration.registrationNumber}`,
      confirmedAt: now,
      updatedAt: now,
    });
    await this.registrations.save(tx, registration);
    await this.stageConfirmed(tx, registration);
  }

  private async stageConfirmed(tx: EntityManager, registration: RegistrationEntity): Promise<void> {
    await this.events.stage(tx, Topics.RegistrationConfirmed, {
      subjectId: registration.id,
      payload: {
        registrationId: registration.id,
        examId: registration.examId,
        userId: registration.userId,
        institutionId: registration.institutionId,
        confirmedAt: (registration.confirmedAt ?? this.clock.now()).toISOString(),
      },
    });
  }

  /**
   * payments.order.paid: records the order (which locks the data) and confirms a registration waiting for
   * payment. A payment for an ended registration is refunded. Replays of the same order change nothing.
   */
  async paid(tx: EntityManager, order: OrderPaid): Promise<void> {
    const registration = await this.registrations.lockById(tx, order.registrationId);
    if (registration === null || registration.userId !== order.userId) {
      this.logger.warn(`order ${order.orderId} names an unknown registration; ignored`);
      return;
    }
    if (registration.orderId === order.orderId) return;
    if (registration.orderId !== null) {
      this.logger.warn(
        `registration ${registration.id} already has order ${registration.orderId}; ${order.orderId} ignored`,
      );
      return;
    }
    const now = this.clock.now();
    Object.assign(registration, { orderId: order.orderId, paidFen: order.amountFen, updatedAt: now });
    if (registration.active === null) {
      await this.registrations.save(tx, registration);
      await this.requestRefund(tx, registration);
      return;
    }
    if (registration.status === 'pending_payment' && order.amountFen >= registration.feeFen)
      await this.confirm(tx, registration, now);
    else await this.registrations.save(tx, registration);
  }
}
