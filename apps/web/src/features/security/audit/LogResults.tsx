import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { saveBlob } from '../../../ui/save-blob';
import { securityApi } from '../api/security-api';
import { type LogFilters, logSearchQuery } from '../model/log-filters';
import { LogTable } from '../shared/LogTable';

const PAGE_SIZE = 50;

/** One page of the search at a time (keyset paging: forward with the API's cursor, back through the ones seen). */
export function LogResults({ filters }: { filters: LogFilters }) {
  const { t } = useTranslation('security');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const query = logSearchQuery(filters, PAGE_SIZE, cursor);
  const page = useQuery({
    queryKey: ['security', 'log', query.toString()],
    queryFn: () => securityApi.log(query),
  });
  const exporting = useMutation({
    mutationFn: () => securityApi.exportLog(logSearchQuery(filters, 1000, cursor)),
    onSuccess: (blob) => {
      saveBlob(blob, 'audit-log.csv');
    },
  });
  const next = page.data?.next ?? null;
  return (
    <Card
      title={<h2 className="security-h2">{t('audit.results')}</h2>}
      extra={
        <Button
          loading={exporting.isPending}
          onClick={() => {
            exporting.mutate();
          }}
        >
          {t('audit.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.exportHint')}</Typography.Paragraph>
      <ErrorAlert error={page.error ?? exporting.error} namespace="security" />
      <LogTable entries={page.data?.items ?? []} loading={page.isPending} />
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          disabled={cursors.length === 1}
          onClick={() => {
            setCursors((c) => c.slice(0, -1));
          }}
        >
          {t('audit.previous')}
        </Button>
        <span aria-live="polite">{t('audit.page', { page: cursors.length })}</span>
        <Button
          disabled={next === null}
          onClick={() => {
            if (next !== null) setCursors((c) => [...c, next]);
          }}
        >
          {t('audit.next')}
        </Button>
      </Space>
    </Card>
  );
}
