import fs from 'node:fs';
import path from 'node:path';
import { catalogServices } from '@trailpulse/event-schema';
import { GENERATED_MODULE_PATH, renderCatalogModule } from './build-catalog';
import { readOperationRows, readServiceRows } from './catalog-input';
import { UPSTREAM_SOURCES } from './upstream-sources';

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');
const awsServices = path.join(
  process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data'),
  'aws-services',
);

function readData(file: string): string {
  return fs.readFileSync(path.join(awsServices, file), 'utf8');
}

describe('renderCatalogModule', () => {
  const operationsCsv = readData('operations.csv');
  const servicesCsv = readData('services.csv');

  it('matches the committed generated module byte for byte (the generated module is current)', () => {
    // Prepare
    const committed = fs.readFileSync(path.join(workspaceRoot, GENERATED_MODULE_PATH), 'utf8');
    // Act
    const regenerated = renderCatalogModule(operationsCsv, servicesCsv);
    // Assess: on failure run `npm run catalog` and commit the result
    expect(regenerated === committed).toBe(true);
  });

  it('stays well under 400 KB for browser bundles', () => {
    // Prepare / Act
    const bytes = Buffer.byteLength(renderCatalogModule(operationsCsv, servicesCsv));
    // Assess
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('names the upstream commits and the checksums of its inputs', () => {
    // Prepare
    const sourceNotes = readData('SOURCE.md');
    const checksums = readData('SHA256SUMS');
    // Act
    const header = renderCatalogModule(operationsCsv, servicesCsv).split('\n').slice(0, 8).join('\n');
    // Assess
    expect(header).toContain('GENERATED FILE - DO NOT EDIT');
    expect(header).toContain('npm run catalog');
    for (const commit of Object.values(UPSTREAM_SOURCES)) {
      expect(sourceNotes).toContain(commit);
      expect(header).toContain(commit);
    }
    for (const file of ['operations.csv', 'services.csv']) {
      const sum = new RegExp(`^([0-9a-f]{64})  \\./${file.replace('.', '\\.')}$`, 'm').exec(checksums)?.[1];
      expect(header).toContain(`${file}`);
      expect(header).toContain(`sha256 ${sum}`);
    }
  });

  it('is decoded by the library into exactly the services and operations of the CSVs', () => {
    // Prepare
    const expectedServices = readServiceRows(servicesCsv)
      .map((row) => `${row.serviceId} | ${row.fullName} | ${row.eventSources.join(' ')}`)
      .sort();
    const expectedOperations = readOperationRows(operationsCsv)
      .map((row) => `${row.serviceId} ${row.operation} ${String(row.readOnly)}`)
      .sort();
    // Act
    const decoded = catalogServices();
    const services = decoded.map((service) => `${service.id} | ${service.fullName} | ${service.eventSources.join(' ')}`).sort();
    const operations = decoded
      .flatMap((service) => service.operations.map((op) => `${op.serviceId} ${op.name} ${String(op.readOnly)}`))
      .sort();
    // Assess
    expect(services).toEqual(expectedServices);
    expect(operations).toEqual(expectedOperations);
  });

  it('is deterministic', () => {
    // Prepare / Act
    const first = renderCatalogModule(operationsCsv, servicesCsv);
    const second = renderCatalogModule(operationsCsv, servicesCsv);
    // Assess
    expect(second === first).toBe(true);
  });
});
