import fs from 'node:fs';
import path from 'node:path';
import {
  type ActivityCategory,
  applyReadOnlyFlag,
  classifyByVerb,
  classifyOperation,
  lookupOperation,
  normalizeEventName,
} from './classify';

describe('classifyByVerb', () => {
  it.each<[string, ActivityCategory]>([
    ['CreateBucket', 'create'],
    ['RunInstances', 'create'],
    ['PutObject', 'create'],
    ['ScheduleRun', 'create'],
    ['ScheduleKeyDeletion', 'delete'], // a scheduled deletion is how KMS keys are deleted
    ['StartQueryExecution', 'create'],
    ['UpdateFunctionCode', 'modify'],
    ['AttachUserPolicy', 'modify'],
    ['StopInstances', 'modify'],
    ['TagResource', 'modify'],
    ['UntagResource', 'modify'],
    ['DeleteUser', 'delete'],
    ['TerminateInstances', 'delete'],
    ['DisableKey', 'delete'],
    ['DescribeInstances', 'read'],
    ['ListBuckets', 'read'],
    ['GetObject', 'read'],
    ['HeadObject', 'read'],
    ['Decrypt', 'read'],
    ['AssumeRole', 'read'],
  ])('classifies %s as %s', (operation, expected) => {
    // Prepare: an operation name from the AWS APIs
    // Act
    const category = classifyByVerb(operation);
    // Assess
    expect(category).toBe(expected);
  });

  it.each(['Listen', 'ListenerRules', 'Getaway', 'Settle', 'Deleted', 'DeletedObjects', 'Stopwatch', 'Tagged'])(
    'does not mistake %s for a known verb',
    (operation) => {
      // Prepare: words that only start with a verb's letters
      // Act
      const category = classifyByVerb(operation);
      // Assess
      expect(category).toBe('other');
    },
  );

  it.each<[string, ActivityCategory]>([
    ['BatchGetItem', 'read'],
    ['BatchDeleteBuilds', 'delete'],
    ['BatchPutScheduledUpdateGroupAction', 'create'],
    ['BatchUpdateFindings', 'modify'],
    ['AdminCreateUser', 'create'],
    ['AdminGetUser', 'read'],
    ['ReEncrypt', 'read'],
    ['TransactWriteItems', 'create'],
    ['TransactGetItems', 'read'],
    ['GlobalSignOut', 'delete'],
  ])('skips the qualifier in %s (%s)', (operation, expected) => {
    // Prepare: a qualifier word before the verb
    // Act
    const category = classifyByVerb(operation);
    // Assess
    expect(category).toBe(expected);
  });

  it.each<[string, ActivityCategory]>([
    ['SignUp', 'create'],
    ['Sign', 'read'],
    ['CheckInLicense', 'delete'],
    ['CheckDomainAvailability', 'read'],
    ['OptInPhoneNumber', 'modify'],
  ])('reads two-word verbs in %s as a whole (%s)', (operation, expected) => {
    // Prepare: verbs whose meaning changes with the following word
    // Act
    const category = classifyByVerb(operation);
    // Assess
    expect(category).toBe(expected);
  });

  it.each(['', 'Batch', 'BatchListen', 'describeInstances', '2020Update', 'ECSDescribe'])(
    'gives other for %p, which has no recognisable verb',
    (operation) => {
      // Prepare: names without a leading PascalCase verb
      // Act
      const category = classifyByVerb(operation);
      // Assess
      expect(category).toBe('other');
    },
  );

  it('agrees with the verb table in README.md', () => {
    // Prepare: the README rows `| category | Verb, Verb, ... |`
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (create|modify|delete|read) \| ([A-Za-z, ]+) \|$/gm)];
    const documented = rows.flatMap(([, category, verbs]) => (verbs ?? '').split(', ').map((verb) => [verb, category]));
    // Act
    const mismatches = documented.filter(([verb, category]) => classifyByVerb(`${verb}Thing`) !== category);
    // Assess
    expect(rows).toHaveLength(4);
    expect(documented.length).toBeGreaterThan(250);
    expect(mismatches).toEqual([]);
  });
});

describe('normalizeEventName', () => {
  it.each([
    ['CreateFunction20150331', 'CreateFunction'],
    ['UpdateFunctionCode20150331v2', 'UpdateFunctionCode'],
    ['AddPermission20150331v2', 'AddPermission'],
    ['ListFunctions20150331', 'ListFunctions'],
    ['CreateDistribution2020_05_31', 'CreateDistribution'],
    ['UpdateDistribution2017_03_25', 'UpdateDistribution'],
  ])('strips the API version from %s', (eventName, expected) => {
    // Prepare: versioned names as CloudTrail logs them
    // Act
    const normalized = normalizeEventName(eventName);
    // Assess
    expect(normalized).toBe(expected);
  });

  it.each(['ListObjectsV2', 'CreateEnvironmentEC2', 'GetFindingsV2', 'RunInstances', 'Foo123456789', '20150331', 'Foov2', ''])(
    'leaves %p alone',
    (eventName) => {
      // Prepare: names that end in digits without being versioned, or are not names at all
      // Act
      const normalized = normalizeEventName(eventName);
      // Assess
      expect(normalized).toBe(eventName);
    },
  );
});

describe('applyReadOnlyFlag', () => {
  it.each<[ActivityCategory, boolean | null | undefined, ActivityCategory]>([
    ['create', true, 'read'],
    ['read', true, 'read'],
    ['create', false, 'create'],
    ['read', false, 'other'],
    ['delete', null, 'delete'],
    ['read', undefined, 'read'],
  ])('turns %s with readOnly %p into %s', (category, readOnly, expected) => {
    // Prepare / Act
    const result = applyReadOnlyFlag(category, readOnly);
    // Assess
    expect(result).toBe(expected);
  });
});

describe('lookupOperation', () => {
  it('finds an operation by event source and normalized event name', () => {
    // Prepare: Lambda's dated event name
    // Act
    const entry = lookupOperation('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2');
    // Assess
    expect(entry).toMatchObject({ serviceId: 'lambda', name: 'UpdateFunctionCode', category: 'modify' });
  });

  it('matches the alternative event source column too', () => {
    // Prepare: docdb is logged as rds.amazonaws.com; its Smithy event source is the alternative
    // Act
    const viaMain = lookupOperation('rds.amazonaws.com', 'CreateDBCluster');
    const viaAlternative = lookupOperation('docdb.amazonaws.com', 'CreateDBCluster');
    // Assess
    expect(viaMain?.category).toBe('create');
    expect(viaAlternative).toMatchObject({ serviceId: 'docdb', category: 'create' });
  });

  it('answers a shared event source with the service named after it', () => {
    // Prepare: rds, docdb and neptune all log as rds.amazonaws.com and share many operations
    // Act
    const entry = lookupOperation('rds.amazonaws.com', 'AddRoleToDBCluster');
    // Assess
    expect(entry?.serviceId).toBe('rds');
  });

  it('answers through the alternative event source when that is the only match', () => {
    // Prepare: kinesis-video-media lists kinesisvideo.amazonaws.com as its alternative
    // Act
    const media = lookupOperation('kinesisvideo.amazonaws.com', 'GetMedia');
    const control = lookupOperation('kinesisvideo.amazonaws.com', 'CreateStream');
    // Assess
    expect(media?.serviceId).toBe('kinesis-video-media');
    expect(control?.serviceId).toBe('kinesisvideo');
  });

  it('knows nothing of unknown sources and operations', () => {
    // Prepare / Act
    const unknownSource = lookupOperation('nosuchservice.amazonaws.com', 'CreateThing');
    const unknownOperation = lookupOperation('ec2.amazonaws.com', 'CreateThing');
    // Assess
    expect(unknownSource).toBeUndefined();
    expect(unknownOperation).toBeUndefined();
  });
});

describe('classifyOperation', () => {
  it('lets readOnly true or "true" decide read', () => {
    // Prepare: a write by name, logged as read-only
    // Act
    const fromBoolean = classifyOperation('ec2.amazonaws.com', 'RunInstances', true);
    const fromString = classifyOperation('ec2.amazonaws.com', 'RunInstances', 'true');
    // Assess
    expect(fromBoolean).toBe('read');
    expect(fromString).toBe('read');
  });

  it('keeps the write category for readOnly false or "false", and gives other for a read by name', () => {
    // Prepare: sts:GetFederationToken is logged readOnly: false
    // Act
    const write = classifyOperation('ec2.amazonaws.com', 'TerminateInstances', 'false');
    const readByName = classifyOperation('sts.amazonaws.com', 'GetFederationToken', false);
    // Assess
    expect(write).toBe('delete');
    expect(readByName).toBe('other');
  });

  it('ignores absent, null and unrecognised readOnly values', () => {
    // Prepare: values a malformed record may carry
    const values: (string | null | undefined)[] = [undefined, null, '', 'TRUE', 'yes'];
    // Act
    const categories = values.map((value) => classifyOperation('ec2.amazonaws.com', 'DescribeInstances', value));
    // Assess
    expect(new Set(categories)).toEqual(new Set(['read']));
  });

  it('uses the model evidence of the catalog over the verb', () => {
    // Prepare: geo-places:ReverseGeocode is read-only in the model, though Reverse is a modify verb
    // Act
    const category = classifyOperation('geo-places.amazonaws.com', 'ReverseGeocode');
    // Assess
    expect(classifyByVerb('ReverseGeocode')).toBe('modify');
    expect(category).toBe('read');
  });

  it('falls back to verb rules for an unknown service', () => {
    // Prepare: console and internal sources have no SDK model
    // Act
    const category = classifyOperation('billingconsole.amazonaws.com', 'GetContactInformation');
    const unknownVerb = classifyOperation('signin.amazonaws.com', 'ConsoleLogin');
    // Assess
    expect(category).toBe('read');
    expect(unknownVerb).toBe('other');
  });

  it('classifies Lambda and CloudFront versioned event names like their base names', () => {
    // Prepare / Act
    const lambda = classifyOperation('lambda.amazonaws.com', 'AddPermission20150331v2');
    const cloudfront = classifyOperation('cloudfront.amazonaws.com', 'CreateDistribution2020_05_31');
    // Assess
    expect(lambda).toBe('create');
    expect(cloudfront).toBe('create');
  });

  it('gives the same answers from the cache as on the first call', () => {
    // Prepare: a mix of known, versioned and unknown pairs
    const pairs: [string, string][] = [
      ['s3.amazonaws.com', 'PutBucketPolicy'],
      ['lambda.amazonaws.com', 'UpdateFunctionCode20150331v2'],
      ['iam.amazonaws.com', 'DeleteUser'],
      ['madeup.amazonaws.com', 'Listen'],
    ];
    // Act
    const first = pairs.map(([source, name]) => classifyOperation(source, name));
    const cached = pairs.map(([source, name]) => classifyOperation(source, name));
    const withEvidence = pairs.map(([source, name]) => classifyOperation(source, name, true));
    // Assess
    expect(cached).toEqual(first);
    expect(first).toEqual(['create', 'modify', 'delete', 'other']);
    expect(withEvidence).toEqual(['read', 'read', 'read', 'read']);
  });

  it('stays correct when more distinct pairs arrive than the cache holds', () => {
    // Prepare: more distinct event names than the cache bound
    const names = Array.from({ length: 100_050 }, (_, i) => `DeleteThing${i}x`);
    // Act
    const categories = new Set(names.map((name) => classifyOperation('flood.amazonaws.com', name)));
    const afterFlood = classifyOperation('ec2.amazonaws.com', 'RunInstances');
    // Assess
    expect(categories).toEqual(new Set(['delete']));
    expect(afterFlood).toBe('create');
  });
});
