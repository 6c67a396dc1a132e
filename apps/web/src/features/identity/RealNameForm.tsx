import { Alert, Button, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppealForm } from './AppealForm';
import { ageOn, checkIdNumber, chinaToday } from './id-number-rules';
import { checkPersonName } from './person-name-rules';
import { type GuardianRelationship, type VerificationOutcome, verifyRealName } from './real-name-api';
import { fieldMessagesOf } from './server-field-errors';

interface Values {
  name: string;
  idNumber: string;
  validFrom: string;
  validTo?: string;
  longTerm?: boolean;
  guardian?: { name: string; idNumber: string; relationship: GuardianRelationship };
}

type FieldName =
  | ['name']
  | ['idNumber']
  | ['validFrom']
  | ['validTo']
  | ['guardian', 'name']
  | ['guardian', 'idNumber']
  | ['guardian', 'relationship'];

/** The form field of each field the service names in its error details. */
const FIELDS: Readonly<Partial<Record<string, FieldName>>> = {
  name: ['name'],
  idNumber: ['idNumber'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  'guardian.name': ['guardian', 'name'],
  'guardian.idNumber': ['guardian', 'idNumber'],
  'guardian.relationship': ['guardian', 'relationship'],
};

/** Under 14 a guardian consents first (PIPL art. 31, ADR 0033). */
const GUARDIAN_AGE = 14;

/**
 * Name, resident ID number and card validity: checked here by the identity service's rules first (each
 * mistake named on its field), then verified with the authority. The number stays in the form only.
 */
export function RealNameForm({ onVerified }: { onVerified: () => void }) {
  const { t } = useTranslation('identity');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<VerificationOutcome | null>(null);
  const [guardianAsked, setGuardianAsked] = useState(false);
  const idNumber = Form.useWatch<string | undefined>('idNumber', form);
  const longTerm = Form.useWatch('longTerm', form);

  const checked = checkIdNumber(idNumber ?? '', new Date());
  const child = checked.valid && ageOn(checked.birthDate, chinaToday(new Date())) < GUARDIAN_AGE;
  const needsGuardian = child || guardianAsked;
  const taken = error instanceof ApiError && error.code === 'IDENTITY.ID_NUMBER_ALREADY_VERIFIED';

  const idRules: Rule[] = [
    {
      validator: (_rule, value: string | undefined) => {
        const result = checkIdNumber(value ?? '', new Date());
        if (result.valid) return Promise.resolve();
        return Promise.reject(new Error(t(`form.idRules.${result.rule}`, { length: result.length ?? 0 })));
      },
    },
  ];
  const nameRules: Rule[] = [
    {
      validator: (_rule, value: string | undefined) => {
        const result = checkPersonName(value ?? '');
        if (result.valid) return Promise.resolve();
        return Promise.reject(new Error(t(`form.nameRules.${result.rule}`)));
      },
    },
  ];

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await verifyRealName({
        name: values.name,
        idNumber: values.idNumber,
        validFrom: values.validFrom,
        validTo: values.longTerm ? 'long-term' : (values.validTo ?? ''),
        ...(needsGuardian && values.guardian ? { guardian: values.guardian } : {}),
      });
      if (result.verified) onVerified();
      else setOutcome(result);
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.code === 'IDENTITY.GUARDIAN_CONSENT_REQUIRED') {
        setGuardianAsked(true);
      }
      form.setFields(
        fieldMessagesOf(caught).flatMap((m) => {
          const name = FIELDS[m.field];
          return name ? [{ name, errors: [t(m.key, m.values)] }] : [];
        }),
      );
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void submit(v)}
      initialValues={{ longTerm: false }}
      style={{ maxWidth: 520 }}
    >
      <Typography.Paragraph>{t('form.intro')}</Typography.Paragraph>
      <Form.Item label={t('form.name')} name="name" rules={nameRules} extra={t('form.nameHint')}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        label={t('form.idNumber')}
        name="idNumber"
        rules={idRules}
        validateTrigger="onBlur"
        extra={t('form.idNumberHint')}
      >
        <Input autoComplete="off" spellCheck={false} maxLength={22} />
      </Form.Item>
      <Form.Item
        label={t('form.validFrom')}
        name="validFrom"
        rules={[{ required: true, message: t('form.validFromRequired') }]}
      >
        <Input type="date" style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item
        label={t('form.validTo')}
        name="validTo"
        dependencies={['longTerm', 'validFrom']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) => {
              if (getFieldValue('longTerm') === true) return Promise.resolve();
              if (!value) return Promise.reject(new Error(t('form.validToRequired')));
              const from = getFieldValue('validFrom') as string | undefined;
              if (from && value <= from) return Promise.reject(new Error(t('form.validToAfter')));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input type="date" style={{ maxWidth: 220 }} disabled={longTerm === true} />
      </Form.Item>
      <Form.Item name="longTerm" valuePropName="checked">
        <Checkbox>{t('form.longTerm')}</Checkbox>
      </Form.Item>

      {needsGuardian && (
        <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 16px 0' }}>
          <legend style={{ width: 'auto', padding: '0 8px', fontSize: 16, border: 0, margin: 0 }}>
            {t('guardian.title')}
          </legend>
          <Typography.Paragraph>{t('guardian.intro')}</Typography.Paragraph>
          <Form.Item label={t('guardian.name')} name={['guardian', 'name']} rules={nameRules}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label={t('guardian.idNumber')}
            name={['guardian', 'idNumber']}
            rules={idRules}
            validateTrigger="onBlur"
          >
            <Input autoComplete="off" spellCheck={false} maxLength={22} />
          </Form.Item>
          <Form.Item
            label={t('guardian.relationship')}
            name={['guardian', 'relationship']}
            rules={[{ required: true, message: t('guardian.relationshipRequired') }]}
          >
            <Radio.Group>
              <Radio value="father">{t('guardian.father')}</Radio>
              <Radio value="mother">{t('guardian.mother')}</Radio>
              <Radio value="legal_guardian">{t('guardian.legalGuardian')}</Radio>
            </Radio.Group>
          </Form.Item>
        </fieldset>
      )}

      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        <ErrorAlert error={error} namespace="identity" />
        {outcome && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t(`results.${outcome.result}`)}
            description={t('attemptsLeft', { count: outcome.attemptsLeftToday })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('form.submit')}
        </Button>
        {taken && checked.valid && (
          <section aria-label={t('appeal.takenTitle')}>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('appeal.takenTitle')}
            </Typography.Title>
            <AppealForm kind="id_number_taken" idNumber={checked.value} />
          </section>
        )}
      </Space>
    </Form>
  );
}
