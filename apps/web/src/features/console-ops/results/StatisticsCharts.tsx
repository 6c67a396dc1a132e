import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { formatNumber, formatPercent } from '../shared/format';
import { distributionOption, passOption, questionOption } from './chart-options';
import { distributionSeries, occupiedBands, passSeries, questionSeries } from './chart-series';
import { EChart } from './EChart';
import type { ExamStatistics } from './results-api';

/** The three charts of an exam's statistics, each a figure with a caption in words and its data table. */
export function StatisticsCharts({ stats }: { stats: ExamStatistics }) {
  const { t, i18n } = useTranslation('consoleOps');
  const lang = i18n.language;
  const distribution = useMemo(() => distributionSeries(stats), [stats]);
  const pass = useMemo(() => passSeries(stats), [stats]);
  const questions = useMemo(() => questionSeries(stats), [stats]);
  const distributionChart = useMemo(
    () =>
      distributionOption(distribution, {
        axisScore: t('charts.axisScore'),
        axisCount: t('charts.axisCount'),
        seriesName: t('charts.candidates'),
      }),
    [distribution, t],
  );
  const passChart = useMemo(
    () => passOption(pass, { passed: t('charts.passed'), failed: t('charts.failed') }),
    [pass, t],
  );
  const questionChart = useMemo(
    () =>
      questionOption(questions, {
        difficulty: t('stats.difficulty'),
        discrimination: t('stats.discrimination'),
        pointBiserial: t('stats.pointBiserial'),
        axisQuestion: t('charts.axisQuestion'),
      }),
    [questions, t],
  );
  const bands = occupiedBands(distribution);
  return (
    <div className="ops-side-by-side">
      <Card size="small">
        <figure className="ops-figure" aria-labelledby="chart-distribution">
          <figcaption id="chart-distribution">
            <Typography.Text strong>{t('charts.distribution')}</Typography.Text>
            <br />
            {t('charts.distributionSummary', {
              count: stats.candidates,
              mean: formatNumber(stats.score.mean, lang),
              median: formatNumber(stats.score.median, lang),
              bands:
                bands.length === 0
                  ? t('charts.noScores')
                  : bands
                      .map((b) => t('charts.band', { label: b.label, count: b.count }))
                      .join(t('charts.listSeparator')),
            })}
          </figcaption>
          <EChart option={distributionChart} />
          <details>
            <summary>{t('charts.dataTable')}</summary>
            <table className="ops-data-table">
              <thead>
                <tr>
                  <th scope="col">{t('charts.axisScore')}</th>
                  <th scope="col">{t('charts.axisCount')}</th>
                </tr>
              </thead>
              <tbody>
                {distribution.labels.map((label, i) => (
                  <tr key={label}>
                    <td>{label}</td>
                    <td>{distribution.counts[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      </Card>
      <Card size="small">
        <figure className="ops-figure" aria-labelledby="chart-pass">
          <figcaption id="chart-pass">
            <Typography.Text strong>{t('charts.passRate')}</Typography.Text>
            <br />
            {t('charts.passSummary', {
              passed: pass.passed,
              failed: pass.failed,
              rate: formatPercent(stats.passRate, lang),
              passScore: stats.passScore,
            })}
          </figcaption>
          <EChart option={passChart} />
        </figure>
      </Card>
      <Card size="small" style={{ gridColumn: '1 / -1' }}>
        <figure className="ops-figure" aria-labelledby="chart-questions">
          <figcaption id="chart-questions">
            <Typography.Text strong>{t('charts.questions')}</Typography.Text>
            <br />
            {t('charts.questionsSummary')}
          </figcaption>
          <EChart option={questionChart} />
        </figure>
      </Card>
    </div>
  );
}
