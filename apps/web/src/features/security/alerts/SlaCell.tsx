import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Alert } from '../api/types';
import { slaStateOf } from '../model/sla';
import { useFormatters } from '../shared/use-formatters';

/** The acknowledgement clock: time left, overdue by, or stopped. */
export function SlaCell({ alert }: { alert: Alert }) {
  const { t } = useTranslation('security');
  const { duration } = useFormatters();
  const state = slaStateOf(alert);
  if (state.kind === 'breached')
    return <Tag color="red">{t('sla.breached', { overdue: duration(state.overdueSeconds) })}</Tag>;
  if (state.kind === 'due')
    return <Tag color="blue">{t('sla.due', { left: duration(state.remainingSeconds) })}</Tag>;
  return <Tag>{t('sla.stopped')}</Tag>;
}
