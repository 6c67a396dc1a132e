import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { withRecentAuthentication } from '../account/recent-auth';
import { dataCopyFileName, dataCopyText } from './data-copy-file';
import { formatDateTime } from './format-date';
import { privacyApi } from './privacy-api';

type Phase =
  | { step: 'confirm' }
  | { step: 'preparing' }
  | { step: 'ready'; url: string; fileName: string; revealedAt: string };

/**
 * The full, unmasked copy of my data. The service answers `POST me/data-export/full` at once with the
 * document (ADR 0015), so "progress" is the request itself; the copy then becomes a file in this browser's
 * memory only (a blob URL, revoked when the page goes), never shown on the page.
 */
export function DataCopySection() {
  const { t, i18n } = useTranslation('privacy');
  const [phase, setPhase] = useState<Phase>({ step: 'confirm' });
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ currentPassword: string }>();

  useEffect(
    () => () => {
      if (phase.step === 'ready') URL.revokeObjectURL(phase.url);
    },
    [phase],
  );

  const make = async ({ currentPassword }: { currentPassword: string }) => {
    setError(null);
    setPhase({ step: 'preparing' });
    try {
      const copy = await withRecentAuthentication(currentPassword, () =>
        privacyApi.fullDataExport(currentPassword),
      );
      const blob = new Blob([dataCopyText(copy.data)], { type: 'application/json' });
      form.resetFields();
      setPhase({
        step: 'ready',
        url: URL.createObjectURL(blob),
        fileName: dataCopyFileName(copy.revealedAt),
        revealedAt: copy.revealedAt,
      });
    } catch (caught: unknown) {
      setError(caught);
      setPhase({ step: 'confirm' });
    }
  };

  const current = { confirm: 0, preparing: 1, ready: 2 }[phase.step];

  return (
    <>
      <Typography.Paragraph>{t('copy.intro')}</Typography.Paragraph>
      <Steps
        size="small"
        current={current}
        status={phase.step === 'ready' ? 'finish' : 'process'}
        items={[
          { title: t('copy.steps.confirm') },
          { title: t('copy.steps.prepare') },
          { title: t('copy.steps.ready') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={error} namespace="privacy" />
      {phase.step === 'ready' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('copy.ready', { date: formatDateTime(phase.revealedAt, i18n.language) })}
          />
          <Space wrap>
            <Button type="primary" icon={<DownloadOutlined />} href={phase.url} download={phase.fileName}>
              {t('copy.download')}
            </Button>
            <Button
              onClick={() => {
                setPhase({ step: 'confirm' });
              }}
            >
              {t('copy.again')}
            </Button>
          </Space>
        </Space>
      ) : (
        <Form
          name="dataCopy"
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void make(v)}
          style={{ marginTop: 16, maxWidth: 400 }}
        >
          <Form.Item
            label={t('copy.password')}
            name="currentPassword"
            rules={[{ required: true, message: t('copy.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Space wrap align="center">
            <Button type="primary" htmlType="submit" loading={phase.step === 'preparing'}>
              {t('copy.start')}
            </Button>
            {phase.step === 'preparing' ? (
              <span role="status">
                <Spin size="small" /> {t('copy.preparing')}
              </span>
            ) : null}
          </Space>
        </Form>
      )}
    </>
  );
}
