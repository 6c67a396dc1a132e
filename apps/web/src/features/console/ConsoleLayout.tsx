import { Layout, Menu, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';

import { institutionsWithRole, STAFF_ROLES } from '../../auth/roles';
import { useSession } from '../../auth/use-session';
import { PageTitle } from '../../ui/PageTitle';
import { CONSOLE_SECTIONS } from './sections';

/**
 * The frame of /console/:institutionId/*: the section menu, and a refusal (without rendering the page) when the
 * person is not staff of that institution — whatever id the URL carries. The APIs refuse it too.
 */
export function ConsoleLayout() {
  const { t } = useTranslation('console');
  const session = useSession();
  const { institutionId = '' } = useParams();
  const location = useLocation();
  if (!session) return null;
  const membership = session.memberships.find((m) => m.institutionId === institutionId);
  if (!membership || !institutionsWithRole(session, STAFF_ROLES).includes(institutionId)) {
    return (
      <>
        <PageTitle>{t('denied.title')}</PageTitle>
        <Result status="403" subTitle={t('denied.body')} />
      </>
    );
  }
  const isAdmin = membership.roles.includes('org_admin');
  const base = `/console/${institutionId}`;
  const sections = CONSOLE_SECTIONS.filter((s) => isAdmin || !s.adminOnly);
  const selected = sections
    .filter((s) => location.pathname.startsWith(`${base}/${s.path}`))
    .map((s) => s.path);
  return (
    <Layout className="console-layout">
      <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={200} className="console-sider">
        <nav aria-label={t('menu')}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={sections.map((s) => ({
              key: s.path,
              label: <Link to={`${base}/${s.path}`}>{t(s.label)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      {/* Not Layout.Content: that renders a second <main> inside the page's. */}
      <div className="console-content" style={{ flex: 1 }}>
        <Outlet />
      </div>
    </Layout>
  );
}
