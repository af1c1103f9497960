import { type EncodedCatalog } from './catalog-types';
import { CatalogDecodeError, decodeCatalog, MAX_WORDS, operationGroupHeader, wordCode } from './catalog-encoding';

const provenance = { botocoreCommit: 'b', apiModelsAwsCommit: 'a', operationsCsvSha256: 'o', servicesCsvSha256: 's' };

function catalogWith(operations: string): EncodedCatalog {
  return { provenance, words: 'Get List Bucket Buckets', services: [['s3', 'Amazon S3', 'one.amazonaws.com two.amazonaws.com', operations]] };
}

describe('catalog encoding', () => {
  it('codes word indexes as two base-62 digits', () => {
    // Prepare / Act
    const codes = [0, 1, 61, 62, MAX_WORDS - 1].map(wordCode);
    // Assess
    expect(codes).toEqual(['00', '01', '0z', '10', 'zz']);
    expect(() => wordCode(MAX_WORDS)).toThrow(RangeError);
    expect(() => wordCode(-1)).toThrow(RangeError);
  });

  it('names groups by category initial and read-only evidence', () => {
    // Prepare / Act
    const headers = [operationGroupHeader('read', true), operationGroupHeader('create', false), operationGroupHeader('other', null)];
    // Assess
    expect(headers).toEqual(['rT', 'cF', 'oU']);
  });

  it('decodes services, event sources and grouped operations', () => {
    // Prepare: GetBucket and ListBuckets read-only, one unknown-evidence create
    const catalog = catalogWith('rT0002 0103|cU0102');
    // Act
    const [service] = decodeCatalog(catalog);
    // Assess
    expect(service).toEqual({
      id: 's3',
      fullName: 'Amazon S3',
      eventSources: ['one.amazonaws.com', 'two.amazonaws.com'],
      operations: [
        { serviceId: 's3', name: 'GetBucket', readOnly: true, category: 'read' },
        { serviceId: 's3', name: 'ListBuckets', readOnly: true, category: 'read' },
        { serviceId: 's3', name: 'ListBucket', readOnly: null, category: 'create' },
      ],
    });
  });

  it('decodes a service without operations', () => {
    // Prepare / Act
    const [service] = decodeCatalog(catalogWith(''));
    // Assess
    expect(service?.operations).toEqual([]);
  });

  it.each([
    ['xT00', 'bad operation group header'],
    ['rX00', 'bad operation group header'],
    ['rT0', 'is not a list of word codes'],
    ['rT', 'is not a list of word codes'],
    ['rT09', 'bad word code'],
    ['rT0!', 'bad word code'],
  ])('rejects the malformed operations %p', (operations, message) => {
    // Prepare
    const catalog = catalogWith(operations);
    // Act
    const decode = (): unknown => decodeCatalog(catalog);
    // Assess
    expect(decode).toThrow(CatalogDecodeError);
    expect(decode).toThrow(message);
  });
});
