import { randomUUID } from 'node:crypto';

import type { LoginOutcome } from '@exam/contracts';

import { type GeoLocation, UNKNOWN_LOCATION } from './geo/geo-location';
import {
  assessLogin,
  EMPTY_HISTORY,
  type LoginFacts,
  type LoginHistory,
  nextHistory,
  type SourceCounts,
  withCredentialChange,
} from './risk-engine';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from './risk-policy';

const BEIJING: GeoLocation = {
  kind: 'public',
  regionKey: '中国/北京/北京市',
  country: '中国',
  province: '北京',
  city: '北京市',
  latitude: 39.904,
  longitude: 116.407,
  accuracyKm: 50,
};
const GUANGZHOU: GeoLocation = {
  kind: 'public',
  regionKey: '中国/广东省/广州市',
  country: '中国',
  province: '广东省',
  city: '广州市',
  latitude: 23.129,
  longitude: 113.264,
  accuracyKm: 50,
};
const TIANJIN: GeoLocation = {
  kind: 'public',
  regionKey: '中国/天津/天津市',
  country: '中国',
  province: '天津',
  city: '天津市',
  latitude: 39.084,
  longitude: 117.201,
  accuracyKm: 50,
};
const NO_SOURCES: SourceCounts = { ipDistinctAccounts: 0, deviceDistinctAccounts: 0 };
const T0 = new Date('2026-03-01T08:00:00.000Z');
const userId = randomUUID();

function facts(overrides: Partial<LoginFacts> = {}): LoginFacts {
  return {
    attemptId: randomUUID(),
    userId,
    outcome: 'success',
    at: T0,
    ipMasked: '114.247.50.*',
    deviceRef: 'dev-a',
    location: BEIJING,
    ...overrides,
  };
}

function minutesAfter(minutes: number, from = T0): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

function historyOf(...attempts: LoginFacts[]): LoginHistory {
  return attempts.reduce((h, f) => nextHistory(h, f, DEFAULT_RISK_POLICY), EMPTY_HISTORY);
}

function fail(at: Date, outcome: LoginOutcome = 'failure'): LoginFacts {
  return facts({ outcome, at });
}

describe(assessLogin.name, () => {
  it('should neither ask again nor alert again when a step-up challenge of the same sign-in is passed', () => {
    const history = historyOf(facts());
    const newDevice = { deviceRef: 'dev-b', at: minutesAfter(60) };
    const challenged = assessLogin(
      facts({ ...newDevice, outcome: 'step_up_required' }),
      history,
      NO_SOURCES,
      {
        ...DEFAULT_RISK_POLICY,
        thresholds: { ...DEFAULT_RISK_POLICY.thresholds, stepUpScore: 20, alertScore: 20 },
      },
    );
    expect(challenged).toMatchObject({ decision: 'step_up', raisesAlert: true });

    const passed = facts({ ...newDevice, at: minutesAfter(61), completesChallenge: true });
    const sut = assessLogin(passed, history, NO_SOURCES, {
      ...DEFAULT_RISK_POLICY,
      thresholds: { ...DEFAULT_RISK_POLICY.thresholds, stepUpScore: 20, alertScore: 20 },
    });
    expect(sut).toMatchObject({
      rulesFired: ['new_device'],
      score: 20,
      decision: 'allow',
      raisesAlert: false,
    });
    expect(nextHistory(history, passed, DEFAULT_RISK_POLICY).knownDevices).toContain('dev-b');
  });

  it('should still ask an ordinary success from a new device for a step-up', () => {
    const sut = assessLogin(
      facts({ deviceRef: 'dev-b', at: minutesAfter(60) }),
      historyOf(facts()),
      NO_SOURCES,
      {
        ...DEFAULT_RISK_POLICY,
        thresholds: { ...DEFAULT_RISK_POLICY.thresholds, stepUpScore: 20, alertScore: 20 },
      },
    );
    expect(sut).toMatchObject({ decision: 'step_up', raisesAlert: true });
  });

  it('should raise nothing for a user signing in from the usual device and place', () => {
    const history = historyOf(facts(), facts({ at: minutesAfter(60 * 24) }));
    const sut = assessLogin(facts({ at: minutesAfter(60 * 48) }), history, NO_SOURCES, DEFAULT_RISK_POLICY);
    expect(sut).toMatchObject({
      detections: [],
      score: 0,
      decision: 'allow',
      raisesAlert: false,
      severity: null,
    });
  });

  it('should raise nothing on the very first sign-in (no baseline to compare with)', () => {
    const sut = assessLogin(facts(), EMPTY_HISTORY, NO_SOURCES, DEFAULT_RISK_POLICY);
    expect(sut.rulesFired).toEqual([]);
  });

  it('should flag a new device as a low-severity signal that still allows the sign-in', () => {
    const sut = assessLogin(
      facts({ deviceRef: 'dev-b', at: minutesAfter(60) }),
      historyOf(facts()),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut).toMatchObject({
      rulesFired: ['new_device'],
      severity: 'low',
      decision: 'allow',
      score: 20,
      raisesAlert: false,
    });
    expect(sut.detections[0]?.reason).toContain('device not seen');
  });

  it('should flag a new region (异地登录) close enough to travel to', () => {
    const sut = assessLogin(
      facts({ location: TIANJIN, at: minutesAfter(180) }),
      historyOf(facts()),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['new_region']);
    expect(sut.detections[0]?.reason).toContain('异地登录');
    expect(sut.detections[0]?.evidence).toMatchObject({
      region: '中国/天津/天津市',
      lastRegion: '中国/北京/北京市',
    });
  });

  it('should flag Beijing then Guangzhou ten minutes later as impossible travel and block it', () => {
    const sut = assessLogin(
      facts({ location: GUANGZHOU, ipMasked: '113.108.182.*', at: minutesAfter(10) }),
      historyOf(facts()),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['new_region', 'impossible_travel']);
    expect(sut.decision).toBe('block');
    expect(sut.severity).toBe('high');
    expect(sut.raisesAlert).toBe(true);
    const evidence = sut.detections.find((d) => d.rule === 'impossible_travel')?.evidence;
    expect(evidence).toMatchObject({ fromIp: '114.247.50.*', toIp: '113.108.182.*', elapsedMinutes: 10 });
    expect(Number(evidence?.distanceKm)).toBeGreaterThan(1800);
  });

  it('should allow the same trip when it took a realistic time', () => {
    const sut = assessLogin(
      facts({ location: GUANGZHOU, at: minutesAfter(60 * 5) }),
      historyOf(facts()),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['new_region']);
  });

  it('should never raise impossible travel because one end is unknown, private or loopback', () => {
    for (const location of [
      UNKNOWN_LOCATION,
      { ...UNKNOWN_LOCATION, kind: 'private' as const },
      { ...UNKNOWN_LOCATION, kind: 'loopback' as const },
    ]) {
      const sut = assessLogin(
        facts({ location, at: minutesAfter(1) }),
        historyOf(facts()),
        NO_SOURCES,
        DEFAULT_RISK_POLICY,
      );
      expect(sut.rulesFired).not.toContain('impossible_travel');
      expect(sut.rulesFired).not.toContain('new_region');
    }
    const fromUnknown = historyOf(facts({ location: UNKNOWN_LOCATION }));
    expect(
      assessLogin(
        facts({ location: GUANGZHOU, at: minutesAfter(1) }),
        fromUnknown,
        NO_SOURCES,
        DEFAULT_RISK_POLICY,
      ).rulesFired,
    ).not.toContain('impossible_travel');
  });

  it('should take the speed limit from the policy data', () => {
    const slow: RiskPolicy = {
      ...DEFAULT_RISK_POLICY,
      rules: {
        ...DEFAULT_RISK_POLICY.rules,
        impossible_travel: { ...DEFAULT_RISK_POLICY.rules.impossible_travel, params: { maxSpeedKmh: 100 } },
      },
    };
    const sut = assessLogin(
      facts({ location: GUANGZHOU, at: minutesAfter(60 * 5) }),
      historyOf(facts()),
      NO_SOURCES,
      slow,
    );
    expect(sut.rulesFired).toContain('impossible_travel');
  });

  it('should flag 20 failures then a success as brute force', () => {
    const failures = Array.from({ length: 20 }, (_, i) => fail(minutesAfter(i / 4)));
    const sut = assessLogin(
      facts({ at: minutesAfter(6) }),
      historyOf(facts({ at: minutesAfter(-60 * 24) }), ...failures),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['brute_force']);
    expect(sut.detections[0]?.reason).toBe(
      'Brute force: 20 failed sign-ins on this account within 15 min, then a successful sign-in.',
    );
    expect(sut.decision).toBe('step_up');
  });

  it('should not count failures that slid out of the window', () => {
    const failures = Array.from({ length: 20 }, (_, i) => fail(minutesAfter(i / 4)));
    const sut = assessLogin(
      facts({ at: minutesAfter(40) }),
      historyOf(...failures),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).not.toContain('brute_force');
  });

  it('should flag one IP failing on many accounts as credential stuffing and block', () => {
    const sut = assessLogin(
      fail(T0),
      EMPTY_HISTORY,
      { ipDistinctAccounts: 50, deviceDistinctAccounts: 0 },
      DEFAULT_RISK_POLICY,
    );
    expect(sut).toMatchObject({
      rulesFired: ['credential_stuffing_ip'],
      severity: 'critical',
      decision: 'block',
      raisesAlert: true,
    });
  });

  it('should flag one device failing on many accounts', () => {
    const sut = assessLogin(
      fail(T0),
      EMPTY_HISTORY,
      { ipDistinctAccounts: 1, deviceDistinctAccounts: 12 },
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['credential_stuffing_device']);
  });

  it('should flag a sign-in to a dormant account', () => {
    const sut = assessLogin(
      facts({ at: minutesAfter(60 * 24 * 200) }),
      historyOf(facts()),
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['dormant_account']);
  });

  it('should flag a new device right after a password or phone change', () => {
    const history = { ...historyOf(facts()), lastCredentialChangeAt: minutesAfter(30).toISOString() };
    const sut = assessLogin(
      facts({ deviceRef: 'dev-x', at: minutesAfter(90) }),
      history,
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    expect(sut.rulesFired).toEqual(['new_device', 'new_device_after_credential_change']);
    expect(sut.decision).toBe('step_up');
  });

  it('should name what changed in the reason and evidence', () => {
    const history = withCredentialChange(historyOf(facts()), minutesAfter(30), 'phone');
    const sut = assessLogin(
      facts({ deviceRef: 'dev-x', at: minutesAfter(90) }),
      history,
      NO_SOURCES,
      DEFAULT_RISK_POLICY,
    );
    const detection = sut.detections.find((d) => d.rule === 'new_device_after_credential_change');
    expect(detection?.reason).toBe('Sign-in from a new device 1 h after the phone number changed.');
    expect(detection?.evidence).toMatchObject({ change: 'phone', hoursAfterChange: 1 });
  });

  it('should not flag a known device, a change outside the window, or a first sign-in after a change', () => {
    const history = withCredentialChange(historyOf(facts()), minutesAfter(30), 'password');
    expect(
      assessLogin(facts({ at: minutesAfter(90) }), history, NO_SOURCES, DEFAULT_RISK_POLICY).rulesFired,
    ).toEqual([]);
    expect(
      assessLogin(
        facts({ deviceRef: 'dev-x', at: minutesAfter(30 + 73 * 60) }),
        history,
        NO_SOURCES,
        DEFAULT_RISK_POLICY,
      ).rulesFired,
    ).toEqual(['new_device']);
    const firstEver = withCredentialChange(EMPTY_HISTORY, minutesAfter(30), 'password');
    expect(
      assessLogin(
        facts({ deviceRef: 'dev-x', at: minutesAfter(90) }),
        firstEver,
        NO_SOURCES,
        DEFAULT_RISK_POLICY,
      ).rulesFired,
    ).toEqual([]);
  });

  it('should skip disabled rules', () => {
    const policy: RiskPolicy = {
      ...DEFAULT_RISK_POLICY,
      rules: {
        ...DEFAULT_RISK_POLICY.rules,
        new_device: { ...DEFAULT_RISK_POLICY.rules.new_device, enabled: false },
      },
    };
    expect(
      assessLogin(facts({ deviceRef: 'dev-b' }), historyOf(facts()), NO_SOURCES, policy).rulesFired,
    ).toEqual([]);
  });
});

describe(nextHistory.name, () => {
  it('should learn devices and regions only from full successes and reset the failure streak', () => {
    const sut = historyOf(
      fail(T0),
      facts({ outcome: 'step_up_required', deviceRef: 'dev-z', at: minutesAfter(1) }),
      facts({ at: minutesAfter(2) }),
    );
    expect(sut).toMatchObject({
      successCount: 1,
      knownDevices: ['dev-a'],
      knownRegions: ['中国/北京/北京市'],
      recentFailures: [],
    });
    expect(sut.lastLocatedSuccess?.at).toBe(minutesAfter(2).toISOString());
  });

  it('should keep the last located success when the latest one had no location', () => {
    const sut = historyOf(facts(), facts({ location: UNKNOWN_LOCATION, at: minutesAfter(5) }));
    expect(sut.lastSuccess?.regionKey).toBeNull();
    expect(sut.lastLocatedSuccess?.regionKey).toBe('中国/北京/北京市');
  });
});

describe(withCredentialChange.name, () => {
  it('should keep the latest change by event time', () => {
    const later = withCredentialChange(EMPTY_HISTORY, minutesAfter(10), 'email');
    expect(withCredentialChange(later, minutesAfter(5), 'password')).toBe(later);
    expect(withCredentialChange(later, minutesAfter(20), 'password')).toMatchObject({
      lastCredentialChangeAt: minutesAfter(20).toISOString(),
      lastCredentialChangeKind: 'password',
    });
  });
});
