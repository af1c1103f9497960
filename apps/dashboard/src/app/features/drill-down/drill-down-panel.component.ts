import { ChangeDetectionStrategy, Component, type ElementRef, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { type RawRecord } from '@trailpulse/api-contract';
import { type Subscription } from 'rxjs';
import { adviceFor } from '../../core/api/api-error';
import { MetricsSource } from '../../core/metrics/metrics-source';
import { type DrillRequest } from '../../core/state/drill-request';
import { formatDateTime } from '../../shared/format/format-time';
import { CLIPBOARD } from './clipboard';
import { errorClassOf } from './error-class';

/** Raw events fetched per drill-down (the API allows up to 1000). */
export const DRILL_DOWN_LIMIT = 200;

/** The raw CloudTrail records behind a clicked bar or point, newest first, each with its copyable JSON. */
@Component({
  selector: 'tp-drill-down-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drill-down-panel.component.html',
  styleUrl: './drill-down-panel.component.css',
  host: { '(document:keydown.escape)': 'closed.emit()' },
})
export class DrillDownPanelComponent {
  private readonly source = inject(MetricsSource);
  private readonly clipboard = inject(CLIPBOARD);
  private request: Subscription | null = null;
  private readonly dialog = viewChild<ElementRef<HTMLElement>>('dialog');

  readonly drill = input.required<DrillRequest>();
  readonly closed = output<void>();

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal<string>('');
  private readonly fetched = signal<readonly RawRecord[]>([]);
  protected readonly truncated = signal(false);
  protected readonly expanded = signal<number | null>(null);
  protected readonly copied = signal<number | null>(null);

  /** The fetched events, narrowed by error class when one was asked for. */
  readonly events = computed(() => {
    const errorClass = this.drill().errorClass;
    return errorClass === undefined ? this.fetched() : this.fetched().filter((event) => errorClassOf(event['errorCode']) === errorClass);
  });

  protected readonly filterText = computed(() => {
    const drill = this.drill();
    const parts = Object.entries(drill.filters).map(([name, value]) => `${name} = ${value}`);
    if (drill.errorClass !== undefined) parts.push(`error class = ${drill.errorClass}`);
    return `${formatDateTime(drill.fromMs)} – ${formatDateTime(drill.toMs)}${parts.length > 0 ? `; ${parts.join(', ')}` : ''}`;
  });

  constructor() {
    effect((onCleanup) => {
      const drill = this.drill();
      this.load(drill);
      onCleanup(() => this.request?.unsubscribe());
    });
    effect(() => this.dialog()?.nativeElement.focus());
  }

  protected reload(): void {
    this.load(this.drill());
  }

  private load(drill: DrillRequest): void {
    this.request?.unsubscribe();
    this.status.set('loading');
    this.expanded.set(null);
    this.request = this.source.queryEvents({ fromMs: drill.fromMs, toMs: drill.toMs, limit: DRILL_DOWN_LIMIT, filters: drill.filters }).subscribe({
      next: (response) => {
        this.fetched.set(response.events);
        this.truncated.set(response.truncated);
        this.status.set('ready');
      },
      error: (error: unknown) => {
        this.error.set(`${error instanceof Error ? error.message : String(error)}. ${adviceFor(error)}`);
        this.status.set('error');
      },
    });
  }

  protected json(event: RawRecord): string {
    return JSON.stringify(event, null, 2);
  }

  protected time(event: RawRecord): string {
    const ms = Date.parse(event.eventTime);
    return Number.isNaN(ms) ? event.eventTime : formatDateTime(ms);
  }

  protected field(event: RawRecord, name: string): string {
    const value = event[name];
    return typeof value === 'string' ? value : '';
  }

  protected principal(event: RawRecord): string {
    const identity = event['userIdentity'];
    if (typeof identity !== 'object' || identity === null) return '';
    const record = identity as Record<string, unknown>;
    for (const key of ['arn', 'userName', 'principalId', 'invokedBy', 'type']) if (typeof record[key] === 'string' && record[key] !== '') return record[key];
    return '';
  }

  protected toggle(index: number): void {
    this.expanded.set(this.expanded() === index ? null : index);
  }

  protected async copy(event: RawRecord, index: number): Promise<void> {
    await this.clipboard.writeText(this.json(event));
    this.copied.set(index);
  }
}
