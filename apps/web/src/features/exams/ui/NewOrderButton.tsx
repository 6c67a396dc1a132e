import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { paymentsApi } from '../api/exams-api';
import { examKeys } from '../api/query-keys';

/** Opens a new exam-fee order for a registration whose order expired (the fee stays exam's). */
export function NewOrderButton({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation('exams');
  const client = useQueryClient();
  // One key for what the person means: a double click or a retry returns the same new order.
  const [key] = useState(newIdempotencyKey);
  const reorder = useMutation({
    mutationFn: () => paymentsApi.reorder(registrationId, key),
    onSuccess: () => client.invalidateQueries({ queryKey: examKeys.orders }),
  });
  return (
    <>
      <ErrorAlert error={reorder.error} namespace="exams" />
      <Button
        type="primary"
        loading={reorder.isPending}
        onClick={() => {
          reorder.mutate();
        }}
      >
        {t('payment.newOrder')}
      </Button>
    </>
  );
}
