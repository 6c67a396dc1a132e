import {
  checkFaceImagePolicy,
  DEFAULT_FACE_IMAGE_POLICY,
  MAX_RAW_IMAGE_RETENTION_DAYS,
  rawImageExpiry,
} from './face-image-policy.rules';

describe(checkFaceImagePolicy.name, () => {
  it('should keep nothing by default and accept "do not keep" without a retention', () => {
    expect(DEFAULT_FACE_IMAGE_POLICY).toEqual({ keepRawImage: false, retentionDays: null });
    expect(checkFaceImagePolicy({ keepRawImage: false })).toEqual({
      valid: true,
      policy: DEFAULT_FACE_IMAGE_POLICY,
    });
    expect(checkFaceImagePolicy({ keepRawImage: false, retentionDays: null })).toMatchObject({ valid: true });
  });

  it('should accept keeping images for 1 to 365 whole days', () => {
    for (const days of [1, 30, MAX_RAW_IMAGE_RETENTION_DAYS]) {
      expect(checkFaceImagePolicy({ keepRawImage: true, retentionDays: days })).toEqual({
        valid: true,
        policy: { keepRawImage: true, retentionDays: days },
      });
    }
  });

  it('should refuse keeping images without a limit, beyond a year, for a fraction or a non-positive number of days', () => {
    expect(checkFaceImagePolicy({ keepRawImage: true })).toMatchObject({
      valid: false,
      violation: { reason: 'required when keepRawImage is true' },
    });
    for (const days of [0, -1, 1.5, MAX_RAW_IMAGE_RETENTION_DAYS + 1, Number.NaN]) {
      expect(checkFaceImagePolicy({ keepRawImage: true, retentionDays: days })).toMatchObject({
        valid: false,
        violation: { field: 'retentionDays', reason: 'must be a whole number of days from 1 to 365' },
      });
    }
  });

  it('should refuse a retention when images are not kept, rather than silently ignore it', () => {
    expect(checkFaceImagePolicy({ keepRawImage: false, retentionDays: 30 })).toMatchObject({
      valid: false,
      violation: { reason: 'only allowed when keepRawImage is true' },
    });
  });
});

describe(rawImageExpiry.name, () => {
  const at = new Date('2026-11-26T10:00:00.000Z');

  it('should count retention days from the enrolment', () => {
    expect(rawImageExpiry({ keepRawImage: true, retentionDays: 30 }, at)?.toISOString()).toBe(
      '2026-12-26T10:00:00.000Z',
    );
  });

  it('should give no expiry when nothing is kept', () => {
    expect(rawImageExpiry(DEFAULT_FACE_IMAGE_POLICY, at)).toBeNull();
  });
});
