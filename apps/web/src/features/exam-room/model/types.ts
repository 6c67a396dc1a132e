/** The exam service's shapes the exam room reads and sends (apps/exam attempt and proctoring DTOs). */

export type QuestionType = 'single' | 'multiple' | 'true_false' | 'fill_blank' | 'essay' | 'composite';

/** A question as the candidate sees it: no answers, no explanation. `stem` is sanitised rich text. */
export interface QuestionView {
  readonly type: QuestionType;
  readonly stem: string;
  readonly score: number;
  readonly options?: readonly { readonly key: string; readonly text: string }[];
  readonly blankCount?: number;
  readonly subQuestions?: readonly QuestionView[];
}

export interface PaperQuestion {
  readonly questionId: string;
  readonly version: number;
  readonly score: number;
  readonly view: QuestionView;
}

export interface PaperSection {
  readonly title: string;
  readonly instructions: string;
  readonly questions: readonly PaperQuestion[];
}

export interface Paper {
  readonly seed: string;
  readonly totalScore: number;
  readonly sections: readonly PaperSection[];
}

/** One sub-question's answer inside a composite answer; `{}` leaves it blank. */
export interface AnswerPart {
  readonly choice?: string;
  readonly choices?: readonly string[];
  readonly truth?: boolean;
  readonly blanks?: readonly string[];
  readonly text?: string;
}

/** An answer by type: choice, choices, truth, blanks, text, or parts (composite). No field clears it. */
export interface Answer extends AnswerPart {
  readonly parts?: readonly AnswerPart[];
}

export interface AttemptClock {
  readonly serverTime: string;
  readonly deadline: string;
  readonly saveUntil: string;
  readonly remainingSeconds: number;
}

export type AttemptStatus = 'created' | 'in_progress' | 'overdue' | 'submitted' | 'graded' | 'terminated';

export interface SavedAnswer {
  readonly questionId: string;
  readonly seq: number;
  readonly answer: Answer;
  readonly savedAt: string;
}

export interface Attempt {
  readonly attemptId: string;
  readonly examId: string;
  readonly attemptNumber: number;
  readonly status: AttemptStatus;
  readonly resumed: boolean;
  readonly startedAt: string;
  readonly earliestSubmitAt: string;
  readonly submittedAt: string | null;
  readonly pausedAt: string | null;
  readonly clock: AttemptClock;
  readonly answers: readonly SavedAnswer[];
}

export interface SaveAnswerResponse {
  readonly applied: boolean;
  readonly held: SavedAnswer;
  readonly clock: AttemptClock;
}

export type ProctoringEventKind = 'focus_lost' | 'fullscreen_exited' | 'copy_paste' | 'idle' | 'face_check';
export type ClipboardAction = 'copy' | 'cut' | 'paste';
export type PolicyOutcome = 'recorded' | 'counted' | 'warning' | 'flagged' | 'terminated';

export interface ProctoringEvent {
  readonly clientEventId: string;
  readonly kind: ProctoringEventKind;
  readonly occurredAt?: string;
  readonly durationSeconds?: number;
  readonly clipboardAction?: ClipboardAction;
  readonly faceCheckToken?: string;
}

export interface RuleCounts {
  readonly tab_switch: number;
  readonly full_screen: number;
  readonly copy_paste: number;
  readonly face_check: number;
}

export interface ProctoringReport {
  readonly attemptId: string;
  readonly serverTime: string;
  readonly recorded: number;
  readonly duplicates: number;
  readonly events: readonly {
    readonly clientEventId: string;
    readonly kind: ProctoringEventKind;
    readonly duplicate: boolean;
    readonly rule: keyof RuleCounts | null;
    readonly outcome: PolicyOutcome;
  }[];
  readonly policy: {
    readonly outcome: PolicyOutcome;
    readonly warnings: number;
    readonly flagged: boolean;
    readonly terminated: boolean;
    readonly counted: RuleCounts;
    readonly allowances: RuleCounts;
    readonly consequence: 'warn' | 'flag' | 'terminate';
  };
}

export interface AntiCheatPolicy {
  readonly tabSwitchLimit: number;
  readonly tabSwitchMinAwaySeconds: number;
  readonly fullScreenRequired: boolean;
  readonly blockCopyPaste: boolean;
  readonly periodicFaceCheckMinutes: number;
  readonly faceCheckFailureLimit: number;
  readonly consequence: 'warn' | 'flag' | 'terminate';
}

/** What the room needs of the exam's rules (the notice's `room`, when the exam service sends it). */
export interface RoomRules {
  readonly antiCheat: AntiCheatPolicy;
  readonly accessPasswordRequired: boolean;
  readonly faceCheckAtEntry: boolean;
  readonly lateEntryMinutes: number;
  readonly minMinutesBeforeSubmit: number;
  readonly attemptsAllowed: number;
  readonly resultsRelease: 'immediately' | 'at_date' | 'after_marking';
}

/** GET /exams/:examId/notice: what any signed-in candidate may read about an exam. */
export interface ExamNotice {
  readonly examId: string;
  readonly title: string;
  readonly notice: string;
  readonly practice: boolean;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly durationMinutes: number;
  readonly requiresRealName: boolean;
  /** Sent by exam services that describe the room's rules (ADR 0045); older ones omit it. */
  readonly room?: RoomRules;
}

export interface ExamResults {
  readonly examId: string;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly passed: boolean | null;
  readonly items: readonly {
    readonly attemptId: string;
    readonly score: number | null;
    readonly maxScore: number;
  }[];
}
