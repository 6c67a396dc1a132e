import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { hasPlatformRole } from '../../../auth/roles';
import { useSession } from '../../../auth/use-session';

/** Sections whose API only platform admins may call (identity's appeal review, accounts' privacy requests, payments' statements). */
const ADMIN_ONLY = ['platform_admin'] as const;

const SECTIONS: readonly { key: string; label: string; roles?: readonly string[] }[] = [
  { key: '/security', label: 'nav.alerts' },
  { key: '/security/audit', label: 'nav.audit' },
  { key: '/security/incidents', label: 'nav.incidents' },
  { key: '/security/rules', label: 'nav.rules' },
  { key: '/security/login-appeals', label: 'nav.loginAppeals' },
  { key: '/security/real-name-appeals', label: 'nav.realNameAppeals', roles: ADMIN_ONLY },
  { key: '/security/privacy-requests', label: 'nav.privacyRequests', roles: ADMIN_ONLY },
  { key: '/security/statements', label: 'nav.statements', roles: ADMIN_ONLY },
] as const;

/** The console's sections: alert queue, audit log, incidents, risk rules, and for platform admins the appeal queues. */
export function SecurityNav() {
  const { t } = useTranslation('security');
  const { pathname } = useLocation();
  const session = useSession();
  const sections = SECTIONS.filter(
    (s) => !s.roles || (session !== null && hasPlatformRole(session, s.roles)),
  );
  const selected = sections
    .filter((s) =>
      s.key === '/security'
        ? pathname === '/security' || pathname.startsWith('/security/alerts')
        : pathname.startsWith(s.key),
    )
    .map((s) => s.key);
  return (
    <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
      {/* The sections wrap on a narrow screen: antd's overflow menu hides items with aria-hidden while their
          links stay focusable (axe: aria-hidden-focus). */}
      <Menu
        mode="horizontal"
        disabledOverflow
        style={{ flexWrap: 'wrap' }}
        selectedKeys={selected}
        items={sections.map((s) => ({ key: s.key, label: <Link to={s.key}>{t(s.label)}</Link> }))}
      />
    </nav>
  );
}
