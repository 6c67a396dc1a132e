import type { EChartsCoreOption } from 'echarts/core';

import type { DistributionSeries, PassSeries, QuestionSeries } from './chart-series';

/** Colours distinguishable by colour-blind readers and dark enough on white. */
const BLUE = '#0958d9';
const ORANGE = '#d46b08';
const GREEN = '#389e0d';
const RED = '#cf1322';

interface DistributionNames {
  axisScore: string;
  axisCount: string;
  seriesName: string;
}

export function distributionOption(series: DistributionSeries, names: DistributionNames): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: series.labels,
      name: names.axisScore,
      nameLocation: 'middle',
      nameGap: 36,
      axisLabel: { rotate: 30 },
    },
    yAxis: { type: 'value', minInterval: 1, name: names.axisCount },
    series: [{ type: 'bar', name: names.seriesName, data: series.counts, itemStyle: { color: BLUE } }],
  };
}

export function passOption(series: PassSeries, names: { passed: string; failed: string }): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: [
          { name: names.passed, value: series.passed, itemStyle: { color: GREEN } },
          { name: names.failed, value: series.failed, itemStyle: { color: RED } },
        ],
      },
    ],
  };
}

interface QuestionNames {
  difficulty: string;
  discrimination: string;
  pointBiserial: string;
  axisQuestion: string;
}

export function questionOption(series: QuestionSeries, names: QuestionNames): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 48, bottom: 48 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: series.labels,
      name: names.axisQuestion,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', min: -1, max: 1 },
    series: [
      { type: 'bar', name: names.difficulty, data: series.difficulty, itemStyle: { color: BLUE } },
      { type: 'bar', name: names.discrimination, data: series.discrimination, itemStyle: { color: ORANGE } },
      { type: 'bar', name: names.pointBiserial, data: series.pointBiserial, itemStyle: { color: GREEN } },
    ],
  };
}
