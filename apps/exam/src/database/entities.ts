import { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import { AttemptFaceCheckEntity } from '../attempt/attempt-face-check.entity';
import { QuestionEntity } from '../bank/question.entity';
import { QuestionBankEntity } from '../bank/question-bank.entity';
import { QuestionCategoryEntity } from '../bank/question-category.entity';
import { QuestionTagEntity } from '../bank/question-tag.entity';
import { QuestionVersionEntity } from '../bank/question-version.entity';
import { VerifiedCandidateEntity } from '../candidate/verified-candidate.entity';
import { CertificateEntity } from '../certificates/certificate.entity';
import { ExamEntity } from '../exam/exam.entity';
import { ExamAccommodationEntity } from '../exam/exam-accommodation.entity';
import { KeyChangeEntity } from '../marking/key-change.entity';
import { MarkingItemEntity } from '../marking/marking-item.entity';
import { MarkingMarkEntity } from '../marking/marking-mark.entity';
import { MarkingScriptEntity } from '../marking/marking-script.entity';
import { ScoreHistoryEntity } from '../marking/score-history.entity';
import { PaperEntity } from '../paper/paper.entity';
import { ProctoringEventEntity } from '../proctoring/proctoring-event.entity';
import { StaffActionEntity } from '../proctoring/staff-action.entity';
import { RegistrationEntity } from '../registration/registration.entity';
import { ResultReleaseEntity } from '../results/result-release.entity';

/** Every TypeORM entity the exam service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EXAM_ENTITIES: Function[] = [
  QuestionBankEntity,
  QuestionCategoryEntity,
  QuestionTagEntity,
  QuestionEntity,
  QuestionVersionEntity,
  PaperEntity,
  ExamEntity,
  ExamAccommodationEntity,
  RegistrationEntity,
  VerifiedCandidateEntity,
  AttemptEntity,
  AttemptAnswerEntity,
  AttemptFaceCheckEntity,
  ProctoringEventEntity,
  StaffActionEntity,
  MarkingScriptEntity,
  MarkingItemEntity,
  MarkingMarkEntity,
  KeyChangeEntity,
  ScoreHistoryEntity,
  ResultReleaseEntity,
  CertificateEntity,
];
