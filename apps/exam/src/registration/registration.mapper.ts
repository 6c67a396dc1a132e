import type { RegistrationResponseDto, StaffRegistrationDto } from './dto/registration.dto';
import type { RegistrationEntity } from './registration.entity';
import { RegistrationErrorCode } from './registration.errors';
import { maskAnswer } from './registration-form';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function answersOf(registration: RegistrationEntity): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(registration.formData);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function toRegistrationDto(r: RegistrationEntity): RegistrationResponseDto {
  const locked = r.orderId !== null;
  return {
    registrationId: r.id,
    examId: r.examId,
    registrationNumber: r.registrationNumber,
    ticketNumber: r.ticketNumber,
    status: r.status,
    verifiedName: r.maskedName,
    verifiedIdNumber: r.maskedIdNumber,
    answers: answersOf(r),
    feeFen: r.feeFen,
    paid: r.paidFen !== null,
    locked,
    lockedReason: locked
      ? `${RegistrationErrorCode.LOCKED_AFTER_ORDER.meaning} ${RegistrationErrorCode.LOCKED_AFTER_ORDER.action}`
      : null,
    reviewReason: r.reviewReason,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: iso(r.confirmedAt),
    cancelledAt: iso(r.cancelledAt),
  };
}

export function toStaffRegistrationDto(r: RegistrationEntity): StaffRegistrationDto {
  const answers = Object.fromEntries(Object.entries(answersOf(r)).map(([k, v]) => [k, maskAnswer(v)]));
  return {
    registrationId: r.id,
    userId: r.userId,
    registrationNumber: r.registrationNumber,
    ticketNumber: r.ticketNumber,
    status: r.status,
    verifiedName: r.maskedName,
    verifiedIdNumber: r.maskedIdNumber,
    answers,
    feeFen: r.feeFen,
    paid: r.paidFen !== null,
    reviewReason: r.reviewReason,
    createdAt: r.createdAt.toISOString(),
  };
}
