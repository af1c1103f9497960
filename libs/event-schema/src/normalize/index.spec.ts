import { normalizeEventName as catalogNormalizeEventName } from '../catalog/classify';
import { normalizeEventName } from './index';

describe('normalize/index', () => {
  it("re-exports the catalog's normalizeEventName rather than a copy of it", () => {
    expect(normalizeEventName).toBe(catalogNormalizeEventName);
  });
});
