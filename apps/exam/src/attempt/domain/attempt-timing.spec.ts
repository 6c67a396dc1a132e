import {
  attemptDeadline,
  type AttemptSchedule,
  earliestSubmit,
  remainingSeconds,
  saveCutoff,
  startRefusal,
} from './attempt-timing';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00.000Z`);

const exam: AttemptSchedule = {
  practice: false,
  opensAt: at('09:00'),
  closesAt: at('12:00'),
  durationMinutes: 120,
  lateEntryMinutes: 30,
  graceMinutes: 0,
  accommodation: null,
};

describe(attemptDeadline.name, () => {
  it('should give the full duration to a candidate starting at the opening', () => {
    expect(attemptDeadline(exam, at('09:00'))).toEqual(at('11:00'));
  });

  it('should cap the deadline at the closing time for a late starter', () => {
    expect(attemptDeadline({ ...exam, lateEntryMinutes: 0 }, at('10:30'))).toEqual(at('12:00'));
  });

  it('should add extra time to the duration and push the closing time by the same', () => {
    const extra = { ...exam, accommodation: { extraMinutes: 30, windowOpensAt: null, windowClosesAt: null } };
    expect(attemptDeadline(extra, at('09:00'))).toEqual(at('11:30'));
    expect(attemptDeadline({ ...extra, lateEntryMinutes: 0 }, at('10:30'))).toEqual(at('12:30'));
  });

  it('should use an accommodation’s own window', () => {
    const own = {
      ...exam,
      accommodation: { extraMinutes: 0, windowOpensAt: at('13:00'), windowClosesAt: at('14:30') },
    };
    expect(startRefusal(own, at('09:30'))).toEqual({ reason: 'not_open', opensAt: at('13:00') });
    expect(startRefusal(own, at('13:10'))).toBeNull();
    expect(attemptDeadline(own, at('13:10'))).toEqual(at('14:30'));
  });
});

describe(startRefusal.name, () => {
  it('should refuse before the opening, after late entry and from the closing time on', () => {
    expect(startRefusal(exam, at('08:59'))).toEqual({ reason: 'not_open', opensAt: at('09:00') });
    expect(startRefusal(exam, at('09:30'))).toBeNull();
    expect(startRefusal(exam, at('09:31'))).toEqual({ reason: 'late_entry', cutoff: at('09:30') });
    expect(startRefusal(exam, at('12:00'))).toEqual({ reason: 'closed', closesAt: at('12:00') });
  });

  it('should have no late-entry cutoff for practice exams or lateEntryMinutes 0', () => {
    expect(startRefusal({ ...exam, practice: true }, at('11:00'))).toBeNull();
    expect(startRefusal({ ...exam, lateEntryMinutes: 0 }, at('11:59'))).toBeNull();
  });
});

describe(saveCutoff.name, () => {
  it('should add the exam’s grace and the network grace to the deadline', () => {
    expect(saveCutoff(at('11:00'), 0, 30)).toEqual(new Date(at('11:00').getTime() + 30_000));
    expect(saveCutoff(at('11:00'), 5, 30)).toEqual(new Date(at('11:05').getTime() + 30_000));
  });
});

describe(remainingSeconds.name, () => {
  it('should count whole seconds down to 0, never below', () => {
    expect(remainingSeconds(at('11:00'), at('10:59'))).toBe(60);
    expect(remainingSeconds(at('11:00'), new Date(at('10:59').getTime() + 500))).toBe(59);
    expect(remainingSeconds(at('11:00'), at('11:01'))).toBe(0);
  });
});

describe(earliestSubmit.name, () => {
  it('should not let the minimum time pass the deadline', () => {
    expect(earliestSubmit(at('09:00'), 30, at('11:00'))).toEqual(at('09:30'));
    expect(earliestSubmit(at('11:50'), 30, at('12:00'))).toEqual(at('12:00'));
  });
});
