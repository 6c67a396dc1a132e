/**
 * Every text path of a translation bundle, plural forms (`_one`, `_other`) counted as the one key i18next asks
 * for, sorted and without repeats: two languages of a feature must give the same list.
 */
export function textPaths(tree: Record<string, unknown>, prefix = ''): string[] {
  const walk = (node: Record<string, unknown>, at: string): string[] =>
    Object.entries(node).flatMap(([key, value]) => {
      const path = `${at}${key.replace(/_(one|other)$/, '')}`;
      return typeof value === 'object' && value !== null
        ? walk(value as Record<string, unknown>, `${path}.`)
        : [path];
    });
  return [...new Set(walk(tree, prefix))].sort();
}
