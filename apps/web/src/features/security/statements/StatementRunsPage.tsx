import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { formatFen } from '../../console-ops/payments/money';
import {
  platformStatementsApi,
  type Provider,
  PROVIDERS,
  type StatementMismatch,
  type StatementRun,
} from '../../console-ops/payments/statements/statements-api';
import { beijingDay, runStarter, statementDayProblem } from '../model/statement-day';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SecurityNav } from '../shared/SecurityNav';
import { useFormatters } from '../shared/use-formatters';

const KEY = ['security', 'statements'] as const;

interface RunValues {
  provider: Provider;
  date: string;
}

/** Start (or re-run) the comparison of one provider's statement of one day; a future day is refused. */
function RunForm({ onRan }: { onRan: (run: StatementRun) => void }) {
  const { t } = useTranslation('security');
  const labels = useTranslation('consoleStatements').t;
  const today = beijingDay(new Date());
  const run = useMutation({
    mutationFn: (v: RunValues) => platformStatementsApi.run(v.provider, v.date.trim()),
    onSuccess: onRan,
  });
  const done = run.data;
  return (
    <Card title={<h2 className="security-h2">{t('statementRuns.runTitle')}</h2>}>
      <Typography.Paragraph>{t('statementRuns.runIntro')}</Typography.Paragraph>
      <Form<RunValues>
        layout="inline"
        name="statementRun"
        requiredMark={false}
        initialValues={{ provider: 'wechat', date: today }}
        onValuesChange={() => {
          run.reset();
        }}
        onFinish={(v) => {
          run.mutate(v);
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="provider" label={t('statementRuns.provider')}>
          <Select
            style={{ width: 140 }}
            options={PROVIDERS.map((p) => ({ value: p, label: labels(`providers.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('statementRuns.date')}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const problem = statementDayProblem(value, today);
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`statementRuns.dayProblem.${problem}`, { today })));
              },
            },
          ]}
        >
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={run.isPending}>
          {t('statementRuns.run')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={run.error} namespace="consoleStatements" />
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('statementRuns.ran', {
              provider: labels(`providers.${done.provider}`),
              date: done.date,
              payments: done.paymentsCount,
              refunds: done.refundsCount,
              mismatches: done.mismatchesCount,
            })}
          />
        ) : null}
      </div>
    </Card>
  );
}

function RunsTable({ runs }: { runs: readonly StatementRun[] }) {
  const { t } = useTranslation('security');
  const labels = useTranslation('consoleStatements').t;
  const { dateTime } = useFormatters();
  return (
    <ScrollRegion label={t('statementRuns.runsTitle')}>
      <Table<StatementRun>
        rowKey="runId"
        size="small"
        pagination={false}
        dataSource={[...runs]}
        locale={{ emptyText: t('statementRuns.noRuns') }}
        columns={[
          {
            title: t('statementRuns.provider'),
            key: 'p',
            render: (_: unknown, r) => labels(`providers.${r.provider}`),
          },
          {
            title: t('statementRuns.status'),
            key: 's',
            render: (_: unknown, r) => (
              <Tag
                color={r.status === 'failed' ? 'error' : r.status === 'succeeded' ? 'success' : 'processing'}
              >
                {t(`statementRuns.statuses.${r.status}`)}
              </Tag>
            ),
          },
          {
            title: t('statementRuns.startedBy'),
            key: 'by',
            render: (_: unknown, r) => t(`statementRuns.starters.${runStarter(r.triggeredBy)}`),
          },
          {
            title: t('statementRuns.startedAt'),
            key: 'at',
            render: (_: unknown, r) => dateTime(r.startedAt),
          },
          {
            title: t('statementRuns.counts'),
            key: 'counts',
            render: (_: unknown, r) =>
              t('statementRuns.countsText', {
                payments: r.paymentsCount,
                refunds: r.refundsCount,
                mismatches: r.mismatchesCount,
              }),
          },
          { title: t('statementRuns.failure'), key: 'f', render: (_: unknown, r) => r.failure ?? t('none') },
        ]}
      />
    </ScrollRegion>
  );
}

function UnownedTable({ mismatches }: { mismatches: readonly StatementMismatch[] }) {
  const { t, i18n } = useTranslation('security');
  const labels = useTranslation('consoleStatements').t;
  const { dateTime } = useFormatters();
  return (
    <ScrollRegion label={t('statementRuns.unownedTitle')}>
      <Table<StatementMismatch>
        rowKey="mismatchId"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={[...mismatches]}
        locale={{ emptyText: t('statementRuns.noUnowned') }}
        columns={[
          {
            title: t('statementRuns.provider'),
            key: 'p',
            render: (_: unknown, m) => labels(`providers.${m.provider}`),
          },
          { title: t('statementRuns.kind'), key: 'k', render: (_: unknown, m) => labels(`kinds.${m.kind}`) },
          {
            title: t('statementRuns.tradeNo'),
            key: 'no',
            render: (_: unknown, m) => (
              <Typography.Text code>{m.outRefundNo ?? m.outTradeNo}</Typography.Text>
            ),
          },
          {
            title: t('statementRuns.providerAmount'),
            key: 'amount',
            render: (_: unknown, m) =>
              m.providerAmountFen === null ? t('none') : formatFen(m.providerAmountFen, i18n.language),
          },
          {
            title: t('statementRuns.status'),
            key: 's',
            render: (_: unknown, m) => labels(`statuses.${m.status}`),
          },
          {
            title: t('statementRuns.detectedAt'),
            key: 'at',
            render: (_: unknown, m) => dateTime(m.detectedAt),
          },
        ]}
      />
    </ScrollRegion>
  );
}

/**
 * /security/statements (platform_admin): the daily comparisons of WeChat Pay's and Alipay's statements with
 * the platform's payments (ADR 0052) — run a provider and day now, see a day's runs and the provider trades
 * that match no order of any institution (institutions see their own mismatches in their console).
 */
export function StatementRunsPage() {
  const { t } = useTranslation('security');
  const queryClient = useQueryClient();
  const [day, setDay] = useState(() => beijingDay(new Date()));
  const valid = statementDayProblem(day, beijingDay(new Date())) === null;
  const runs = useQuery({
    queryKey: [...KEY, 'runs', day],
    queryFn: () => platformStatementsApi.runs(day),
    enabled: valid,
  });
  const unowned = useQuery({
    queryKey: [...KEY, 'unowned', day],
    queryFn: () => platformStatementsApi.unowned(day),
    enabled: valid,
  });
  return (
    <>
      <PageTitle>{t('statementRuns.title')}</PageTitle>
      <SecurityNav />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('statementRuns.intro')} />
        <RunForm
          onRan={(run) => {
            setDay(run.date);
            void queryClient.invalidateQueries({ queryKey: KEY });
          }}
        />
        <Card title={<h2 className="security-h2">{t('statementRuns.dayTitle', { date: day })}</h2>}>
          <Space wrap style={{ marginBottom: 12 }}>
            <label htmlFor="statement-day">{t('statementRuns.viewDay')}</label>
            <Input
              id="statement-day"
              type="date"
              value={day}
              max={beijingDay(new Date())}
              onChange={(e) => {
                setDay(e.target.value);
              }}
            />
          </Space>
          <ErrorAlert error={runs.error ?? unowned.error} namespace="consoleStatements" />
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('statementRuns.runsTitle')}
          </Typography.Title>
          <RunsTable runs={runs.data ?? []} />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('statementRuns.unownedTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('statementRuns.unownedIntro')}</Typography.Paragraph>
          <UnownedTable mismatches={unowned.data ?? []} />
        </Card>
      </Space>
    </>
  );
}
