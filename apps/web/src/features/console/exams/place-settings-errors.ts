import { type NamePath, type ServerDetail } from '../shared/field-path';
import { editorFieldOf, groupOf, type SettingsGroup } from './exam-form';

export interface PlacedError {
  name: NamePath;
  reason: string;
}

/**
 * Sorts a refusal's details into those the editor can show beside a field it has on screen (`isOnScreen`) and
 * the rest, which the page lists above the form; also names the groups concerned.
 */
export function placeSettingsErrors(
  details: readonly ServerDetail[],
  isOnScreen: (name: NamePath) => boolean,
): { placed: PlacedError[]; unplaced: ServerDetail[]; groups: SettingsGroup[] } {
  const placed: PlacedError[] = [];
  const unplaced: ServerDetail[] = [];
  const groups = new Set<SettingsGroup>();
  for (const detail of details) {
    if (detail.field === undefined) {
      unplaced.push(detail);
      continue;
    }
    const name = editorFieldOf(detail.field);
    groups.add(groupOf(name));
    if (isOnScreen(name)) placed.push({ name, reason: detail.reason });
    else unplaced.push(detail);
  }
  return { placed, unplaced, groups: [...groups] };
}
