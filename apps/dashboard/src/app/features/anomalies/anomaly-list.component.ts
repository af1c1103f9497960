import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RuntimeConfigService } from '../../core/config/runtime-config.service';
import { type DrillRequest } from '../../core/state/drill-request';
import { WindowsStore } from '../../core/state/windows-store';
import { formatExact, formatScore } from '../../shared/format/format-number';
import { formatDateTime } from '../../shared/format/format-time';
import { DrillDownPanelComponent } from '../drill-down/drill-down-panel.component';
import { type Anomaly, collectAnomalies } from './anomaly';
import { AnomalyTriageService } from './anomaly-triage.service';

const MUTE_OPTIONS = [
  { label: '1 h', ms: 3_600_000 },
  { label: '24 h', ms: 86_400_000 },
] as const;

/** The anomalies of the view, newest first: when, which metric, score, top contributors; acknowledge or mute. */
@Component({
  selector: 'tp-anomaly-list',
  imports: [DrillDownPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './anomaly-list.component.html',
  styleUrl: './anomaly-list.component.css',
})
export class AnomalyListComponent {
  private readonly store = inject(WindowsStore);
  protected readonly triage = inject(AnomalyTriageService);
  protected readonly threshold = inject(RuntimeConfigService).config.anomalyThreshold;
  protected readonly muteOptions = MUTE_OPTIONS;
  protected readonly showHandled = signal(false);
  protected readonly drillRequest = signal<DrillRequest | null>(null);
  protected readonly status = this.store.status;

  readonly all = computed(() => collectAnomalies(this.store.windows(), this.store.anomalyMessages(), this.threshold));

  /** What the list shows: unless asked, not the acknowledged ones nor the muted metrics'. */
  readonly visible = computed(() => {
    this.triage.state();
    return this.showHandled() ? this.all() : this.all().filter((anomaly) => !this.triage.isAcknowledged(anomaly.id) && !this.triage.isMuted(anomaly.metric));
  });

  protected readonly hiddenCount = computed(() => this.all().length - this.visible().length);
  protected readonly mutedMetrics = computed(() => Object.keys(this.triage.state().mutedUntil).filter((metric) => this.triage.isMuted(metric)));

  protected format = { exact: formatExact, score: formatScore, time: formatDateTime };

  protected drill(anomaly: Anomaly): void {
    this.drillRequest.set({ title: `${anomaly.metric} anomaly`, fromMs: anomaly.startMs, toMs: anomaly.endMs, filters: this.store.view().filters });
  }
}
