import fc from 'fast-check';
import { ERROR_CLASSES, parseViewState, viewStateToQueryParams, type ViewState } from './view-state';
import { RANGE_PRESETS } from './time-range';

function toParams(state: ViewState): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(viewStateToQueryParams(state))) if (value !== null) params[name] = value;
  return params;
}

/** Through a real URL, as a shared link travels. */
function viaUrl(state: ViewState): ViewState {
  const url = new URL('https://dashboard.example/overview');
  for (const [name, value] of Object.entries(toParams(state))) if (value !== undefined) url.searchParams.set(name, value);
  return parseViewState(Object.fromEntries(new URL(url.toString()).searchParams)).state;
}

const filterValue = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() === value && value !== '');
const viewStates: fc.Arbitrary<ViewState> = fc
  .record({
    range: fc.oneof(
      fc.constantFrom(...RANGE_PRESETS.map((preset) => preset.id)).map((preset) => ({ kind: 'relative' as const, preset })),
      fc
        .tuple(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 30 * 86_400_000 }))
        .map(([fromMs, length]) => ({ kind: 'absolute' as const, fromMs, toMs: fromMs + length })),
    ),
    filters: fc.record({ account: filterValue, region: filterValue, service: filterValue, principal: filterValue }, { requiredKeys: [] }),
    errorClass: fc.option(fc.constantFrom(...ERROR_CLASSES), { nil: undefined }),
  })
  .map(({ errorClass, ...rest }) => (errorClass === undefined ? rest : { ...rest, errorClass }));

describe('view state in the URL', () => {
  test('every state survives the round trip through a link', () => {
    fc.assert(fc.property(viewStates, (state) => expect(viaUrl(state)).toEqual(state)));
  });

  test('the default view has a bare URL', () => {
    expect(toParams({ range: { kind: 'relative', preset: '1h' }, filters: {} })).toEqual({});
  });

  test('reads a shared link', () => {
    const parsed = parseViewState({ from: '2024-01-01T00:00:00Z', to: '2024-01-01T06:00:00Z', service: 'iam.amazonaws.com', error: 'access-denied' });
    expect(parsed).toEqual({
      state: {
        range: { kind: 'absolute', fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-01-01T06:00:00Z') },
        filters: { service: 'iam.amazonaws.com' },
        errorClass: 'access-denied',
      },
      problems: [],
    });
  });

  test('a bad parameter falls back to the default and says why', () => {
    const parsed = parseViewState({ range: '3w', error: 'boom' });
    expect(parsed.state).toEqual({ range: { kind: 'relative', preset: '1h' }, filters: {} });
    expect(parsed.problems).toEqual([expect.stringContaining('range "3w"'), expect.stringContaining('error "boom"')]);
  });

  test('to before from is refused', () => {
    expect(parseViewState({ from: '2024-01-02T00:00:00Z', to: '2024-01-01T00:00:00Z' }).problems).toEqual([expect.stringContaining('to must be after from')]);
  });
});
