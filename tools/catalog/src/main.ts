// `npm run catalog`: regenerates libs/event-schema/src/catalog/service-catalog.generated.ts from
// the shared AWS service CSVs; with `--check`, fails when the committed module is out of date.

import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_MODULE_PATH, renderCatalogModule } from './build-catalog';
import { awsServicesDir, CliUsageError, parseCliOptions } from './cli-options';

/** An input or output file could not be read or written. */
class CatalogFileError extends Error {
  override readonly name = 'CatalogFileError';
}

/** The closest folder at or above `start` holding nx.json (npm runs scripts from the workspace root). */
function findWorkspaceRoot(start: string): string {
  let dir = path.resolve(start);
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new CatalogFileError(`no nx.json in ${start} or above: run from the TrailPulse workspace`);
    dir = parent;
  }
  return dir;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CatalogFileError(`cannot read ${file}`, { cause });
  }
}

function readTextIfPresent(file: string): string | undefined {
  return fs.existsSync(file) ? readText(file) : undefined;
}

function main(): void {
  const options = parseCliOptions(process.argv.slice(2));
  const root = findWorkspaceRoot(process.cwd());
  const dataDir = awsServicesDir(options, process.env['TRAILPULSE_SHARED_DATA'], root);
  const moduleText = renderCatalogModule(
    readText(path.join(dataDir, 'operations.csv')),
    readText(path.join(dataDir, 'services.csv')),
  );
  const target = path.join(root, GENERATED_MODULE_PATH);
  const current = readTextIfPresent(target);
  const size = `${(Buffer.byteLength(moduleText) / 1024).toFixed(1)} KB`;

  if (options.check) {
    if (current !== moduleText) {
      console.error(`${GENERATED_MODULE_PATH} is out of date with ${dataDir}: run \`npm run catalog\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log(`${GENERATED_MODULE_PATH} is up to date (${size}).`);
    return;
  }
  if (current === moduleText) {
    console.log(`${GENERATED_MODULE_PATH} is already up to date (${size}).`);
    return;
  }
  try {
    fs.writeFileSync(target, moduleText);
  } catch (cause) {
    throw new CatalogFileError(`cannot write ${target}`, { cause });
  }
  console.log(`wrote ${GENERATED_MODULE_PATH} (${size}) from ${dataDir}`);
}

/** Expected failures get one clear line; anything else keeps its stack for debugging. */
function describeFailure(error: unknown): unknown {
  if (error instanceof CliUsageError) return error.message;
  if (error instanceof CatalogFileError) return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  return error;
}

try {
  main();
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
