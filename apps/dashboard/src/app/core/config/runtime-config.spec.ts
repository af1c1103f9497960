import { parseRuntimeConfig, RuntimeConfigError } from './runtime-config';
import { DEFAULT_RUNTIME_CONFIG } from './runtime-config-defaults';

describe('runtime config', () => {
  test('an empty file means the local defaults', () => {
    expect(parseRuntimeConfig({})).toEqual(DEFAULT_RUNTIME_CONFIG);
  });

  test('reads a cloud config', () => {
    const config = parseRuntimeConfig({ apiBaseUrl: 'https://api.example', auth: { mode: 'cognito', domain: 'https://x.auth.eu-west-1.amazoncognito.com', clientId: 'abc' } });
    expect(config.auth).toEqual({ mode: 'cognito', domain: 'https://x.auth.eu-west-1.amazoncognito.com', clientId: 'abc', scopes: ['openid', 'email'] });
  });

  test('names every bad field', () => {
    expect(() => parseRuntimeConfig({ auth: { mode: 'cognito', domain: 'http://insecure', clientId: '' }, windowSeconds: [] })).toThrow(RuntimeConfigError);
    try {
      parseRuntimeConfig({ auth: { mode: 'cognito', domain: 'http://insecure', clientId: '' }, windowSeconds: [], pollIntervalSecs: 3 });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('auth.domain');
      expect(message).toContain('auth.clientId');
      expect(message).toContain('windowSeconds');
    }
  });
});
