import { textPaths } from '../../i18n/text-paths';
import { examsI18n } from './i18n';

describe('exams texts', () => {
  it('should say everything in both Chinese and English', () => {
    const zh = textPaths(examsI18n['zh-CN']);
    const en = textPaths(examsI18n.en);
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
