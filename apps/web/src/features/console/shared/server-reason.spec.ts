import { detailsOf, namePathOf } from './field-path';
import { reasonText } from './server-reason';

describe(reasonText.name, () => {
  it('should name the exam settings reasons with their numbers', () => {
    expect(reasonText('must fit between opensAt and closesAt (120 minutes)')).toEqual({
      key: 'durationFits',
      params: { minutes: '120' },
    });
    expect(reasonText("must not exceed the paper's total score (10)")).toEqual({
      key: 'passScoreTotal',
      params: { total: '10' },
    });
  });

  it('should tell the two pool-size reasons apart', () => {
    expect(reasonText('needs 10 questions, the bank has 6 matching')).toEqual({
      key: 'poolTooSmall',
      params: { needs: '10', has: '6' },
    });
    expect(
      reasonText(
        'needs 3 questions, the bank has 4 matching of which earlier rules of the section may draw 2',
      ),
    ).toEqual({ key: 'poolReserved', params: { needs: '3', has: '4', reserved: '2' } });
  });

  it('should name import and validation reasons, and nothing it does not know', () => {
    expect(reasonText('must be the letter(s) of the correct option(s), e.g. B or ACD')?.key).toBe(
      'answerLetters',
    );
    expect(reasonText('unknown column "foo"')).toEqual({ key: 'unknownColumn', params: { name: 'foo' } });
    expect(reasonText('durationMinutes must not be greater than 1440')).toEqual({
      key: 'max',
      params: { max: '1440' },
    });
    expect(reasonText('the moon is made of cheese')).toBeNull();
  });
});

describe('server field paths', () => {
  it('should read both bracket and dot indexes', () => {
    expect(namePathOf('sections[0].draws[1]')).toEqual(['sections', 0, 'draws', 1]);
    expect(namePathOf('settings.registrationForm.2.key')).toEqual(['settings', 'registrationForm', 2, 'key']);
  });

  it('should keep only { field?, reason } details', () => {
    expect(detailsOf([{ field: 'a', reason: 'r' }, { reason: 's' }, { field: 1 }, 'x'])).toEqual([
      { field: 'a', reason: 'r' },
      { reason: 's' },
    ]);
    expect(detailsOf(undefined)).toEqual([]);
  });
});
