import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiError, fieldErrorsOf } from '../../../api/api-error';
import { newIdempotencyKey } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { examsApi } from '../api/exams-api';
import { useNotice, useRegistrationForm } from '../api/hooks';
import { examKeys } from '../api/query-keys';
import type { FormField } from '../api/types';
import { formFieldErrors } from '../logic/form-errors';
import { formatFen, isFree } from '../logic/money';
import { isActive } from '../logic/registration-status';
import { FormFieldInput } from '../ui/FormFieldInput';

interface Values {
  answers?: Record<string, string | undefined>;
}

/** The exam's registration form: verified identity locked, each field with its rules, one idempotent submit. */
export function RegisterPage() {
  const { examId = '' } = useParams();
  const { t } = useTranslation('exams');
  const notice = useNotice(examId);
  const form = useRegistrationForm(examId);
  const title = notice.data ? t('register.title', { title: notice.data.title }) : t('register.titleLoading');

  return (
    <>
      <PageTitle>{title}</PageTitle>
      {notice.error || form.error ? (
        <ErrorAlert error={notice.error ?? form.error} namespace="exams" />
      ) : !notice.data || !form.data ? (
        <Skeleton active />
      ) : form.data.requiresRealName && !form.data.verified ? (
        <Alert
          type="warning"
          showIcon
          title={t('register.realNameNeeded')}
          description={
            <Space orientation="vertical">
              <span>{t('register.realNameWhy')}</span>
              <LinkButton to="/identity" type="primary">
                {t('register.goVerify')}
              </LinkButton>
            </Space>
          }
        />
      ) : (
        <RegistrationForm
          examId={examId}
          feeFen={notice.data.feeFen}
          requiresApproval={notice.data.requiresApproval}
          fields={form.data.fields}
          verifiedName={form.data.verifiedName}
          verifiedIdNumber={form.data.verifiedIdNumber}
        />
      )}
    </>
  );
}

interface FormProps {
  examId: string;
  feeFen: number;
  requiresApproval: boolean;
  fields: FormField[];
  verifiedName: string | null;
  verifiedIdNumber: string | null;
}

function RegistrationForm({
  examId,
  feeFen,
  requiresApproval,
  fields,
  verifiedName,
  verifiedIdNumber,
}: FormProps) {
  const { t } = useTranslation('exams');
  const [antForm] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key for this person's one registration, kept across retries of the same submit (sent for the day a
  // service honours it; today the one-registration-per-exam rule makes a retry land on the same one).
  const idempotencyKey = useRef<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    idempotencyKey.current ??= newIdempotencyKey();
    const answers = fields.map((f) => ({ key: f.key, value: (values.answers?.[f.key] ?? '').trim() }));
    try {
      const registration = await examsApi.register(examId, answers, idempotencyKey.current);
      await queryClient.invalidateQueries({ queryKey: examKeys.registrations });
      const next =
        registration.status === 'pending_payment'
          ? `/my/exams/${registration.registrationId}/payment`
          : `/my/exams/${registration.registrationId}`;
      void navigate(next, { replace: true });
    } catch (caught: unknown) {
      // A retry of a submit whose answer was lost (no service takes an Idempotency-Key yet): the one
      // registration per exam already exists, so go to it rather than report a conflict.
      if (caught instanceof ApiError && caught.code === 'REGISTRATION.ALREADY_REGISTERED') {
        const existing = (await examsApi.myRegistrations().catch(() => [])).find(
          (r) => r.examId === examId && isActive(r),
        );
        if (existing) {
          await queryClient.invalidateQueries({ queryKey: examKeys.registrations });
          void navigate(`/my/exams/${existing.registrationId}`, { replace: true });
          return;
        }
      }
      setError(caught);
      if (caught instanceof ApiError) {
        const messages = formFieldErrors(
          fieldErrorsOf(caught),
          fields.map((f) => f.key),
        );
        antForm.setFields(
          Object.entries(messages).map(([key, message]) => ({
            name: ['answers', key],
            errors: [t(`register.fieldErrors.${message.key}`, message.params ?? {})],
          })),
        );
        // A refusal that is not about the data ends this attempt: a new submit is a new request.
        if (caught.code !== 'NETWORK.OFFLINE') idempotencyKey.current = null;
      }
    } finally {
      setBusy(false);
    }
  };

  const already = error instanceof ApiError && error.code === 'REGISTRATION.ALREADY_REGISTERED';

  return (
    <Card>
      <Typography.Paragraph>
        {isFree(feeFen) ? t('register.freeNote') : t('register.feeNote', { fee: formatFen(feeFen) })}
        {requiresApproval ? ` ${t('register.approvalNote')}` : ''}
      </Typography.Paragraph>
      <Form<Values>
        form={antForm}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        style={{ maxWidth: 560 }}
      >
        {verifiedName !== null ? (
          <Form.Item
            label={t('register.verifiedName')}
            htmlFor="verified-name"
            extra={t('register.verifiedHint')}
          >
            <Input id="verified-name" value={verifiedName} readOnly prefix={<LockOutlined aria-hidden />} />
          </Form.Item>
        ) : null}
        {verifiedIdNumber !== null ? (
          <Form.Item label={t('register.verifiedIdNumber')} htmlFor="verified-id-number">
            <Input
              id="verified-id-number"
              value={verifiedIdNumber}
              readOnly
              prefix={<LockOutlined aria-hidden />}
            />
          </Form.Item>
        ) : null}
        {fields.map((field) => (
          <FormFieldInput key={field.key} field={field} />
        ))}
        <ErrorAlert error={error} namespace="exams" />
        {already ? (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <Link to="/my/exams">{t('register.seeMine')}</Link>
          </Typography.Paragraph>
        ) : null}
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {isFree(feeFen) ? t('register.submit') : t('register.submitAndPay')}
          </Button>
          <LinkButton to={`/exams/${examId}`}>{t('actions.back')}</LinkButton>
        </Space>
      </Form>
    </Card>
  );
}
