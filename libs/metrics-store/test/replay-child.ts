// A replay as the local runtime runs it, in its own process with its own embedded dynalite, for
// the kill -9 test: resume from the checkpoint, merge fixed-size batches, checkpoint each.
//   replay-child <dataDir> [--die-before-put N]   (kills itself with SIGKILL just before its N-th PutItem)
import { batchPartials, createLocalDynamoClient, createMetricsStore, createMetricsTable, startLocalDynamo } from '../src';
import { BASE_MS, trafficRecords } from './records';

export const REPLAY_SOURCE = 'replay:crash-test';
export const REPLAY_RECORDS = 3000;
export const REPLAY_BATCH = 250;
export const REPLAY_SPAN_MS = 20 * 60_000;
/** Starts at 00:50 so the replay crosses an hour boundary. */
export const REPLAY_START_MS = BASE_MS + 50 * 60_000;

async function main(): Promise<void> {
  const [dataDir, flag, value] = process.argv.slice(2);
  if (dataDir === undefined) throw new Error('usage: replay-child <dataDir> [--die-before-put N]');
  const dieBeforePut = flag === '--die-before-put' ? Number(value) : undefined;
  const dynamo = await startLocalDynamo({ dataDir });
  const client = createLocalDynamoClient(dynamo.endpoint);
  let puts = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutItemCommand' && ++puts === dieBeforePut) process.kill(process.pid, 'SIGKILL');
      return next(args);
    },
    { step: 'initialize', name: 'crashTestKiller' },
  );
  await createMetricsTable(client, 'replay');
  const store = createMetricsStore({ client, tableName: 'replay', scheduler: { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random, now: () => BASE_MS } });
  const records = trafficRecords(REPLAY_RECORDS, { startMs: REPLAY_START_MS, spanMs: REPLAY_SPAN_MS });
  const checkpoint = await store.readCheckpoint(REPLAY_SOURCE);
  const from = checkpoint === undefined ? 0 : Number(checkpoint.position);
  process.stdout.write(`resume ${from}\n`);
  for (let start = from; start < records.length; start += REPLAY_BATCH) {
    const end = Math.min(start + REPLAY_BATCH, records.length);
    await store.writeBatch({ batch: { source: REPLAY_SOURCE, sequence: end }, windowSeconds: 10, windows: batchPartials(records.slice(start, end), { windowSeconds: 10 }) });
    process.stdout.write(`batch ${end}\n`);
  }
  process.stdout.write('done\n');
  client.destroy();
  await dynamo.close();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
