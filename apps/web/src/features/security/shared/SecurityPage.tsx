import { Space } from 'antd';
import type { ReactNode } from 'react';

import { PageTitle } from '../../../ui/PageTitle';
import { SecurityNav } from './SecurityNav';

/** A console page: its h1 (and the document title), the console's navigation, then its sections in a column. */
export function SecurityPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <SecurityNav />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {children}
      </Space>
    </>
  );
}
