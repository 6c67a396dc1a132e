import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { FormSection } from '../shared/FormSection';

/** Who may enter and how: visibility, password, networks, attempts, face check; then the anti-cheat rules. */
export function ExamAccessSections({ passwordSet, practice }: { passwordSet: boolean; practice: boolean }) {
  const { t } = useTranslation('console');
  const f = (key: string) => t(`examForm.fields.${key}`);
  return (
    <>
      <FormSection id="group-access" title={t('examForm.groups.access')}>
        <Form.Item name="visibility" label={f('visibility')}>
          <Radio.Group
            options={[
              { value: 'public', label: t('examForm.visibility.public') },
              { value: 'institution', label: t('examForm.visibility.institution') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name={['settings', 'accessPassword']}
          label={f('accessPassword')}
          extra={passwordSet ? t('examForm.hints.passwordKept') : t('examForm.hints.password')}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          name={['settings', 'allowedIpRanges']}
          label={f('allowedIpRanges')}
          extra={t('examForm.hints.ipRanges')}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name={['settings', 'faceCheckAtEntry']}
          label={f('faceCheckAtEntry')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={['settings', 'attemptsAllowed']}
          label={f('attemptsAllowed')}
          extra={practice ? t('examForm.hints.attemptsPractice') : undefined}
        >
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name={['settings', 'countedAttempt']} label={f('countedAttempt')}>
          <Select
            options={(['best', 'last', 'first'] as const).map((v) => ({
              value: v,
              label: t(`examForm.counted.${v}`),
            }))}
          />
        </Form.Item>
      </FormSection>

      <FormSection id="group-antiCheat" title={t('examForm.groups.antiCheat')}>
        <Form.Item
          name={['settings', 'antiCheat', 'tabSwitchLimit']}
          label={f('tabSwitchLimit')}
          extra={t('examForm.hints.tabSwitchLimit')}
        >
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item
          name={['settings', 'antiCheat', 'tabSwitchMinAwaySeconds']}
          label={f('tabSwitchMinAwaySeconds')}
        >
          <InputNumber min={0} max={600} precision={0} />
        </Form.Item>
        <Form.Item
          name={['settings', 'antiCheat', 'fullScreenRequired']}
          label={f('fullScreenRequired')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={['settings', 'antiCheat', 'blockCopyPaste']}
          label={f('blockCopyPaste')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={['settings', 'antiCheat', 'periodicFaceCheckMinutes']}
          label={f('periodicFaceCheckMinutes')}
          extra={t('examForm.hints.periodicFaceCheck')}
        >
          <InputNumber min={0} max={240} precision={0} />
        </Form.Item>
        <Form.Item
          name={['settings', 'antiCheat', 'faceCheckFailureLimit']}
          label={f('faceCheckFailureLimit')}
        >
          <InputNumber min={0} max={20} precision={0} />
        </Form.Item>
        <Form.Item name={['settings', 'antiCheat', 'consequence']} label={f('consequence')}>
          <Radio.Group
            options={(['warn', 'flag', 'terminate'] as const).map((v) => ({
              value: v,
              label: t(`examForm.consequence.${v}`),
            }))}
          />
        </Form.Item>
      </FormSection>
    </>
  );
}
