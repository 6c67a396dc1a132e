import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Space, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../../api/api-error';
import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { saveBlob } from '../../../ui/save-blob';
import { examPath } from '../shared/api-paths';
import { useConsole } from '../shared/use-console';
import { useReason } from '../shared/use-reason';
import { bankKeys } from './bank-api';
import { readAsBase64 } from './file-base64';
import { groupByRow, importProblemsOf, type ImportRowReport } from './import-report';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number }
  | { kind: 'checking' }
  | { kind: 'done'; imported: number; categoriesCreated: number }
  | { kind: 'failed'; error: unknown; rows: ImportRowReport[] };

/** .xlsx import into a bank: the template, the upload with its progress, and the row-by-row error report. */
export function ImportPanel({ bankId }: { bankId: string }) {
  const { t } = useTranslation('console');
  const reasonOf = useReason();
  const { institutionId } = useConsole();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [templateError, setTemplateError] = useState<unknown>(null);

  const downloadTemplate = async () => {
    setTemplateError(null);
    try {
      saveBlob(
        await api<Blob>(examPath(institutionId, '/question-import-template.xlsx'), { as: 'blob' }),
        'question-import-template.xlsx',
      );
    } catch (caught: unknown) {
      setTemplateError(caught);
    }
  };

  const start = async () => {
    if (!file) return;
    setStage({ kind: 'reading', fraction: 0 });
    try {
      const fileBase64 = await readAsBase64(file, (fraction) => {
        setStage({ kind: 'reading', fraction });
      });
      setStage({ kind: 'checking' });
      const result = await api<{ imported: number; categoriesCreated: number }>(
        examPath(institutionId, `/banks/${bankId}/import/xlsx`),
        { body: { fileBase64 } },
      );
      setStage({ kind: 'done', ...result });
      await queryClient.invalidateQueries({ queryKey: bankKeys.questions(institutionId, bankId) });
      await queryClient.invalidateQueries({ queryKey: bankKeys.categories(institutionId, bankId) });
    } catch (caught: unknown) {
      const rows =
        caught instanceof ApiError && caught.code === 'IMPORT.ROWS_INVALID'
          ? groupByRow(importProblemsOf(caught.details))
          : [];
      setStage({ kind: 'failed', error: caught, rows });
    }
  };

  const busy = stage.kind === 'reading' || stage.kind === 'checking';
  const percent =
    stage.kind === 'reading' ? Math.round(stage.fraction * 50) : stage.kind === 'checking' ? 75 : 100;
  return (
    <section aria-labelledby="import-title">
      <Typography.Title level={2} id="import-title" style={{ fontSize: 18 }}>
        {t('import.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => void downloadTemplate()}>{t('import.template')}</Button>
      </Space>
      <ErrorAlert error={templateError} namespace="console" />
      <div style={{ marginBottom: 12 }}>
        <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
          {t('import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setStage({ kind: 'idle' });
          }}
        />
      </div>
      <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void start()}>
        {t('import.start')}
      </Button>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {stage.kind === 'idle' ? null : (
          <>
            <Progress
              percent={percent}
              status={stage.kind === 'failed' ? 'exception' : stage.kind === 'done' ? 'success' : 'active'}
              aria-label={t('import.progress')}
            />
            <p>{t(`import.stage.${stage.kind}`)}</p>
          </>
        )}
        {stage.kind === 'done' ? (
          <Alert
            type="success"
            showIcon
            title={t('import.done', { count: stage.imported, categories: stage.categoriesCreated })}
          />
        ) : null}
      </div>
      {stage.kind === 'failed' ? (
        <>
          <ErrorAlert error={stage.error} namespace="console" />
          {stage.rows.length > 0 ? (
            <Table<ImportRowReport>
              style={{ marginTop: 12 }}
              rowKey="row"
              size="small"
              title={() => t('import.reportTitle', { rows: stage.rows.length })}
              dataSource={stage.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('import.columns.row'), dataIndex: 'row', width: 80 },
                {
                  title: t('import.columns.problems'),
                  key: 'problems',
                  render: (_: unknown, r) => (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {r.problems.map((p) => (
                        <li key={`${p.column}:${p.reason}`}>
                          {t('import.problem', {
                            column: p.column,
                            field: p.field,
                            reason: reasonOf(p.reason),
                          })}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
