/**
 * Child process of read-memory.spec.ts: reads one big file and prints one JSON line with what it saw,
 * its peak RSS and its speed. Run alone so that the RSS is the reader's, not the test runner's.
 *
 *   node --expose-gc <bundle> read <file>        readPaths over the file
 *   node --expose-gc <bundle> readline <file>    node:readline + JSON.parse over an NDJSON file
 *   node --expose-gc <bundle> bare <file>        file chunks, indexOf('\n'), TextDecoder, JSON.parse: the floor
 *   node --expose-gc <bundle> huge <ndjson|json> a record with a 500 MB string, generated on the fly, between
 *                                                two small ones: what is not buffered cannot grow memory
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readPaths } from '../src/node';
import { readRecords } from '../src/reader';
import { syntheticRecord } from './synthetic-records';

export interface ChildReport {
  readonly mode: string;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly seconds: number;
  /** CPU time (user + system): steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  readonly recordsPerSecond: number;
  readonly maxRssMb: number;
  readonly maxHeapUsedMb: number;
}

const MB = 1024 * 1024;

/** Peak V8 heap seen while reading (RSS peak comes from the OS at the end); sampled now and then, it is not free. */
const heap = {
  maxUsed: 0,
  calls: 0,
  sample(): void {
    if (heap.calls++ % 64 === 0) heap.maxUsed = Math.max(heap.maxUsed, process.memoryUsage().heapUsed);
  },
};

async function readWithReader(file: string): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  let rejected = 0;
  for await (const batch of readPaths([file])) {
    accepted += batch.accepted.length;
    rejected += batch.rejected.length;
    heap.sample();
  }
  return { accepted, rejected };
}

async function readBare(file: string): Promise<{ accepted: number; rejected: number }> {
  const decoder = new TextDecoder();
  let accepted = 0;
  let carry: Uint8Array = new Uint8Array(0);
  const parse = (bytes: Uint8Array): void => {
    const record = JSON.parse(decoder.decode(bytes)) as { eventTime?: unknown };
    if (typeof record.eventTime === 'string') accepted++;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>) {
    let start = 0;
    let newline = chunk.indexOf(10);
    if (carry.byteLength > 0 && newline !== -1) {
      parse(concat(carry, chunk.subarray(0, newline)));
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    for (; newline !== -1; newline = chunk.indexOf(10, start)) {
      parse(chunk.subarray(start, newline));
      start = newline + 1;
    }
    carry = concat(carry.byteLength > 0 && start === 0 ? carry : new Uint8Array(0), chunk.subarray(start));
    heap.sample();
  }
  return { accepted, rejected: 0 };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

async function readWithReadline(file: string): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  for await (const line of createInterface({ input: createReadStream(file, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    const record = JSON.parse(line) as { eventTime?: unknown };
    if (typeof record.eventTime === 'string') accepted++;
    if (accepted % 256 === 0) heap.sample();
  }
  return { accepted, rejected: 0 };
}

const HUGE_STRING_MB = 500;

async function readHugeRecord(shape: string): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  let rejected = 0;
  for await (const batch of readRecords(hugeRecordChunks(shape), { source: `huge.${shape}` })) {
    accepted += batch.accepted.length;
    rejected += batch.rejected.length;
    heap.sample();
  }
  return { accepted, rejected };
}

/** Fresh chunks every time, so that a reader keeping them would show in RSS. */
async function* hugeRecordChunks(shape: string): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const [open, separator, close] = shape === 'ndjson' ? ['', '\n', '\n'] : ['{"Records":[', ',', ']}'];
  const huge = JSON.stringify(syntheticRecord(1)).replace(/}$/, ',"pad":"');
  yield encoder.encode(`${open}${JSON.stringify(syntheticRecord(0))}${separator}${huge}`);
  for (let i = 0; i < HUGE_STRING_MB; i++) yield new Uint8Array(MB).fill(0x78);
  yield encoder.encode(`"}${separator}${JSON.stringify(syntheticRecord(2))}${close}`);
}

async function main(): Promise<void> {
  const [mode, argument] = process.argv.slice(2);
  const readers = { read: readWithReader, readline: readWithReadline, bare: readBare, huge: readHugeRecord };
  if (argument === undefined || !(mode === 'read' || mode === 'readline' || mode === 'bare' || mode === 'huge')) {
    throw new Error('usage: read|readline|bare <file> | huge ndjson|json');
  }
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  collectGarbage?.();
  const started = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage();
  const { accepted, rejected } = await readers[mode](argument);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const read = accepted + rejected;
  const report: ChildReport = {
    mode,
    read,
    accepted,
    rejected,
    seconds,
    cpuSeconds,
    recordsPerSecond: Math.round(read / seconds),
    maxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    maxHeapUsedMb: Math.round(heap.maxUsed / MB),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
