import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

import type { FormField } from '../api/types';
import { PhotoInput } from './PhotoInput';

const DEFAULT_MAX = 500;
const PHOTO_MAX = 2_000;

/** One field of an exam's registration form, with the exam service's rules checked before sending. */
export function FormFieldInput({ field }: { field: FormField }) {
  const { t } = useTranslation('exams');
  const max = field.maxLength ?? (field.kind === 'photo' ? PHOTO_MAX : DEFAULT_MAX);
  const rules: Rule[] = [
    ...(field.required
      ? [{ required: true, whitespace: true, message: t('register.required', { label: field.label }) }]
      : []),
    ...(field.kind === 'photo' ? [] : [{ max, message: t('register.fieldErrors.tooLong', { max }) }]),
  ];
  const name = ['answers', field.key];
  switch (field.kind) {
    case 'text':
      return (
        <Form.Item label={field.label} name={name} rules={rules} required={field.required}>
          <Input maxLength={max} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item label={field.label} name={name} rules={rules} required={field.required}>
          <Input.TextArea maxLength={max} autoSize={{ minRows: 3, maxRows: 8 }} showCount />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item label={field.label} name={name} rules={rules} required={field.required}>
          <Select
            allowClear={!field.required}
            placeholder={t('register.choose')}
            options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          label={field.label}
          name={name}
          rules={[...rules, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('register.fieldErrors.notADate') }]}
          required={field.required}
        >
          <Input type="date" />
        </Form.Item>
      );
    case 'photo':
      return (
        <Form.Item
          label={field.label}
          name={name}
          rules={rules}
          required={field.required}
          extra={t('register.photoHint', { kb: Math.floor((max * 3) / 4 / 1024) })}
        >
          <PhotoInput maxLength={max} />
        </Form.Item>
      );
  }
}
