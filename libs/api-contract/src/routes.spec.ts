import { API_PATHS, API_ROUTES, customMetricPath } from './routes';

describe('API routes', () => {
  it('need auth everywhere but health and the login exchange (api.md "Auth")', () => {
    const open = API_ROUTES.filter((route) => !route.auth).map((route) => `${route.method} ${route.path}`);

    expect(open).toEqual([`GET ${API_PATHS.health}`, `POST ${API_PATHS.session}`]);
  });

  it('list each method and path once', () => {
    const keys = API_ROUTES.map((route) => `${route.method} ${route.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('encode a custom metric id into its path', () => {
    expect(customMetricPath('a/b')).toBe('/api/v1/metrics/custom/a%2Fb');
  });
});
