import { ConfigProvider, type ThemeConfig } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's default red, green and orange (form errors, danger buttons, status tags) fall below WCAG AA contrast
 * on white and on their own tinted backgrounds; the exam pages use darker seeds of the same hues.
 */
const ACCESSIBLE_STATUS_COLOURS: ThemeConfig = {
  token: {
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
  },
};

export function ExamsFrame() {
  return (
    <ConfigProvider theme={ACCESSIBLE_STATUS_COLOURS}>
      <Outlet />
    </ConfigProvider>
  );
}
