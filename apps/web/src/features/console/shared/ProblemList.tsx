import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ServerDetail } from './field-path';
import { useReason } from './use-reason';

/** The refused fields a form could not show beside a field of its own, in words. */
export function ProblemList({
  problems,
  labelOf,
}: {
  problems: ServerDetail[];
  labelOf: (field: string) => string;
}) {
  const { t } = useTranslation('console');
  const reasonOf = useReason();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      style={{ marginTop: 8 }}
      title={t('problems.title')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((d) => (
            <li key={`${d.field ?? ''}:${d.reason}`}>
              {d.field ? `${labelOf(d.field)}：` : ''}
              {reasonOf(d.reason)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
