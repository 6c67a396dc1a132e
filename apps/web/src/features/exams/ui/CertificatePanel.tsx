import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examsApi } from '../api/exams-api';
import type { Certificate } from '../api/types';
import { formatDate } from '../logic/dates';
import { formatScore } from '../logic/results-availability';
import { DownloadButton } from './DownloadButton';

/** The certificate of a passed exam: issued on request (the same one every time), its PDF, and its public code. */
export function CertificatePanel({ examId }: { examId: string }) {
  const { t, i18n } = useTranslation('exams');
  const [certificate, setCertificate] = useState<Certificate | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setCertificate(await examsApi.issueCertificate(examId));
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 className="card-heading">{t('certificate.title')}</h2>}>
      {certificate === null ? (
        <Space orientation="vertical">
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('certificate.intro')}</Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void issue()}>
            {t('certificate.get')}
          </Button>
          <ErrorAlert error={error} namespace="exams" />
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'title', label: t('certificate.name'), children: certificate.title },
              ...(certificate.holder
                ? [{ key: 'holder', label: t('certificate.holder'), children: certificate.holder }]
                : []),
              {
                key: 'issued',
                label: t('certificate.issuedOn'),
                children: formatDate(certificate.issuedOn, i18n.language),
              },
              ...(certificate.score !== null && certificate.maxScore !== null
                ? [
                    {
                      key: 'score',
                      label: t('certificate.score'),
                      children: t('results.score', {
                        score: formatScore(certificate.score),
                        max: formatScore(certificate.maxScore),
                      }),
                    },
                  ]
                : []),
              {
                key: 'code',
                label: t('certificate.code'),
                children: (
                  <Typography.Text
                    copyable={{ text: certificate.verificationCode }}
                    data-testid="certificate-code"
                  >
                    {certificate.verificationCode}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {certificate.revoked ? (
            <Typography.Paragraph type="danger">
              {t('certificate.revoked', { reason: certificate.revokedReason ?? '' })}
            </Typography.Paragraph>
          ) : (
            <Space wrap>
              <DownloadButton
                type="primary"
                fetchFile={() => examsApi.certificatePdf(examId)}
                fileName={`certificate-${certificate.verificationCode}.pdf`}
              >
                {t('certificate.download')}
              </DownloadButton>
              <Link to={`/certificates/verify/${encodeURIComponent(certificate.verificationCode)}`}>
                {t('certificate.verifyLink')}
              </Link>
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
