/** Account ids pasted one per line (or separated by commas or spaces), deduplicated, in order. */
export function accountIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，]+/).filter((v) => v !== ''))];
}
