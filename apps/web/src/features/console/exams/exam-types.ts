/** The exam service's shapes (apps/exam/src/exam/dto/exam.dto.ts), as the console reads and sends them. */

export type ExamStatus = 'draft' | 'published' | 'closed' | 'archived';
export type Visibility = 'public' | 'institution';
export type CountedAttempt = 'best' | 'last' | 'first';
export type ExpiryAction = 'auto_submit' | 'grace';
export type ResultsRelease = 'immediately' | 'at_date' | 'after_marking';
export type CheatConsequence = 'warn' | 'flag' | 'terminate';
export type VenueKind = 'online' | 'onsite';
export type FormFieldKind = 'text' | 'textarea' | 'select' | 'date' | 'photo';
export type Reconciliation = 'average' | 'higher' | 'third_marker';

export interface AntiCheat {
  tabSwitchLimit: number;
  tabSwitchMinAwaySeconds: number;
  fullScreenRequired: boolean;
  blockCopyPaste: boolean;
  periodicFaceCheckMinutes: number;
  faceCheckFailureLimit: number;
  consequence: CheatConsequence;
}

export interface RegistrationFormField {
  key: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  options?: string[];
  maxLength?: number;
}

export interface MarkingSettings {
  doubleMarking: boolean;
  toleranceFraction: number;
  reconciliation: Reconciliation;
  step: number;
}

export interface ExamSettingsBody {
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
  allowedIpRanges: string[];
  faceCheckAtEntry: boolean;
  antiCheat: AntiCheat;
  venue: { kind: VenueKind; address?: string; link?: string };
  registrationForm: RegistrationFormField[];
  marking?: MarkingSettings;
  reviewAllowed?: boolean;
  certificate?: { enabled: boolean; title?: string };
}

/** The body of POST and PUT …/exams. */
export interface ExamBody {
  title: string;
  notice: string;
  paperId: string;
  visibility: Visibility;
  practice: boolean;
  opensAt: string;
  closesAt: string;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  capacity?: number;
  feeFen: number;
  requiresRealName: boolean;
  requiresApproval: boolean;
  settings: ExamSettingsBody;
}

/** An exam as the API returns it: the settings without the password, with `accessPasswordSet`. */
export interface Exam extends Omit<
  ExamBody,
  'settings' | 'registrationOpensAt' | 'registrationClosesAt' | 'capacity'
> {
  examId: string;
  institutionId: string;
  status: ExamStatus;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  capacity: number | null;
  seatsTaken: number;
  publishedAt: string | null;
  settings: Omit<ExamSettingsBody, 'accessPassword' | 'resultsReleaseAt'> & {
    resultsReleaseAt: string | null;
    accessPasswordSet: boolean;
  };
}

export interface Accommodation {
  userId: string;
  extraMinutes: number;
  windowOpensAt: string | null;
  windowClosesAt: string | null;
  extraAttempts: number;
  note: string;
  effectiveClosesAt: string;
  effectiveDurationMinutes: number;
}
