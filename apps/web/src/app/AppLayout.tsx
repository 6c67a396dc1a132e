import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';

import { signOut } from '../auth/auth-actions';
import { hasPlatformRole, institutionsWithRole, SECURITY_ROLES, STAFF_ROLES } from '../auth/roles';
import type { Session } from '../auth/token-store';
import { useSession } from '../auth/use-session';
import { type Language, LANGUAGES, saveLanguage } from '../i18n/languages';
import { LinkButton } from '../ui/LinkButton';

const SIGNED_IN_NAV = [
  { key: '/', label: 'nav.home' },
  { key: '/exams', label: 'nav.exams' },
  { key: '/my/exams', label: 'nav.myExams' },
  { key: '/identity', label: 'nav.identity' },
  { key: '/account', label: 'nav.account' },
  { key: '/privacy', label: 'nav.privacy' },
] as const;

/** The consoles appear only to those who may use them (the APIs refuse everyone else anyway). */
function roleNav(session: Session): { key: string; label: string }[] {
  const items: { key: string; label: string }[] = [];
  if (institutionsWithRole(session, STAFF_ROLES).length > 0)
    items.push({ key: '/console', label: 'nav.console' });
  if (hasPlatformRole(session, SECURITY_ROLES)) items.push({ key: '/security', label: 'nav.security' });
  return items;
}

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** The frame of every page but the exam room: header with navigation, language and account; main; footer. */
export function AppLayout() {
  const { t, i18n } = useTranslation('common');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const compact = !screens.md;

  const selected = [...SIGNED_IN_NAV, ...(session ? roleNav(session) : [])]
    .map((n) => n.key)
    .filter((key) => (key === '/' ? location.pathname === '/' : location.pathname.startsWith(key)))
    .slice(-1);
  const nav = session ? [...SIGNED_IN_NAV, ...roleNav(session)] : [];
  const items = session
    ? nav.map((n) => ({ key: n.key, label: <Link to={n.key}>{t(n.label)}</Link> }))
    : [
        { key: '/', label: <Link to="/">{t('nav.home')}</Link> },
        { key: '/exams', label: <Link to="/exams">{t('nav.exams')}</Link> },
      ];

  const changeLanguage = (language: Language) => {
    saveLanguage(language);
    void i18n.changeLanguage(language);
  };

  const account = session ? (
    <Button
      onClick={() => {
        void signOut().finally(() => void navigate('/sign-in'));
      }}
    >
      {t('nav.signOut')}
    </Button>
  ) : (
    <Space>
      <LinkButton to="/sign-in" type="primary">
        {t('nav.signIn')}
      </LinkButton>
      <LinkButton to="/sign-up">{t('nav.signUp')}</LinkButton>
    </Space>
  );

  const languageSelect = (
    <Select<Language>
      aria-label={t('nav.language')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={changeLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      style={{ width: 104 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          {t('appName')}
        </Link>
        {compact ? (
          <>
            <Button
              aria-label={t('nav.menu')}
              icon={<MenuOutlined />}
              onClick={() => {
                setDrawerOpen(true);
              }}
              className="app-menu-button"
            />
            <Drawer
              open={drawerOpen}
              onClose={() => {
                setDrawerOpen(false);
              }}
              title={t('appName')}
              size={280}
            >
              <nav aria-label={t('nav.menu')}>
                <Menu
                  mode="vertical"
                  selectedKeys={selected}
                  items={items}
                  onClick={() => {
                    setDrawerOpen(false);
                  }}
                />
              </nav>
              <Space orientation="vertical" style={{ marginTop: 16 }}>
                {languageSelect}
                {account}
              </Space>
            </Drawer>
          </>
        ) : (
          <>
            <nav aria-label={t('nav.menu')} className="app-nav">
              <Menu mode="horizontal" theme="dark" selectedKeys={selected} items={items} />
            </nav>
            <Space>
              {languageSelect}
              {account}
            </Space>
          </>
        )}
      </Layout.Header>
      {/* antd's Layout.Content is the page's one <main>. */}
      <Layout.Content id="main" tabIndex={-1} className="app-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="app-footer">
        <Link to="/privacy/policy">{t('nav.privacy')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
