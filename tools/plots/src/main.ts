// `npm run plots`: PNG plots of NAB AWS series with a detector's scores, the labeled windows and
// its detections, for docs/anomaly.md. Writes <out>/<detector>_<series>.png and <out>/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DETECTOR, findDetector, NabInputError, UnknownDetectorError } from '@trailpulse/anomaly';
import { NabDirectoryError, readNabCorpus } from '@trailpulse/anomaly/node';
import { chartOption, CHART_HEIGHT, CHART_WIDTH } from './chart/chart-option';
import { DEFAULT_OUT_DIR, parsePlotsArgs, PlotsUsageError, USAGE } from './cli/plots-args';
import { pngName, PLOTTED_FILES } from './nab/plotted-files';
import { awsCorpus, PlotInputError, scoreCorpus } from './nab/score-corpus';
import { seriesPlot } from './nab/series-plot';
import { readmeText } from './readme';
import { RasteriseError, startRasteriser } from './render/rasterise';
import { renderSvg } from './render/render-svg';
import { findWorkspaceRoot } from './workspace-root';

async function main(): Promise<void> {
  const command = parsePlotsArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const { options } = command;
  const workspaceRoot = findWorkspaceRoot(process.cwd());
  const detector = findDetector(options.detector ?? DEFAULT_DETECTOR).name;
  const nabDir = options.dataDir ?? path.join(process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(workspaceRoot, '..', 'shared', 'data'), 'nab');
  const outDir = options.outDir === undefined ? path.join(workspaceRoot, DEFAULT_OUT_DIR) : path.resolve(options.outDir);

  const corpus = awsCorpus(await readNabCorpus(nabDir));
  console.log(`scoring ${corpus.series.length} series of ${nabDir} with ${detector}`);
  const scored = scoreCorpus(corpus, detector);
  const standard = scored.evaluation.standard;
  console.log(`NAB standard: threshold ${standard.threshold.toFixed(4)}, normalized score ${standard.normalizedScore.toFixed(2)}`);

  mkdirSync(outDir, { recursive: true });
  const rasteriser = await startRasteriser(workspaceRoot, options.chromium);
  const pngs: { file: string; series: string; rawScore: number }[] = [];
  try {
    for (const file of PLOTTED_FILES) {
      const series = scored.series.get(file);
      const result = scored.labelled.get(file);
      const fileScore = standard.files.find((score) => score.file === file);
      if (series === undefined || result === undefined || fileScore === undefined) throw new PlotInputError(`${file} is not in the NAB corpus at ${nabDir}`);
      const plot = seriesPlot({ series, result, detector, profile: corpus.profiles.standard, threshold: standard.threshold, rawScore: fileScore.score });
      const png = await rasteriser.png(renderSvg(chartOption(plot), CHART_WIDTH, CHART_HEIGHT), CHART_WIDTH, CHART_HEIGHT);
      const name = pngName(detector, file, detector === DEFAULT_DETECTOR);
      writeFileSync(path.join(outDir, name), png);
      pngs.push({ file: name, series: file, rawScore: fileScore.score });
      console.log(`  ${path.join(outDir, name)} (detections: ${plot.detections.inWindow.length} in windows, ${plot.detections.outside.length} outside)`);
    }
    const outArg = options.outDir === undefined ? '' : ` --out ${options.outDir}`;
    const detectorArg = options.detector === undefined ? '' : ` --detector ${options.detector}`;
    const readme = readmeText({
      command: `node tools/plots/bin/plots.mjs${outArg}${detectorArg}`,
      detector,
      isDefault: detector === DEFAULT_DETECTOR,
      threshold: standard.threshold,
      standardScore: standard.normalizedScore,
      seriesCount: corpus.series.length,
      date: new Date().toISOString().slice(0, 10),
      chromium: rasteriser.version,
      pngs,
    });
    writeFileSync(path.join(outDir, 'README.md'), readme);
    console.log(`  ${path.join(outDir, 'README.md')}`);
  } finally {
    await rasteriser.close();
  }
}

/** Expected failures get one clear line; anything else keeps its stack for debugging. */
function describeFailure(error: unknown): unknown {
  const expected = [PlotsUsageError, UnknownDetectorError, NabDirectoryError, NabInputError, PlotInputError, RasteriseError];
  if (expected.some((type) => error instanceof type)) {
    const { message, cause } = error as Error;
    return cause instanceof Error ? `${message}: ${cause.message}` : message;
  }
  return error;
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exitCode = 1;
});
