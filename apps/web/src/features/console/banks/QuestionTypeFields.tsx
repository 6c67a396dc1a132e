import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { FIELDSET } from '../shared/fieldset-style';
import { PARTIAL_CREDIT_RULES, type QuestionType } from './question-types';

type Path = (string | number)[];

/**
 * The fields of one question of a given type: the stem, the score, and what the type needs (options, the
 * true/false answer, blanks, the rubric). `rel` names fields inside the current Form.List; `abs` is the same
 * place from the form's root (for labels that must be unique, `label` prefixes them, e.g. "第 2 小题").
 */
export function QuestionTypeFields({
  type,
  rel,
  label = '',
  showScore = true,
}: {
  type: QuestionType;
  rel: Path;
  label?: string;
  showScore?: boolean;
}) {
  const { t } = useTranslation('console');
  const l = (key: string) => `${label}${t(`questionForm.${key}`)}`;
  return (
    <>
      <Form.Item
        name={[...rel, 'stem']}
        label={l('stem')}
        extra={t('questionForm.stemHint')}
        rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
      >
        <Input.TextArea rows={type === 'composite' ? 5 : 3} />
      </Form.Item>
      {showScore && type !== 'composite' ? (
        <Form.Item
          name={[...rel, 'score']}
          label={l('score')}
          rules={[{ required: true, message: t('questionForm.required') }]}
        >
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
      ) : null}
      {type === 'single' || type === 'multiple' ? (
        <Form.List name={[...rel, 'options']}>
          {(fields, { add, remove }) => (
            <fieldset style={FIELDSET}>
              <legend>{l('options')}</legend>
              {fields.map((field, i) => {
                const key = 'ABCDEFGHIJ'.charAt(i);
                return (
                  <Space key={field.key} align="start" wrap style={{ width: '100%' }}>
                    <Form.Item
                      name={[field.name, 'text']}
                      label={`${label}${t('questionForm.option', { key })}`}
                      rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
                    >
                      <Input style={{ minWidth: 220 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'correct']}
                      valuePropName="checked"
                      label={`${label}${t('questionForm.correct', { key })}`}
                    >
                      <Switch />
                    </Form.Item>
                    {fields.length > 2 ? (
                      <Button
                        onClick={() => {
                          remove(field.name);
                        }}
                        aria-label={`${label}${t('questionForm.removeOption', { key })}`}
                      >
                        {t('questionForm.remove')}
                      </Button>
                    ) : null}
                  </Space>
                );
              })}
              {fields.length < 10 ? (
                <Button
                  onClick={() => {
                    add({ text: '', correct: false });
                  }}
                >
                  {l('addOption')}
                </Button>
              ) : null}
            </fieldset>
          )}
        </Form.List>
      ) : null}
      {type === 'multiple' ? (
        <Form.Item name={[...rel, 'partialCredit']} label={l('partialCredit')}>
          <Select
            options={PARTIAL_CREDIT_RULES.map((r) => ({ value: r, label: t(`questionForm.partial.${r}`) }))}
          />
        </Form.Item>
      ) : null}
      {type === 'true_false' ? (
        <Form.Item name={[...rel, 'answer']} label={l('answer')}>
          <Radio.Group
            options={[
              { value: true, label: t('preview.true') },
              { value: false, label: t('preview.false') },
            ]}
          />
        </Form.Item>
      ) : null}
      {type === 'fill_blank' ? (
        <>
          <Form.List name={[...rel, 'blanks']}>
            {(fields, { add, remove }) => (
              <fieldset style={FIELDSET}>
                <legend>{l('blanks')}</legend>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'accepted']}
                      label={`${label}${t('questionForm.blank', { n: i + 1 })}`}
                      extra={t('questionForm.acceptedHint')}
                      rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
                    >
                      <Input style={{ minWidth: 220 }} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        onClick={() => {
                          remove(field.name);
                        }}
                        aria-label={`${label}${t('questionForm.removeBlank', { n: i + 1 })}`}
                      >
                        {t('questionForm.remove')}
                      </Button>
                    ) : null}
                  </Space>
                ))}
                <Button
                  onClick={() => {
                    add({ accepted: '' });
                  }}
                >
                  {l('addBlank')}
                </Button>
              </fieldset>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item name={[...rel, 'normalisation', 'ignoreCase']} valuePropName="checked">
              <Checkbox>{l('ignoreCase')}</Checkbox>
            </Form.Item>
            <Form.Item name={[...rel, 'normalisation', 'ignoreSpaces']} valuePropName="checked">
              <Checkbox>{l('ignoreSpaces')}</Checkbox>
            </Form.Item>
            <Form.Item name={[...rel, 'normalisation', 'fullWidthToHalfWidth']} valuePropName="checked">
              <Checkbox>{l('fullWidth')}</Checkbox>
            </Form.Item>
          </Space>
        </>
      ) : null}
      {type === 'essay' ? (
        <Form.Item
          name={[...rel, 'rubric']}
          label={l('rubric')}
          rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      <Form.Item name={[...rel, 'explanation']} label={l('explanation')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
