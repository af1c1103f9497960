import { Injectable, inject, signal } from '@angular/core';
import { SCHEDULER } from '../../core/time/scheduler';
import { PREFERENCES_STORAGE } from '../../shared/theme/theme.service';

const STORAGE_KEY = 'trailpulse.anomaly-triage';

interface TriageState {
  readonly acknowledged: readonly string[];
  /** metric -> epoch ms until which it is muted. */
  readonly mutedUntil: Readonly<Record<string, number>>;
}

/**
 * Acknowledged anomalies and muted metrics. Kept in this browser only: the API has no route for
 * them yet (contract-gaps.ts), so they are per analyst, not shared with the team.
 */
@Injectable({ providedIn: 'root' })
export class AnomalyTriageService {
  private readonly storage = inject(PREFERENCES_STORAGE);
  private readonly scheduler = inject(SCHEDULER);
  readonly state = signal<TriageState>(this.read());

  isAcknowledged(id: string): boolean {
    return this.state().acknowledged.includes(id);
  }

  isMuted(metric: string): boolean {
    return (this.state().mutedUntil[metric] ?? 0) > this.scheduler.now();
  }

  toggleAcknowledged(id: string): void {
    const acknowledged = this.state().acknowledged;
    this.write({ ...this.state(), acknowledged: acknowledged.includes(id) ? acknowledged.filter((known) => known !== id) : [...acknowledged, id].slice(-2000) });
  }

  mute(metric: string, durationMs: number): void {
    this.write({ ...this.state(), mutedUntil: { ...this.state().mutedUntil, [metric]: this.scheduler.now() + durationMs } });
  }

  unmute(metric: string): void {
    const mutedUntil = { ...this.state().mutedUntil };
    delete mutedUntil[metric];
    this.write({ ...this.state(), mutedUntil });
  }

  private write(state: TriageState): void {
    this.state.set(state);
    this.storage.setItem(STORAGE_KEY, JSON.stringify(state));
  }

  private read(): TriageState {
    try {
      const parsed = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '{}') as Partial<TriageState>;
      return {
        acknowledged: Array.isArray(parsed.acknowledged) ? parsed.acknowledged.filter((id): id is string => typeof id === 'string') : [],
        mutedUntil: typeof parsed.mutedUntil === 'object' && parsed.mutedUntil !== null ? parsed.mutedUntil : {},
      };
    } catch {
      return { acknowledged: [], mutedUntil: {} };
    }
  }
}
