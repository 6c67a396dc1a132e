/** One of the candidate's attempts: the score only once released and graded. */
export class AttemptResultDto {
  attemptId!: string;
  attemptNo!: number;
  /** in_progress, overdue, submitted (awaiting marking), graded or terminated. */
  status!: string;
  submittedAt!: string | null;
  /** The final total; null until the attempt is graded. */
  score!: number | null;
  maxScore!: number;
  /** Null until graded. */
  passed!: boolean | null;
  /** This attempt is the one that counts (the exam's countedAttempt rule: best, last or first). */
  counted!: boolean;
  /** GET /api/exam/me/attempts/{attemptId}/review answers. */
  reviewAvailable!: boolean;
}

export class ExamResultsDto {
  examId!: string;
  title!: string;
  passScore!: number;
  countedAttempt!: string;
  countedAttemptId!: string | null;
  /** The counted attempt's score and verdict; null while none is graded. */
  score!: number | null;
  maxScore!: number | null;
  passed!: boolean | null;
  items!: AttemptResultDto[];
}

export class ReviewOptionDto {
  key!: string;
  text!: string;
  correct!: boolean;
}

/** The correct answer in the shape of an answer (choice, choices, truth, accepted blanks, parts). */
export class CorrectAnswerDto {
  choice?: string;
  choices?: string[];
  truth?: boolean;
  /** Accepted answers per blank. */
  blanks?: string[][];
  parts?: CorrectAnswerDto[];
}

export class ReviewQuestionDto {
  questionId!: string;
  type!: string;
  stem!: string;
  explanation!: string;
  /** What the question is worth in this paper. */
  worth!: number;
  /** Points awarded; null while it waits for a marker. */
  awarded!: number | null;
  yourAnswer!: Record<string, unknown> | null;
  correctAnswer!: CorrectAnswerDto;
  options?: ReviewOptionDto[];
}

export class AttemptReviewDto {
  attemptId!: string;
  examId!: string;
  status!: string;
  /** Null while the attempt waits for a marker (practice feedback comes before marking). */
  score!: number | null;
  maxScore!: number;
  questions!: ReviewQuestionDto[];
}

export class ResultsReleaseDto {
  examId!: string;
  releasedAt!: string;
  /** False when the results had already been released: nothing changed. */
  released!: boolean;
}
