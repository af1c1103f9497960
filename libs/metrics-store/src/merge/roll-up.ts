import { type StoredWindow } from '../row/stored-window';
import { StoreInputError } from '../errors';
import { type CustomCatalog } from './custom-catalog';

/**
 * A fine window's stored state relabelled as a contribution to the coarse window containing it.
 * Exact: windows are aligned to multiples of their length since the epoch, so when the coarse
 * length is a multiple of the fine one every fine window lies in exactly one coarse window, and a
 * partial is a function of its records only (merging relabelled partials = one engine run at the
 * coarse length, while the sketches stay within capacity, as for any merge).
 *
 * Custom metrics whose definition fixes a window length (`window: 10s`) are left out: rolled up
 * they would answer another question than the definition asks.
 * @throws StoreInputError when the coarse length is not a multiple of the fine one.
 */
export function rollUpStored(stored: StoredWindow, targetWindowSeconds: number, catalog: CustomCatalog): StoredWindow {
  const { partial } = stored;
  const targetMs = targetWindowSeconds * 1000;
  if (targetMs <= partial.windowMs || targetMs % partial.windowMs !== 0) {
    throw new StoreInputError(`cannot roll ${partial.windowMs / 1000} s windows up into ${targetWindowSeconds} s windows: not a larger multiple`);
  }
  const startMs = partial.startMs - (((partial.startMs % targetMs) + targetMs) % targetMs);
  const custom = Object.fromEntries(
    Object.entries(stored.custom).filter(([id]) => catalog.get(id)?.metric.windowSeconds === undefined),
  );
  return { partial: { ...partial, startMs, windowMs: targetMs }, custom };
}
