/** The headings of the built-in overview widgets, in page order (features/overview/overview-page.component.html). */
export const WIDGETS = {
  totalCalls: 'Total API calls and anomaly score',
  callsByService: 'API calls by service',
  topApiCalls: 'Top 10 API calls',
  topUsers: 'Top 10 principals',
  topIps: 'Top source IPs',
  maxCallsByIp: 'Max calls by one IP',
  ec2Successful: 'Successful EC2 calls',
  changeActivity: 'Create / modify / delete activity',
  serviceHeatmap: 'Activity by service',
} as const;

export const WIDGET_HEADINGS: readonly string[] = Object.values(WIDGETS);
