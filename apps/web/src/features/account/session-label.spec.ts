import type { SessionInfo } from './account-api';
import { deviceOf, orderSessions } from './session-label';

describe('deviceOf', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'chrome',
      'windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'edge',
      'windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'safari',
      'ios',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47',
      'wechat',
      'android',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
      'firefox',
      'macos',
    ],
    ['curl/7.88.1', 'other', 'other'],
  ])('%s', (agent, browser, os) => {
    expect(deviceOf(agent)).toEqual({ browser, os });
  });
});

describe('orderSessions', () => {
  const session = (sessionId: string, lastUsedAt: string, current = false): SessionInfo => ({
    sessionId,
    lastUsedAt,
    current,
    maskedIp: '127.0.0.*',
    region: null,
    userAgent: '',
    deviceId: null,
    createdAt: lastUsedAt,
  });

  it('puts this device first, then the most recently used', () => {
    const ordered = orderSessions([
      session('old', '2026-01-01T00:00:00Z'),
      session('new', '2026-03-01T00:00:00Z'),
      session('here', '2026-02-01T00:00:00Z', true),
    ]);
    expect(ordered.map((s) => s.sessionId)).toEqual(['here', 'new', 'old']);
  });
});
