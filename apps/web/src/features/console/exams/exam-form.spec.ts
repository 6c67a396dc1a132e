import { editorFieldOf, groupOf, newExamValues, splitList, toExamBody, toFormValues } from './exam-form';
import type { Exam } from './exam-types';

describe('exam editor ↔ API body', () => {
  const now = new Date('2026-03-01T08:00:00Z');

  it('should send a new exam with fen, ISO times and only the settings its choices use', () => {
    const values = newExamValues(now);
    values.title = '  期中考试 ';
    values.paperId = 'paper-1';
    values.feeYuan = 12.5;
    values.capacity = 30;
    values.settings.venue = { kind: 'online', link: ' https://exam.example.com/x ', address: 'ignored' };
    values.settings.allowedIpRanges = '10.0.0.0/8\n 192.168.1.0/24 ,';
    values.settings.registrationForm = [
      { key: 'degree', label: '学历', kind: 'select', required: true, options: '本科，硕士、博士' },
      { key: 'school', label: '学校', kind: 'text', required: false, options: 'x', maxLength: 50 },
    ];
    const body = toExamBody(values);
    expect(body.title).toBe('期中考试');
    expect(body.feeFen).toBe(1250);
    expect(body.capacity).toBe(30);
    expect(body.opensAt).toBe(new Date(values.opensAt).toISOString());
    expect(body.registrationClosesAt).toBe(body.opensAt);
    expect(body.settings.venue).toEqual({ kind: 'online', link: 'https://exam.example.com/x' });
    expect(body.settings.allowedIpRanges).toEqual(['10.0.0.0/8', '192.168.1.0/24']);
    expect(body.settings.registrationForm).toEqual([
      { key: 'degree', label: '学历', kind: 'select', required: true, options: ['本科', '硕士', '博士'] },
      { key: 'school', label: '学校', kind: 'text', required: false, maxLength: 50 },
    ]);
    expect(body.settings).not.toHaveProperty('accessPassword');
    expect(body.settings).not.toHaveProperty('resultsReleaseAt');
    expect(body.settings.graceMinutes).toBe(0);
  });

  it('should drop registration, fee, seats and approval from a practice exam', () => {
    const values = {
      ...newExamValues(now),
      practice: true,
      feeYuan: 10,
      capacity: 5,
      requiresApproval: true,
    };
    const body = toExamBody(values);
    expect(body.feeFen).toBe(0);
    expect(body).not.toHaveProperty('capacity');
    expect(body).not.toHaveProperty('registrationOpensAt');
    expect(body.requiresApproval).toBe(false);
  });

  it('should send the release time and the password only when they apply', () => {
    const values = newExamValues(now);
    values.settings.resultsRelease = 'at_date';
    values.settings.resultsReleaseAt = '2026-03-05T10:00';
    values.settings.accessPassword = ' abcd ';
    values.settings.marking = {
      doubleMarking: false,
      toleranceFraction: 0.2,
      reconciliation: 'higher',
      step: 1,
    };
    const body = toExamBody(values);
    expect(body.settings.resultsReleaseAt).toBe(new Date('2026-03-05T10:00').toISOString());
    expect(body.settings.accessPassword).toBe('abcd');
    expect(body.settings.marking).toEqual({
      doubleMarking: false,
      toleranceFraction: 0,
      reconciliation: 'average',
      step: 1,
    });
  });

  it('should read an exam back into the same body it was made from', () => {
    const values = newExamValues(now);
    values.title = '测验';
    values.paperId = 'p';
    values.settings.registrationForm = [
      { key: 'degree', label: '学历', kind: 'select', required: true, options: '本科, 硕士' },
    ];
    const body = toExamBody(values);
    const { accessPassword: _unused, resultsReleaseAt: _none, ...settings } = body.settings;
    const exam: Exam = {
      ...body,
      examId: 'e',
      institutionId: 'i',
      status: 'draft',
      registrationOpensAt: body.registrationOpensAt ?? null,
      registrationClosesAt: body.registrationClosesAt ?? null,
      capacity: body.capacity ?? null,
      seatsTaken: 0,
      publishedAt: null,
      settings: { ...settings, resultsReleaseAt: null, accessPasswordSet: true },
    };
    expect(toExamBody(toFormValues(exam))).toEqual(body);
    expect(toFormValues(exam).settings.accessPassword).toBe('');
  });

  it('should place server fields on the editor’s own fields and name their group', () => {
    expect(editorFieldOf('feeFen')).toEqual(['feeYuan']);
    expect(editorFieldOf('settings.allowedIpRanges[2]')).toEqual(['settings', 'allowedIpRanges']);
    expect(editorFieldOf('settings.registrationForm[1].options')).toEqual([
      'settings',
      'registrationForm',
      1,
      'options',
    ]);
    expect(editorFieldOf('settings.registrationForm.0.key')).toEqual([
      'settings',
      'registrationForm',
      0,
      'key',
    ]);
    expect(groupOf(['settings', 'durationMinutes'])).toBe('schedule');
    expect(groupOf(['settings', 'antiCheat', 'tabSwitchLimit'])).toBe('antiCheat');
    expect(groupOf(['registrationClosesAt'])).toBe('schedule');
    expect(groupOf(['feeYuan'])).toBe('fee');
    expect(groupOf(['settings', 'passScore'])).toBe('results');
    expect(groupOf(['settings', 'accessPassword'])).toBe('access');
  });

  it('should split option lists on Chinese and Latin separators', () => {
    expect(splitList(' a, b，c、d;;')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList(undefined)).toEqual([]);
  });
});
