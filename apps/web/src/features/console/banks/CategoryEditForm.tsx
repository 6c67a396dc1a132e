import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examPath } from '../shared/api-paths';
import { useConsole } from '../shared/use-console';
import { categoryNameProblem, moveTargets } from './category-tree';
import type { Category } from './question-types';

/** The parent select's value for the top level (a select option cannot be null). */
const ROOT = '';

interface EditValues {
  name: string;
  parent: string;
}

/**
 * Rename the chosen category or move it under another (PATCH …/categories/:id). A blank name or a sibling's
 * name is refused before sending; what the server refuses is shown in words.
 */
export function CategoryEditForm(props: {
  bankId: string;
  tree: readonly Category[];
  category: Category;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const [form] = Form.useForm<EditValues>();
  const { category } = props;
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      api(examPath(institutionId, `/banks/${props.bankId}/categories/${category.categoryId}`), {
        method: 'PATCH',
        body: { name: v.name.trim(), parentId: v.parent === ROOT ? null : v.parent },
      }),
    onSuccess: props.onSaved,
  });
  const targets = moveTargets(props.tree, category.categoryId);
  return (
    <section aria-labelledby="category-edit-title" style={{ marginTop: 12 }}>
      <Typography.Title level={3} id="category-edit-title" style={{ fontSize: 16 }}>
        {t('categories.editTitle', { name: category.name })}
      </Typography.Title>
      {save.isSuccess ? <Alert type="success" showIcon role="status" title={t('categories.saved')} /> : null}
      <ErrorAlert error={save.error} namespace="console" />
      <Form<EditValues>
        form={form}
        name="editCategory"
        layout="vertical"
        initialValues={{ name: category.name, parent: category.parentId ?? ROOT }}
        onValuesChange={() => {
          save.reset();
        }}
        onFinish={(v) => {
          save.mutate(v);
        }}
      >
        <Form.Item
          name="name"
          label={t('categories.rename')}
          dependencies={['parent']}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const parent = form.getFieldValue('parent') as string;
                const name = value ?? '';
                const problem = categoryNameProblem(
                  props.tree,
                  name,
                  parent === ROOT ? null : parent,
                  category.categoryId,
                );
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`categories.problem.${problem}`, { name: name.trim() })));
              },
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="parent" label={t('categories.moveTo')}>
          <Select
            options={[
              { value: ROOT, label: t('categories.root') },
              ...targets.map((c) => ({ value: c.categoryId, label: c.path })),
            ]}
          />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('categories.saveEdit')}
        </Button>
      </Form>
    </section>
  );
}
