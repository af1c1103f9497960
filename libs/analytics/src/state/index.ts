export { WINDOW_PARTIAL_VERSION, type WindowPartial } from './window-partial';
export { WindowState, type WindowStateConfig, type WindowTransfer } from './window-state';
export { WindowStateError } from './window-state-error';
