import { type Command } from 'commander';
import {
  type ActivityCategory,
  type CatalogService,
  catalogCoverage,
  catalogProvenance,
  catalogServices,
  classifyOperation,
  lookupOperation,
  normalizeEventName,
} from '@trailpulse/event-schema';
import { type CliIo } from '../cli-io';
import { CliError, ExitCode } from '../exit-codes';
import { renderTable } from '../output/table';

interface CatalogOptions {
  readonly json: boolean;
  readonly readOnly?: 'true' | 'false';
}

const CATEGORIES: readonly ActivityCategory[] = ['create', 'modify', 'delete', 'read', 'other'];

export function registerCatalogCommand(program: Command, io: CliIo): void {
  program
    .command('catalog')
    .summary('look up how AWS services and operations are classified')
    .description(
      [
        'The AWS service catalog behind callsByCategory: every service of the AWS API models, its',
        'CloudTrail event sources, and each operation classified create / modify / delete / read / other.',
        '',
        '  catalog                        coverage summary',
        '  catalog <service>              every operation of a service (id like ec2, or event source)',
        '  catalog <service> <eventName>  how one call is classified, as the engine classifies it',
      ].join('\n'),
    )
    .argument('[service]', 'service id (ec2, s3, iam) or CloudTrail event source (ec2.amazonaws.com)')
    .argument('[eventName]', 'operation or CloudTrail eventName (versioned names like CreateFunction20150331 work)')
    .option('--json', 'print JSON on stdout', false)
    .option('--read-only <flag>', "classify as if the record's readOnly field were true or false", (v: string) => {
      if (v !== 'true' && v !== 'false') throw new CliError(`--read-only takes true or false, not "${v}".`, ExitCode.Usage);
      return v;
    })
    .action((service: string | undefined, eventName: string | undefined, options: CatalogOptions) => {
      const write = (human: string, json: unknown) => io.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : human);
      if (service === undefined) {
        const summary = { ...catalogCoverage(), provenance: catalogProvenance() };
        write(renderCoverage(summary), summary);
        return;
      }
      const found = findService(service);
      if (eventName === undefined) {
        write(renderService(found), found);
        return;
      }
      const answer = explainCall(found, eventName, options.readOnly);
      write(renderCall(answer), answer);
    });
}

function findService(query: string): CatalogService {
  const services = catalogServices();
  const wanted = query.toLowerCase();
  const exact =
    services.find((s) => s.id === wanted) ??
    services.find((s) => s.eventSources.includes(wanted)) ??
    services.find((s) => s.eventSources.includes(`${wanted}.amazonaws.com`));
  if (exact !== undefined) return exact;
  const similar = services
    .filter((s) => s.id.includes(wanted) || s.fullName.toLowerCase().includes(wanted))
    .slice(0, 5)
    .map((s) => s.id);
  const hint = similar.length > 0 ? ` Did you mean: ${similar.join(', ')}?` : ' Run `trailpulse catalog --json` for the list.';
  throw new CliError(`no service "${query}" in the catalog.${hint}`, ExitCode.InputError);
}

interface CallAnswer {
  readonly service: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly operation: string;
  readonly inCatalog: boolean;
  readonly readOnlyEvidence: boolean | null;
  readonly recordReadOnly: boolean | null;
  readonly category: ActivityCategory;
}

function explainCall(service: CatalogService, eventName: string, readOnly: 'true' | 'false' | undefined): CallAnswer {
  const eventSource = service.eventSources[0] ?? `${service.id}.amazonaws.com`;
  const entry = lookupOperation(eventSource, eventName);
  return {
    service: service.id,
    eventSource,
    eventName,
    operation: normalizeEventName(eventName),
    inCatalog: entry !== undefined,
    readOnlyEvidence: entry?.readOnly ?? null,
    recordReadOnly: readOnly === undefined ? null : readOnly === 'true',
    category: classifyOperation(eventSource, eventName, readOnly),
  };
}

function renderCoverage(summary: ReturnType<typeof catalogCoverage> & { provenance: ReturnType<typeof catalogProvenance> }): string {
  const rows = CATEGORIES.map((c) => [c, summary.byCategory[c] ?? 0] as [string, number]);
  return [
    `AWS service catalog: ${summary.services} services, ${summary.operations.toLocaleString('en-US')} operations.`,
    `${summary.fullyClassifiedServices.length} services have every operation classified create / modify / delete / read.`,
    '',
    renderTable(['category', 'operations'], rows).trimEnd(),
    '',
    `Built from boto/botocore ${summary.provenance.botocoreCommit.slice(0, 12)} and aws/api-models-aws ${summary.provenance.apiModelsAwsCommit.slice(0, 12)}.`,
    '',
  ].join('\n');
}

function renderService(service: CatalogService): string {
  const rows = [...service.operations]
    .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.name.localeCompare(b.name))
    .map((op) => [op.name, op.category, op.readOnly === null ? 'unknown' : String(op.readOnly)]);
  return [
    `${service.fullName} (${service.id}): event source ${service.eventSources.join(' or ')}, ${service.operations.length} operations.`,
    '',
    renderTable(['operation', 'category', 'read-only (models)'], rows).trimEnd(),
    '',
  ].join('\n');
}

function renderCall(a: CallAnswer): string {
  const why =
    a.recordReadOnly !== null
      ? `the record's readOnly=${a.recordReadOnly} decides${a.recordReadOnly ? '' : ' (not read)'}`
      : a.inCatalog
        ? `catalog entry${a.readOnlyEvidence === null ? ', verb rules' : `, read-only=${a.readOnlyEvidence} in the models`}`
        : 'not in the catalog: verb rules';
  return `${a.eventSource} ${a.eventName}${a.operation !== a.eventName ? ` (operation ${a.operation})` : ''}: ${a.category} (${why})\n`;
}
