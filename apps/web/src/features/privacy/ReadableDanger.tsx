import { ConfigProvider, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's error red (#ff4d4f) reaches only 3.3:1 on white, below WCAG AA (4.5:1), and these pages use it for
 * danger buttons and field messages; this darker red passes (axe-core checks it in the journeys). Dialogs
 * opened here must come from `Modal.useModal()` with its holder inside, so they take the colour too.
 */
const READABLE: ThemeConfig = { token: { colorError: '#cf1322' } };

export function ReadableDanger({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={READABLE}>{children}</ConfigProvider>;
}
