// `npm run bench -- generate`: writes a generated trail to a file of the user's choice.
import { type GenerateSummary, writeNdjson } from '../generator';
import { type GenerateOptions } from './bench-args';

export async function generateCommand(options: GenerateOptions, log: (line: string) => void): Promise<GenerateSummary> {
  let lastReportedMb = 0;
  const summary = await writeNdjson(options.out, options.generator, ({ records, bytes }) => {
    // A line per ~100 MB: enough to see it move without flooding a log.
    if (bytes - lastReportedMb * 1e6 >= 100e6) {
      lastReportedMb = Math.floor(bytes / 1e6);
      log(`  ${records.toLocaleString('en-US')} records, ${lastReportedMb} MB`);
    }
  });
  log(
    `wrote ${summary.records.toLocaleString('en-US')} records (${Math.round(summary.bytes / 1e6)} MB, ` +
      `${summary.distinctSourceIps.toLocaleString('en-US')} distinct source IPs) to ${summary.file}\nsha256 ${summary.sha256}`,
  );
  return summary;
}
