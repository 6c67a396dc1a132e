import { Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { formatDate } from './format-date';
import { PolicyText } from './PolicyText';
import { useCurrentPolicy, usePolicyVersions } from './use-policies';

/** The privacy policy in force, with its version and date, and every published version (public). */
export function PolicyPage() {
  const { t, i18n } = useTranslation('privacy');
  const current = useCurrentPolicy();
  const versions = usePolicyVersions();
  const noPolicy = current.error instanceof ApiError && current.error.status === 404;

  return (
    <>
      <PageTitle>{t('policy.title')}</PageTitle>
      <Card>
        {current.isPending ? <Skeleton active /> : null}
        {noPolicy ? <Typography.Paragraph>{t('policy.none')}</Typography.Paragraph> : null}
        {current.error && !noPolicy ? (
          <ErrorAlert error={current.error} namespace="privacy" onRetry={() => void current.refetch()} />
        ) : null}
        {current.data ? (
          <>
            <Space wrap style={{ marginBottom: 16 }}>
              <Tag>{t('policy.version', { version: current.data.version })}</Tag>
              <Typography.Text>
                {t('policy.effective', { date: formatDate(current.data.effectiveAt, i18n.language) })}
              </Typography.Text>
            </Space>
            <PolicyText text={current.data.text ?? ''} />
          </>
        ) : null}
      </Card>
      <Card style={{ marginTop: 16 }} title={<h2 className="card-heading">{t('policy.versions')}</h2>}>
        <Typography.Paragraph>{t('policy.versionsIntro')}</Typography.Paragraph>
        {versions.error ? (
          <ErrorAlert error={versions.error} namespace="privacy" onRetry={() => void versions.refetch()} />
        ) : (
          <List
            loading={versions.isPending}
            dataSource={versions.data ?? []}
            rowKey="version"
            renderItem={(v) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/privacy/policy/versions/${encodeURIComponent(v.version)}`}>
                    {t('policy.version', { version: v.version })}
                  </Link>
                  <Typography.Text>
                    {t('policy.effective', { date: formatDate(v.effectiveAt, i18n.language) })}
                  </Typography.Text>
                  {v.version === current.data?.version ? <Tag>{t('policy.current')}</Tag> : null}
                  {v.materialChange ? <Tag>{t('policy.material')}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
