import { paperFieldOf, type PaperValues, type PoolQuestion, poolShortfalls, toPaperBody } from './paper-form';

const q = (id: string, over: Partial<PoolQuestion> = {}): PoolQuestion => ({
  questionId: id,
  type: 'single',
  difficulty: 2,
  categoryId: null,
  tags: [],
  ...over,
});

const paper = (
  kind: PaperValues['kind'],
  draws: PaperValues['sections'][number]['draws'],
  questionIds: string[] = [],
): PaperValues => ({
  title: ' 卷 ',
  bankId: 'b',
  kind,
  sections: [
    { title: '一', instructions: ' ', questionIds, draws, shuffleQuestions: false, shuffleOptions: true },
  ],
});

describe('paper editor ↔ API body', () => {
  it('should keep only what the kind allows', () => {
    const draw = toPaperBody(paper('draw', [{ count: 2, scoreEach: 1, type: null, tag: ' 加密 ' }], ['q1']));
    expect(draw.sections[0]).toEqual({
      title: '一',
      items: [],
      draws: [{ count: 2, scoreEach: 1, tag: '加密' }],
      shuffleQuestions: false,
      shuffleOptions: true,
    });
    const fixed = toPaperBody(paper('fixed', [{ count: 2, scoreEach: 1 }], ['q1']));
    expect(fixed.sections[0]?.draws).toEqual([]);
    expect(fixed.sections[0]?.items).toEqual([{ questionId: 'q1' }]);
    expect(fixed.title).toBe('卷');
  });
});

describe(poolShortfalls.name, () => {
  const bank = [q('a'), q('b'), q('c', { type: 'multiple' }), q('d', { difficulty: 3, tags: ['x'] })];

  it('should find a rule asking more than the bank holds', () => {
    expect(poolShortfalls(toPaperBody(paper('draw', [{ count: 5, scoreEach: 1 }])), bank)).toEqual([
      { section: 0, rule: 0, needs: 5, has: 4, reserved: 0 },
    ]);
    expect(poolShortfalls(toPaperBody(paper('draw', [{ count: 4, scoreEach: 1 }])), bank)).toEqual([]);
  });

  it('should apply the filters and leave out the section’s fixed questions', () => {
    const body = toPaperBody(paper('mixed', [{ count: 2, scoreEach: 1, type: 'single' }], ['a']));
    expect(poolShortfalls(body, bank)).toEqual([]);
    const tight = toPaperBody(paper('mixed', [{ count: 3, scoreEach: 1, type: 'single' }], ['a']));
    expect(poolShortfalls(tight, bank)).toEqual([{ section: 0, rule: 0, needs: 3, has: 2, reserved: 0 }]);
    expect(
      poolShortfalls(toPaperBody(paper('draw', [{ count: 1, scoreEach: 1, tag: 'y' }])), bank),
    ).toHaveLength(1);
  });

  it('should count what earlier rules of the section may take from the same questions', () => {
    const body = toPaperBody(
      paper('draw', [
        { count: 2, scoreEach: 1, type: 'single' },
        { count: 3, scoreEach: 1 },
      ]),
    );
    expect(poolShortfalls(body, bank)).toEqual([{ section: 0, rule: 1, needs: 3, has: 4, reserved: 2 }]);
  });
});

describe(paperFieldOf.name, () => {
  it('should put a draw rule’s problem on its count and a fixed question’s on the question list', () => {
    expect(paperFieldOf('sections[0].draws[1]')).toEqual(['sections', 0, 'draws', 1, 'count']);
    expect(paperFieldOf('sections[2].items[3].questionId')).toEqual(['sections', 2, 'questionIds']);
    expect(paperFieldOf('sections[1].items')).toEqual(['sections', 1, 'questionIds']);
    expect(paperFieldOf('title')).toEqual(['title']);
  });
});
