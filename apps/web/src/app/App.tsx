import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { ApiError } from '../api/api-error';
import { refreshSession } from '../api/http';
import { tokenStore } from '../auth/token-store';
import { appRoutes } from './routes';

/**
 * antd's default link blue (#1677ff) and its grey hint text fall below WCAG AA contrast (4.5:1) on white and on
 * the page background; these darker tokens pass it (checked by axe-core in every browser journey).
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    // Derived from the darker seeds, the tinted backgrounds turn muddy: keep antd's usual light tints.
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    // antd lightens hovered buttons; white on the lighter blue/red falls below 4.5:1, so hover darkens instead.
    colorPrimaryHover: '#0b4fbd',
    colorPrimaryActive: '#003eb3',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer: retry only what never got one (network) or a busy server.
      retry: (failures, error) =>
        failures < 2 && error instanceof ApiError && (error.isNetwork || error.status === 503),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

/** Providers (locale, data cache) and the first refresh of a session from the HttpOnly cookie. */
/** People who ask their system for less motion get none: antd's transitions and animations are switched off. */
const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const APP_THEME: ThemeConfig = { token: { ...THEME.token, motion: !REDUCED_MOTION } };

export function App() {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(!tokenStore.mayHaveSession());
  const router = useMemo(() => createBrowserRouter(appRoutes()), []);

  useEffect(() => {
    if (ready) return;
    void refreshSession().finally(() => {
      setReady(true);
    });
  }, [ready]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  // Without this, a signed-out session keeps showing cached personal data to the next person at the screen.
  useEffect(
    () =>
      tokenStore.subscribe((session) => {
        if (!session) queryClient.clear();
      }),
    [],
  );

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={APP_THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          {ready ? <RouterProvider router={router} /> : <div aria-busy="true" className="boot" />}
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
