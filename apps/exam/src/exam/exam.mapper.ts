import type {
  AccommodationResponseDto,
  ExamNoticeDto,
  ExamResponseDto,
  ExamRoomRulesDto,
} from './dto/exam.dto';
import type { ExamEntity } from './exam.entity';
import type { ExamAccommodationEntity } from './exam-accommodation.entity';
import type { ExamSettings } from './exam-settings';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toExamDto(exam: ExamEntity): ExamResponseDto {
  const { accessPasswordHash, ...settings } = exam.settings;
  return {
    examId: exam.id,
    institutionId: exam.institutionId,
    paperId: exam.paperId,
    title: exam.title,
    notice: exam.notice,
    status: exam.status,
    visibility: exam.visibility,
    practice: exam.practice,
    opensAt: exam.opensAt.toISOString(),
    closesAt: exam.closesAt.toISOString(),
    registrationOpensAt: iso(exam.registrationOpensAt),
    registrationClosesAt: iso(exam.registrationClosesAt),
    capacity: exam.capacity,
    seatsTaken: exam.seatsTaken,
    feeFen: exam.feeFen,
    requiresRealName: exam.requiresRealName,
    requiresApproval: exam.requiresApproval,
    settings: { ...settings, accessPasswordSet: accessPasswordHash !== null },
    publishedAt: iso(exam.publishedAt),
  };
}

export function toNoticeDto(exam: ExamEntity): ExamNoticeDto {
  return {
    examId: exam.id,
    institutionId: exam.institutionId,
    title: exam.title,
    notice: exam.notice,
    practice: exam.practice,
    opensAt: exam.opensAt.toISOString(),
    closesAt: exam.closesAt.toISOString(),
    registrationOpensAt: iso(exam.registrationOpensAt),
    registrationClosesAt: iso(exam.registrationClosesAt),
    durationMinutes: exam.settings.durationMinutes,
    feeFen: exam.feeFen,
    requiresRealName: exam.requiresRealName,
    requiresApproval: exam.requiresApproval,
    seatsLeft: exam.capacity === null ? null : Math.max(0, exam.capacity - exam.seatsTaken),
    venue: { ...exam.settings.venue },
    registrationForm: exam.settings.registrationForm.map((f) => ({ ...f })),
    room: toRoomRulesDto(exam.settings),
  };
}

/** The rules the exam room shows before the start and applies during the attempt (no secret of the exam). */
export function toRoomRulesDto(settings: ExamSettings): ExamRoomRulesDto {
  return {
    antiCheat: { ...settings.antiCheat },
    accessPasswordRequired: settings.accessPasswordHash !== null,
    faceCheckAtEntry: settings.faceCheckAtEntry,
    lateEntryMinutes: settings.lateEntryMinutes,
    minMinutesBeforeSubmit: settings.minMinutesBeforeSubmit,
    attemptsAllowed: settings.attemptsAllowed,
    resultsRelease: settings.resultsRelease,
  };
}

/** Extra time extends both the duration and the closing time (of the exam, or of the candidate's own window). */
export function toAccommodationDto(exam: ExamEntity, a: ExamAccommodationEntity): AccommodationResponseDto {
  const closes = a.windowClosesAt ?? exam.closesAt;
  return {
    userId: a.userId,
    extraMinutes: a.extraMinutes,
    windowOpensAt: iso(a.windowOpensAt),
    windowClosesAt: iso(a.windowClosesAt),
    extraAttempts: a.extraAttempts,
    note: a.note,
    effectiveClosesAt: new Date(closes.getTime() + a.extraMinutes * 60_000).toISOString(),
    effectiveDurationMinutes: exam.settings.durationMinutes + a.extraMinutes,
  };
}
