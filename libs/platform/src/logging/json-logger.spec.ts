import { JsonLogger } from './json-logger';

describe(JsonLogger.name, () => {
  function capture(level: 'debug' | 'info' = 'info'): { sut: JsonLogger; lines: Record<string, unknown>[] } {
    const lines: Record<string, unknown>[] = [];
    const sut = new JsonLogger('accounts', level, (line) =>
      lines.push(JSON.parse(line) as Record<string, unknown>),
    );
    return { sut, lines };
  }

  it('should write one JSON object per entry with service, level and context', () => {
    const { sut, lines } = capture();
    sut.log('user registered', 'RegistrationService');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'accounts',
        context: 'RegistrationService',
        msg: 'user registered',
      }),
    ]);
  });

  it('should drop entries below the configured level', () => {
    const { sut, lines } = capture('info');
    sut.debug('noise');
    expect(lines).toHaveLength(0);
  });

  it('should mask ID, phone and card numbers whatever the caller passed', () => {
    const { sut, lines } = capture();
    sut.warn('lookup 11010519491231002X by 13812345678 paid with 6222021234567890128', 'Leaky');
    const msg = String(lines[0]?.msg);
    expect(msg).not.toContain('11010519491231002X');
    expect(msg).not.toContain('13812345678');
    expect(msg).not.toContain('6222021234567890128');
    expect(msg).toContain('138****5678');
  });
});
