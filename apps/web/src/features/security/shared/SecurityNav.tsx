import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const SECTIONS = [
  { key: '/security', label: 'nav.alerts' },
  { key: '/security/audit', label: 'nav.audit' },
  { key: '/security/incidents', label: 'nav.incidents' },
  { key: '/security/rules', label: 'nav.rules' },
] as const;

/** The console's sections: alert queue, audit log, incidents, risk rules. */
export function SecurityNav() {
  const { t } = useTranslation('security');
  const { pathname } = useLocation();
  const selected = SECTIONS.filter((s) =>
    s.key === '/security'
      ? pathname === '/security' || pathname.startsWith('/security/alerts')
      : pathname.startsWith(s.key),
  ).map((s) => s.key);
  return (
    <nav aria-label={t('nav.label')} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected}
        items={SECTIONS.map((s) => ({ key: s.key, label: <Link to={s.key}>{t(s.label)}</Link> }))}
      />
    </nav>
  );
}
