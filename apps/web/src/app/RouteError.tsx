import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

import { LinkButton } from '../ui/LinkButton';

/** A page that threw while rendering: a sentence and a way home, never a stack trace. */
export function RouteError() {
  const { t } = useTranslation('common');
  return (
    <main id="main">
      <Result
        status="error"
        title={t('error.title')}
        subTitle={t('errorKinds.500')}
        extra={
          <LinkButton to="/" type="primary">
            {t('notFound.home')}
          </LinkButton>
        }
      />
    </main>
  );
}
