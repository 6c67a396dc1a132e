import { consoleOpsI18n } from './i18n';

/** Every text path of a bundle, plural forms (`_one`, `_other`) counted as the one key i18next asks for. */
function paths(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(one|other)$/, '')}`;
    return typeof value === 'object' && value !== null
      ? paths(value as Record<string, unknown>, `${path}.`)
      : [path];
  });
}

describe('console operations texts', () => {
  it('should say everything in both Chinese and English', () => {
    const zh = [...new Set(paths(consoleOpsI18n['zh-CN']))].sort();
    const en = [...new Set(paths(consoleOpsI18n.en))].sort();
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
