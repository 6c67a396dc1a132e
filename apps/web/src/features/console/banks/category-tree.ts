import type { Category } from './question-types';

export type CategoryNameProblem = 'empty' | 'duplicate';

/** Categories flattened depth-first, with their path ("代数 / 方程"), for selects. */
export function flattenCategories(
  tree: readonly Category[],
  prefix = '',
): { categoryId: string; path: string }[] {
  return tree.flatMap((c) => {
    const path = prefix ? `${prefix} / ${c.name}` : c.name;
    return [{ categoryId: c.categoryId, path }, ...flattenCategories(c.children, path)];
  });
}

/** The category with this id anywhere in the tree. Pure. */
export function findCategory(tree: readonly Category[], categoryId: string): Category | undefined {
  for (const c of tree) {
    if (c.categoryId === categoryId) return c;
    const inside = findCategory(c.children, categoryId);
    if (inside) return inside;
  }
  return undefined;
}

/** The categories directly under `parentId` (null: the top level). Pure. */
export function childrenOf(tree: readonly Category[], parentId: string | null): readonly Category[] {
  if (parentId === null) return tree;
  return findCategory(tree, parentId)?.children ?? [];
}

function subtreeIds(category: Category): Set<string> {
  return new Set([category.categoryId, ...category.children.flatMap((c) => [...subtreeIds(c)])]);
}

/**
 * Where a category may move: every category outside its own subtree, with its path (the server refuses a
 * move under itself or a descendant, BANK.CATEGORY_CYCLE, so those are never offered). Pure.
 */
export function moveTargets(
  tree: readonly Category[],
  categoryId: string,
): { categoryId: string; path: string }[] {
  const moving = findCategory(tree, categoryId);
  const excluded = moving ? subtreeIds(moving) : new Set<string>();
  return flattenCategories(tree).filter((c) => !excluded.has(c.categoryId));
}

/**
 * What is wrong with a category name under `parentId`: blank, or already the name of a sibling (compared
 * trimmed and case-insensitively, as the database's collation compares). `exceptId` is the category being
 * renamed, which may keep its own name. Pure.
 */
export function categoryNameProblem(
  tree: readonly Category[],
  name: string,
  parentId: string | null,
  exceptId?: string,
): CategoryNameProblem | null {
  const wanted = name.trim().toLocaleLowerCase();
  if (wanted === '') return 'empty';
  const taken = childrenOf(tree, parentId).some(
    (c) => c.categoryId !== exceptId && c.name.trim().toLocaleLowerCase() === wanted,
  );
  return taken ? 'duplicate' : null;
}
