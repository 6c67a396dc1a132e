import { textPaths } from '../../i18n/text-paths';
import { consoleOpsI18n } from './i18n';

describe('console operations texts', () => {
  it('should say everything in both Chinese and English', () => {
    const zh = textPaths(consoleOpsI18n['zh-CN']);
    const en = textPaths(consoleOpsI18n.en);
    expect(en).toEqual(zh);
  });

  it('should explain in words every refusal of marking, remarking and pausing', () => {
    const codes = Object.keys(consoleOpsI18n['zh-CN'].errors as Record<string, string>);
    for (const code of [
      'MARKING.ALREADY_MARKED',
      'MARKING.CLAIMED_BY_OTHER',
      'MARKING.ALREADY_COMPLETE',
      'MARKING.NOT_COMPLETE',
      'MARKING.MARK_INVALID',
      'PROCTORING.ALREADY_PAUSED',
      'PROCTORING.NOT_PAUSED',
      'PROCTORING.ATTEMPT_CLOSED',
    ])
      expect(codes).toContain(code);
  });
});
