// Turns the CSV rows into the compact catalog of service-catalog.generated.ts. Operation names
// repeat a small vocabulary (`Get`, `List`, `Resource`, `Policy`, ...), so each name is stored as
// two-character codes into one shared word list, grouped per service by category and read-only
// evidence. The word and group codes come from the library's catalog-encoding.ts, which also
// decodes them. Output order is fully determined by the input, never by iteration order.

import { type ActivityCategory, applyReadOnlyFlag, classifyByVerb, MAX_WORDS, operationGroupHeader, wordCode } from '@trailpulse/event-schema';
import { CatalogInputError, type OperationRow, type ServiceRow } from './catalog-input';

export interface EncodedCatalogRows {
  /** Words separated by spaces, most frequent first. */
  readonly words: string;
  /** [id, full name, event sources separated by spaces, encoded operations], sorted by id. */
  readonly services: readonly (readonly [string, string, string, string])[];
}

/** Categories in the order their groups are written. */
const CATEGORY_ORDER: readonly ActivityCategory[] = ['create', 'modify', 'delete', 'read', 'other'];
const READ_ONLY_ORDER: readonly (boolean | null)[] = [true, false, null];

/** Acronyms with their digits (`SSH`, `EC2`, `V2`), capitalised words (`Public`, `Ipv6`), lower-case runs. */
const WORD_PATTERN = /[A-Z]+[0-9]*(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+/g;

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitWords(operation: string): string[] {
  const words = operation.match(WORD_PATTERN) ?? [];
  if (words.join('') !== operation) {
    throw new CatalogInputError(`operation name "${operation}" has characters outside A-Z, a-z and 0-9`);
  }
  return words;
}

/** Final catalog category: model evidence where there is some, the verb rules otherwise. */
function operationCategory(row: OperationRow): ActivityCategory {
  return applyReadOnlyFlag(classifyByVerb(row.operation), row.readOnly);
}

function operationsByService(services: readonly ServiceRow[], operations: readonly OperationRow[]): Map<string, OperationRow[]> {
  const byService = new Map<string, OperationRow[]>(services.map((service) => [service.serviceId, []]));
  if (byService.size !== services.length) throw new CatalogInputError('services.csv lists a service twice');
  const seen = new Set<string>();
  for (const row of operations) {
    const list = byService.get(row.serviceId);
    if (list === undefined) throw new CatalogInputError(`operations.csv: service "${row.serviceId}" is not in services.csv`);
    const key = `${row.serviceId} ${row.operation}`;
    if (seen.has(key)) throw new CatalogInputError(`operations.csv lists ${row.serviceId}:${row.operation} twice`);
    seen.add(key);
    list.push(row);
  }
  return byService;
}

function buildWordList(operations: readonly OperationRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of operations) {
    for (const word of splitWords(row.operation)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  if (counts.size > MAX_WORDS) {
    throw new CatalogInputError(`${counts.size} distinct words in operation names; the encoding holds ${MAX_WORDS}`);
  }
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || byCodeUnits(a, b)).map(([word]) => word);
}

/** Every possible group header, in the order groups are written. */
const GROUP_HEADERS: readonly string[] = CATEGORY_ORDER.flatMap((category) =>
  READ_ONLY_ORDER.map((readOnly) => operationGroupHeader(category, readOnly)),
);

function encodeOperations(rows: readonly OperationRow[], codeOfWord: ReadonlyMap<string, string>): string {
  const namesByHeader = new Map<string, string[]>();
  for (const row of rows) {
    const header = operationGroupHeader(operationCategory(row), row.readOnly);
    const names = namesByHeader.get(header) ?? [];
    names.push(row.operation);
    namesByHeader.set(header, names);
  }
  const encodeName = (name: string): string => splitWords(name).map((word) => codeOfWord.get(word)).join('');
  return GROUP_HEADERS.flatMap((header) => {
    const names = namesByHeader.get(header);
    return names === undefined ? [] : [header + names.sort(byCodeUnits).map(encodeName).join(' ')];
  }).join('|');
}

export function encodeCatalog(services: readonly ServiceRow[], operations: readonly OperationRow[]): EncodedCatalogRows {
  const byService = operationsByService(services, operations);
  const words = buildWordList(operations);
  const codeOfWord = new Map(words.map((word, index) => [word, wordCode(index)]));
  const encodedServices = [...services]
    .sort((a, b) => byCodeUnits(a.serviceId, b.serviceId))
    .map(
      (service) =>
        [
          service.serviceId,
          service.fullName,
          service.eventSources.join(' '),
          encodeOperations(byService.get(service.serviceId) ?? [], codeOfWord),
        ] as const,
    );
  return { words: words.join(' '), services: encodedServices };
}
