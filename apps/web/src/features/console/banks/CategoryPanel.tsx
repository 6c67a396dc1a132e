import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examPath } from '../shared/api-paths';
import { useConsole } from '../shared/use-console';
import { bankKeys, flattenCategories, useCategories } from './bank-api';
import { categoryNameProblem, findCategory } from './category-tree';
import { CategoryEditForm } from './CategoryEditForm';
import type { Category } from './question-types';

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

const toNodes = (tree: readonly Category[]): TreeNode[] =>
  tree.map((c) => ({ key: c.categoryId, title: c.name, children: toNodes(c.children) }));

/**
 * The bank's category tree: pick one to filter the questions, rename or move it, delete an empty one; add a
 * category under another.
 */
export function CategoryPanel(props: {
  bankId: string;
  selected: string | undefined;
  onSelect: (categoryId: string | undefined) => void;
}) {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const queryClient = useQueryClient();
  const categories = useCategories(institutionId, props.bankId);
  const [form] = Form.useForm<{ name: string; parentId?: string }>();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: bankKeys.categories(institutionId, props.bankId) });
  const create = useMutation({
    mutationFn: (v: { name: string; parentId?: string }) =>
      api(examPath(institutionId, `/banks/${props.bankId}/categories`), {
        body: { name: v.name.trim(), ...(v.parentId ? { parentId: v.parentId } : {}) },
      }),
    onSuccess: async () => {
      form.resetFields();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (categoryId: string) =>
      api(examPath(institutionId, `/banks/${props.bankId}/categories/${categoryId}`), { method: 'DELETE' }),
    onSuccess: async () => {
      props.onSelect(undefined);
      await refresh();
    },
  });
  const tree = categories.data ?? [];
  const flat = flattenCategories(tree);
  const chosen = props.selected ? findCategory(tree, props.selected) : undefined;
  return (
    <section aria-labelledby="categories-title">
      <Typography.Title level={2} id="categories-title" style={{ fontSize: 18 }}>
        {t('categories.title')}
      </Typography.Title>
      <ErrorAlert error={categories.error ?? create.error ?? remove.error} namespace="console" />
      {flat.length === 0 ? <p>{t('categories.none')}</p> : null}
      <Tree<TreeNode>
        key={flat.length}
        aria-label={t('categories.title')}
        treeData={toNodes(tree)}
        defaultExpandAll
        selectedKeys={props.selected ? [props.selected] : []}
        onSelect={(keys) => {
          props.onSelect(keys.length > 0 ? String(keys[0]) : undefined);
        }}
      />
      {props.selected ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            size="small"
            onClick={() => {
              props.onSelect(undefined);
            }}
          >
            {t('categories.all')}
          </Button>
          <Button
            size="small"
            danger
            loading={remove.isPending}
            onClick={() => {
              if (props.selected) remove.mutate(props.selected);
            }}
          >
            {t('categories.delete')}
          </Button>
        </Space>
      ) : null}
      {chosen ? (
        <CategoryEditForm
          key={chosen.categoryId}
          bankId={props.bankId}
          tree={tree}
          category={chosen}
          onSaved={refresh}
        />
      ) : null}
      <Form
        form={form}
        name="newCategory"
        layout="vertical"
        onFinish={(v) => {
          create.mutate(v);
        }}
        style={{ marginTop: 12 }}
      >
        <Form.Item
          name="name"
          label={t('categories.name')}
          dependencies={['parentId']}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const parentId = form.getFieldValue('parentId') as string | undefined;
                const name = value ?? '';
                const problem = categoryNameProblem(tree, name, parentId ?? null);
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`categories.problem.${problem}`, { name: name.trim() })));
              },
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="parentId" label={t('categories.parent')}>
          <Select
            allowClear
            placeholder={t('categories.root')}
            options={flat.map((c) => ({ value: c.categoryId, label: c.path }))}
          />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          {t('categories.add')}
        </Button>
      </Form>
    </section>
  );
}
