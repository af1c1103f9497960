import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ERROR_CLASSES, FILTER_NAMES, presetOf, type ErrorClass, type FilterName } from '../../core/state/view-state';
import { ViewStateService } from '../../core/state/view-state.service';
import { RANGE_PRESETS, type RangePreset } from '../../core/state/time-range';
import { WindowsStore } from '../../core/state/windows-store';
import { formatDuration } from '../../shared/format/format-number';

const FILTER_LABELS: Record<FilterName, { label: string; placeholder: string }> = {
  account: { label: 'Account', placeholder: '123456789012' },
  region: { label: 'Region', placeholder: 'us-east-1' },
  service: { label: 'Service', placeholder: 'ec2.amazonaws.com' },
  principal: { label: 'Principal', placeholder: 'arn:aws:iam::…:user/alice' },
};

/** `datetime-local` value (local time, minutes) of epoch ms, and back. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The time range picker and the filters. Applying writes the URL; the URL drives the data. */
@Component({
  selector: 'tp-view-toolbar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './view-toolbar.component.html',
  styleUrl: './view-toolbar.component.css',
})
export class ViewToolbarComponent {
  private readonly viewState = inject(ViewStateService);
  private readonly store = inject(WindowsStore);
  protected readonly presets = RANGE_PRESETS;
  protected readonly filterNames = FILTER_NAMES;
  protected readonly filterLabels = FILTER_LABELS;
  protected readonly errorClasses = ERROR_CLASSES;
  protected readonly state = this.viewState.state;
  protected readonly urlProblems = this.viewState.problems;
  protected readonly rangeProblem = this.store.rangeProblem;
  protected readonly customOpen = signal(false);
  protected readonly customError = signal('');

  protected readonly selectedPreset = computed(() => (this.customOpen() ? 'custom' : presetOf(this.state().range)));
  protected readonly resolutionText = computed(() => {
    const resolution = this.store.resolution();
    return resolution === null ? '' : `${formatDuration(resolution.bucketSeconds)} buckets`;
  });
  protected readonly customFrom = computed(() => {
    const range = this.state().range;
    return toLocalInput(range.kind === 'absolute' ? range.fromMs : Date.now() - 3_600_000);
  });
  protected readonly customTo = computed(() => {
    const range = this.state().range;
    return toLocalInput(range.kind === 'absolute' ? range.toMs : Date.now());
  });

  protected onPreset(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'custom') {
      this.customOpen.set(true);
      return;
    }
    this.customOpen.set(false);
    void this.viewState.update({ range: { kind: 'relative', preset: value as RangePreset } });
  }

  protected applyCustom(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const fromMs = Date.parse(String(form.get('from') ?? ''));
    const toMs = Date.parse(String(form.get('to') ?? ''));
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) {
      this.customError.set('Enter both the start and the end.');
      return;
    }
    if (fromMs >= toMs) {
      this.customError.set('The end must be after the start.');
      return;
    }
    this.customError.set('');
    this.customOpen.set(false);
    void this.viewState.update({ range: { kind: 'absolute', fromMs, toMs } });
  }

  protected applyFilters(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const filters: Partial<Record<FilterName, string>> = {};
    for (const name of FILTER_NAMES) {
      const value = String(form.get(name) ?? '').trim();
      if (value !== '') filters[name] = value;
    }
    const error = String(form.get('error') ?? '');
    const { errorClass: _previous, ...rest } = this.state();
    void this.viewState.set(error === '' ? { ...rest, filters } : { ...rest, filters, errorClass: error as ErrorClass });
  }

  protected clearFilters(): void {
    const { errorClass: _previous, ...rest } = this.state();
    void this.viewState.set({ ...rest, filters: {} });
  }

  protected hasFilters = computed(() => Object.keys(this.state().filters).length > 0 || this.state().errorClass !== undefined);
}
