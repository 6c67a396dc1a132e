import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

import { describeError } from '../errors/describe-error';

interface Props {
  error: unknown;
  /** The feature namespace whose `errors` table is tried first. */
  namespace?: string;
  onRetry?: () => void;
}

/** A failure in words a person understands, with the reference to quote; never raw JSON. */
export function ErrorAlert({ error, namespace, onRetry }: Props) {
  const { t, i18n } = useTranslation('common');
  if (!error) return null;
  const described = describeError(error, i18n, namespace);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-error-code={described.code}
      title={described.message}
      description={
        described.correlationId ? t('error.reference', { id: described.correlationId }) : undefined
      }
      action={
        onRetry ? (
          <button type="button" className="link-button" onClick={onRetry}>
            {t('actions.retry')}
          </button>
        ) : undefined
      }
    />
  );
}
