export { DEFAULT_SKETCH_CAPACITY, SpaceSaving, type SpaceSavingParts, type SpaceSavingSnapshot } from './space-saving';
export { SketchStateError } from './sketch-state-error';
