/** State of the live connection, as the header shows it. */
export type ConnectionState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting'; readonly attempt: number }
  | { readonly status: 'open' }
  | { readonly status: 'reconnecting'; readonly attempt: number; readonly retryAtMs: number; readonly reason: string }
  /** No more retries: signed out, or the server refused the client. */
  | { readonly status: 'stopped'; readonly reason: string };

export function isLive(state: ConnectionState): boolean {
  return state.status === 'open';
}
