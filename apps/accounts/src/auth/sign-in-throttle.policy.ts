import { isIPv4, isIPv6 } from 'node:net';

export interface SignInThrottleLimits {
  /** Failures of one (source, account) pair per minute before that pair alone is refused. */
  readonly pairFailures: number;
  /** Failures from one source across accounts per minute before a sign-in from it needs a code (a challenge). */
  readonly sourceChallengeFailures: number;
  /** Failures from one source per minute before every sign-in from it is refused. */
  readonly sourceBlockFailures: number;
}

export type ThrottleVerdict = 'allow' | 'challenge' | 'block';

/**
 * What an attempt may do given the counts that include its own reservation. A shared exam-centre address with
 * one failing client first costs only that client's pair; the whole address is challenged before it is blocked.
 */
export function throttleVerdict(
  pairCount: number,
  sourceCount: number,
  limits: SignInThrottleLimits,
): ThrottleVerdict {
  if (pairCount > limits.pairFailures || sourceCount > limits.sourceBlockFailures) return 'block';
  if (sourceCount > limits.sourceChallengeFailures) return 'challenge';
  return 'allow';
}

function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((g) => g.toLowerCase().padStart(4, '0'));
}

/**
 * The source a throttle counts: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber or LAN
 * holds a whole /64, so counting single addresses would let it rotate through 2^64 of them).
 */
export function throttleSourceOf(ip: string): string {
  const zoneless = ip.split('%')[0] ?? ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(zoneless);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIPv4(zoneless) || !isIPv6(zoneless)) return zoneless;
  const groups = expandIpv6(zoneless.includes('.') ? zoneless.replace(/:[\d.]+$/, ':0:0') : zoneless);
  return `${groups.slice(0, 4).join(':')}::/64`;
}
