import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Order, Registration } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { formatFen } from '../logic/money';
import type { RegistrationView } from '../logic/registration-status';

const ALERT_TYPES = {
  processing: 'info',
  warning: 'warning',
  success: 'success',
  error: 'error',
  default: 'info',
} as const;

export function hintParams(
  registration: Registration,
  order: Order | undefined,
  language: string,
): { fee: string; until: string } {
  return {
    fee: formatFen(order?.amountFen ?? registration.feeFen),
    until: order ? formatDateTime(order.expiresAt, language) : '',
  };
}

/** The status said in a sentence, with what happens next (and the institution's reason for a rejection). */
export function StatusExplanation({
  registration,
  view,
  order,
}: {
  registration: Registration;
  view: RegistrationView;
  order: Order | undefined;
}) {
  const { t, i18n } = useTranslation('exams');
  const params = hintParams(registration, order, i18n.language);
  return (
    <Alert
      type={ALERT_TYPES[view.tone]}
      showIcon
      title={t(`status.${view.status}`)}
      description={
        <>
          <div>{t(`statusHint.${view.status}`, params)}</div>
          {view.status === 'rejected' && registration.reviewReason ? (
            <div data-testid="review-reason">
              {t('registration.rejectionReason', { reason: registration.reviewReason })}
            </div>
          ) : null}
        </>
      }
    />
  );
}
