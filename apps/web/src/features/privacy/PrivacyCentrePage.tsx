import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../../auth/use-session';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { ConsentsSection } from './ConsentsSection';
import { DataCopySection } from './DataCopySection';
import { ErasureSection } from './ErasureSection';
import { MyDataSection } from './MyDataSection';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h2 className="card-heading">{title}</h2>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** My data (masked), my consents, a full copy, and cancelling the account; open while a policy waits. */
export function PrivacyCentrePage() {
  const { t } = useTranslation('privacy');
  const pending = useSession()?.policyAcceptanceRequired ?? null;
  return (
    <>
      <PageTitle>{t('centre.title')}</PageTitle>
      <Typography.Paragraph>
        {t('centre.intro')}{' '}
        <Link to="/privacy/policy" style={{ textDecoration: 'underline' }}>
          {t('centre.policyLink')}
        </Link>
      </Typography.Paragraph>
      {pending ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('centre.pendingNotice')}
          action={<LinkButton to="/privacy/accept-policy">{t('centre.acceptNow')}</LinkButton>}
        />
      ) : null}
      <Section title={t('myData.heading')}>
        <MyDataSection />
      </Section>
      <Section title={t('consents.heading')}>
        <ConsentsSection />
      </Section>
      <Section title={t('copy.heading')}>
        <DataCopySection />
      </Section>
      <Section title={t('erasure.heading')}>
        <ErasureSection />
      </Section>
    </>
  );
}
