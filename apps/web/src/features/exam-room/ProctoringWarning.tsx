import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ProctoringReport } from './model/types';

/** The server's judgement of a report in words: a warning (or the attempt flagged for review). */
export function ProctoringWarning({
  report,
  onClose,
}: {
  report: ProctoringReport | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('examRoom');
  const policy = report?.policy;
  const rule = report?.events.find((e) => e.outcome === policy?.outcome)?.rule ?? 'tab_switch';
  return (
    <Modal
      open={report !== null}
      title={t('proctor.title')}
      okText={t('proctor.understood')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {policy && (
        <div role="alert">
          <p>{t(`proctor.rule.${rule}`)}</p>
          <p>
            {policy.outcome === 'flagged'
              ? t('proctor.flagged')
              : t('proctor.warning', { count: policy.warnings })}
          </p>
          <p>{t(`rules.consequence.${policy.consequence}`)}</p>
        </div>
      )}
    </Modal>
  );
}
