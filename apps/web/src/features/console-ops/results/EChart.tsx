import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * One chart drawn by ECharts (loaded lazily). The canvas is hidden from assistive technology: the figure
 * around it carries the text alternative (caption and data table). Pass a memoised `option`.
 */
export function EChart({ option }: { option: EChartsCoreOption }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      const element = ref.current;
      if (disposed || element === null) return;
      const chart = echarts.init(element);
      chart.setOption(option);
      const observer = new ResizeObserver(() => {
        chart.resize();
      });
      observer.observe(element);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option]);
  return <div ref={ref} className="ops-chart" aria-hidden="true" />;
}
