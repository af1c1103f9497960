/**
 * The demo organization: four accounts, the regions they work in, and where calls come from.
 * Addresses are from the documentation ranges of RFC 5737 (and private ranges inside VPCs), so the
 * demo never names a real network.
 */

export const ACCOUNTS = {
  management: '274103912585',
  prod: '518720364211',
  staging: '630941283377',
  security: '709352816440',
} as const;
export type AccountName = keyof typeof ACCOUNTS;

/** Regions the organization uses, most used first; the background traffic never leaves them. */
export const HOME_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1'] as const;
export const HOME_REGION_WEIGHTS: Readonly<Record<(typeof HOME_REGIONS)[number], number>> = {
  'us-east-1': 5,
  'eu-west-1': 3,
  'us-west-2': 2,
  'eu-central-1': 1,
};

/** A region no demo principal ever works in: the scene of the RunInstances spree. */
export const UNUSUAL_REGION = 'ap-southeast-3';

/** Global services log their calls in us-east-1. */
export const GLOBAL_REGION = 'us-east-1';

export const IPS = {
  /** The office's NAT gateways. */
  office: ['198.51.100.10', '198.51.100.11'],
  /** Hosted CI runners. */
  ci: ['192.0.2.40', '192.0.2.41', '192.0.2.42', '192.0.2.43'],
  /** Workloads inside the VPCs (calls through VPC endpoints). */
  vpc: ['10.20.1.17', '10.20.2.48', '10.20.3.101', '10.20.1.230', '10.20.2.9'],
  /** The monitoring vendor. */
  vendor: ['198.51.100.200'],
  /** Never seen in background traffic: the incidents' attackers. */
  attackers: ['203.0.113.23', '203.0.113.77', '203.0.113.145'],
} as const;

export const USER_AGENTS = {
  browser: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  cli: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off',
  terraform:
    'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64',
  boto3: 'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  nodeLambda: 'aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10.214-223.862.amzn2.x86_64 lang/js md/nodejs#20.12.0 exec-env/AWS_Lambda_nodejs20.x',
  goEks: 'aws-sdk-go/1.51.6 (go1.21.8; linux; amd64) amazon-eks-node',
  javaEcs: 'aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.2+13-LTS Java/21.0.2 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE',
  githubActions: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1017-azure exe/x86_64.ubuntu.22 prompt/off command/cloudformation.deploy',
  vendor: 'aws-sdk-go/1.44.327 (go1.20.7; linux; amd64) Datadog/1.0',
  jenkins: 'aws-sdk-java/1.12.470 Linux/4.14.336 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS java/11.0.22 jenkins/2.440',
  python: 'python-requests/2.31.0',
  attackerBoto: 'Boto3/1.28.0 Python/3.8.10 Linux/5.4.0-150-generic Botocore/1.31.0',
} as const;
