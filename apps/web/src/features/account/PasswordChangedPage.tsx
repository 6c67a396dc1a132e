import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { cameSignedOut, useForgetSession } from './use-forget-session';

/** After a password change every session has ended: the way back in. */
export function PasswordChangedPage() {
  const { t } = useTranslation('account');
  useForgetSession(cameSignedOut(useLocation().state));
  return (
    <>
      <PageTitle>{t('password.doneTitle')}</PageTitle>
      <Result
        status="success"
        subTitle={t('password.doneBody')}
        extra={
          <LinkButton to="/sign-in" type="primary">
            {t('password.signIn')}
          </LinkButton>
        }
      />
    </>
  );
}
