import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { QUESTION_TYPES } from '../banks/question-types';
import { FIELDSET } from '../shared/fieldset-style';
import { newDrawRule } from './paper-form';

/** The draw rules of one section: how many questions of which kind, at how many points each. */
export function DrawRulesField({
  section,
  sectionLabel,
  categories,
}: {
  section: number;
  sectionLabel: string;
  categories: { categoryId: string; path: string }[];
}) {
  const { t } = useTranslation('console');
  return (
    <Form.List name={[section, 'draws']}>
      {(fields, { add, remove }) => (
        <fieldset style={FIELDSET}>
          <legend>{t('paperForm.draws')}</legend>
          {fields.map((field, r) => {
            const label = t('paperForm.ruleLabel', { section: sectionLabel, n: r + 1 });
            return (
              <Card key={field.key} size="small" title={label} style={{ marginBottom: 8 }}>
                <Space wrap align="start">
                  <Form.Item
                    name={[field.name, 'count']}
                    label={`${label}${t('paperForm.count')}`}
                    rules={[{ required: true, message: t('questionForm.required') }]}
                  >
                    <InputNumber min={1} max={500} precision={0} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'scoreEach']}
                    label={`${label}${t('paperForm.scoreEach')}`}
                    rules={[{ required: true, message: t('questionForm.required') }]}
                  >
                    <InputNumber min={0} max={1000} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'type']} label={`${label}${t('paperForm.type')}`}>
                    <Select
                      allowClear
                      style={{ minWidth: 120 }}
                      placeholder={t('bank.any')}
                      options={QUESTION_TYPES.map((type) => ({
                        value: type,
                        label: t(`questionTypes.${type}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'difficulty']} label={`${label}${t('paperForm.difficulty')}`}>
                    <Select
                      allowClear
                      style={{ minWidth: 90 }}
                      placeholder={t('bank.any')}
                      options={[1, 2, 3, 4, 5].map((d) => ({ value: d, label: String(d) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'categoryId']} label={`${label}${t('paperForm.category')}`}>
                    <Select
                      allowClear
                      style={{ minWidth: 160 }}
                      placeholder={t('bank.any')}
                      options={categories.map((c) => ({ value: c.categoryId, label: c.path }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tag']} label={`${label}${t('paperForm.tag')}`}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Space>
                <Button
                  onClick={() => {
                    remove(field.name);
                  }}
                >
                  {t('paperForm.removeRule', { rule: label })}
                </Button>
              </Card>
            );
          })}
          <Button
            onClick={() => {
              add(newDrawRule());
            }}
          >
            {t('paperForm.addRule', { section: sectionLabel })}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
