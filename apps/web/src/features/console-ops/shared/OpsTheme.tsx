import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's error red (#ff4d4f) falls below WCAG AA contrast as the text of a danger button and under the white
 * text of a danger primary button; the operations pages (terminate, refund, regrade) use a darker red.
 */
export function OpsTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: { colorError: '#cf1322' } }}>{children}</ConfigProvider>;
}
