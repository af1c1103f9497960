// docs/images/anomaly/README.md: how the PNGs next to it were made, written by the tool itself so
// it never drifts from what was run.
export interface ReadmeInput {
  readonly command: string;
  readonly detector: string;
  readonly isDefault: boolean;
  readonly threshold: number;
  readonly standardScore: number;
  readonly seriesCount: number;
  /** UTC day of the run, YYYY-MM-DD. */
  readonly date: string;
  readonly chromium: string;
  readonly pngs: readonly { readonly file: string; readonly series: string; readonly rawScore: number }[];
}

export function readmeText(input: ReadmeInput): string {
  return [
    '# Anomaly plots',
    '',
    `Generated on ${input.date} by \`${input.command}\` (tools/plots); do not edit by hand, rerun the command.`,
    '',
    `Detector: \`${input.detector}\`${input.isDefault ? " (the registry's default, the engine's anomalyScore)" : ''}. It runs over each of the`,
    `${input.seriesCount} NAB AWS series with a fresh detector; its scores are mapped to [0, 1] as NAB sees them. The threshold`,
    `${input.threshold.toFixed(4)} is the one NAB's optimizer chose for the standard profile over all ${input.seriesCount} series`,
    `(in-sample; normalized standard score ${input.standardScore.toFixed(2)}), computed by \`evaluateDetector\` of @trailpulse/anomaly.`,
    '',
    'Each chart: the value line in the top panel; the anomaly score on a second y-axis (0-1) in the panel below,',
    'on the same time axis, with the threshold dashed; the labeled anomaly windows shaded red and the probationary',
    'period shaded grey (never scored) in both panels; and the detections after probation (score >= threshold) as',
    'markers on the value line: green circles inside a window, red triangles outside (false positives).',
    '',
    `Rendered with ECharts 6 server-side SVG, rasterised to 1200x420 PNG by ${input.chromium} through playwright-core.`,
    '',
    '| PNG | series | raw NAB score of the file (standard) |',
    '|---|---|---:|',
    ...input.pngs.map((png) => `| [${png.file}](${png.file}) | \`${png.series}\` | ${png.rawScore.toFixed(3)} |`),
    '',
  ].join('\n');
}
