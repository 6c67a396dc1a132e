import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = { low: 'default', medium: 'gold', high: 'volcano', critical: 'red' };

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation('security');
  return (
    <Tag color={COLOURS[severity] ?? 'default'}>{t(`severity.${severity}`, { defaultValue: severity })}</Tag>
  );
}
