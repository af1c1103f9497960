export { RANDOM_CUT_FOREST_DEFAULTS, RANDOM_CUT_FOREST_DETECTOR, randomCutForest, type RandomCutForestOptions } from './random-cut-forest';
