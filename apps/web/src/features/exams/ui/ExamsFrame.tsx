import { ConfigProvider, type ThemeConfig } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's default red, green and orange (form errors, danger buttons, status tags) and its primary hover shade
 * fall below WCAG AA contrast on white; the exam pages use darker seeds of the same hues.
 */
const ACCESSIBLE_STATUS_COLOURS: ThemeConfig = {
  token: {
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
    // The hover shade antd derives from the primary colour is lighter than the primary, and fails on white.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
  },
};

export function ExamsFrame() {
  return (
    <ConfigProvider theme={ACCESSIBLE_STATUS_COLOURS}>
      <Outlet />
    </ConfigProvider>
  );
}
