import { type NamePath, namePathOf } from '../shared/field-path';
import { fromLocalInput, toLocalInput } from '../shared/local-time';
import type {
  AntiCheat,
  CountedAttempt,
  Exam,
  ExamBody,
  ExpiryAction,
  FormFieldKind,
  MarkingSettings,
  ResultsRelease,
  VenueKind,
  Visibility,
} from './exam-types';

/** One registration form field as the editor holds it: options as one comma-separated line. */
export interface FormFieldValues {
  key: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  options?: string;
  maxLength?: number | null;
}

/**
 * The exam editor's values: the API body's shape where a person can type it directly, and otherwise what a
 * person thinks in (local date-times, yuan, one IP range a line). `toExamBody` and `toFormValues` convert.
 */
export interface ExamFormValues {
  title: string;
  notice: string;
  paperId: string;
  visibility: Visibility;
  practice: boolean;
  opensAt: string;
  closesAt: string;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  capacity?: number | null;
  feeYuan: number;
  requiresRealName: boolean;
  requiresApproval: boolean;
  settings: {
    durationMinutes: number;
    lateEntryMinutes: number;
    minMinutesBeforeSubmit: number;
    attemptsAllowed: number;
    countedAttempt: CountedAttempt;
    onExpiry: ExpiryAction;
    graceMinutes: number;
    passScore: number;
    resultsRelease: ResultsRelease;
    resultsReleaseAt?: string;
    accessPassword?: string;
    allowedIpRanges?: string;
    faceCheckAtEntry: boolean;
    antiCheat: AntiCheat;
    venue: { kind: VenueKind; address?: string; link?: string };
    registrationForm?: FormFieldValues[];
    marking: MarkingSettings;
    reviewAllowed: boolean;
    certificate: { enabled: boolean; title?: string };
  };
}

const DEFAULT_MARKING: MarkingSettings = {
  doubleMarking: false,
  toleranceFraction: 0,
  reconciliation: 'average',
  step: 0.5,
};

/** A new exam's starting values: opens tomorrow at 9:00 for two hours, registration open until then. */
export function newExamValues(now: Date): ExamFormValues {
  const opens = new Date(now);
  opens.setDate(opens.getDate() + 1);
  opens.setHours(9, 0, 0, 0);
  const closes = new Date(opens.getTime() + 2 * 3_600_000);
  return {
    title: '',
    notice: '',
    paperId: '',
    visibility: 'public',
    practice: false,
    opensAt: toLocalInput(opens.toISOString()),
    closesAt: toLocalInput(closes.toISOString()),
    registrationOpensAt: toLocalInput(now.toISOString()),
    registrationClosesAt: toLocalInput(opens.toISOString()),
    capacity: null,
    feeYuan: 0,
    requiresRealName: false,
    requiresApproval: false,
    settings: {
      durationMinutes: 60,
      lateEntryMinutes: 15,
      minMinutesBeforeSubmit: 0,
      attemptsAllowed: 1,
      countedAttempt: 'best',
      onExpiry: 'auto_submit',
      graceMinutes: 0,
      passScore: 60,
      resultsRelease: 'immediately',
      allowedIpRanges: '',
      faceCheckAtEntry: false,
      antiCheat: {
        tabSwitchLimit: 3,
        tabSwitchMinAwaySeconds: 5,
        fullScreenRequired: false,
        blockCopyPaste: false,
        periodicFaceCheckMinutes: 0,
        faceCheckFailureLimit: 0,
        consequence: 'warn',
      },
      venue: { kind: 'online', link: '' },
      registrationForm: [],
      marking: DEFAULT_MARKING,
      reviewAllowed: false,
      certificate: { enabled: false },
    },
  };
}

const trimmed = (value: string | undefined | null): string | undefined => {
  const t = value?.trim();
  return t ? t : undefined;
};

/** `2,3，4、5` → ['2', '3', '4', '5'] (Chinese and Latin commas alike). */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The API body for the editor's values (POST and PUT take the same). */
export function toExamBody(v: ExamFormValues): ExamBody {
  const s = v.settings;
  const practice = v.practice;
  const registrationOpensAt = practice ? undefined : fromLocalInput(v.registrationOpensAt);
  const registrationClosesAt = practice ? undefined : fromLocalInput(v.registrationClosesAt);
  const resultsReleaseAt = s.resultsRelease === 'at_date' ? fromLocalInput(s.resultsReleaseAt) : undefined;
  const accessPassword = trimmed(s.accessPassword);
  const certificateTitle = trimmed(s.certificate.title);
  const venue =
    s.venue.kind === 'online'
      ? { kind: s.venue.kind, ...(trimmed(s.venue.link) ? { link: trimmed(s.venue.link) } : {}) }
      : { kind: s.venue.kind, ...(trimmed(s.venue.address) ? { address: trimmed(s.venue.address) } : {}) };
  return {
    title: v.title.trim(),
    notice: v.notice,
    paperId: v.paperId,
    visibility: v.visibility,
    practice,
    opensAt: fromLocalInput(v.opensAt) ?? '',
    closesAt: fromLocalInput(v.closesAt) ?? '',
    ...(registrationOpensAt ? { registrationOpensAt } : {}),
    ...(registrationClosesAt ? { registrationClosesAt } : {}),
    ...(!practice && v.capacity ? { capacity: v.capacity } : {}),
    feeFen: practice ? 0 : Math.round((v.feeYuan || 0) * 100),
    requiresRealName: v.requiresRealName,
    requiresApproval: practice ? false : v.requiresApproval,
    settings: {
      durationMinutes: s.durationMinutes,
      lateEntryMinutes: s.lateEntryMinutes,
      minMinutesBeforeSubmit: s.minMinutesBeforeSubmit,
      attemptsAllowed: s.attemptsAllowed,
      countedAttempt: s.countedAttempt,
      onExpiry: s.onExpiry,
      graceMinutes: s.onExpiry === 'grace' ? s.graceMinutes : 0,
      passScore: s.passScore,
      resultsRelease: s.resultsRelease,
      ...(resultsReleaseAt ? { resultsReleaseAt } : {}),
      ...(accessPassword ? { accessPassword } : {}),
      allowedIpRanges: (s.allowedIpRanges ?? '')
        .split(/[\s,，]+/)
        .map((r) => r.trim())
        .filter((r) => r !== ''),
      faceCheckAtEntry: s.faceCheckAtEntry,
      antiCheat: { ...s.antiCheat },
      venue,
      registrationForm: (s.registrationForm ?? []).map((f) => ({
        key: f.key.trim(),
        label: f.label.trim(),
        kind: f.kind,
        required: f.required,
        ...(f.kind === 'select' ? { options: splitList(f.options) } : {}),
        ...(f.maxLength && (f.kind === 'text' || f.kind === 'textarea') ? { maxLength: f.maxLength } : {}),
      })),
      marking: s.marking.doubleMarking
        ? { ...s.marking }
        : { ...s.marking, toleranceFraction: 0, reconciliation: 'average' },
      reviewAllowed: s.reviewAllowed,
      certificate: {
        enabled: s.certificate.enabled,
        ...(s.certificate.enabled && certificateTitle ? { title: certificateTitle } : {}),
      },
    },
  };
}

/** The editor's values for an exam the API returned (the access password is never returned: left blank). */
export function toFormValues(exam: Exam): ExamFormValues {
  const s = exam.settings;
  return {
    title: exam.title,
    notice: exam.notice,
    paperId: exam.paperId,
    visibility: exam.visibility,
    practice: exam.practice,
    opensAt: toLocalInput(exam.opensAt),
    closesAt: toLocalInput(exam.closesAt),
    registrationOpensAt: toLocalInput(exam.registrationOpensAt),
    registrationClosesAt: toLocalInput(exam.registrationClosesAt),
    capacity: exam.capacity,
    feeYuan: exam.feeFen / 100,
    requiresRealName: exam.requiresRealName,
    requiresApproval: exam.requiresApproval,
    settings: {
      durationMinutes: s.durationMinutes,
      lateEntryMinutes: s.lateEntryMinutes,
      minMinutesBeforeSubmit: s.minMinutesBeforeSubmit,
      attemptsAllowed: s.attemptsAllowed,
      countedAttempt: s.countedAttempt,
      onExpiry: s.onExpiry,
      graceMinutes: s.graceMinutes,
      passScore: s.passScore,
      resultsRelease: s.resultsRelease,
      resultsReleaseAt: toLocalInput(s.resultsReleaseAt),
      accessPassword: '',
      allowedIpRanges: s.allowedIpRanges.join('\n'),
      faceCheckAtEntry: s.faceCheckAtEntry,
      antiCheat: { ...s.antiCheat },
      venue: { kind: s.venue.kind, address: s.venue.address ?? '', link: s.venue.link ?? '' },
      registrationForm: s.registrationForm.map((f) => ({
        key: f.key,
        label: f.label,
        kind: f.kind,
        required: f.required,
        options: (f.options ?? []).join(', '),
        maxLength: f.maxLength ?? null,
      })),
      marking: s.marking ?? DEFAULT_MARKING,
      reviewAllowed: s.reviewAllowed ?? false,
      certificate: { enabled: s.certificate?.enabled ?? false, title: s.certificate?.title ?? '' },
    },
  };
}

/**
 * Where a server detail's field sits in the editor: the same path, except where the editor holds a value
 * differently (yuan instead of fen, all IP ranges in one box, the registration window's pair).
 */
export function editorFieldOf(serverField: string): NamePath {
  const path = namePathOf(serverField);
  const [first, second] = path;
  if (first === 'feeFen') return ['feeYuan'];
  if (first === 'settings' && second === 'allowedIpRanges') return ['settings', 'allowedIpRanges'];
  return path;
}

/** Which group of the editor holds a field, so the page can open that group and say where to look. */
export type SettingsGroup = 'basics' | 'schedule' | 'access' | 'antiCheat' | 'form' | 'fee' | 'results';

export function groupOf(path: NamePath): SettingsGroup {
  const [first, second] = path;
  if (first !== 'settings') {
    if (first === 'feeYuan' || first === 'capacity') return 'fee';
    if (first === 'requiresRealName' || first === 'requiresApproval' || first === 'visibility')
      return 'access';
    if (typeof first === 'string' && /At$/.test(first)) return 'schedule';
    return 'basics';
  }
  switch (second) {
    case 'durationMinutes':
    case 'lateEntryMinutes':
    case 'minMinutesBeforeSubmit':
    case 'onExpiry':
    case 'graceMinutes':
    case 'venue':
      return 'schedule';
    case 'accessPassword':
    case 'allowedIpRanges':
    case 'faceCheckAtEntry':
    case 'attemptsAllowed':
    case 'countedAttempt':
      return 'access';
    case 'antiCheat':
      return 'antiCheat';
    case 'registrationForm':
      return 'form';
    default:
      return 'results';
  }
}
