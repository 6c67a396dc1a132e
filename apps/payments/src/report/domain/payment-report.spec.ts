import { buildPaymentReport, type MoneyGroup } from './payment-report';
import { reportRange } from './report-range';

const range = (() => {
  const result = reportRange('2026-03-01', '2026-03-03');
  if (!result.ok) throw new Error('test range refused');
  return result.range;
})();

const group = (fields: Partial<MoneyGroup>): MoneyGroup => ({
  day: '2026-03-01',
  kind: 'product',
  examId: null,
  productId: 'p1',
  productTitle: 'Course',
  count: 1,
  fen: 100,
  ...fields,
});

describe(buildPaymentReport.name, () => {
  it('should sum payments, refunds and net per day, exam and product, with totals', () => {
    const sut = buildPaymentReport(
      range,
      [
        group({ fen: 19_900, count: 2 }),
        group({ kind: 'exam_fee', examId: 'e1', productId: null, productTitle: null, fen: 12_000 }),
        group({ day: '2026-03-03', productId: 'p2', productTitle: 'Book', fen: 4_550 }),
      ],
      [
        group({ day: '2026-03-03', fen: 5_000 }),
        group({ day: '2026-03-03', kind: 'exam_fee', examId: 'e1', productId: null, fen: 12_000 }),
      ],
    );
    expect(sut.totals).toEqual({
      paymentCount: 4,
      paymentsFen: 36_450,
      refundCount: 2,
      refundsFen: 17_000,
      netFen: 19_450,
    });
    expect(sut.byDay.map((d) => [d.day, d.paymentsFen, d.refundsFen, d.netFen])).toEqual([
      ['2026-03-01', 31_900, 0, 31_900],
      ['2026-03-02', 0, 0, 0],
      ['2026-03-03', 4_550, 17_000, -12_450],
    ]);
    expect(sut.byExam).toEqual([
      { examId: 'e1', paymentCount: 1, paymentsFen: 12_000, refundCount: 1, refundsFen: 12_000, netFen: 0 },
    ]);
    expect(
      sut.byProduct.map((p) => [p.title, p.paymentCount, p.paymentsFen, p.refundsFen, p.netFen]),
    ).toEqual([
      ['Book', 1, 4_550, 0, 4_550],
      ['Course', 2, 19_900, 5_000, 14_900],
    ]);
  });

  it('should list every day of the range even without money', () => {
    const sut = buildPaymentReport(range, [], []);
    expect(sut.byDay).toHaveLength(3);
    expect(sut.totals.netFen).toBe(0);
    expect(sut.byExam).toEqual([]);
  });
});
