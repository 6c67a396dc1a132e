import { checkExamPlan, type ExamPlan, ipAllowed, parseCidr } from './exam-settings';

const plan = (over: Partial<ExamPlan> = {}, settings: Partial<ExamPlan['settings']> = {}): ExamPlan => ({
  practice: false,
  opensAt: new Date('2027-01-10T09:00:00Z'),
  closesAt: new Date('2027-01-10T12:00:00Z'),
  registrationOpensAt: new Date('2027-01-01T00:00:00Z'),
  registrationClosesAt: new Date('2027-01-09T00:00:00Z'),
  capacity: 100,
  feeFen: 5000,
  requiresApproval: false,
  requiresRealName: true,
  paperTotalScore: 100,
  ...over,
  settings: {
    durationMinutes: 120,
    lateEntryMinutes: 15,
    minMinutesBeforeSubmit: 30,
    attemptsAllowed: 1,
    countedAttempt: 'best',
    onExpiry: 'auto_submit',
    graceMinutes: 0,
    passScore: 60,
    resultsRelease: 'after_marking',
    resultsReleaseAt: null,
    accessPasswordHash: null,
    allowedIpRanges: ['10.0.0.0/8', '2001:db8::/32'],
    faceCheckAtEntry: true,
    antiCheat: {
      tabSwitchLimit: 3,
      tabSwitchMinAwaySeconds: 2,
      fullScreenRequired: true,
      blockCopyPaste: true,
      periodicFaceCheckMinutes: 10,
      faceCheckFailureLimit: 3,
      consequence: 'flag',
    },
    venue: { kind: 'online', link: 'https://exam.example.com' },
    registrationForm: [{ key: 'employer', label: '工作单位', kind: 'text', required: true }],
    immediateFeedback: false,
    ...settings,
  },
});

describe('checkExamPlan', () => {
  it('should accept a consistent exam', () => {
    expect(checkExamPlan(plan())).toEqual([]);
  });

  it('should name every inconsistent field', () => {
    const fields = (p: ExamPlan) => checkExamPlan(p).map((e) => e.field);
    expect(fields(plan({ closesAt: new Date('2027-01-10T08:00:00Z') }))).toContain('closesAt');
    expect(fields(plan({}, { durationMinutes: 500 }))).toContain('settings.durationMinutes');
    expect(fields(plan({}, { minMinutesBeforeSubmit: 200 }))).toContain('settings.minMinutesBeforeSubmit');
    expect(fields(plan({}, { onExpiry: 'grace' }))).toContain('settings.graceMinutes');
    expect(fields(plan({}, { passScore: 101 }))).toContain('settings.passScore');
    expect(fields(plan({}, { resultsRelease: 'at_date' }))).toContain('settings.resultsReleaseAt');
    expect(fields(plan({}, { allowedIpRanges: ['10.0.0.0/33'] }))).toContain('settings.allowedIpRanges[0]');
    expect(fields(plan({ registrationClosesAt: new Date('2027-01-11T00:00:00Z') }))).toContain(
      'registrationClosesAt',
    );
    expect(fields(plan({ practice: true }))).toEqual(
      expect.arrayContaining(['feeFen', 'capacity', 'registrationOpensAt']),
    );
  });

  it('should allow unlimited attempts (0) on practice exams only', () => {
    expect(checkExamPlan(plan({}, { attemptsAllowed: 0 })).map((e) => e.field)).toContain(
      'settings.attemptsAllowed',
    );
    const practice = plan({
      practice: true,
      feeFen: 0,
      capacity: null,
      requiresApproval: false,
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    expect(checkExamPlan({ ...practice, settings: { ...practice.settings, attemptsAllowed: 0 } })).toEqual(
      [],
    );
  });
});

describe('marking settings', () => {
  const fields = (marking: ExamPlan['settings']['marking']) =>
    checkExamPlan(plan({}, { marking })).map((e) => e.field);

  it('should accept single and double marking with a tolerance and a rule', () => {
    expect(fields(undefined)).toEqual([]);
    expect(
      fields({ doubleMarking: false, toleranceFraction: 0, reconciliation: 'average', step: 1 }),
    ).toEqual([]);
    expect(
      fields({ doubleMarking: true, toleranceFraction: 0.2, reconciliation: 'third_marker', step: 0.25 }),
    ).toEqual([]);
  });

  it('should refuse a step that is not hundredths, a tolerance outside 0..1 and double-marking rules without it', () => {
    expect(
      fields({ doubleMarking: true, toleranceFraction: 1.5, reconciliation: 'higher', step: 0.001 }),
    ).toEqual(['settings.marking.step', 'settings.marking.toleranceFraction']);
    expect(
      fields({ doubleMarking: false, toleranceFraction: 0.1, reconciliation: 'higher', step: 0 }),
    ).toEqual([
      'settings.marking.step',
      'settings.marking.toleranceFraction',
      'settings.marking.reconciliation',
    ]);
  });
});

describe('CIDR ranges', () => {
  it('should parse IPv4 and IPv6 ranges and refuse malformed ones', () => {
    expect(parseCidr('192.168.1.0/24')).toEqual({ address: '192.168.1.0', prefix: 24, family: 'ipv4' });
    expect(parseCidr('2001:db8::/32')?.family).toBe('ipv6');
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'x/8', '10.0.0.0/8/1', '10.0.0.0/-1'])
      expect(parseCidr(bad)).toBeNull();
  });

  it('should allow addresses inside the ranges only', () => {
    expect(ipAllowed(['10.0.0.0/8'], '10.1.2.3')).toBe(true);
    expect(ipAllowed(['10.0.0.0/8'], '11.1.2.3')).toBe(false);
    expect(ipAllowed([], '11.1.2.3')).toBe(true);
  });
});
