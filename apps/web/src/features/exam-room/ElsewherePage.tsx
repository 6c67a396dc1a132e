import { Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';

interface Props {
  title: string;
  /** This device held the attempt and another took it over (else: another device holds it). */
  takenOver: boolean;
  onTakeOver: () => Promise<void>;
}

/** One device at a time: the attempt runs elsewhere; continuing here is an explicit takeover. */
export function ElsewherePage({ title, takenOver, onTakeOver }: Props) {
  const { t } = useTranslation('examRoom');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = takenOver ? t('elsewhere.takenOverTitle') : t('elsewhere.heldTitle');
  return (
    <main className="room-center" id="main">
      <div role="alertdialog" aria-modal="true" aria-labelledby="room-elsewhere-title" className="room-final">
        <span id="room-elsewhere-title">
          <PageTitle>{heading}</PageTitle>
        </span>
        <Result
          status="warning"
          subTitle={
            <>
              <p>{title}</p>
              <p>{takenOver ? t('elsewhere.takenOverBody') : t('elsewhere.heldBody')}</p>
            </>
          }
          extra={
            <Button
              type="primary"
              loading={busy}
              onClick={() => {
                setBusy(true);
                setError(null);
                onTakeOver()
                  .catch((e: unknown) => {
                    setError(e);
                  })
                  .finally(() => {
                    setBusy(false);
                  });
              }}
            >
              {t('elsewhere.takeOver')}
            </Button>
          }
        />
        {error !== null && <ErrorAlert error={error} namespace="examRoom" />}
      </div>
    </main>
  );
}
