import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

import { LinkButton } from '../../../ui/LinkButton';

/** The catalogue is served to signed-in accounts only: a visitor is told so and sent to sign in (and back). */
export function SignInFirst() {
  const { t } = useTranslation('exams');
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);
  return (
    <Alert
      type="info"
      showIcon
      title={t('catalogue.signInTitle')}
      description={
        <Space orientation="vertical">
          <span>{t('catalogue.signInBody')}</span>
          <Space wrap>
            <LinkButton to={`/sign-in?next=${next}`} type="primary">
              {t('catalogue.signIn')}
            </LinkButton>
            <LinkButton to="/sign-up">{t('catalogue.signUp')}</LinkButton>
          </Space>
        </Space>
      }
    />
  );
}
