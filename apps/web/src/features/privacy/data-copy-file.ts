/**
 * The file name of a downloaded copy of my data: the date only, nothing personal (a file name shows in the
 * download bar and the browser's history).
 */
export function dataCopyFileName(revealedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(revealedAt)?.[0] ?? 'copy';
  return `exam-platform-my-data-${day}.json`;
}

/** The copy as pretty-printed JSON, readable in any text editor. */
export function dataCopyText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
