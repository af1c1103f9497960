import { type Routes } from '@angular/router';
import { HttpWsMetricsSource } from '../core/metrics/http-ws-metrics-source';
import { MetricsSource } from '../core/metrics/metrics-source';
import { CustomMetricsStore } from '../core/state/custom-metrics-store';
import { WindowsStore } from '../core/state/windows-store';
import { provideCharts } from '../shared/charts/provide-charts';
import { DashboardLayoutComponent } from './layout/dashboard-layout.component';

/** The signed-in dashboard. The data layer lives here, so it starts (and connects) with it. */
export const dashboardRoutes: Routes = [
  {
    path: '',
    component: DashboardLayoutComponent,
    providers: [{ provide: MetricsSource, useClass: HttpWsMetricsSource }, WindowsStore, CustomMetricsStore, provideCharts()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      { path: 'overview', title: 'Overview · TrailPulse', loadComponent: () => import('./overview/overview-page.component').then((m) => m.OverviewPageComponent) },
      { path: 'anomalies', title: 'Anomalies · TrailPulse', loadComponent: () => import('./anomalies/anomaly-list.component').then((m) => m.AnomalyListComponent) },
      {
        path: 'custom-metrics',
        title: 'Custom metrics · TrailPulse',
        loadComponent: () => import('./custom-metrics/custom-metrics-page.component').then((m) => m.CustomMetricsPageComponent),
      },
    ],
  },
];
