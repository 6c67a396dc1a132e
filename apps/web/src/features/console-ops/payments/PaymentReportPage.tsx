import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { AdminOnly } from '../shared/AdminOnly';
import { EmptyText } from '../shared/EmptyText';
import { saveFile } from '../shared/save-file';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { formatFen } from './money';
import { defaultReportRange, reportRangeProblem } from './payments-admin';
import { downloadPaymentReport, getPaymentReport, type ReportLine } from './payments-admin-api';

const NS = 'consoleOpsPayments';

function useLineColumns<T extends ReportLine>(): ColumnsType<T> {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  return [
    { title: t('report.paymentCount'), dataIndex: 'paymentCount', align: 'right' },
    {
      title: t('report.payments'),
      key: 'payments',
      align: 'right',
      render: (_: unknown, l) => formatFen(l.paymentsFen, lang),
    },
    { title: t('report.refundCount'), dataIndex: 'refundCount', align: 'right' },
    {
      title: t('report.refunds'),
      key: 'refunds',
      align: 'right',
      render: (_: unknown, l) => formatFen(l.refundsFen, lang),
    },
    {
      title: t('report.net'),
      key: 'net',
      align: 'right',
      render: (_: unknown, l) => formatFen(l.netFen, lang),
    },
  ];
}

function PaymentReportView() {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const [range, setRange] = useState(() => defaultReportRange(new Date()));
  const [form] = Form.useForm<{ from: string; to: string }>();
  const report = useQuery({
    queryKey: ['consoleOps', 'paymentReport', institutionId, range.from, range.to],
    queryFn: () => getPaymentReport(institutionId, range.from, range.to),
  });
  const download = useMutation({
    mutationFn: () => downloadPaymentReport(institutionId, range.from, range.to),
    onSuccess: (blob) => {
      saveFile(blob, `payment-report-${range.from}-${range.to}.xlsx`);
    },
  });
  const lineColumns = useLineColumns();
  const r = report.data;
  const table = <T extends ReportLine>(
    title: string,
    rows: T[],
    first: ColumnsType<T>,
    rowKey: keyof T & string,
  ) => (
    <Card>
      <Typography.Title level={2} className="ops-heading">
        {title}
      </Typography.Title>
      <ScrollTable label={title}>
        <Table<T>
          rowKey={rowKey}
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 31, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('report.none')}</EmptyText> }}
          columns={[...first, ...(lineColumns as ColumnsType<T>)]}
        />
      </ScrollTable>
    </Card>
  );
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{t('report.title')}</PageTitle>
        <Typography.Paragraph>{t('report.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          initialValues={range}
          onFinish={(v) => {
            download.reset();
            setRange({ from: v.from, to: v.to });
          }}
        >
          <Form.Item
            name="from"
            label={t('report.from')}
            rules={[{ required: true, message: t('report.problems.notADate') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('report.to')}
            dependencies={['from']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const problem = reportRangeProblem(String(getFieldValue('from') ?? ''), value ?? '');
                  return problem === null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`report.problems.${problem}`)));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('report.show')}
              </Button>
              <Button
                onClick={() => {
                  download.mutate();
                }}
                loading={download.isPending}
                disabled={!r}
              >
                {t('report.download')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {download.isSuccess ? (
          <Alert type="success" showIcon role="status" title={t('report.downloaded')} />
        ) : null}
        <ErrorAlert
          error={report.error ?? download.error}
          namespace={NS}
          onRetry={() => void report.refetch()}
        />
        {r ? (
          <Descriptions
            size="small"
            title={t('report.totals')}
            column={{ xs: 1, sm: 3 }}
            items={[
              {
                key: 'payments',
                label: t('report.payments'),
                children: `${formatFen(r.totals.paymentsFen, lang)} (${r.totals.paymentCount})`,
              },
              {
                key: 'refunds',
                label: t('report.refunds'),
                children: `${formatFen(r.totals.refundsFen, lang)} (${r.totals.refundCount})`,
              },
              { key: 'net', label: t('report.net'), children: formatFen(r.totals.netFen, lang) },
            ]}
          />
        ) : null}
      </Card>
      {r ? (
        <>
          {table(t('report.byExam'), r.byExam, [{ title: t('report.exam'), dataIndex: 'examId' }], 'examId')}
          {table(
            t('report.byProduct'),
            r.byProduct,
            [{ title: t('report.product'), dataIndex: 'title' }],
            'productId',
          )}
          {table(t('report.byDay'), r.byDay, [{ title: t('report.day'), dataIndex: 'day' }], 'day')}
        </>
      ) : null}
    </div>
  );
}

export function PaymentReportPage() {
  return (
    <AdminOnly>
      <PaymentReportView />
    </AdminOnly>
  );
}
