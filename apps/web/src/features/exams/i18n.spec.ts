import { examsI18n } from './i18n';

/** Every text path of a bundle, plural forms (`_one`, `_other`) counted as the one key i18next asks for. */
function paths(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(one|other)$/, '')}`;
    return typeof value === 'object' && value !== null
      ? paths(value as Record<string, unknown>, `${path}.`)
      : [path];
  });
}

describe('exams texts', () => {
  it('should say everything in both Chinese and English', () => {
    const zh = [...new Set(paths(examsI18n['zh-CN']))].sort();
    const en = [...new Set(paths(examsI18n.en))].sort();
    expect(en).toEqual(zh);
  });

  it('should explain in words every registration, payment, result and certificate error', () => {
    const codes = Object.keys(examsI18n['zh-CN'].errors as Record<string, string>);
    for (const code of [
      'REGISTRATION.WINDOW_CLOSED',
      'REGISTRATION.FULL',
      'REGISTRATION.REAL_NAME_REQUIRED',
      'REGISTRATION.ALREADY_REGISTERED',
      'REGISTRATION.NOT_CANCELLABLE',
      'ORDER.EXPIRED',
      'ORDER.NOT_PAYABLE',
      'ORDER.PROVIDER_UNAVAILABLE',
      'RESULT.NOT_RELEASED_YET',
      'RESULT.REVIEW_NOT_ALLOWED',
      'CERTIFICATE.NOT_OFFERED',
      'CERTIFICATE.UNKNOWN_CODE',
    ])
      expect(codes).toContain(code);
  });
});
