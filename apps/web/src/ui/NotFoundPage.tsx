import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

import { LinkButton } from './LinkButton';
import { PageTitle } from './PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Result
        status="404"
        subTitle={t('notFound.body')}
        extra={
          <LinkButton to="/" type="primary">
            {t('notFound.home')}
          </LinkButton>
        }
      />
    </>
  );
}
