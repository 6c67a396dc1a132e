import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { cameSignedOut, useForgetSession } from '../account/use-forget-session';
import { formatDate } from './format-date';

function deadlineOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { deadline } = state as { deadline?: unknown };
  return typeof deadline === 'string' ? deadline : null;
}

/** After cancellation: signed out everywhere, and by when the other services erase the rest. */
export function AccountCancelledPage() {
  const { t, i18n } = useTranslation('privacy');
  const state: unknown = useLocation().state;
  const deadline = deadlineOf(state);
  useForgetSession(cameSignedOut(state));
  return (
    <>
      <PageTitle>{t('erasure.doneTitle')}</PageTitle>
      <Result
        status="success"
        subTitle={
          deadline
            ? t('erasure.doneBody', { deadline: formatDate(deadline, i18n.language) })
            : t('erasure.consequences.signedOut')
        }
        extra={
          <LinkButton to="/" type="primary">
            {t('erasure.home')}
          </LinkButton>
        }
      />
    </>
  );
}
