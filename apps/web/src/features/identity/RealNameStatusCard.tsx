import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RealNameStatus } from './real-name-api';

/** antd's preset tag colours are too light for WCAG AA text contrast; these dark texts pass it. */
const TAGS = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  blue: { color: '#002c8c', background: '#f0f5ff', borderColor: '#85a5ff' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
} as const;

/** The verified data exactly as the service returns it: masked. */
export function RealNameStatusCard({
  status,
  faceVerified,
}: {
  status: RealNameStatus;
  faceVerified: boolean;
}) {
  const { t, i18n } = useTranslation('identity');
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      styles={{ label: { width: 140 } }}
      items={[
        {
          key: 'status',
          label: t('status.label'),
          children: (
            <>
              <Tag style={TAGS.green}>{t('status.verified')}</Tag>
              {faceVerified && <Tag style={TAGS.blue}>{t('status.faceVerified')}</Tag>}
              {status.minor && <Tag style={TAGS.orange}>{t('status.minor')}</Tag>}
            </>
          ),
        },
        { key: 'name', label: t('status.name'), children: status.maskedName },
        { key: 'id', label: t('status.idNumber'), children: status.maskedIdNumber },
        {
          key: 'validTo',
          label: t('status.validTo'),
          children: status.validTo === 'long-term' ? t('status.longTerm') : status.validTo,
        },
        { key: 'verifiedAt', label: t('status.verifiedAt'), children: date(status.verifiedAt) },
      ]}
    />
  );
}
