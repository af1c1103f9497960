/** Engine options that cannot work together or are out of range. */
export class EngineOptionsError extends Error {
  override readonly name = 'EngineOptionsError';
}

/** An engine snapshot that cannot be restored or merged into this engine. */
export class EngineStateError extends Error {
  override readonly name = 'EngineStateError';
}
