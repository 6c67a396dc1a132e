import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useSession } from '../../../auth/use-session';

/** A pseudonymous account id, shortened; "me" for the signed-in staff member. */
export function PersonRef({ id }: { id: string | null }) {
  const { t } = useTranslation('security');
  const session = useSession();
  if (id === null) return <>{t('none')}</>;
  if (id === session?.userId) return <>{t('me')}</>;
  if (id.startsWith('service:')) return <>{t('service', { name: id.slice('service:'.length) })}</>;
  return (
    <Typography.Text code title={id}>
      {id.slice(0, 8)}
    </Typography.Text>
  );
}
