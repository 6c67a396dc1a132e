import { placeSettingsErrors } from './place-settings-errors';

describe(placeSettingsErrors.name, () => {
  it('should put what is on screen beside its field and list the rest', () => {
    const onScreen = new Set(['settings.durationMinutes', 'feeYuan']);
    const result = placeSettingsErrors(
      [
        { field: 'settings.durationMinutes', reason: 'must fit between opensAt and closesAt (120 minutes)' },
        { field: 'feeFen', reason: 'practice exams are free' },
        { field: 'settings.graceMinutes', reason: 'must be positive when onExpiry is grace' },
        { reason: 'something without a field' },
      ],
      (name) => onScreen.has(name.join('.')),
    );
    expect(result.placed.map((p) => p.name)).toEqual([['settings', 'durationMinutes'], ['feeYuan']]);
    expect(result.unplaced.map((d) => d.field)).toEqual(['settings.graceMinutes', undefined]);
    expect(result.groups.sort()).toEqual(['fee', 'schedule']);
  });
});
