// userAgent strings in the shapes real trails carry. `{api}` is filled per call with the
// service id, as the SDKs do.

/** Calls made through the console: the browser's agent, or what the console backend sends for it. */
export const CONSOLE_USER_AGENTS: readonly string[] = [
  'AWS Internal',
  'console.amazonaws.com',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
];

export const SDK_USER_AGENTS: readonly string[] = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/5.10.205 exe/x86_64.amzn.2 prompt/off command/{api}',
  'Boto3/1.34.69 Python/3.12.2 Linux/5.10.210 Botocore/1.34.69',
  'aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 api/{api}#1.30.1',
  'aws-sdk-nodejs/2.1580.0 linux/v20.11.1 promise',
  'Terraform/1.7.5 terraform-provider-aws/5.42.0 aws-sdk-go-v2/1.25.3 api/{api}#1.51.0',
  'aws-sdk-java/2.25.16 Linux/5.10.210 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10',
];

/** The user agent of one call: the principal's template with the called service filled in. */
export function userAgentFor(template: string, serviceId: string): string {
  return template.includes('{api}') ? template.replace('{api}', serviceId) : template;
}
