import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { useCertificateVerification } from '../api/hooks';
import { formatDate } from '../logic/dates';

/** Anyone checks a certificate's code: genuine or not, revoked or not; only the masked holder is shown. */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('exams');
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('verify.title')}</PageTitle>
      <Card>
        <Form
          layout="vertical"
          initialValues={{ code }}
          onFinish={(values: { code: string }) =>
            void navigate(`/certificates/verify/${encodeURIComponent(values.code.trim())}`)
          }
          style={{ maxWidth: 480 }}
        >
          <Form.Item
            label={t('verify.code')}
            name="code"
            rules={[{ required: true, whitespace: true, message: t('verify.codeRequired') }]}
            extra={t('verify.codeHint')}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('verify.submit')}
          </Button>
        </Form>
      </Card>
      {code ? <Verdict code={code} /> : null}
    </>
  );
}

function Verdict({ code }: { code: string }) {
  const { t, i18n } = useTranslation('exams');
  const verification = useCertificateVerification(code);
  if (verification.error) {
    if (verification.error instanceof ApiError && verification.error.code === 'CERTIFICATE.UNKNOWN_CODE')
      return (
        <Alert style={{ marginTop: 16 }} type="error" showIcon title={t('verify.unknown')} role="status" />
      );
    return <ErrorAlert error={verification.error} namespace="exams" />;
  }
  if (!verification.data) return <Skeleton active />;
  const v = verification.data;
  return (
    <Result
      status={v.valid ? 'success' : 'error'}
      title={<span role="status">{v.valid ? t('verify.valid') : t('verify.revoked')}</span>}
      extra={
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'title', label: t('certificate.name'), children: v.title },
            ...(v.holder ? [{ key: 'holder', label: t('certificate.holder'), children: v.holder }] : []),
            {
              key: 'issued',
              label: t('certificate.issuedOn'),
              children: formatDate(v.issuedOn, i18n.language),
            },
            ...(v.revokedOn
              ? [
                  {
                    key: 'revoked',
                    label: t('verify.revokedOn'),
                    children: formatDate(v.revokedOn, i18n.language),
                  },
                ]
              : []),
          ]}
        />
      }
    />
  );
}
