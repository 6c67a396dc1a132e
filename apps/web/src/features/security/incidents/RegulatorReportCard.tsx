import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { saveBlob } from '../../../ui/save-blob';
import { securityApi } from '../api/security-api';
import { useFormatters } from '../shared/use-formatters';

/** The report kept for (and sent to) the regulator, as the API generates it; downloadable as JSON. */
export function RegulatorReportCard({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const report = useQuery({
    queryKey: ['security', 'incident', incidentId, 'report'],
    queryFn: () => securityApi.regulatorReport(incidentId),
  });
  const r = report.data;
  return (
    <Card
      title={<h2 className="security-h2">{t('report.title')}</h2>}
      extra={
        r ? (
          <Button
            onClick={() => {
              saveBlob(
                new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' }),
                `regulator-report-${incidentId}.json`,
              );
            }}
          >
            {t('report.download')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={report.error} namespace="security" />
      {r ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'generated', label: t('report.generatedAt'), children: dateTime(r.generatedAt) },
            { key: 'title', label: t('incidents.fields.title'), children: r.title },
            { key: 'occurred', label: t('incidents.fields.occurredAt'), children: dateTime(r.occurredAt) },
            {
              key: 'discovered',
              label: t('incidents.fields.discoveredAt'),
              children: dateTime(r.discoveredAt),
            },
            { key: 'cause', label: t('incidents.fields.cause'), children: r.cause },
            {
              key: 'categories',
              label: t('incidents.fields.dataCategories'),
              children: r.personalDataCategories
                .map((c) => t(`incidents.categories.${c}`, { defaultValue: c }))
                .join('、'),
            },
            { key: 'affected', label: t('incidents.fields.affectedUsers'), children: r.affectedUsers },
            { key: 'harm', label: t('report.possibleHarm'), children: r.possibleHarm },
            { key: 'measures', label: t('report.remedialMeasures'), children: r.remedialMeasures },
            { key: 'individuals', label: t('report.individuals'), children: r.measuresIndividualsCanTake },
            {
              key: 'notified',
              label: t('report.notified'),
              children: r.usersNotifiedAt
                ? t('incidents.notifiedSummary', { count: r.usersNotified, at: dateTime(r.usersNotifiedAt) })
                : t('incidents.notNotified'),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
