import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';

import { Clock, type ErrorDetail } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { QuestionRepository } from '../bank/question.repository';
import { sanitizeRichText } from '../bank/rich-text';
import { PapersService } from '../paper/papers.service';
import type { AccommodationDto, ExamDto } from './dto/exam.dto';
import { ExamEntity } from './exam.entity';
import {
  CapacityBelowRegisteredError,
  ExamLockedAfterPublishError,
  ExamNotEditableError,
  ExamNotFoundError,
  ExamSettingsInvalidError,
  ExamWrongStateError,
} from './exam.errors';
import { ExamRepository } from './exam.repository';
import { ExamAccommodationEntity } from './exam-accommodation.entity';
import { checkExamPlan, type ExamSettings, type ExamStatus } from './exam-settings';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

export function passwordMatches(hash: string, password: string): boolean {
  const [salt = '', stored = ''] = hash.split(':');
  const given = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  const expected = Buffer.from(stored, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Exams of an institution and their life cycle: draft → published → closed → archived. */
@Injectable()
export class ExamsService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly papers: PapersService,
    private readonly questions: QuestionRepository,
    private readonly clock: Clock,
  ) {}

  private settingsOf(dto: ExamDto, previous: ExamSettings | null): ExamSettings {
    const s = dto.settings;
    return {
      durationMinutes: s.durationMinutes,
      lateEntryMinutes: s.lateEntryMinutes,
      minMinutesBeforeSubmit: s.minMinutesBeforeSubmit,
      attemptsAllowed: dto.practice ? 0 : s.attemptsAllowed,
      countedAttempt: s.countedAttempt,
      onExpiry: s.onExpiry,
      graceMinutes: s.graceMinutes,
      passScore: s.passScore,
      resultsRelease: dto.practice ? 'immediately' : s.resultsRelease,
      resultsReleaseAt: s.resultsReleaseAt ?? null,
      accessPasswordHash:
        s.accessPassword === undefined
          ? (previous?.accessPasswordHash ?? null)
          : previous?.accessPasswordHash && passwordMatches(previous.accessPasswordHash, s.accessPassword)
            ? previous.accessPasswordHash
            : hashPassword(s.accessPassword),
      allowedIpRanges: s.allowedIpRanges.map((r) => r.trim()),
      faceCheckAtEntry: s.faceCheckAtEntry,
      antiCheat: {
        tabSwitchLimit: s.antiCheat.tabSwitchLimit,
        tabSwitchMinAwaySeconds: s.antiCheat.tabSwitchMinAwaySeconds,
        fullScreenRequired: s.antiCheat.fullScreenRequired,
        blockCopyPaste: s.antiCheat.blockCopyPaste,
        periodicFaceCheckMinutes: s.antiCheat.periodicFaceCheckMinutes,
        faceCheckFailureLimit: s.antiCheat.faceCheckFailureLimit,
        consequence: s.antiCheat.consequence,
      },
      venue: {
        kind: s.venue.kind,
        ...(s.venue.address === undefined ? {} : { address: s.venue.address }),
        ...(s.venue.link === undefined ? {} : { link: s.venue.link }),
      },
      registrationForm: s.registrationForm.map((f) => ({
        key: f.key,
        label: f.label,
        kind: f.kind,
        required: f.required,
        ...(f.options === undefined ? {} : { options: f.options }),
        ...(f.maxLength === undefined ? {} : { maxLength: f.maxLength }),
      })),
      immediateFeedback: dto.practice,
      reviewAllowed: s.reviewAllowed ?? false,
      certificate: {
        enabled: s.certificate?.enabled ?? false,
        ...(s.certificate?.title === undefined ? {} : { title: s.certificate.title }),
      },
      ...this.markingOf(s.marking, previous),
    };
  }

  /** Omitted in a replacement, the marking settings stay as they were (absent: single marking). */
  private markingOf(
    marking: ExamDto['settings']['marking'],
    previous: ExamSettings | null,
  ): Pick<ExamSettings, 'marking'> {
    if (marking === undefined) return previous?.marking === undefined ? {} : { marking: previous.marking };
    return {
      marking: {
        doubleMarking: marking.doubleMarking,
        toleranceFraction: marking.toleranceFraction,
        reconciliation: marking.reconciliation,
        step: marking.step,
      },
    };
  }

  private async plan(institutionId: string, dto: ExamDto, previous: ExamSettings | null) {
    const paper = await this.papers.get(institutionId, dto.paperId);
    const settings = this.settingsOf(dto, previous);
    const values = {
      title: dto.title,
      notice: sanitizeRichText(dto.notice),
      paperId: paper.id,
      visibility: dto.visibility,
      practice: dto.practice,
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
      registrationOpensAt: dto.registrationOpensAt === undefined ? null : new Date(dto.registrationOpensAt),
      registrationClosesAt:
        dto.registrationClosesAt === undefined ? null : new Date(dto.registrationClosesAt),
      capacity: dto.capacity ?? null,
      feeFen: dto.feeFen,
      requiresRealName: dto.requiresRealName,
      requiresApproval: dto.requiresApproval,
      settings,
    };
    const errors = checkExamPlan({ ...values, paperTotalScore: paper.totalScore });
    if (errors.length > 0) throw new ExamSettingsInvalidError(errors);
    return values;
  }

  async create(institutionId: string, dto: ExamDto): Promise<ExamEntity> {
    const values = await this.plan(institutionId, dto, null);
    const now = this.clock.now();
    let code = '';
    do code = Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    while (await this.exams.codeTaken(code));
    const exam = Object.assign(new ExamEntity(), {
      id: randomUUID(),
      institutionId,
      code,
      status: 'draft',
      seatsTaken: 0,
      registrationSeq: 0,
      paperSnapshot: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
      ...values,
    });
    await this.exams.save(exam);
    return exam;
  }

  async get(institutionId: string, examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    return exam;
  }

  list(institutionId: string, status?: ExamStatus): Promise<ExamEntity[]> {
    return this.exams.listOfInstitution(institutionId, status);
  }

  /**
   * Replaces a draft entirely. A published exam may change only what does not alter the terms candidates
   * registered under: title, notice, venue, a larger capacity, a later registration deadline, a later close.
   */
  async update(institutionId: string, examId: string, dto: ExamDto): Promise<ExamEntity> {
    const current = await this.get(institutionId, examId);
    if (current.status === 'closed' || current.status === 'archived') throw new ExamNotEditableError();
    const values = await this.plan(institutionId, dto, current.settings);
    return this.exams.transaction(async (tx) => {
      const exam = await this.exams.lockOfInstitution(tx, institutionId, examId);
      if (exam === null) throw new ExamNotFoundError();
      if (exam.status === 'published') this.checkPublishedChange(exam, values);
      Object.assign(exam, values, { updatedAt: this.clock.now() });
      await this.exams.save(exam, tx);
      return exam;
    });
  }

  private checkPublishedChange(exam: ExamEntity, next: Awaited<ReturnType<ExamsService['plan']>>): void {
    const locked: string[] = [];
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    const time = (d: Date | null): number | null => (d === null ? null : d.getTime());
    for (const field of [
      'paperId',
      'visibility',
      'practice',
      'feeFen',
      'requiresRealName',
      'requiresApproval',
    ] as const)
      if (!same(exam[field], next[field])) locked.push(field);
    if (time(exam.opensAt) !== time(next.opensAt)) locked.push('opensAt');
    if (time(exam.registrationOpensAt) !== time(next.registrationOpensAt)) locked.push('registrationOpensAt');
    if ((time(next.registrationClosesAt) ?? 0) < (time(exam.registrationClosesAt) ?? 0))
      locked.push('registrationClosesAt');
    if (next.closesAt.getTime() < exam.closesAt.getTime()) locked.push('closesAt');
    if (exam.capacity === null) {
      if (next.capacity !== null) locked.push('capacity');
    } else if (next.capacity !== null && next.capacity < exam.capacity) {
      if (next.capacity < exam.seatsTaken) throw new CapacityBelowRegisteredError(exam.seatsTaken);
      locked.push('capacity');
    }
    const { venue: _v1, ...before } = exam.settings;
    const { venue: _v2, ...after } = next.settings;
    for (const key of Object.keys(before) as (keyof typeof before)[])
      if (!same(before[key], after[key])) locked.push(`settings.${key}`);
    if (locked.length > 0) throw new ExamLockedAfterPublishError(locked);
  }

  /** Freezes the paper (question versions and draw pools) and opens registration. */
  async publish(institutionId: string, examId: string): Promise<ExamEntity> {
    const draft = await this.get(institutionId, examId);
    if (draft.status !== 'draft') throw new ExamWrongStateError(draft.status, 'draft');
    const paper = await this.papers.get(institutionId, draft.paperId);
    const snapshot = await this.papers.snapshot(paper);
    const errors: ErrorDetail[] = checkExamPlan({
      practice: draft.practice,
      opensAt: draft.opensAt,
      closesAt: draft.closesAt,
      registrationOpensAt: draft.registrationOpensAt,
      registrationClosesAt: draft.registrationClosesAt,
      capacity: draft.capacity,
      feeFen: draft.feeFen,
      requiresApproval: draft.requiresApproval,
      requiresRealName: draft.requiresRealName,
      settings: draft.settings,
      paperTotalScore: paper.totalScore,
    });
    if (errors.length > 0) throw new ExamSettingsInvalidError(errors);
    return this.exams.transaction(async (tx) => {
      const exam = await this.exams.lockOfInstitution(tx, institutionId, examId);
      if (exam === null) throw new ExamNotFoundError();
      if (exam.status !== 'draft') throw new ExamWrongStateError(exam.status, 'draft');
      const now = this.clock.now();
      const pins = snapshot.sections.flatMap((s) => [...s.fixed, ...s.draws.flatMap((d) => d.pool)]);
      await this.questions.lockVersions(tx, pins, now);
      Object.assign(exam, { status: 'published', paperSnapshot: snapshot, publishedAt: now, updatedAt: now });
      await this.exams.save(exam, tx);
      return exam;
    });
  }

  async close(institutionId: string, examId: string): Promise<ExamEntity> {
    return this.transition(institutionId, examId, 'published', 'closed');
  }

  async archive(institutionId: string, examId: string): Promise<ExamEntity> {
    return this.transition(institutionId, examId, 'closed', 'archived');
  }

  private transition(
    institutionId: string,
    examId: string,
    from: ExamStatus,
    to: ExamStatus,
  ): Promise<ExamEntity> {
    return this.exams.transaction(async (tx) => {
      const exam = await this.exams.lockOfInstitution(tx, institutionId, examId);
      if (exam === null) throw new ExamNotFoundError();
      if (exam.status !== from) throw new ExamWrongStateError(exam.status, from);
      Object.assign(exam, { status: to, updatedAt: this.clock.now() });
      await this.exams.save(exam, tx);
      return exam;
    });
  }

  async delete(institutionId: string, examId: string): Promise<void> {
    const exam = await this.get(institutionId, examId);
    if (exam.status !== 'draft') throw new ExamWrongStateError(exam.status, 'draft');
    await this.exams.delete(examId);
  }

  async accommodations(
    institutionId: string,
    examId: string,
  ): Promise<{ exam: ExamEntity; items: ExamAccommodationEntity[] }> {
    const exam = await this.get(institutionId, examId);
    return { exam, items: await this.exams.accommodationsOf(examId) };
  }

  async setAccommodation(
    institutionId: string,
    examId: string,
    userId: string,
    dto: AccommodationDto,
  ): Promise<{ exam: ExamEntity; accommodation: ExamAccommodationEntity }> {
    const exam = await this.get(institutionId, examId);
    if (exam.status === 'closed' || exam.status === 'archived') throw new ExamNotEditableError();
    const opens = dto.windowOpensAt === undefined ? null : new Date(dto.windowOpensAt);
    const closes = dto.windowClosesAt === undefined ? null : new Date(dto.windowClosesAt);
    if ((opens === null) !== (closes === null) || (opens && closes && closes.getTime() <= opens.getTime()))
      throw new ExamSettingsInvalidError([
        { field: 'windowClosesAt', reason: 'another window needs both times, closing after opening' },
      ]);
    const accommodation = Object.assign(new ExamAccommodationEntity(), {
      examId,
      userId,
      extraMinutes: dto.extraMinutes,
      windowOpensAt: opens,
      windowClosesAt: closes,
      extraAttempts: dto.extraAttempts,
      note: dto.note ?? '',
      updatedAt: this.clock.now(),
    });
    await this.exams.saveAccommodation(accommodation);
    return { exam, accommodation };
  }

  async deleteAccommodation(institutionId: string, examId: string, userId: string): Promise<void> {
    await this.get(institutionId, examId);
    await this.exams.deleteAccommodation(examId, userId);
  }

  /** Candidates: published exams still open for registration (practice exams: still open). */
  listOpen(institutionId: string | undefined): Promise<ExamEntity[]> {
    return this.exams.open(this.clock.now(), institutionId);
  }

  /** A published exam's notice; drafts and other states answer as missing. */
  async notice(examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findById(examId);
    if (exam === null || exam.status !== 'published') throw new ExamNotFoundError();
    return exam;
  }
}
