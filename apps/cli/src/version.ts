import packageJson from '../package.json';

/** The CLI's version, from apps/cli/package.json. */
export const VERSION: string = packageJson.version;
