import type { TFunction } from 'i18next';

import { formatTime } from '../shared/format';
import type { TimelineEntry } from './proctoring-api';

/** The details of a timeline entry in words: a staff action's reason, minutes and new deadline; an event's rule and outcome. */
export function entryDetail(entry: TimelineEntry, t: TFunction, language: string): string {
  const parts: string[] = [];
  if (entry.minutes !== null) parts.push(t('timeline.minutes', { count: entry.minutes }));
  if (entry.reason !== null) parts.push(t('timeline.reason', { reason: entry.reason }));
  if (entry.source === 'staff' && entry.deadline !== null)
    parts.push(t('timeline.newDeadline', { time: formatTime(entry.deadline, language) }));
  if (entry.durationSeconds !== null) parts.push(t('timeline.duration', { count: entry.durationSeconds }));
  if (entry.detail !== null)
    parts.push(t(`timeline.details.${entry.detail}`, { defaultValue: entry.detail }));
  if (entry.outcome !== null && entry.outcome !== 'recorded')
    parts.push(t(`timeline.outcomes.${entry.outcome}`));
  return parts.length === 0 ? '—' : parts.join(t('timeline.separator'));
}
