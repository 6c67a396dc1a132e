import { categoryNameProblem, childrenOf, findCategory, moveTargets } from './category-tree';
import type { Category } from './question-types';

const node = (categoryId: string, name: string, parentId: string | null, children: Category[] = []) => ({
  categoryId,
  name,
  parentId,
  children,
});

const tree: Category[] = [
  node('a', '代数', null, [
    node('a1', '方程', 'a', [node('a11', '一元方程', 'a1')]),
    node('a2', 'Functions', 'a'),
  ]),
  node('g', '几何', null),
];

describe('category tree logic', () => {
  it('should find a category at any depth, and nothing for an unknown id', () => {
    expect(findCategory(tree, 'a11')?.name).toBe('一元方程');
    expect(findCategory(tree, 'zz')).toBeUndefined();
  });

  it('should list the children of a parent, the top level for null', () => {
    expect(childrenOf(tree, null).map((c) => c.categoryId)).toEqual(['a', 'g']);
    expect(childrenOf(tree, 'a').map((c) => c.categoryId)).toEqual(['a1', 'a2']);
    expect(childrenOf(tree, 'missing')).toEqual([]);
  });

  it('should never offer a move under the category itself or one of its descendants', () => {
    expect(moveTargets(tree, 'a1').map((c) => c.path)).toEqual(['代数', '代数 / Functions', '几何']);
    expect(moveTargets(tree, 'a').map((c) => c.categoryId)).toEqual(['g']);
  });

  it('should refuse a blank name and a sibling’s name, trimmed and case-insensitively', () => {
    expect(categoryNameProblem(tree, '   ', null)).toBe('empty');
    expect(categoryNameProblem(tree, ' 几何 ', null)).toBe('duplicate');
    expect(categoryNameProblem(tree, 'functions', 'a')).toBe('duplicate');
  });

  it('should accept a name used elsewhere in the tree, and a category keeping its own name', () => {
    expect(categoryNameProblem(tree, '方程', null)).toBeNull();
    expect(categoryNameProblem(tree, '方程', 'a', 'a1')).toBeNull();
    expect(categoryNameProblem(tree, '函数', 'a')).toBeNull();
  });
});
