import type { ReactNode } from 'react';

type Props = { children: ReactNode } & ({ labelledBy: string } | { label: string });

/**
 * A table that may be wider than a phone screen: it scrolls sideways inside this group, which takes the
 * keyboard focus so that it can be scrolled without a mouse (axe: scrollable-region-focusable).
 */
export function ScrollTable(props: Props) {
  const name =
    'labelledBy' in props ? { 'aria-labelledby': props.labelledBy } : { 'aria-label': props.label };
  return (
    <div className="ops-scroll" role="group" tabIndex={0} {...name}>
      {props.children}
    </div>
  );
}
