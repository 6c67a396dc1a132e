import type { SessionInfo } from './account-api';

export type BrowserId =
  'edge' | 'opera' | 'wechat' | 'qq' | 'uc' | 'samsung' | 'firefox' | 'chrome' | 'safari' | 'other';
export type OsId = 'windows' | 'macos' | 'ios' | 'android' | 'harmonyos' | 'chromeos' | 'linux' | 'other';

export interface DeviceLabel {
  browser: BrowserId;
  os: OsId;
}

/** Order matters: many browsers also announce Chrome and Safari. */
const BROWSERS: [RegExp, BrowserId][] = [
  [/MicroMessenger\//i, 'wechat'],
  [/Edg(e|A|iOS)?\//, 'edge'],
  [/OPR\/|Opera/, 'opera'],
  [/QQBrowser\//i, 'qq'],
  [/UCBrowser\//i, 'uc'],
  [/SamsungBrowser\//, 'samsung'],
  [/Firefox\/|FxiOS\//, 'firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'chrome'],
  [/Version\/[\d.]+.*Safari\//, 'safari'],
];

const SYSTEMS: [RegExp, OsId][] = [
  [/HarmonyOS|OpenHarmony/i, 'harmonyos'],
  [/iPhone|iPad|iPod/, 'ios'],
  [/Android/, 'android'],
  [/Windows/, 'windows'],
  [/CrOS/, 'chromeos'],
  [/Mac OS X|Macintosh/, 'macos'],
  [/Linux|X11/, 'linux'],
];

/** Browser and system from a session's user agent, as the person would name their device. */
export function deviceOf(userAgent: string): DeviceLabel {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
  return { browser, os };
}

/** This device first, then the most recently used. */
export function orderSessions(sessions: readonly SessionInfo[]): SessionInfo[] {
  return [...sessions].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1;
    return b.lastUsedAt.localeCompare(a.lastUsedAt);
  });
}
