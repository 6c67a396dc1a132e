import { registrationsCutoff } from './retention-policy';

describe('registrationsCutoff', () => {
  it('should lie registrationsDays before now', () => {
    expect(
      registrationsCutoff(new Date('2027-01-31T00:00:00Z'), {
        registrationsDays: 30,
        batchSize: 1,
        maxBatchesPerPass: 1,
      }),
    ).toEqual(new Date('2027-01-01T00:00:00Z'));
  });
});
