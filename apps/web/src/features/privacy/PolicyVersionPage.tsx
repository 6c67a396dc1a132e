import { Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { formatDate } from './format-date';
import { PolicyText } from './PolicyText';
import { usePolicyText } from './use-policies';

/** One published version of the policy, old ones included (public). */
export function PolicyVersionPage() {
  const { t, i18n } = useTranslation('privacy');
  const version = useParams().version ?? '';
  const policy = usePolicyText(version);

  return (
    <>
      <PageTitle>{t('policy.versionTitle', { version })}</PageTitle>
      <Card>
        {policy.isPending ? <Skeleton active /> : null}
        <ErrorAlert error={policy.error} namespace="privacy" />
        {policy.data ? (
          <>
            <Space wrap style={{ marginBottom: 16 }}>
              <Typography.Text>
                {t('policy.effective', { date: formatDate(policy.data.effectiveAt, i18n.language) })}
              </Typography.Text>
              {policy.data.materialChange ? <Tag>{t('policy.material')}</Tag> : null}
            </Space>
            <PolicyText text={policy.data.text ?? ''} />
          </>
        ) : null}
        <Link to="/privacy/policy">{t('policy.backToCurrent')}</Link>
      </Card>
    </>
  );
}
