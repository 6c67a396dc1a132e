import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled group of a long form: a region with an h2, which the page's group links jump to. */
export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} style={{ marginBottom: 16 }}>
      <Card size="small">
        <Typography.Title level={2} id={`${id}-title`} style={{ fontSize: 18, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </section>
  );
}
