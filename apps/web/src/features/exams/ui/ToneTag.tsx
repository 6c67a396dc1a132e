import { Tag } from 'antd';
import type { ReactNode } from 'react';

import type { Tone } from '../logic/registration-status';

/** Text and background pairs that pass WCAG AA (antd's preset tag colours do not). */
const STYLES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  processing: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  default: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function ToneTag({
  tone,
  children,
  ...rest
}: {
  tone: Tone;
  children: ReactNode;
  'data-status'?: string;
}) {
  return (
    <Tag style={STYLES[tone]} {...rest}>
      {children}
    </Tag>
  );
}
