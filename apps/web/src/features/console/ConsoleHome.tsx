import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { institutionsWithRole, STAFF_ROLES } from '../../auth/roles';
import { useSession } from '../../auth/use-session';
import { PageTitle } from '../../ui/PageTitle';

/** /console: straight into the person's institution, or a choice when they are staff of several. */
export function ConsoleHome() {
  const { t } = useTranslation('console');
  const session = useSession();
  const institutions = session ? institutionsWithRole(session, STAFF_ROLES) : [];
  if (institutions.length === 1) return <Navigate to={`/console/${institutions.join('')}/exams`} replace />;
  return (
    <Card>
      <PageTitle>{t('home.title')}</PageTitle>
      {institutions.length === 0 ? (
        // Said in the normal text colour: antd's empty-list grey fails contrast.
        <Typography.Paragraph>{t('home.none')}</Typography.Paragraph>
      ) : null}
      <List
        style={institutions.length === 0 ? { display: 'none' } : undefined}
        dataSource={institutions}
        renderItem={(id) => (
          <List.Item>
            <Link to={`/console/${id}/exams`}>{t('home.open', { id })}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
