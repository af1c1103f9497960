// Hand-written records for the corners of metrics.md that generated data does not reach.
// All sit in one 10 s window of their own (2024-06-01T00:00:00Z), after the generated data.

const at = '2024-06-01T00:00:01Z';

function call(fields: Record<string, unknown>): Record<string, unknown> {
  return { eventTime: at, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', eventType: 'AwsApiCall', sourceIPAddress: '198.51.100.1', ...fields };
}

export const EDGE_CASE_RECORDS: readonly Record<string, unknown>[] = [
  // Identity key: empty arn falls through to the session issuer, then userName, principalId, invokedBy, type, "unknown".
  call({ userIdentity: { arn: '', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111111111111:role/issuer' } } } }),
  call({ userIdentity: { userName: 'only-name', principalId: 'AIDAEXAMPLE' } }),
  call({ userIdentity: { principalId: '', invokedBy: 'ec2.amazonaws.com' } }),
  call({ userIdentity: { type: 'AWSAccount' } }),
  call({ userIdentity: null }),
  call({}),
  // readOnly as strings; "false" on a read operation makes it `other`.
  call({ readOnly: 'false' }),
  call({ eventName: 'TerminateInstances', readOnly: 'true' }),
  call({ eventName: 'TerminateInstances', readOnly: false }),
  // errorCode "" and null are successes; a real code is not.
  call({ errorCode: '' }),
  call({ errorCode: null }),
  call({ errorCode: 'Client.UnauthorizedOperation' }),
  // No eventType counts as an API call; other event types do not.
  call({ eventType: undefined, eventName: 'RunInstances' }),
  call({ eventType: 'AwsServiceEvent' }),
  call({ eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin' }),
  // sourceIPAddress absent or empty is "unknown".
  call({ sourceIPAddress: undefined }),
  call({ sourceIPAddress: '' }),
  // UTF-16 vs UTF-8 order: U+E000 sorts after U+1F600's surrogates in JavaScript, before it in bytes.
  call({ sourceIPAddress: '\uE000' }),
  call({ sourceIPAddress: '\u{1F600}' }),
  call({ sourceIPAddress: '\uE000', eventName: 'Describe\u{1F600}' }),
  call({ sourceIPAddress: '\u{1F600}', eventName: 'Describe\uE000' }),
  // An API version suffix on the eventName is kept in the key and ignored by the classifier.
  call({ eventSource: 'lambda.amazonaws.com', eventName: 'ListFunctions20150331' }),
];
