import { API_ROUTES } from '@trailpulse/api-contract';
import { HttpError } from './http-error';

export type Route = (typeof API_ROUTES)[number];

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
}

/** Matches API paths against the contract's route table; 404 for an unknown path, 405 (with Allow) for a known one. */
export class Router {
  private readonly routes: readonly CompiledRoute[] = API_ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

  match(method: string, pathname: string): RouteMatch {
    const segments = pathname.split('/');
    const allowed: string[] = [];
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, segments);
      if (params === undefined) continue;
      if (compiled.route.method === method) {
        return { route: compiled.route, params };
      }
      allowed.push(compiled.route.method);
    }
    if (allowed.length === 0) throw new HttpError('not-found', `no API route ${pathname.slice(0, 200)}`);
    throw new HttpError('method-not-allowed', `${method} is not allowed on ${pathname}: use ${allowed.join(' or ')}`, {
      headers: { Allow: allowed.join(', ') },
    });
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] ?? '';
    const segment = actual[index] ?? '';
    if (expected.startsWith(':')) {
      if (segment === '') return undefined;
      params[expected.slice(1)] = decodeSegment(segment);
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    throw new HttpError('bad-request', 'the path is not valid percent-encoding', { cause: error });
  }
}
