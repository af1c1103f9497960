import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { adviceFor } from '../../core/api/api-error';
import { RuntimeConfigService } from '../../core/config/runtime-config.service';
import { CustomMetricsStore } from '../../core/state/custom-metrics-store';
import { type DrillRequest } from '../../core/state/drill-request';
import { WindowsStore } from '../../core/state/windows-store';
import { DrillDownPanelComponent } from '../drill-down/drill-down-panel.component';
import { bucketize } from './aggregate';
import { type OverviewData } from './overview-data';
import { CallsByServiceWidgetComponent } from './widgets/calls-by-service.widget';
import { ChangeActivityWidgetComponent } from './widgets/change-activity.widget';
import { CustomMetricWidgetComponent } from './widgets/custom-metric.widget';
import { Ec2SuccessfulWidgetComponent } from './widgets/ec2-successful.widget';
import { MaxCallsByIpWidgetComponent } from './widgets/max-calls-by-ip.widget';
import { ServiceHeatmapWidgetComponent } from './widgets/service-heatmap.widget';
import { TopListWidgetComponent } from './widgets/top-list.widget';
import { TotalCallsWidgetComponent } from './widgets/total-calls.widget';

/** Every metric of metrics.md as a widget, then one per custom metric. Clicking data opens its raw events. */
@Component({
  selector: 'tp-overview-page',
  imports: [
    CallsByServiceWidgetComponent,
    ChangeActivityWidgetComponent,
    CustomMetricWidgetComponent,
    DrillDownPanelComponent,
    Ec2SuccessfulWidgetComponent,
    MaxCallsByIpWidgetComponent,
    ServiceHeatmapWidgetComponent,
    TopListWidgetComponent,
    TotalCallsWidgetComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.component.html',
  styleUrl: './overview-page.component.css',
})
export class OverviewPageComponent {
  private readonly store = inject(WindowsStore);
  private readonly threshold = inject(RuntimeConfigService).config.anomalyThreshold;
  protected readonly customMetrics = inject(CustomMetricsStore).definitions;
  protected readonly drillRequest = signal<DrillRequest | null>(null);

  readonly data = computed<OverviewData>(() => {
    const range = this.store.range();
    const resolution = this.store.resolution();
    const view = this.store.view();
    const status = this.store.status();
    const windows = this.store.windows();
    const error = this.store.error();
    const buckets = range === null || resolution === null ? [] : bucketize(windows, resolution.bucketSeconds, range.fromMs, range.toMs);
    return {
      windows,
      buckets,
      bucketSeconds: resolution?.bucketSeconds ?? 60,
      state: status === 'error' ? 'error' : status === 'loading' && windows.length === 0 ? 'loading' : 'ready',
      message: status === 'error' ? `${error instanceof Error ? error.message : String(error)}. ${adviceFor(error)}` : '',
      filters: view.filters,
      ...(view.errorClass === undefined ? {} : { errorClass: view.errorClass }),
      anomalyThreshold: this.threshold,
    };
  });

  protected openDrill(request: DrillRequest): void {
    const errorClass = request.errorClass ?? this.data().errorClass;
    this.drillRequest.set(errorClass === undefined ? request : { ...request, errorClass });
  }

  protected retry(): void {
    this.store.retry();
  }
}
