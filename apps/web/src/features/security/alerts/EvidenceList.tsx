import { Card, Descriptions, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { EvidenceItem, EvidenceValue } from '../api/types';
import { evidenceFields, type FactValue, readableEvidence } from '../model/evidence-facts';
import { SeverityTag } from '../shared/SeverityTag';
import { type Formatters, useFormatters } from '../shared/use-formatters';
import { useLabels } from '../shared/use-labels';

function useFactText(formatters: Formatters) {
  const { t } = useTranslation('security');
  return (fact: FactValue): string => {
    switch (fact.kind) {
      case 'text':
        return fact.value;
      case 'number':
        return fact.value.toLocaleString();
      case 'time':
        return formatters.dateTime(fact.iso);
      case 'code':
        return t(`codes.${fact.group}.${fact.value}`, { defaultValue: fact.value });
      case 'missing':
        return t('unknownValue');
    }
  };
}

function valueText(value: EvidenceValue, dateTime: (iso: string) => string): string {
  if (value === null) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime(value);
  return String(value);
}

/** Each detection of the alert: the rule, what it saw in words, the raw evidence fields and the engine's text. */
export function EvidenceList({ evidence }: { evidence: EvidenceItem[] }) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const formatters = useFormatters();
  const factText = useFactText(formatters);
  return (
    <Card title={<h2 className="security-h2">{t('evidence.title')}</h2>}>
      <List
        dataSource={evidence}
        locale={{ emptyText: t('evidence.none') }}
        renderItem={(item, index) => {
          const readable = readableEvidence(item);
          const values = Object.fromEntries(
            Object.entries(readable.summary).map(([k, v]) => [k, factText(v)]),
          );
          return (
            <List.Item key={`${item.rule}-${String(index)}`}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <h3 className="security-h3">{labels.rule(item.rule)}</h3>
                  <SeverityTag severity={item.severity} />
                  <Typography.Text type="secondary">{formatters.dateTime(item.seenAt)}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {readable.known
                    ? t(`rules.${item.rule}.summary`, { ...values, interpolation: { escapeValue: false } })
                    : t('rules.unknown', { ...values, interpolation: { escapeValue: false } })}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {t('evidence.why', { rule: labels.rule(item.rule) })} <span lang="en">{item.reason}</span>
                </Typography.Paragraph>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 2 }}
                  items={evidenceFields(item).map(({ field, value }) => ({
                    key: field,
                    label: labels.field(field),
                    children: valueText(value, formatters.dateTime),
                  }))}
                />
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
