import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Paper } from '../papers/paper-types';
import { FormSection } from '../shared/FormSection';

/** Basics and schedule: what the exam is, its paper, and when it runs. */
export function ExamBasicsSections({ papers, practice }: { papers: Paper[]; practice: boolean }) {
  const { t } = useTranslation('console');
  const f = (key: string) => t(`examForm.fields.${key}`);
  return (
    <>
      <FormSection id="group-basics" title={t('examForm.groups.basics')}>
        <Form.Item
          name="title"
          label={f('title')}
          rules={[{ required: true, whitespace: true, message: t('examForm.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="paperId"
          label={f('paperId')}
          rules={[{ required: true, message: t('examForm.paperRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={papers.map((p) => ({
              value: p.paperId,
              label: t('examForm.paperOption', { title: p.title, total: p.totalScore }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="practice"
          label={f('practice')}
          valuePropName="checked"
          extra={t('examForm.hints.practice')}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="notice" label={f('notice')} extra={t('examForm.hints.notice')}>
          <Input.TextArea rows={4} maxLength={20_000} />
        </Form.Item>
      </FormSection>

      <FormSection id="group-schedule" title={t('examForm.groups.schedule')}>
        <Form.Item
          name="opensAt"
          label={f('opensAt')}
          rules={[{ required: true, message: t('examForm.required') }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="closesAt"
          label={f('closesAt')}
          rules={[{ required: true, message: t('examForm.required') }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name={['settings', 'durationMinutes']}
          label={f('durationMinutes')}
          rules={[{ required: true, message: t('examForm.required') }]}
        >
          <InputNumber min={1} max={1440} precision={0} />
        </Form.Item>
        <Form.Item
          name={['settings', 'lateEntryMinutes']}
          label={f('lateEntryMinutes')}
          extra={t('examForm.hints.lateEntry')}
        >
          <InputNumber min={0} max={1440} precision={0} />
        </Form.Item>
        <Form.Item name={['settings', 'minMinutesBeforeSubmit']} label={f('minMinutesBeforeSubmit')}>
          <InputNumber min={0} max={1440} precision={0} />
        </Form.Item>
        <Form.Item name={['settings', 'onExpiry']} label={f('onExpiry')}>
          <Radio.Group
            options={[
              { value: 'auto_submit', label: t('examForm.onExpiry.auto_submit') },
              { value: 'grace', label: t('examForm.onExpiry.grace') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={[['settings', 'onExpiry']]}>
          {({ getFieldValue }) =>
            getFieldValue(['settings', 'onExpiry']) === 'grace' ? (
              <Form.Item name={['settings', 'graceMinutes']} label={f('graceMinutes')}>
                <InputNumber min={1} max={60} precision={0} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name={['settings', 'venue', 'kind']} label={f('venueKind')}>
          <Radio.Group
            options={[
              { value: 'online', label: t('examForm.venue.online') },
              { value: 'onsite', label: t('examForm.venue.onsite') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={[['settings', 'venue', 'kind']]}>
          {({ getFieldValue }) =>
            getFieldValue(['settings', 'venue', 'kind']) === 'onsite' ? (
              <Form.Item name={['settings', 'venue', 'address']} label={f('venueAddress')}>
                <Input maxLength={500} />
              </Form.Item>
            ) : (
              <Form.Item
                name={['settings', 'venue', 'link']}
                label={f('venueLink')}
                extra={t('examForm.hints.venueLink')}
              >
                <Input maxLength={500} inputMode="url" />
              </Form.Item>
            )
          }
        </Form.Item>
      </FormSection>

      {practice ? null : (
        <FormSection id="group-registration" title={t('examForm.groups.registration')}>
          <Form.Item name="registrationOpensAt" label={f('registrationOpensAt')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="registrationClosesAt"
            label={f('registrationClosesAt')}
            extra={t('examForm.hints.registrationCloses')}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="requiresApproval" label={f('requiresApproval')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="requiresRealName" label={f('requiresRealName')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormSection>
      )}
    </>
  );
}
