// The compact encoding of service-catalog.generated.ts (README.md, "Encoding"): the codes for
// words and operation groups, and the decoder. tools/catalog/src/encode-catalog.ts assembles the
// encoded catalog from these codes; a test there decodes the generated module and compares it
// with the CSV it came from.

import { type CatalogOperation, type CatalogService, type EncodedCatalog } from './catalog-types';
import { type ActivityCategory } from './verb-rules';

/** The generated catalog does not follow the documented encoding. */
export class CatalogDecodeError extends Error {
  override readonly name = 'CatalogDecodeError';
}

/** Digits of the two-character word codes, most significant first. */
const WORD_CODE_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const WORD_CODE_LENGTH = 2;

/** Largest number of distinct words two-character codes can address. */
export const MAX_WORDS = WORD_CODE_DIGITS.length ** WORD_CODE_LENGTH;

/** The two-character code of the word at `index` of the word list. */
export function wordCode(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_WORDS) {
    throw new RangeError(`word index ${index} is outside 0..${MAX_WORDS - 1}`);
  }
  return WORD_CODE_DIGITS.charAt(Math.floor(index / WORD_CODE_DIGITS.length)) + WORD_CODE_DIGITS.charAt(index % WORD_CODE_DIGITS.length);
}

const CATEGORY_BY_LETTER: ReadonlyMap<string, ActivityCategory> = new Map([
  ['c', 'create'],
  ['m', 'modify'],
  ['d', 'delete'],
  ['r', 'read'],
  ['o', 'other'],
]);

const READ_ONLY_BY_LETTER: ReadonlyMap<string, boolean | null> = new Map([
  ['T', true],
  ['F', false],
  ['U', null],
]);

/** Header of a group of operations sharing a category and read-only evidence, e.g. `rT`, `cU`. */
export function operationGroupHeader(category: ActivityCategory, readOnly: boolean | null): string {
  return category.charAt(0) + (readOnly === null ? 'U' : readOnly ? 'T' : 'F');
}

const digitValues: ReadonlyMap<string, number> = new Map([...WORD_CODE_DIGITS].map((digit, value) => [digit, value]));

function wordAt(words: readonly string[], code: string, serviceId: string): string {
  const high = digitValues.get(code.charAt(0));
  const low = digitValues.get(code.charAt(1));
  const word = high === undefined || low === undefined ? undefined : words[high * WORD_CODE_DIGITS.length + low];
  if (word === undefined) throw new CatalogDecodeError(`service ${serviceId}: bad word code "${code}"`);
  return word;
}

function decodeName(words: readonly string[], codes: string, serviceId: string): string {
  if (codes.length === 0 || codes.length % WORD_CODE_LENGTH !== 0) {
    throw new CatalogDecodeError(`service ${serviceId}: operation code "${codes}" is not a list of word codes`);
  }
  let name = '';
  for (let i = 0; i < codes.length; i += WORD_CODE_LENGTH) {
    name += wordAt(words, codes.slice(i, i + WORD_CODE_LENGTH), serviceId);
  }
  return name;
}

function decodeOperations(words: readonly string[], encoded: string, serviceId: string): CatalogOperation[] {
  if (encoded === '') return [];
  const operations: CatalogOperation[] = [];
  for (const group of encoded.split('|')) {
    const category = CATEGORY_BY_LETTER.get(group.charAt(0));
    const readOnly = READ_ONLY_BY_LETTER.get(group.charAt(1));
    if (category === undefined || readOnly === undefined) {
      throw new CatalogDecodeError(`service ${serviceId}: bad operation group header "${group.slice(0, 2)}"`);
    }
    for (const codes of group.slice(2).split(' ')) {
      operations.push({ serviceId, name: decodeName(words, codes, serviceId), readOnly, category });
    }
  }
  return operations;
}

/** Every service of the encoded catalog with its operations spelled out. */
export function decodeCatalog(catalog: EncodedCatalog): CatalogService[] {
  const words = catalog.words.split(' ');
  return catalog.services.map(([id, fullName, eventSources, operations]) => ({
    id,
    fullName,
    eventSources: eventSources.split(' '),
    operations: decodeOperations(words, operations, id),
  }));
}
