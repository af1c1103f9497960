// The series drawn for docs/anomaly.md: a varied set of the NAB AWS files (an EC2 CPU series, an
// RDS CPU series, an auto-scaling group metric and a short NetworkIn series), so the plots show
// the detector on different shapes rather than its best case.
export const AWS_CATEGORY = 'realAWSCloudwatch';

export const PLOTTED_FILES: readonly string[] = [
  `${AWS_CATEGORY}/ec2_cpu_utilization_5f5533.csv`,
  `${AWS_CATEGORY}/rds_cpu_utilization_e47b3b.csv`,
  `${AWS_CATEGORY}/grok_asg_anomaly.csv`,
  `${AWS_CATEGORY}/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv`,
];

/** `realAWSCloudwatch/grok_asg_anomaly.csv` → `grok_asg_anomaly`. */
export function seriesName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.csv$/, '');
}

/**
 * The PNG of one series: `<series>.png` for the registry's default detector, so links in the docs
 * survive a change of default (the title and README name the detector); `<detector>_<series>.png`
 * for any other, so its plots can sit beside the default's.
 */
export function pngName(detector: string, file: string, isDefault: boolean): string {
  return `${isDefault ? '' : `${detector}_`}${seriesName(file)}.png`.replace(/[^A-Za-z0-9._-]+/g, '_');
}
