import { CatalogInputError, type OperationRow, type ServiceRow } from './catalog-input';
import { encodeCatalog } from './encode-catalog';

const services: ServiceRow[] = [
  { serviceId: 'zeta', fullName: 'Zeta', eventSources: ['zeta.amazonaws.com'] },
  { serviceId: 'alpha', fullName: 'Alpha', eventSources: ['alpha.amazonaws.com', 'a.amazonaws.com'] },
];

const operations: OperationRow[] = [
  { serviceId: 'alpha', operation: 'ListThings', readOnly: true },
  { serviceId: 'alpha', operation: 'CreateThing', readOnly: null },
  { serviceId: 'alpha', operation: 'GetThing', readOnly: false },
  { serviceId: 'alpha', operation: 'SSHThingV2', readOnly: null },
];

describe('encodeCatalog', () => {
  it('encodes words by frequency and groups operations by category and evidence', () => {
    // Prepare: the rows above
    // Act
    const encoded = encodeCatalog(services, operations);
    // Assess
    expect(encoded.words).toBe('Thing Create Get List SSH Things V2');
    expect(encoded.services).toEqual([
      // CreateThing; GetThing (read by name, but the model says it writes) is other; SSHThingV2 has no known verb
      ['alpha', 'Alpha', 'alpha.amazonaws.com a.amazonaws.com', 'cU0100|rT0305|oF0200|oU040006'],
      ['zeta', 'Zeta', 'zeta.amazonaws.com', ''],
    ]);
  });

  it('does not depend on the order of the rows', () => {
    // Prepare
    const reversed = [...operations].reverse();
    // Act
    const encoded = encodeCatalog([...services].reverse(), reversed);
    // Assess
    expect(encoded).toEqual(encodeCatalog(services, operations));
  });

  it.each<[string, OperationRow[]]>([
    ['an operation of an unknown service', [{ serviceId: 'beta', operation: 'GetThing', readOnly: null }]],
    ['an operation listed twice', [operations[0] as OperationRow, operations[0] as OperationRow]],
    ['an operation name with other characters', [{ serviceId: 'alpha', operation: 'Get-Thing', readOnly: null }]],
  ])('rejects %s', (_case, rows) => {
    // Prepare / Act
    const encode = (): unknown => encodeCatalog(services, rows);
    // Assess
    expect(encode).toThrow(CatalogInputError);
  });
});
