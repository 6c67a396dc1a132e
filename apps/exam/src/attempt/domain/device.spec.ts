import { deviceIdOf, deviceRole } from './device';

describe(deviceIdOf.name, () => {
  it('should take 8 to 128 letters, digits, - or _, and nothing else', () => {
    expect(deviceIdOf('phone-1234')).toBe('phone-1234');
    expect(deviceIdOf(undefined)).toBeNull();
    expect(deviceIdOf('short')).toBeNull();
    expect(deviceIdOf('has space 123')).toBeNull();
    expect(deviceIdOf('x'.repeat(129))).toBeNull();
    expect(deviceIdOf(['phone-1234', 'phone-5678'])).toBeNull();
  });
});

describe(deviceRole.name, () => {
  it('should tell the holder, the device taken over from, and any other device apart', () => {
    const attempt = { deviceId: 'laptop-01', previousDeviceId: 'phone-001' };
    expect(deviceRole(attempt, 'laptop-01')).toBe('holder');
    expect(deviceRole(attempt, 'phone-001')).toBe('taken_over');
    expect(deviceRole(attempt, 'tablet-01')).toBe('other');
    expect(deviceRole({ deviceId: 'laptop-01', previousDeviceId: null }, 'phone-001')).toBe('other');
  });
});
