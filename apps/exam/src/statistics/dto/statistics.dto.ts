export class SpreadDto {
  mean!: number | null;
  median!: number | null;
  min!: number | null;
  max!: number | null;
}

export class ScoreSpreadDto extends SpreadDto {
  standardDeviation!: number | null;
}

export class BucketDto {
  from!: number;
  to!: number;
  count!: number;
}

export class QuestionStatisticsDto {
  questionId!: string;
  number!: string;
  type!: string;
  label!: string;
  worth!: number;
  takers!: number;
  /** P value: mean share of the points earned (0 … 1). */
  difficulty!: number | null;
  /** Upper-lower 27 % discrimination index (−1 … 1); null below the minimum cohort. */
  discrimination!: number | null;
  /** Point-biserial correlation with the rest-score; null below the minimum cohort or without variance. */
  pointBiserial!: number | null;
  /** too_hard (P < 0.2), too_easy (P > 0.95), low_discrimination (D < 0.2), negative_point_biserial (r < 0). */
  flags!: string[];
}

/** Statistics over the counted, graded attempt of each candidate; no candidate is named. */
export class ExamStatisticsDto {
  examId!: string;
  title!: string;
  candidates!: number;
  maxScore!: number;
  passScore!: number;
  /** Fewer than 5 candidates: discrimination and point-biserial are not computed and nothing is flagged. */
  smallCohort!: boolean;
  score!: ScoreSpreadDto;
  passed!: number;
  passRate!: number | null;
  timeUsedSeconds!: SpreadDto;
  distribution!: BucketDto[];
  questions!: QuestionStatisticsDto[];
}
