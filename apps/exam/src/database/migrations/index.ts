import { CreateExamDomain1765100000000 } from './1765100000000-create-exam-domain';
import { VerifiedCandidateFace1765112000000 } from './1765112000000-verified-candidate-face';
import { CreateAttempts1765300000000 } from './1765300000000-create-attempts';
import { Proctoring1765310000000 } from './1765310000000-proctoring';
import { CreateMarking1765320000000 } from './1765320000000-create-marking';
import { ResultsAndCertificates1765330000000 } from './1765330000000-results-and-certificates';

/** The exam service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EXAM_MIGRATIONS: Function[] = [
  CreateExamDomain1765100000000,
  VerifiedCandidateFace1765112000000,
  CreateAttempts1765300000000,
  Proctoring1765310000000,
  CreateMarking1765320000000,
  ResultsAndCertificates1765330000000,
];
