import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';

import { PageTitle } from '../ui/PageTitle';
import { hasPlatformRole } from './roles';
import { useSession } from './use-session';

/**
 * Pages for holders of a platform role (the security console): anyone else sees "not allowed" — never the
 * page with empty data. The APIs refuse them too (403); this only saves the person a broken page.
 */
export function RequirePlatformRole({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('common');
  const session = useSession();
  if (session && hasPlatformRole(session, roles)) return <Outlet />;
  return (
    <>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Result status="403" subTitle={t('forbidden.body')} />
    </>
  );
}
