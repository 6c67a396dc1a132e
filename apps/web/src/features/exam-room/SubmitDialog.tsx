import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import type { submitSummary } from './model/navigator-state';

interface Props {
  open: boolean;
  summary: ReturnType<typeof submitSummary>;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Before submitting: what is answered, what is left blank or flagged, and a confirmation. */
export function SubmitDialog({ open, summary, busy, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('examRoom');
  const list = (numbers: readonly number[]) =>
    numbers.map((n) => t('question.number', { number: n })).join('、');
  return (
    <Modal
      open={open}
      title={t('submit.title')}
      okText={t('submit.confirm')}
      cancelText={t('submit.back')}
      onOk={onConfirm}
      onCancel={onCancel}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div className="room-summary">
        <p>{t('submit.answered', { answered: summary.answered, total: summary.total })}</p>
        {summary.unanswered.length > 0 ? (
          <p className="room-summary-warn">
            {t('submit.unanswered', { count: summary.unanswered.length, list: list(summary.unanswered) })}
          </p>
        ) : (
          <p>{t('submit.allAnswered')}</p>
        )}
        {summary.flagged.length > 0 && (
          <p>{t('submit.flagged', { count: summary.flagged.length, list: list(summary.flagged) })}</p>
        )}
        <p>{t('submit.final')}</p>
        {error !== null && <ErrorAlert error={error} namespace="examRoom" />}
      </div>
    </Modal>
  );
}
