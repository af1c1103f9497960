import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type ConnectionState } from '../../core/metrics/connection-state';
import { formatDuration } from '../../shared/format/format-number';
import { formatBucketTime } from '../../shared/format/format-time';

/** The live connection as a pill: live, connecting, reconnecting (and polling), or off. */
@Component({
  selector: 'tp-connection-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="pill" [class]="'pill ' + tone()" role="status" aria-live="polite"><span class="dot" aria-hidden="true"></span>{{ text() }}</span>`,
  styles: `
    .pill { display: inline-flex; align-items: center; gap: 0.4rem; border: 1px solid var(--border); border-radius: 999px; padding: 0.15rem 0.65rem; font-size: 0.8rem; }
    .dot { width: 0.55rem; height: 0.55rem; border-radius: 50%; background: var(--muted); }
    .live .dot { background: var(--ok); }
    .warn .dot { background: var(--warn); }
    .off .dot { background: var(--danger); }
  `,
})
export class ConnectionStatusComponent {
  readonly connection = input.required<ConnectionState>();
  readonly polling = input(false);
  readonly pollIntervalSeconds = input(15);

  protected readonly tone = computed(() => {
    const status = this.connection().status;
    return status === 'open' ? 'live' : status === 'stopped' ? 'off' : 'warn';
  });

  readonly text = computed(() => {
    const state = this.connection();
    const polling = this.polling() ? ` · polling every ${formatDuration(this.pollIntervalSeconds())}` : '';
    switch (state.status) {
      case 'open':
        return 'Live';
      case 'idle':
        return 'Not connected';
      case 'connecting':
        return state.attempt === 0 ? 'Connecting…' : `Reconnecting (attempt ${state.attempt + 1})…${polling}`;
      case 'reconnecting':
        return `Connection lost (${state.reason}); retry ${state.attempt} at ${formatBucketTime(state.retryAtMs, 1)}${polling}`;
      case 'stopped':
        return `Live updates off: ${state.reason}${polling}`;
    }
  });
}
