import type { ExamSettings } from '../../exam/exam-settings';
import type { ReleaseState } from './result-visibility';

/** The exam's release state from its settings and the staff release (if any); pure. */
export function releaseStateOf(settings: ExamSettings, releasedAt: Date | null): ReleaseState {
  return {
    policy: settings.resultsRelease,
    releaseAt: settings.resultsReleaseAt === null ? null : new Date(settings.resultsReleaseAt),
    releasedAt,
  };
}
