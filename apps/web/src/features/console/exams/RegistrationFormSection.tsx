import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { FormSection } from '../shared/FormSection';
import type { FormFieldKind } from './exam-types';

const KINDS: FormFieldKind[] = ['text', 'textarea', 'select', 'date', 'photo'];

/** The fields candidates fill in when they register, one card each. */
export function RegistrationFormSection() {
  const { t } = useTranslation('console');
  const f = (key: string) => t(`examForm.formField.${key}`);
  return (
    <FormSection id="group-form" title={t('examForm.groups.form')}>
      <Form.List name={['settings', 'registrationForm']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" title={t('examForm.formField.card', { n: index + 1 })}>
                <Form.Item
                  name={[field.name, 'label']}
                  label={f('label')}
                  rules={[{ required: true, whitespace: true, message: t('examForm.required') }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'key']}
                  label={f('key')}
                  extra={f('keyHint')}
                  rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,31}$/, message: f('keyInvalid') }]}
                >
                  <Input maxLength={32} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} label={f('kind')}>
                  <Select options={KINDS.map((k) => ({ value: k, label: t(`examForm.formKind.${k}`) }))} />
                </Form.Item>
                <Form.Item noStyle dependencies={[['settings', 'registrationForm', field.name, 'kind']]}>
                  {({ getFieldValue }) =>
                    getFieldValue(['settings', 'registrationForm', field.name, 'kind']) === 'select' ? (
                      <Form.Item name={[field.name, 'options']} label={f('options')} extra={f('optionsHint')}>
                        <Input />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'maxLength']} label={f('maxLength')}>
                        <InputNumber min={1} max={2000} precision={0} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name={[field.name, 'required']} label={f('required')} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Button
                  danger
                  onClick={() => {
                    remove(field.name);
                  }}
                >
                  {t('examForm.formField.remove', { n: index + 1 })}
                </Button>
              </Card>
            ))}
            <Button
              onClick={() => {
                add({ key: '', label: '', kind: 'text', required: true });
              }}
            >
              {t('examForm.formField.add')}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormSection>
  );
}
