import { Authenticator } from '../auth/authenticator';
import { type ApiServerOptions } from '../options';
import { type ApiServer, createApiServer } from '../server';
import { FakeBackend } from './fake-backend';
import { VirtualClock } from './virtual-clock';

export const API_TOKEN = 'test-api-token-0123456789abcdef';

export interface TestServer {
  readonly url: string;
  readonly api: ApiServer;
  readonly backend: FakeBackend;
  readonly auth: Authenticator;
  readonly clock: VirtualClock;
  close(): Promise<void>;
}

/** A real server on 127.0.0.1, port 0, over a FakeBackend, on virtual time. */
export async function startTestServer(options: Partial<Omit<ApiServerOptions, 'backend' | 'auth' | 'clock'>> = {}): Promise<TestServer> {
  const clock = new VirtualClock();
  const backend = new FakeBackend();
  const auth = new Authenticator({ apiToken: API_TOKEN, clock });
  const api = createApiServer({ backend, auth, clock, ...options });
  const url = await api.listen(0);
  return { url, api, backend, auth, clock, close: () => api.close() };
}
