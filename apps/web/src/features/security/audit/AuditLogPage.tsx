import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { logFiltersFromQuery, logFiltersToQuery } from '../model/log-filters';
import { SecurityPage } from '../shared/SecurityPage';
import { ChainCard } from './ChainCard';
import { LogResults } from './LogResults';
import { LogSearchForm } from './LogSearchForm';

/** /security/audit: search and export the audit log; verify the chain and sign checkpoints. */
export function AuditLogPage() {
  const { t } = useTranslation('security');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => logFiltersFromQuery(params), [params]);
  const key = logFiltersToQuery(filters).toString();
  return (
    <SecurityPage title={t('audit.title')}>
      <ChainCard />
      <Card title={<h2 className="security-h2">{t('audit.searchTitle')}</h2>}>
        <LogSearchForm
          key={key}
          filters={filters}
          onApply={(next) => {
            setParams(logFiltersToQuery(next));
          }}
        />
      </Card>
      <LogResults key={key} filters={filters} />
    </SecurityPage>
  );
}
