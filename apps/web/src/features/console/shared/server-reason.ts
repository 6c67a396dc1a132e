/**
 * The servers explain a refused field in an English sentence (`details[].reason`). Staff read the console in
 * Chinese or English, so the reasons the console can meet are recognised here and named by a text key
 * (`reasons.<key>` in the console's texts) with the numbers they carry. An unknown reason has no key: the page
 * shows a generic sentence with the server's words.
 */
export interface ReasonText {
  key: string;
  params: Record<string, string>;
}

const PATTERNS: readonly [RegExp, string, readonly string[]][] = [
  // Exam schedule and settings (apps/exam/src/exam/exam-settings.ts checkExamPlan).
  [/^must be after opensAt$/, 'closesAfterOpens', []],
  [/^must fit between opensAt and closesAt \((\d+) minutes\)$/, 'durationFits', ['minutes']],
  [/^must not go past closesAt$/, 'lateEntryPastClose', []],
  [/^must not exceed durationMinutes$/, 'minSubmitExceeds', []],
  [/^must be positive when onExpiry is grace$/, 'gracePositive', []],
  [/^only applies when onExpiry is grace$/, 'graceOnlyGrace', []],
  [/^must not exceed the paper's total score \((\d+)\)$/, 'passScoreTotal', ['total']],
  [/^required when resultsRelease is at_date$/, 'releaseAtRequired', []],
  [/^must not be before closesAt$/, 'releaseAtBeforeClose', []],
  [/^only applies when resultsRelease is at_date$/, 'releaseAtOnly', []],
  [/^must be an IPv4 or IPv6 CIDR range/, 'cidr', []],
  [/^an online exam needs its link$/, 'venueLink', []],
  [/^an onsite exam needs its address$/, 'venueAddress', []],
  [/^appears twice$/, 'appearsTwice', []],
  [/^a select field needs options$/, 'selectOptions', []],
  [/^only select fields have options$/, 'optionsOnlySelect', []],
  [/^must be a positive multiple of 0\.01 points$/, 'markingStep', []],
  [/^must be from 0 to 1$/, 'fraction', []],
  [/^only applies when doubleMarking is true$/, 'onlyDoubleMarking', []],
  [/^practice exams are free$/, 'practiceFree', []],
  [/^practice exams are open, without seats$/, 'practiceNoSeats', []],
  [/^practice exams need no registration$/, 'practiceNoApproval', []],
  [/^practice exams need no registration window$/, 'practiceNoWindow', []],
  [/^unlimited attempts \(0\) are for practice exams/, 'attemptsUnlimited', []],
  [/^an exam needs a registration window/, 'windowRequired', []],
  [/^must be after registrationOpensAt$/, 'regClosesAfterOpens', []],
  [/^must not be after opensAt$/, 'regClosesBeforeOpens', []],
  [/^fixed once the exam is published$/, 'lockedAfterPublish', []],
  [/^must be at least (\d+)$/, 'atLeast', ['min']],
  // Papers (apps/exam/src/paper/papers.service.ts).
  [
    /^needs (\d+) questions, the bank has (\d+) matching of which earlier rules of the section may draw (\d+)$/,
    'poolReserved',
    ['needs', 'has', 'reserved'],
  ],
  [/^needs (\d+) questions, the bank has (\d+) matching$/, 'poolTooSmall', ['needs', 'has']],
  [/^a fixed paper has no draw rules$/, 'fixedNoDraws', []],
  [/^a draw paper has no fixed questions$/, 'drawNoItems', []],
  [/^a section needs questions or draw rules$/, 'sectionEmpty', []],
  [/^appears twice in the paper$/, 'appearsTwice', []],
  [/^no such question in the paper’s bank$/, 'notInBank', []],
  // Questions and import rows (apps/exam/src/bank).
  [/^must be a whole number$/, 'wholeNumber', []],
  [/^must be a whole number from (\d+) to (\d+)$/, 'wholeNumberRange', ['min', 'max']],
  [/^must be an integer from 0 to (\d+)$/, 'scoreRange', ['max']],
  [/^must be the letter\(s\) of the correct option\(s\)/, 'answerLetters', []],
  [/^names an option column that is empty$/, 'answerEmptyOption', []],
  [/^must be true or false/, 'answerTrueFalse', []],
  [/^true\/false questions need answer true or false$/, 'answerTrueFalse', []],
  [/^must not be empty/, 'notEmpty', []],
  [/^needs 2 to (\d+) options$/, 'optionCount', ['max']],
  [/^exactly one option must be correct$/, 'oneCorrect', []],
  [/^at least one option must be correct$/, 'someCorrect', []],
  [/^needs 1 to (\d+) blanks$/, 'blankCount', ['max']],
  [/^essay questions need a marking rubric for staff$/, 'rubricRequired', []],
  [/^needs 1 to (\d+) sub-questions$/, 'subQuestionCount', ['max']],
  [/^must equal the sum of the sub-questions' scores \((\d+)\)$/, 'compositeScore', ['total']],
  [/^must be one of (.+)$/, 'oneOf', ['values']],
  [/^unknown column "(.*)"$/, 'unknownColumn', ['name']],
  [/^required column is missing$/, 'columnMissing', []],
  [/^a composite row needs a group/, 'compositeGroup', []],
  // class-validator's own sentences ("durationMinutes must not be greater than 1440").
  [/must not be greater than (\d+)$/, 'max', ['max']],
  [/must not be less than (-?\d+)$/, 'min', ['min']],
  [/must be longer than or equal to (\d+) characters$/, 'minLength', ['min']],
  [/must be shorter than or equal to (\d+) characters$/, 'maxLength', ['max']],
];

export function reasonText(reason: string): ReasonText | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(reason.trim());
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = match[i + 1] ?? '';
    });
    return { key, params };
  }
  return null;
}
