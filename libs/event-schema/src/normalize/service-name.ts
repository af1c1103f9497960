const AWS_SERVICE_DOMAIN_SUFFIX = '.amazonaws.com';

/** Short name used when a service has no usable eventSource. */
export const UNKNOWN_SERVICE = 'unknown';

/**
 * The service part of an eventSource: "ec2.amazonaws.com" -> "ec2",
 * "access-analyzer.amazonaws.com" -> "access-analyzer". Multi-label sources keep every label
 * ("streams.dynamodb.amazonaws.com" -> "streams.dynamodb") so two services never share a name.
 * A value without the suffix is returned unchanged; non-strings and empty results give "unknown".
 */
export function serviceShortName(eventSource: unknown): string {
  if (typeof eventSource !== 'string') return UNKNOWN_SERVICE;
  const shortName = eventSource.endsWith(AWS_SERVICE_DOMAIN_SUFFIX)
    ? eventSource.slice(0, eventSource.length - AWS_SERVICE_DOMAIN_SUFFIX.length)
    : eventSource;
  return shortName === '' ? UNKNOWN_SERVICE : shortName;
}
