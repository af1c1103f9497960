import { CloudTrailRecordSchema, judgeRecord, lookupOperation } from '@trailpulse/event-schema';
import { type SourceBatch } from '../source';
import { collectBatches } from '../testing/collect';
import { VirtualScheduler } from '../testing/virtual-scheduler';
import { DemoOptionsError, DemoSource, type DemoSourceOptions } from './demo-source';
import { DEFAULT_INCIDENT_PERIOD_MS, DEMO_INCIDENTS, type IncidentId, incidentOccurrences } from './incident-schedule';
import { DEFAULT_DEMO_EVENTS_PER_SECOND, demoRateBounds } from './rate';
import { IPS, UNUSUAL_REGION } from './world/organization';
import { PRINCIPALS } from './world/principals';

type Rec = Record<string, unknown> & { userIdentity?: Record<string, unknown> };

/** An arbitrary, unaligned start: 2024-05-14T10:02:17.400Z. */
const START_MS = Date.UTC(2024, 4, 14, 10, 2, 17, 400);
/** Six minutes from START_MS hold one whole occurrence of every incident. */
const RUN_SECONDS = 360;
/** Generating and checking ~45,000 records takes a while on a loaded machine. */
const GENERATION_TIMEOUT_MS = 180_000;

async function runDemo(seconds: number, options: DemoSourceOptions = {}, startMs = START_MS): Promise<{ batches: SourceBatch[]; handedAt: number[]; scheduler: VirtualScheduler }> {
  const scheduler = new VirtualScheduler({ startMs });
  const source = new DemoSource({ scheduler, ...options });
  const batches: SourceBatch[] = [];
  const handedAt: number[] = [];
  for await (const batch of source.start()) {
    batches.push(batch);
    handedAt.push(scheduler.now());
    if (batches.length >= seconds) break;
  }
  return { batches, handedAt, scheduler };
}

const attackerIps = new Set<string>(IPS.attackers);
const isIncidentRecord = (record: Rec): boolean => attackerIps.has(String(record['sourceIPAddress']));
const eventMs = (record: Rec): number => Date.parse(String(record['eventTime']));

/** What marks each incident in the records, as its description promises. */
const INCIDENT_MARKS: Record<IncidentId, (record: Rec) => boolean> = {
  'credential-stuffing': (r) => r.userIdentity?.['userName'] === 'data-export-bot' && ['AccessDenied', 'Client.UnauthorizedOperation'].includes(String(r['errorCode'])) && isIncidentRecord(r),
  'unusual-region-spree': (r) => r['eventName'] === 'RunInstances' && r['awsRegion'] === UNUSUAL_REGION,
  'cloudtrail-stop-logging': (r) => r['eventSource'] === 'cloudtrail.amazonaws.com' && r['eventName'] === 'StopLogging',
  'root-console-login': (r) => r['eventName'] === 'ConsoleLogin' && r['eventType'] === 'AwsConsoleSignIn' && r.userIdentity?.['type'] === 'Root',
};

describe('DemoSource over six minutes of virtual time', () => {
  let run: Awaited<ReturnType<typeof runDemo>>;
  let records: Rec[];
  beforeAll(async () => {
    run = await runDemo(RUN_SECONDS);
    records = run.batches.flatMap((batch) => batch.records as Rec[]);
  }, GENERATION_TIMEOUT_MS);

  it('hands one batch per second, when that second is over, numbered by its epoch second', () => {
    // Assess
    const firstSecond = Math.floor(START_MS / 1000);
    expect(run.batches.map((batch) => batch.seq)).toEqual(run.batches.map((_, i) => firstSecond + i));
    expect(run.handedAt).toEqual(run.batches.map((batch) => (batch.seq + 1) * 1000));
    expect(run.batches.every((batch) => batch.position['lastSecond'] === batch.seq)).toBe(true);
  });

  it('generates only records event-schema accepts and its Zod schema parses, API calls of the service catalog, with unique eventIDs', () => {
    // Assess
    const verdicts = records.map((record) => judgeRecord(record));
    expect(verdicts.filter((verdict) => !verdict.accepted)).toEqual([]);
    expect(records.filter((record) => !CloudTrailRecordSchema.safeParse(record).success)).toEqual([]);
    const unknownCalls = records.filter((r) => r['eventType'] === 'AwsApiCall' && lookupOperation(String(r['eventSource']), String(r['eventName'])) === undefined);
    expect(unknownCalls.map((r) => `${String(r['eventSource'])}:${String(r['eventName'])}`)).toEqual([]);
    expect(new Set(records.map((record) => record['eventID'])).size).toBe(records.length);
  });

  it('puts event times in the second just over (a few percent up to 90 s late), never in the future', () => {
    // Assess
    run.batches.forEach((batch, i) => {
      const times = (batch.records as Rec[]).map(eventMs);
      const handedAtMs = run.handedAt[i] ?? 0;
      expect(Math.max(...times)).toBeLessThan(handedAtMs);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(handedAtMs - 1000 - 90_000);
    });
    const lateShare = run.batches.flatMap((batch) => (batch.records as Rec[]).map((r) => eventMs(r) < batch.seq * 1000)).filter(Boolean).length / records.length;
    expect(lateShare).toBeGreaterThan(0.005);
    expect(lateShare).toBeLessThan(0.05);
  });

  it('keeps background traffic within the documented bounds, which span about 50 to 200 events per second by default', () => {
    // Prepare
    const bounds = demoRateBounds(DEFAULT_DEMO_EVENTS_PER_SECOND);
    // Assess
    expect(bounds.min).toBeGreaterThanOrEqual(50);
    expect(bounds.max).toBeLessThanOrEqual(200);
    for (const batch of run.batches) {
      const background = (batch.records as Rec[]).filter((r) => !isIncidentRecord(r)).length;
      expect(background).toBeGreaterThanOrEqual(bounds.min);
      expect(background).toBeLessThanOrEqual(bounds.max);
    }
  });

  it('spans four accounts, several regions, about 30 principals and many services, with the userIdentity shapes of CloudTrail', () => {
    // Assess
    expect(new Set(records.map((r) => r['recipientAccountId'])).size).toBe(4);
    expect(new Set(records.filter((r) => !isIncidentRecord(r)).map((r) => r['awsRegion']))).toEqual(new Set(['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1']));
    const principals = new Set(records.map((r) => r.userIdentity?.['arn'] ?? r.userIdentity?.['invokedBy']));
    expect(principals.size).toBeGreaterThanOrEqual(25);
    expect(new Set(records.map((r) => r['eventSource'])).size).toBeGreaterThanOrEqual(20);
    expect(new Set(records.map((r) => r.userIdentity?.['type']))).toEqual(new Set(['IAMUser', 'AssumedRole', 'AWSService', 'Root']));
  });

  it.each(DEMO_INCIDENTS.map((incident) => [incident.id, incident] as const))('%s: happens in every scheduled occurrence, only then, and within the first period', (id) => {
    // Prepare
    const endMs = ((run.batches.at(-1)?.seq ?? 0) + 1) * 1000;
    const occurrences = incidentOccurrences(START_MS, endMs).filter((o) => o.incident.id === id && o.startMs >= START_MS && o.endMs <= endMs);
    const marked = records.filter(INCIDENT_MARKS[id]);
    // Assess
    expect(occurrences.length).toBeGreaterThanOrEqual(1);
    for (const occurrence of occurrences) {
      expect(marked.some((r) => eventMs(r) >= occurrence.startMs && eventMs(r) < occurrence.endMs)).toBe(true);
    }
    const all = incidentOccurrences(START_MS - 1000, endMs);
    expect(marked.filter((r) => !all.some((o) => o.incident.id === id && eventMs(r) >= o.startMs && eventMs(r) < o.endMs))).toEqual([]);
    expect(Math.min(...marked.map(eventMs))).toBeLessThan(START_MS + DEFAULT_INCIDENT_PERIOD_MS);
  });

  it('makes the credential-stuffing burst a burst: one principal, about 40 AccessDenied per second, from three unusual addresses', () => {
    // Prepare
    const stuffing = records.filter(INCIDENT_MARKS['credential-stuffing']);
    const occurrences = incidentOccurrences(START_MS, START_MS + RUN_SECONDS * 1000).filter((o) => o.incident.id === 'credential-stuffing' && o.startMs >= START_MS);
    // Assess
    expect(new Set(stuffing.map((r) => r.userIdentity?.['arn'])).size).toBe(1);
    expect(new Set(stuffing.map((r) => r['sourceIPAddress']))).toEqual(attackerIps);
    expect(stuffing.length).toBeGreaterThanOrEqual(occurrences.length * 45 * 35);
    const backgroundDenied = records.filter((r) => !isIncidentRecord(r) && r['errorCode'] === 'AccessDenied').length;
    expect(backgroundDenied * 10).toBeLessThan(stuffing.length);
  });

  it('uses the unusual region only in the spree, and the attackers\' addresses only in incidents', () => {
    // Assess
    const inUnusualRegion = records.filter((r) => r['awsRegion'] === UNUSUAL_REGION);
    expect(inUnusualRegion.length).toBeGreaterThan(0);
    expect(new Set(inUnusualRegion.map((r) => (r.userIdentity?.['sessionContext'] as { sessionIssuer?: { userName?: string } } | undefined)?.sessionIssuer?.userName))).toEqual(new Set(['github-actions-deploy']));
    expect(inUnusualRegion.every(isIncidentRecord)).toBe(true);
    expect(PRINCIPALS.filter((principal) => principal.ips.some((ip) => attackerIps.has(ip)))).toEqual([]);
  });
});

describe('DemoSource determinism and resume', () => {
  it('generates the same records for the same seed and start, and others for another seed', async () => {
    // Act
    const first = await runDemo(10, { seed: 7 });
    const second = await runDemo(10, { seed: 7 });
    const other = await runDemo(10, { seed: 8 });
    // Assess
    expect(second.batches).toEqual(first.batches);
    expect(other.batches.map((b) => b.records)).not.toEqual(first.batches.map((b) => b.records));
  });

  it('resumes after the checkpointed second with the batches an uninterrupted run hands over', async () => {
    // Prepare
    const uninterrupted = await runDemo(20);
    const checkpoint = uninterrupted.batches[9]?.position;
    // Act: restarted 5 s later than batch 9 was handed over.
    const scheduler = new VirtualScheduler({ startMs: (uninterrupted.handedAt[9] ?? 0) + 5_000 });
    const resumed = await collectBatches(new DemoSource({ scheduler }), checkpoint === undefined ? {} : { from: checkpoint }, 10);
    // Assess
    expect(resumed).toEqual(uninterrupted.batches.slice(10));
  });

  it('after a long downtime catches up at most maxCatchUpSeconds', async () => {
    // Prepare
    const startMs = Date.UTC(2024, 4, 14, 12, 0, 0);
    const scheduler = new VirtualScheduler({ startMs });
    // Act
    const [first] = await collectBatches(new DemoSource({ scheduler, maxCatchUpSeconds: 30 }), { from: { kind: 'demo', lastSecond: startMs / 1000 - 3600 } }, 1);
    // Assess
    expect(first?.seq).toBe(startMs / 1000 - 30);
  });

  it('generates historySeconds of past traffic at once on a first start', async () => {
    // Act
    const run = await runDemo(21, { historySeconds: 20 }, Date.UTC(2024, 4, 14, 12, 0, 0, 250));
    // Assess
    expect(run.batches[0]?.seq).toBe(Date.UTC(2024, 4, 14, 11, 59, 40) / 1000);
    expect(run.scheduler.sleeps).toEqual([750]);
  });

  it('stops at the signal', async () => {
    // Prepare
    const controller = new AbortController();
    const scheduler = new VirtualScheduler({ startMs: START_MS, beforeWake: (_now, index) => (index === 3 ? controller.abort() : undefined) });
    // Act
    const batches = await collectBatches(new DemoSource({ scheduler }), { signal: controller.signal });
    // Assess
    expect(batches).toHaveLength(3);
  });

  it('refuses rates and periods out of range, and checkpoints of other sources', async () => {
    // Assess
    expect(() => new DemoSource({ eventsPerSecond: 0 })).toThrow(DemoOptionsError);
    expect(() => new DemoSource({ eventsPerSecond: 100_000 })).toThrow(/at most 5000/);
    expect(() => new DemoSource({ incidentPeriodMs: 60_000 })).toThrow(/at least 300000 ms/);
    await expect(collectBatches(new DemoSource({ scheduler: new VirtualScheduler({ startMs: 0 }) }), { from: { kind: 'replay' } }, 1)).rejects.toThrow(/not a demo position/);
  });
});
