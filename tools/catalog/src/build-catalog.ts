// Generates libs/event-schema/src/catalog/service-catalog.generated.ts from the service and
// operation CSVs. Pure and deterministic: the same CSV text always gives the same module text,
// which is what `npm run catalog -- --check` and build-catalog.spec.ts compare against.

import { createHash } from 'node:crypto';
import { readOperationRows, readServiceRows } from './catalog-input';
import { encodeCatalog } from './encode-catalog';
import { UPSTREAM_SOURCES } from './upstream-sources';

/** Workspace-relative path of the generated module. */
export const GENERATED_MODULE_PATH = 'libs/event-schema/src/catalog/service-catalog.generated.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A TypeScript string literal (JSON escaping is valid TypeScript). */
function literal(value: string): string {
  return JSON.stringify(value);
}

/** `19557` -> `19,557`, independent of the locale the generator runs in. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Full text of service-catalog.generated.ts for the given CSV contents. */
export function renderCatalogModule(operationsCsv: string, servicesCsv: string): string {
  const operations = readOperationRows(operationsCsv);
  const services = readServiceRows(servicesCsv);
  const encoded = encodeCatalog(services, operations);
  const operationsCsvSha256 = sha256(operationsCsv);
  const servicesCsvSha256 = sha256(servicesCsv);
  return [
    '// GENERATED FILE - DO NOT EDIT.',
    '// Written by tools/catalog/src/build-catalog.ts (`npm run catalog`) from ../shared/data/aws-services,',
    `// built from boto/botocore@${UPSTREAM_SOURCES.botocoreCommit}`,
    `// and aws/api-models-aws@${UPSTREAM_SOURCES.apiModelsAwsCommit} (both Apache-2.0).`,
    `// operations.csv sha256 ${operationsCsvSha256}`,
    `// services.csv   sha256 ${servicesCsvSha256}`,
    `// ${count(services.length)} services, ${count(operations.length)} operations. Encoding: README.md in this folder.`,
    '',
    "import { type EncodedCatalog } from './catalog-types';",
    '',
    'export const SERVICE_CATALOG: EncodedCatalog = {',
    '  provenance: {',
    `    botocoreCommit: ${literal(UPSTREAM_SOURCES.botocoreCommit)},`,
    `    apiModelsAwsCommit: ${literal(UPSTREAM_SOURCES.apiModelsAwsCommit)},`,
    `    operationsCsvSha256: ${literal(operationsCsvSha256)},`,
    `    servicesCsvSha256: ${literal(servicesCsvSha256)},`,
    '  },',
    `  words: ${literal(encoded.words)},`,
    '  services: [',
    ...encoded.services.map((row) => `    [${row.map(literal).join(', ')}],`),
    '  ],',
    '};',
    '',
  ].join('\n');
}
