import { distributionSeries, occupiedBands, passSeries, questionSeries } from './chart-series';
import type { QuestionStatistics } from './results-api';

const question = (
  number: string,
  p: number | null,
  d: number | null,
  r: number | null,
): QuestionStatistics => ({
  questionId: `q${number}`,
  number,
  type: 'single',
  label: '题目',
  worth: 2,
  takers: 10,
  difficulty: p,
  discrimination: d,
  pointBiserial: r,
  flags: [],
});

describe('statistics as chart series', () => {
  it('names each score band and keeps its count', () => {
    const series = distributionSeries({
      distribution: [
        { from: 0, to: 2.4, count: 1 },
        { from: 2.4, to: 4.8, count: 0 },
        { from: 4.8, to: 7.2, count: 3 },
      ],
    });
    expect(series).toEqual({ labels: ['0–2.4', '2.4–4.8', '4.8–7.2'], counts: [1, 0, 3] });
    expect(occupiedBands(series)).toEqual([
      { label: '0–2.4', count: 1 },
      { label: '4.8–7.2', count: 3 },
    ]);
  });

  it('puts each question’s indices in paper order, keeping what was not computed as a gap', () => {
    expect(
      questionSeries({ questions: [question('1.1', 0.8, 0.3, 0.25), question('1.2', 0.1, null, null)] }),
    ).toEqual({
      labels: ['1.1', '1.2'],
      difficulty: [0.8, 0.1],
      discrimination: [0.3, null],
      pointBiserial: [0.25, null],
    });
  });

  it('splits the candidates into passed and failed', () => {
    expect(passSeries({ candidates: 7, passed: 5 })).toEqual({ passed: 5, failed: 2 });
    expect(passSeries({ candidates: 0, passed: 0 })).toEqual({ passed: 0, failed: 0 });
  });
});
