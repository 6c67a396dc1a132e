import { groupByRow, importProblemsOf } from './import-report';

describe('import report', () => {
  it('should group the problems by row, rows and columns in order', () => {
    const problems = importProblemsOf([
      { row: 12, column: 'G', field: 'answer', reason: 'must be true or false (对/错)' },
      { row: 3, column: 'AA', field: 'option_J', reason: 'x' },
      { row: 3, column: 'C', field: 'score', reason: 'must be a whole number' },
      { row: 3, column: 'B', field: 'stem', reason: 'must not be empty' },
      { nonsense: true },
    ]);
    expect(groupByRow(problems)).toEqual([
      {
        row: 3,
        problems: [
          { column: 'B', field: 'stem', reason: 'must not be empty' },
          { column: 'C', field: 'score', reason: 'must be a whole number' },
          { column: 'AA', field: 'option_J', reason: 'x' },
        ],
      },
      { row: 12, problems: [{ column: 'G', field: 'answer', reason: 'must be true or false (对/错)' }] },
    ]);
  });

  it('should read nothing from details that are not a list', () => {
    expect(importProblemsOf({ row: 1 })).toEqual([]);
  });
});
