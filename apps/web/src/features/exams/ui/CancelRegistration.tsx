import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examsApi } from '../api/exams-api';
import { examKeys } from '../api/query-keys';
import type { Order, Registration } from '../api/types';
import { formatFen } from '../logic/money';
import { cancelConsequence } from '../logic/registration-status';

/** Cancels after saying what it does: the seat is released, and a paid fee refunded or an unpaid order closed. */
export function CancelRegistration({
  registration,
  order,
}: {
  registration: Registration;
  order: Order | undefined;
}) {
  const { t } = useTranslation('exams');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const consequence = cancelConsequence(registration, order);
  const fee = formatFen(order && order.paidFen > 0 ? order.paidFen : registration.feeFen);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await examsApi.cancelRegistration(registration.registrationId);
      setOpen(false);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: examKeys.registrations }),
        queryClient.invalidateQueries({ queryKey: examKeys.orders }),
      ]);
    }
  };

  return (
    <>
      <Button
        danger
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('actions.cancel')}
      </Button>
      {/* Rendered in the page's tree (not a static confirm), so it takes the feature's accessible colours. */}
      <Modal
        open={open}
        title={t('cancel.title')}
        okText={t('cancel.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('cancel.keep')}
        confirmLoading={busy}
        onOk={() => void cancel()}
        onCancel={() => {
          setOpen(false);
        }}
      >
        <p>{t(`cancel.${consequence}`, { fee })}</p>
        <ErrorAlert error={error} namespace="exams" />
      </Modal>
    </>
  );
}
