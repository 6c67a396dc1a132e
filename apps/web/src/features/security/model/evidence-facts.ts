import type { EvidenceItem, EvidenceValue } from '../api/types';

/** One value of a readable sentence, typed so the page can put it in words in the person's language. */
export type FactValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'time'; iso: string }
  /** A code the page translates in `group` (credential change kind, login decision, …). */
  | { kind: 'code'; group: 'change' | 'decision' | 'speed'; value: string }
  | { kind: 'missing' };

export interface ReadableEvidence {
  rule: string;
  /** The sentence `rules.<rule>.summary` exists for this rule; else the generic one. */
  known: boolean;
  summary: Record<string, FactValue>;
}

const MINUTES_PER_HOUR = 60;

const text = (value: EvidenceValue | undefined): FactValue =>
  value === null || value === undefined || value === ''
    ? { kind: 'missing' }
    : { kind: 'text', value: String(value) };

const num = (value: EvidenceValue | undefined): FactValue =>
  typeof value === 'number' && Number.isFinite(value) ? { kind: 'number', value } : { kind: 'missing' };

const time = (value: EvidenceValue | undefined): FactValue =>
  typeof value === 'string' && !Number.isNaN(new Date(value).getTime())
    ? { kind: 'time', iso: value }
    : { kind: 'missing' };

/** A place as the evidence knows it: its region when located, else its masked address. */
export function placeOf(region: EvidenceValue | undefined, ip: EvidenceValue | undefined): FactValue {
  if (typeof region === 'string' && region !== '') {
    return typeof ip === 'string' && ip !== ''
      ? { kind: 'text', value: `${region} (${ip})` }
      : { kind: 'text', value: region };
  }
  return text(ip);
}

/**
 * The speed the travel implies, km/h rounded, from distance and minutes; `instant` when both sign-ins
 * happened at the same moment (no time to travel at all).
 */
export function impliedSpeed(
  distanceKm: number | null,
  elapsedMinutes: number | null,
): number | 'instant' | null {
  if (distanceKm === null || elapsedMinutes === null) return null;
  if (elapsedMinutes <= 0) return 'instant';
  return Math.round(distanceKm / (elapsedMinutes / MINUTES_PER_HOUR));
}

const numberOrNull = (value: EvidenceValue | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function travelSummary(e: Readonly<Record<string, EvidenceValue>>): Record<string, FactValue> {
  const distance = numberOrNull(e.distanceKm);
  const minutes = numberOrNull(e.elapsedMinutes);
  const given = numberOrNull(e.speedKmh);
  const speed = given ?? impliedSpeed(distance, minutes);
  return {
    from: placeOf(e.fromRegion, e.fromIp),
    fromAt: time(e.fromAt),
    to: placeOf(e.toRegion, e.toIp),
    toAt: time(e.toAt),
    distance: num(distance ?? undefined),
    minutes: num(minutes ?? undefined),
    speed:
      speed === 'instant'
        ? { kind: 'code', group: 'speed', value: 'instant' }
        : speed === null
          ? { kind: 'missing' }
          : { kind: 'number', value: speed },
  };
}

type Summariser = (e: Readonly<Record<string, EvidenceValue>>) => Record<string, FactValue>;

const SUMMARIES: Record<string, Summariser> = {
  new_device: (e) => ({ device: text(e.deviceRef), known: num(e.knownDevices), ip: text(e.ip) }),
  new_region: (e) => ({ region: text(e.region), lastRegion: text(e.lastRegion), ip: text(e.ip) }),
  impossible_travel: travelSummary,
  brute_force: (e) => ({
    failures: num(e.failures),
    windowMinutes: num(e.windowMinutes),
    threshold: num(e.threshold),
    ip: text(e.ip),
  }),
  credential_stuffing_ip: (e) => ({
    ip: text(e.ip),
    accounts: num(e.accounts),
    windowMinutes: num(e.windowMinutes),
    threshold: num(e.threshold),
  }),
  credential_stuffing_device: (e) => ({
    device: text(e.deviceRef),
    accounts: num(e.accounts),
    windowMinutes: num(e.windowMinutes),
    threshold: num(e.threshold),
  }),
  dormant_account: (e) => ({
    idleDays: num(e.idleDays),
    lastSuccessAt: time(e.lastSuccessAt),
    threshold: num(e.threshold),
  }),
  new_device_after_credential_change: (e) => ({
    change:
      typeof e.change === 'string'
        ? { kind: 'code', group: 'change', value: e.change }
        : { kind: 'code', group: 'change', value: 'unknown' },
    hours: num(e.hoursAfterChange),
    changedAt: time(e.changedAt),
    device: text(e.deviceRef),
  }),
  appeal: (e) => ({
    decision:
      typeof e.decision === 'string' ? { kind: 'code', group: 'decision', value: e.decision } : text(null),
    score: num(e.score),
  }),
  audit_chain_entries_beyond_head: (e) => ({
    stream: text(e.stream),
    headSeq: num(e.headSeq),
    lastSeq: num(e.lastSeq),
  }),
};

/** What a detection's evidence says, as the values of its rule's sentence. */
export function readableEvidence(item: EvidenceItem): ReadableEvidence {
  const summarise = Object.hasOwn(SUMMARIES, item.rule) ? SUMMARIES[item.rule] : undefined;
  if (!summarise) return { rule: item.rule, known: false, summary: { rule: text(item.rule) } };
  return { rule: item.rule, known: true, summary: summarise(item.evidence) };
}

/** The evidence fields in a stable order, for the table under the sentence. */
export function evidenceFields(item: EvidenceItem): { field: string; value: EvidenceValue }[] {
  return Object.entries(item.evidence).map(([field, value]) => ({ field, value }));
}
