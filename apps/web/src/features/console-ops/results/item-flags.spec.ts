import { flaggedIndices, flaggedQuestions, highlightOf } from './item-flags';

describe('badly behaving questions', () => {
  it('are highlighted by their most severe flag', () => {
    expect(highlightOf({ flags: [] })).toBeNull();
    expect(highlightOf({ flags: ['too_easy'] })).toBe('warning');
    expect(highlightOf({ flags: ['low_discrimination', 'negative_point_biserial'] })).toBe('alarming');
    expect(highlightOf({ flags: ['something_new'] })).toBe('warning');
  });

  it('are listed alarming first, otherwise in paper order', () => {
    const questions = [
      { id: 1, flags: ['too_hard'] },
      { id: 2, flags: [] },
      { id: 3, flags: ['negative_point_biserial'] },
      { id: 4, flags: ['low_discrimination'] },
    ];
    expect(flaggedQuestions(questions).map((q) => q.id)).toEqual([3, 1, 4]);
  });

  it('mark the index each flag is about', () => {
    expect([...flaggedIndices({ flags: ['too_hard', 'negative_point_biserial'] })]).toEqual([
      'difficulty',
      'pointBiserial',
    ]);
    expect([...flaggedIndices({ flags: ['low_discrimination'] })]).toEqual(['discrimination']);
  });
});
