import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { LOGIN_APPEAL_DECISIONS, type LoginAppeal, type LoginAppealDecision } from '../api/types';
import { FormModal } from '../shared/FormModal';

interface Values {
  decision: LoginAppealDecision;
  reason: string;
}

/** The human review of one automated sign-in decision: upheld or overturned, with a reason; final. */
export function LoginAppealDecisionModal({
  appeal,
  busy,
  error,
  onCancel,
  onDecide,
}: {
  appeal: LoginAppeal | null;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onDecide: (values: Values) => void;
}) {
  const { t } = useTranslation('security');
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  return (
    <FormModal<Values>
      open={appeal !== null}
      title={t('loginAppeals.decideTitle')}
      okText={t('loginAppeals.submit')}
      busy={busy}
      error={error}
      form={form}
      intro={appeal ? <p>{t('loginAppeals.statementSaid', { statement: appeal.statement })}</p> : null}
      onCancel={onCancel}
      onFinish={onDecide}
    >
      <Form.Item
        label={t('loginAppeals.decision')}
        name="decision"
        rules={[{ required: true, message: t('loginAppeals.decisionRequired') }]}
      >
        <Radio.Group
          options={LOGIN_APPEAL_DECISIONS.map((d) => ({ value: d, label: t(`loginAppeals.decide.${d}`) }))}
        />
      </Form.Item>
      {decision === 'overturned' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('loginAppeals.overturnHint')} />
      ) : null}
      <Form.Item
        label={t('loginAppeals.reason')}
        name="reason"
        rules={[
          {
            required: true,
            min: 10,
            max: 2000,
            whitespace: true,
            message: t('loginAppeals.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
