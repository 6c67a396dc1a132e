/** Where an exam's sitting window stands for a candidate now. */
export type SittingWindow = 'not_open' | 'open' | 'late_entry_closed' | 'closed';

export interface SittingTimes {
  opensAt: string;
  closesAt: string;
  /** Minutes after opening during which a first start is still accepted (not given to candidates: optional). */
  lateEntryMinutes?: number;
}

export function sittingWindow(times: SittingTimes, now: Date): SittingWindow {
  const t = now.getTime();
  const opens = Date.parse(times.opensAt);
  const closes = Date.parse(times.closesAt);
  if (t < opens) return 'not_open';
  if (t >= closes) return 'closed';
  if (times.lateEntryMinutes !== undefined && times.lateEntryMinutes > 0) {
    if (t >= opens + times.lateEntryMinutes * 60_000) return 'late_entry_closed';
  }
  return 'open';
}

/** Whether registering is possible now (practice exams need no registration). */
export type RegistrationWindow = 'not_needed' | 'not_open' | 'open' | 'closed';

export interface RegistrationTimes {
  practice: boolean;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
}

export function registrationWindow(exam: RegistrationTimes, now: Date): RegistrationWindow {
  if (exam.practice) return 'not_needed';
  if (exam.registrationOpensAt === null || exam.registrationClosesAt === null) return 'closed';
  const t = now.getTime();
  if (t < Date.parse(exam.registrationOpensAt)) return 'not_open';
  if (t >= Date.parse(exam.registrationClosesAt)) return 'closed';
  return 'open';
}

/** A registration may be cancelled until the registration deadline (the exam service's rule). */
export function beforeDeadline(registrationClosesAt: string | null, now: Date): boolean {
  return registrationClosesAt !== null && now.getTime() < Date.parse(registrationClosesAt);
}
