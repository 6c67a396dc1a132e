import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll on narrow screens, reachable by keyboard (a focusable, named region).
 * Used instead of antd's `scroll.x`, whose hidden measure row copies focusable header cells (axe: aria-hidden-focus).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="security-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
