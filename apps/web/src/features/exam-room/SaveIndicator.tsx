import {
  CheckCircleOutlined,
  CloudOutlined,
  ExclamationCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

import { describeError } from '../../errors/describe-error';
import type { SaveQueueState } from './model/save-queue';

/** The autosave's state in words, announced politely when it changes. */
export function SaveIndicator({ state }: { state: SaveQueueState }) {
  const { t, i18n } = useTranslation('examRoom');
  let icon = <CheckCircleOutlined aria-hidden />;
  let text = t('save.saved');
  switch (state.status) {
    case 'saved':
      break;
    case 'saving':
      icon = <SyncOutlined spin aria-hidden />;
      text = t('save.saving');
      break;
    case 'offline':
      icon = <CloudOutlined aria-hidden />;
      text = t('save.offline', { count: state.pending });
      break;
    case 'failed':
    case 'stopped':
      icon = <ExclamationCircleOutlined aria-hidden />;
      text = t('save.failed', { reason: describeError(state.error, i18n, 'examRoom').message });
      break;
  }
  return (
    <div
      role="status"
      aria-live="polite"
      className={`room-save is-${state.status}`}
      data-save-state={state.status}
    >
      {icon} <span>{text}</span>
    </div>
  );
}
