import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { FormSection } from '../shared/FormSection';

/** The fee and seats, then the results policy (pass score, release, review, certificate, marking). */
export function ExamResultsSections({ practice }: { practice: boolean }) {
  const { t } = useTranslation('console');
  const f = (key: string) => t(`examForm.fields.${key}`);
  return (
    <>
      {practice ? null : (
        <FormSection id="group-fee" title={t('examForm.groups.fee')}>
          <Form.Item name="feeYuan" label={f('feeYuan')} extra={t('examForm.hints.fee')}>
            <InputNumber min={0} max={1_000_000} precision={2} />
          </Form.Item>
          <Form.Item name="capacity" label={f('capacity')} extra={t('examForm.hints.capacity')}>
            <InputNumber min={1} max={1_000_000} precision={0} />
          </Form.Item>
        </FormSection>
      )}

      <FormSection id="group-results" title={t('examForm.groups.results')}>
        <Form.Item name={['settings', 'passScore']} label={f('passScore')}>
          <InputNumber min={0} max={100_000} precision={0} />
        </Form.Item>
        <Form.Item name={['settings', 'resultsRelease']} label={f('resultsRelease')}>
          <Radio.Group
            options={(['immediately', 'at_date', 'after_marking'] as const).map((v) => ({
              value: v,
              label: t(`examForm.release.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={[['settings', 'resultsRelease']]}>
          {({ getFieldValue }) =>
            getFieldValue(['settings', 'resultsRelease']) === 'at_date' ? (
              <Form.Item name={['settings', 'resultsReleaseAt']} label={f('resultsReleaseAt')}>
                <Input type="datetime-local" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name={['settings', 'reviewAllowed']} label={f('reviewAllowed')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name={['settings', 'certificate', 'enabled']}
          label={f('certificate')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item noStyle dependencies={[['settings', 'certificate', 'enabled']]}>
          {({ getFieldValue }) =>
            getFieldValue(['settings', 'certificate', 'enabled']) === true ? (
              <Form.Item name={['settings', 'certificate', 'title']} label={f('certificateTitle')}>
                <Input maxLength={200} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item
          name={['settings', 'marking', 'doubleMarking']}
          label={f('doubleMarking')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name={['settings', 'marking', 'step']} label={f('markingStep')}>
          <InputNumber min={0.01} max={100} step={0.5} />
        </Form.Item>
        <Form.Item noStyle dependencies={[['settings', 'marking', 'doubleMarking']]}>
          {({ getFieldValue }) =>
            getFieldValue(['settings', 'marking', 'doubleMarking']) === true ? (
              <>
                <Form.Item name={['settings', 'marking', 'toleranceFraction']} label={f('toleranceFraction')}>
                  <InputNumber min={0} max={1} step={0.05} />
                </Form.Item>
                <Form.Item name={['settings', 'marking', 'reconciliation']} label={f('reconciliation')}>
                  <Select
                    options={(['average', 'higher', 'third_marker'] as const).map((v) => ({
                      value: v,
                      label: t(`examForm.reconciliation.${v}`),
                    }))}
                  />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </FormSection>
    </>
  );
}
