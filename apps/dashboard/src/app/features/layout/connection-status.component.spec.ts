import { TestBed } from '@angular/core/testing';
import { type ConnectionState } from '../../core/metrics/connection-state';
import { ConnectionStatusComponent } from './connection-status.component';

async function textFor(connection: ConnectionState, polling = false): Promise<string> {
  const fixture = TestBed.createComponent(ConnectionStatusComponent);
  fixture.componentRef.setInput('connection', connection);
  fixture.componentRef.setInput('polling', polling);
  await fixture.whenStable();
  return (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
}

describe('ConnectionStatusComponent', () => {
  test('says whether the data is live, and while it is not, that the dashboard polls', async () => {
    expect(await textFor({ status: 'open' })).toBe('Live');
    expect(await textFor({ status: 'connecting', attempt: 0 })).toBe('Connecting…');
    const reconnecting = await textFor({ status: 'reconnecting', attempt: 3, retryAtMs: Date.UTC(2024, 0, 1), reason: 'connection lost' }, true);
    expect(reconnecting).toMatch(/^Connection lost \(connection lost\); retry 3 at .+ · polling every 15 s$/);
    expect(await textFor({ status: 'stopped', reason: 'the server refused the credentials; sign in again' })).toBe('Live updates off: the server refused the credentials; sign in again');
  });
});
