export { windowStartMs } from './window-bounds';
export {
  assertWindowSeconds,
  DEFAULT_WINDOW_SECONDS,
  MAX_WINDOW_SECONDS,
  MIN_WINDOW_SECONDS,
  parseWindowSeconds,
  WindowLengthError,
} from './window-length';
