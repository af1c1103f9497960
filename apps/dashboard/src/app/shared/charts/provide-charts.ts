import { type Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/** ngx-echarts with the tree-shaken echarts of echarts-setup.ts, loaded when the first chart needs it. */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup').then((module) => module.echarts) });
}
