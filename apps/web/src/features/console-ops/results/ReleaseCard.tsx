import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { ConsoleExam } from '../exams/exams-api';
import { formatDateTime } from '../shared/format';
import { releaseResults } from './results-api';

interface Props {
  institutionId: string;
  exam: ConsoleExam;
  /** Only org_admin may release (the API refuses staff). */
  canRelease: boolean;
  onReleased: () => void;
}

/** The exam's result policy and, when results wait for staff (after marking), their release with a confirmation. */
export function ReleaseCard({ institutionId, exam, canRelease, onReleased }: Props) {
  const { t, i18n } = useTranslation('consoleOps');
  const [confirming, setConfirming] = useState(false);
  const release = useMutation({
    mutationFn: () => releaseResults(institutionId, exam.examId),
    onSuccess: () => {
      setConfirming(false);
      onReleased();
    },
  });
  const policy = exam.settings.resultsRelease ?? 'immediately';
  return (
    <section aria-labelledby="results-release">
      <Card>
        <Typography.Title level={2} id="results-release" className="ops-heading">
          {t('release.title')}
        </Typography.Title>
        <Typography.Paragraph>
          {t(`release.policy.${policy}`, {
            at: formatDateTime(exam.settings.resultsReleaseAt ?? null, i18n.language),
          })}
        </Typography.Paragraph>
        {policy === 'after_marking' && release.data ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t(release.data.released ? 'release.done' : 'release.already', {
              at: formatDateTime(release.data.releasedAt, i18n.language),
            })}
          />
        ) : null}
        {policy === 'after_marking' && !release.data ? (
          canRelease ? (
            <>
              <Typography.Paragraph>{t('release.explain')}</Typography.Paragraph>
              <ErrorAlert error={confirming ? null : release.error} namespace="consoleOps" />
              <Button
                type="primary"
                onClick={() => {
                  release.reset();
                  setConfirming(true);
                }}
              >
                {t('release.button')}
              </Button>
            </>
          ) : (
            <Typography.Paragraph>{t('release.adminOnly')}</Typography.Paragraph>
          )
        ) : null}
        {confirming ? (
          <Modal
            open
            title={t('release.confirmTitle')}
            okText={t('release.confirm')}
            cancelText={t('action.cancel')}
            okButtonProps={{ loading: release.isPending }}
            onOk={() => {
              release.mutate();
            }}
            onCancel={() => {
              setConfirming(false);
            }}
          >
            <Typography.Paragraph>{t('release.confirmBody', { title: exam.title })}</Typography.Paragraph>
            <ErrorAlert error={release.error} namespace="consoleOps" />
          </Modal>
        ) : null}
      </Card>
    </section>
  );
}
