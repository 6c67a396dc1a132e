import { parseWorkbookRows, questionToRows, type WorkbookRow } from './question-import-format';
import { templateRows } from './question-workbook';

const numbered = (rows: Omit<WorkbookRow, 'row'>[]): WorkbookRow[] =>
  rows.map((r, i) => ({ row: i + 2, ...r }));

describe('parseWorkbookRows', () => {
  it('should read the template into one question per type, the composite with its sub-questions', () => {
    const { questions, errors } = parseWorkbookRows(numbered(templateRows()));
    expect(errors).toEqual([]);
    expect(questions.map((q) => q.content.type)).toEqual([
      'single',
      'multiple',
      'true_false',
      'fill_blank',
      'essay',
      'composite',
    ]);
    expect(questions[5]?.content.subQuestions).toHaveLength(2);
    expect(questions[0]?.categoryPath).toEqual(['数学', '算术']);
    expect(questions[3]?.content.blanks).toEqual([{ accepted: ['H2O', 'H₂O'] }, { accepted: ['水'] }]);
  });

  it('should report each bad row with its row number, column letter and reason', () => {
    const { errors } = parseWorkbookRows(
      numbered([
        { type: 'single', stem: 's', score: '1', answer: 'C', option_A: 'a', option_B: 'b' },
        { type: 'true_false', stem: 's', score: 'x', answer: '?' },
        { type: 'single', stem: 'sub', score: '1', group: 'G9', answer: 'A', option_A: 'a', option_B: 'b' },
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({ row: 2, column: 'G' }),
      expect.objectContaining({ row: 3, column: 'C' }),
      expect.objectContaining({ row: 3, column: 'G' }),
      expect.objectContaining({ row: 4, column: 'L' }),
    ]);
  });

  it('should read back what it exports', () => {
    const { questions } = parseWorkbookRows(numbered(templateRows()));
    const rows = questions.flatMap((q, i) =>
      questionToRows(
        q.content,
        { difficulty: q.difficulty, categoryPath: q.categoryPath.join('/'), tags: q.tags },
        `G${i}`,
      ),
    );
    const again = parseWorkbookRows(numbered(rows));
    expect(again.errors).toEqual([]);
    expect(again.questions.map((q) => q.content)).toEqual(questions.map((q) => q.content));
  });
});
