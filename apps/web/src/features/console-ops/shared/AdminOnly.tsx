import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '../../../auth/use-session';
import { PageTitle } from '../../../ui/PageTitle';
import { useInstitutionId } from './use-institution';

/** Renders `children` for the institution's org_admin only (the menu shows the section to admins only too). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('consoleOps');
  const session = useSession();
  const institutionId = useInstitutionId();
  const admin = session?.memberships.some(
    (m) => m.institutionId === institutionId && m.roles.includes('org_admin'),
  );
  if (admin) return children;
  return (
    <Card>
      <PageTitle>{t('adminOnly.title')}</PageTitle>
      <Result status="403" subTitle={t('adminOnly.body')} />
    </Card>
  );
}
