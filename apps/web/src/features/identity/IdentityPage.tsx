import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { fetchRealName, realNameKey } from './real-name-api';
import { RealNameFaceStep } from './RealNameFaceStep';
import { RealNameForm } from './RealNameForm';
import { RealNameStatusCard } from './RealNameStatusCard';

/** Real-name verification: the current (masked) status, the form, then the face step. */
export function IdentityPage() {
  const { t } = useTranslation('identity');
  const queryClient = useQueryClient();
  const realName = useQuery({ queryKey: realNameKey, queryFn: fetchRealName });
  // GET real-name/me does not say whether the face step was done; this page knows once it succeeds.
  const [faceVerified, setFaceVerified] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: realNameKey });

  return (
    <Space
      className="identity-page"
      orientation="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 720 }}
    >
      <PageTitle>{t('title')}</PageTitle>
      {realName.isPending && <Skeleton active />}
      {realName.isError && <ErrorAlert error={realName.error} namespace="identity" onRetry={refresh} />}
      {realName.data === null && (
        <Card>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t('status.notVerified')}
          </Typography.Title>
          <RealNameForm onVerified={refresh} />
        </Card>
      )}
      {realName.data && (
        <>
          <Card>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              {t('status.title')}
            </Typography.Title>
            <RealNameStatusCard status={realName.data} faceVerified={faceVerified} />
          </Card>
          <Card>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              {t('faceStep.title')}
            </Typography.Title>
            {faceVerified ? (
              <Alert type="success" showIcon role="status" title={t('faceStep.done')} />
            ) : (
              <RealNameFaceStep
                onFaceVerified={() => {
                  setFaceVerified(true);
                  refresh();
                }}
              />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
