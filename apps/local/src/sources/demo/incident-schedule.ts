/**
 * The demo's scripted incidents and when they happen. The schedule is aligned on the epoch (occurrence k
 * of an incident starts at k x period + its offset), so any second of demo traffic is a pure function of
 * the seed and the time, and a viewer who opens the dashboard at any moment sees every incident within
 * one period (5 minutes by default).
 */

export const INCIDENT_IDS = ['credential-stuffing', 'unusual-region-spree', 'cloudtrail-stop-logging', 'root-console-login'] as const;
export type IncidentId = (typeof INCIDENT_IDS)[number];

export interface DemoIncident {
  readonly id: IncidentId;
  readonly title: string;
  /** What the records show, for the dashboard docs. */
  readonly description: string;
  /** Start within each period. */
  readonly offsetMs: number;
  readonly durationMs: number;
}

export const DEFAULT_INCIDENT_PERIOD_MS = 300_000;
/** Shortest period: every incident (offset + duration) must fit in one. */
export const MIN_INCIDENT_PERIOD_MS = 300_000;

export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  {
    id: 'credential-stuffing',
    title: 'Credential stuffing: AccessDenied burst',
    description:
      'The leaked access key of IAM user data-export-bot (prod) is tried from three addresses never seen before (203.0.113.0/24): about 40 enumeration calls per second across IAM, S3, EC2, Secrets Manager, Lambda and more, nearly all AccessDenied / Client.UnauthorizedOperation.',
    offsetMs: 45_000,
    durationMs: 45_000,
  },
  {
    id: 'unusual-region-spree',
    title: 'RunInstances spree in an unused region',
    description:
      'The github-actions-deploy role (prod), called from 203.0.113.77, looks around in ap-southeast-3, a region the organization never uses, creates a key pair and an open security group, then launches GPU instances: three RunInstances per second.',
    offsetMs: 120_000,
    durationMs: 30_000,
  },
  {
    id: 'cloudtrail-stop-logging',
    title: 'CloudTrail StopLogging and DeleteTrail',
    description:
      "carol.diaz's PowerUserAccess session (prod), from 203.0.113.145, inspects the prod-audit-trail trail, stops its logging and deletes it.",
    offsetMs: 195_000,
    durationMs: 10_000,
  },
  {
    id: 'root-console-login',
    title: 'Root console sign-in without MFA',
    description:
      'The root user of the management account signs in to the console without MFA (eventType AwsConsoleSignIn) from 203.0.113.23, then lists users and creates an access key.',
    offsetMs: 255_000,
    durationMs: 20_000,
  },
];

export interface IncidentOccurrence {
  readonly incident: DemoIncident;
  readonly startMs: number;
  readonly endMs: number;
}

/** Occurrences overlapping [fromMs, toMs), by start time. */
export function incidentOccurrences(fromMs: number, toMs: number, periodMs = DEFAULT_INCIDENT_PERIOD_MS, incidents: readonly DemoIncident[] = DEMO_INCIDENTS): IncidentOccurrence[] {
  const occurrences: IncidentOccurrence[] = [];
  for (let periodStart = Math.floor(fromMs / periodMs) * periodMs - periodMs; periodStart < toMs; periodStart += periodMs) {
    for (const incident of incidents) {
      const startMs = periodStart + incident.offsetMs;
      const endMs = startMs + incident.durationMs;
      if (startMs < toMs && endMs > fromMs) occurrences.push({ incident, startMs, endMs });
    }
  }
  return occurrences.sort((a, b) => a.startMs - b.startMs);
}
