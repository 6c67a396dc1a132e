import { Card, List } from 'antd';
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
      <List
        locale={{ emptyText: t('home.none') }}
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
