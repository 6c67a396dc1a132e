import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
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
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const consequence = cancelConsequence(registration, order);

  const cancel = async () => {
    setError(null);
    try {
      await examsApi.cancelRegistration(registration.registrationId);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: examKeys.registrations }),
        queryClient.invalidateQueries({ queryKey: examKeys.orders }),
      ]);
    }
  };

  const confirm = () => {
    modal.confirm({
      title: t('cancel.title'),
      content: t(`cancel.${consequence}`, {
        fee: formatFen(order && order.paidFen > 0 ? order.paidFen : registration.feeFen),
      }),
      okText: t('cancel.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('cancel.keep'),
      onOk: cancel,
    });
  };

  return (
    <>
      <Button danger onClick={confirm}>
        {t('actions.cancel')}
      </Button>
      {error ? (
        <div className="exams-inline-error">
          <ErrorAlert error={error} namespace="exams" />
        </div>
      ) : null}
    </>
  );
}
