// The two CSVs of ../shared/data/aws-services as typed rows, checked for the columns and values
// the generator relies on (SOURCE.md there documents them).

import { parseCsvWithHeader } from './csv';

/** The CSVs do not have the shape SOURCE.md describes. */
export class CatalogInputError extends Error {
  override readonly name = 'CatalogInputError';
}

export interface OperationRow {
  readonly serviceId: string;
  readonly operation: string;
  /** Model evidence: `true`/`false`, `null` when the models do not say. */
  readonly readOnly: boolean | null;
}

export interface ServiceRow {
  readonly serviceId: string;
  readonly fullName: string;
  /** The chosen CloudTrail event source first, then the alternative when it is a real one. */
  readonly eventSources: readonly string[];
}

/**
 * The alternative column also keeps placeholders the models carried (`CLOUDTRAIL_EVENT_SOURCE`,
 * `{{CLOUD_TRAIL_EVENT_SOURCE}}`, `inspector2.amazon.aws`, ...); real event sources are
 * `<name>.amazonaws.com`.
 */
const EVENT_SOURCE_SUFFIX = '.amazonaws.com';

function column(row: Record<string, string>, name: string, line: number, file: string): string {
  const value = row[name];
  if (value === undefined) throw new CatalogInputError(`${file}: column "${name}" is missing`);
  if (value === '' && name !== 'read_only' && name !== 'event_source_alt') {
    throw new CatalogInputError(`${file} record ${line}: "${name}" is empty`);
  }
  return value;
}

function parseReadOnly(value: string, line: number): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === '') return null;
  throw new CatalogInputError(`operations.csv record ${line}: read_only is "${value}", expected true, false or empty`);
}

export function readOperationRows(operationsCsv: string): OperationRow[] {
  return parseCsvWithHeader(operationsCsv).map((row, index) => ({
    serviceId: column(row, 'service_id', index + 1, 'operations.csv'),
    operation: column(row, 'operation', index + 1, 'operations.csv'),
    readOnly: parseReadOnly(column(row, 'read_only', index + 1, 'operations.csv'), index + 1),
  }));
}

export function readServiceRows(servicesCsv: string): ServiceRow[] {
  return parseCsvWithHeader(servicesCsv).map((row, index) => {
    const eventSource = column(row, 'cloudtrail_event_source', index + 1, 'services.csv');
    if (!eventSource.endsWith(EVENT_SOURCE_SUFFIX)) {
      throw new CatalogInputError(`services.csv record ${index + 1}: event source "${eventSource}" is not *${EVENT_SOURCE_SUFFIX}`);
    }
    const alternative = column(row, 'event_source_alt', index + 1, 'services.csv');
    const useAlternative = alternative.endsWith(EVENT_SOURCE_SUFFIX) && alternative !== eventSource;
    return {
      serviceId: column(row, 'service_id', index + 1, 'services.csv'),
      fullName: column(row, 'full_name', index + 1, 'services.csv'),
      eventSources: useAlternative ? [eventSource, alternative] : [eventSource],
    };
  });
}
