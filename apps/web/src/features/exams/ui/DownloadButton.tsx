import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';

import { ErrorAlert } from '../../../ui/ErrorAlert';

interface Props {
  fetchFile: () => Promise<Blob>;
  fileName: string;
  children: string;
  type?: ButtonProps['type'];
}

/**
 * Fetches a file with the session's token (a plain link could not send it), hands it to the browser as a
 * download through a short-lived object URL, and revokes that URL afterwards.
 */
export function DownloadButton({ fetchFile, fileName, children, type }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await fetchFile();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click is handled; keep the URL a moment for slow handlers.
      window.setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 1_000);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        type={type}
        onClick={() => {
          void download();
        }}
      >
        {children}
      </Button>
      {error ? (
        <div className="exams-inline-error">
          <ErrorAlert error={error} namespace="exams" />
        </div>
      ) : null}
    </>
  );
}
