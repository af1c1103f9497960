import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { MetricsSource } from '../core/metrics/metrics-source';
import { CustomMetricsStore } from '../core/state/custom-metrics-store';
import { WindowsStore } from '../core/state/windows-store';
import { SCHEDULER } from '../core/time/scheduler';
import { PREFERENCES_STORAGE } from '../shared/theme/theme.service';
import { FakeMetricsSource } from './fake-metrics-source';
import { FakeScheduler } from './fake-scheduler';

/** In-memory Storage for preferences. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

/**
 * TestBed with the fake source and scheduler, a router at `url`, and the data stores a component
 * under test needs. Resolves once the first load ran.
 */
export async function setupDashboard(options: { url?: string; source?: FakeMetricsSource; scheduler?: FakeScheduler; providers?: unknown[] } = {}) {
  const source = options.source ?? new FakeMetricsSource();
  const scheduler = options.scheduler ?? new FakeScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: MetricsSource, useValue: source },
      { provide: SCHEDULER, useValue: scheduler },
      { provide: PREFERENCES_STORAGE, useFactory: memoryStorage },
      WindowsStore,
      CustomMetricsStore,
      ...((options.providers ?? []) as never[]),
    ],
  });
  await TestBed.inject(Router).navigateByUrl(options.url ?? '/');
  const store = TestBed.inject(WindowsStore);
  TestBed.tick();
  return { source, scheduler, store, router: TestBed.inject(Router) };
}
