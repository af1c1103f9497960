// Classifies an AWS API operation by the verb its name starts with (`DescribeInstances` -> read).
// The rules are the fallback for operations the service catalog does not know, and they also
// decide the catalog's own category wherever the API models carry no read-only evidence.
// README.md in this folder has the same rules as a table; keep the two in step.

/** What an API call does to the account's resources. */
export type ActivityCategory = 'create' | 'modify' | 'delete' | 'read' | 'other';

/**
 * Leading verbs and their categories. A verb is a whole PascalCase word, so `Listen`, `Getaway`,
 * `Settle` or `Deleted` never match `List`, `Get`, `Set` or `Delete`.
 *
 * The yardstick: `create` brings a new resource, run, message or unit of work into existence,
 * `modify` changes the state or settings of something that exists, `delete` removes a resource,
 * a relationship or a permission, and `read` changes nothing the account owns (it may compute
 * or hand out a value). Comments explain the verbs where usage across services is mixed.
 */
const CATEGORY_BY_VERB: Readonly<Record<string, ActivityCategory>> = {
  // --- create ---
  Create: 'create',
  Run: 'create',
  // Put writes a whole object or document, creating it when absent (PutObject, PutBucketPolicy).
  Put: 'create',
  Register: 'create',
  Allocate: 'create',
  Import: 'create',
  Add: 'create',
  // Most Start* calls begin a new run with its own id (StartBuild, StartExecution, StartQuery,
  // StartSession); StartInstances-style restarts of an existing resource are the minority.
  Start: 'create',
  Launch: 'create',
  Issue: 'create',
  Request: 'create',
  Copy: 'create',
  Upload: 'create',
  Publish: 'create',
  // An invocation is a new unit of work whose side effects the API cannot bound (Lambda Invoke is
  // logged readOnly: false). Bedrock's InvokeModel is logged readOnly: true; the record wins then.
  Invoke: 'create',
  // Send creates a message, event or command (SendEmail, SendCommand, SendSSHPublicKey).
  Send: 'create',
  Submit: 'create',
  Purchase: 'create',
  Provision: 'create',
  Clone: 'create',
  Replicate: 'create',
  Post: 'create',
  Invite: 'create',
  Reinvite: 'create',
  Build: 'create',
  Deploy: 'create',
  Install: 'create',
  // ScheduleRun creates a run; a scheduled *deletion* (kms:ScheduleKeyDeletion) is a delete, see
  // SCHEDULED_DELETION below.
  Schedule: 'create',
  Initiate: 'create',
  // Define* (CloudSearch) and Prepare* (PrepareAgent creates a DRAFT version, PrepareQuery stores
  // a query) add a new definition.
  Define: 'create',
  Prepare: 'create',
  Ingest: 'create',
  Insert: 'create',
  Write: 'create',
  Instantiate: 'create',
  Reserve: 'create',
  Begin: 'create',
  Checkout: 'create',
  Open: 'create',
  Subscribe: 'create',
  Peer: 'create',
  Compose: 'create',
  Bundle: 'create',
  Convert: 'create',
  // DistributeImage copies an AMI to new destinations, like Copy.
  Distribute: 'create',
  Resend: 'create',
  Provide: 'create',
  Process: 'create',
  Stream: 'create',
  Meter: 'create',
  Vote: 'create',
  Deliver: 'create',
  // Export mostly starts an export job that writes a copy elsewhere (ExportImage,
  // ExportTableToPointInTime); the exports that only serialize something are marked read-only
  // in the API models, and that evidence wins over this rule.
  Export: 'create',
  // Chat keeps a conversation resource (Amazon Q Business returns a conversationId).
  Chat: 'create',
  // IndexFaces adds faces to a collection; IndexDocuments (re)builds an index.
  Index: 'create',

  // --- modify ---
  Update: 'modify',
  Modify: 'modify',
  Attach: 'modify',
  Associate: 'modify',
  Enable: 'modify',
  Set: 'modify',
  // Tags are attributes of a resource, so adding or removing one modifies it.
  Tag: 'modify',
  Untag: 'modify',
  Label: 'modify',
  Unlabel: 'modify',
  Change: 'modify',
  Replace: 'modify',
  Reset: 'modify',
  // Most Restore* calls bring back an existing resource (RestoreCertificateAuthority,
  // RestoreEventDataStore); RDS and DynamoDB restores that create a new copy are the exception.
  Restore: 'modify',
  Reboot: 'modify',
  Restart: 'modify',
  Stop: 'modify',
  Shutdown: 'modify',
  Apply: 'modify',
  Accept: 'modify',
  Reject: 'modify',
  Decline: 'modify',
  Approve: 'modify',
  // Cancelling or aborting changes the state of the run or upload; it stays on record.
  Cancel: 'modify',
  Abort: 'modify',
  Grant: 'modify',
  Authorize: 'modify',
  Assign: 'modify',
  Rotate: 'modify',
  Regenerate: 'modify',
  Activate: 'modify',
  Resume: 'modify',
  Pause: 'modify',
  Suspend: 'modify',
  Unsuspend: 'modify',
  Snooze: 'modify',
  Toggle: 'modify',
  Complete: 'modify',
  Confirm: 'modify',
  Finalize: 'modify',
  Commit: 'modify',
  Checkpoint: 'modify',
  Failover: 'modify',
  Switchover: 'modify',
  Promote: 'modify',
  Upgrade: 'modify',
  Retry: 'modify',
  Redrive: 'modify',
  Rollback: 'modify',
  Backtrack: 'modify',
  Configure: 'modify',
  Setup: 'modify',
  Initialize: 'modify',
  Move: 'modify',
  Transfer: 'modify',
  Push: 'modify',
  Migrate: 'modify',
  Merge: 'modify',
  Split: 'modify',
  Rename: 'modify',
  Reorder: 'modify',
  Extend: 'modify',
  Renew: 'modify',
  Increase: 'modify',
  Decrease: 'modify',
  Resize: 'modify',
  Shrink: 'modify',
  Rebalance: 'modify',
  Drain: 'modify',
  Swap: 'modify',
  Rebuild: 'modify',
  Reimport: 'modify',
  Reload: 'modify',
  Refresh: 'modify',
  Sync: 'modify',
  Synchronize: 'modify',
  Resync: 'modify',
  Override: 'modify',
  Lock: 'modify',
  Unlock: 'modify',
  Archive: 'modify',
  Unarchive: 'modify',
  Deprecate: 'modify',
  Undeprecate: 'modify',
  // Execute applies a prepared change to existing resources (ExecuteChangeSet, ExecutePolicy).
  // ExecuteStatement/ExecuteQuery may read or write, so they cannot safely count as reads.
  Execute: 'modify',
  // Connecting sets up a relationship, like Associate; Disconnect (delete) removes it.
  Connect: 'modify',
  Join: 'modify',
  Link: 'modify',
  Share: 'modify',
  Group: 'modify',
  Monitor: 'modify',
  Allow: 'modify',
  Deny: 'modify',
  Disallow: 'modify',
  // BYOIP: advertising and withdrawing a CIDR toggle its state; the CIDR stays provisioned.
  Advertise: 'modify',
  Withdraw: 'modify',
  Reverse: 'modify',
  Claim: 'modify',
  Take: 'modify',
  Mark: 'modify',
  Enter: 'modify',
  Exit: 'modify',
  Skip: 'modify',
  Amend: 'modify',
  Recall: 'modify',
  Redeem: 'modify',
  Manage: 'modify',
  Populate: 'modify',
  // Redacting rewrites an existing message.
  Redact: 'modify',
  // Workers report progress or a result on an existing task (RespondActivityTaskCompleted,
  // RecordLifecycleActionHeartbeat, NotifyMigrationTaskState, SignalWorkflowExecution).
  Respond: 'modify',
  Record: 'modify',
  Report: 'modify',
  Notify: 'modify',
  Signal: 'modify',
  Continue: 'modify',
  Acknowledge: 'modify',
  // ForgotPassword starts a password reset for an existing user.
  Forgot: 'modify',
  Save: 'modify',

  // --- delete ---
  Delete: 'delete',
  Terminate: 'delete',
  Remove: 'delete',
  Deregister: 'delete',
  Unregister: 'delete',
  Detach: 'delete',
  Disassociate: 'delete',
  Dissociate: 'delete',
  Disconnect: 'delete',
  Ungroup: 'delete',
  Unshare: 'delete',
  Unlink: 'delete',
  Unpeer: 'delete',
  // Disabling or deactivating takes a feature or resource out of service, the counterpart of a
  // removal in audit terms; Enable/Activate are modifications.
  Disable: 'delete',
  Deactivate: 'delete',
  Unmonitor: 'delete',
  Revoke: 'delete',
  Deauthorize: 'delete',
  Unassign: 'delete',
  Release: 'delete',
  Deprovision: 'delete',
  Undeploy: 'delete',
  Unsubscribe: 'delete',
  Purge: 'delete',
  Flush: 'delete',
  Clear: 'delete',
  Evict: 'delete',
  Invalidate: 'delete',
  Discard: 'delete',
  Dispose: 'delete',
  Destroy: 'delete',
  Expire: 'delete',
  Retire: 'delete',
  Forget: 'delete',
  Dismiss: 'delete',
  // Ending a session, account, tunnel or case ends the life of that resource.
  End: 'delete',
  Close: 'delete',
  Logout: 'delete',
  Leave: 'delete',
  // ReturnSavingsPlan gives the plan back.
  Return: 'delete',

  // --- read ---
  Describe: 'read',
  List: 'read',
  Get: 'read',
  Head: 'read',
  Lookup: 'read',
  Search: 'read',
  Query: 'read',
  Scan: 'read',
  Select: 'read',
  Filter: 'read',
  Count: 'read',
  View: 'read',
  Read: 'read',
  Is: 'read',
  Contains: 'read',
  Check: 'read',
  // Validate, Test, Verify, Preview, Estimate, Simulate and Evaluate are dry runs: they report
  // what would happen without changing the resource (cognito-idp:VerifyUserAttribute, which
  // marks an attribute verified, is the exception).
  Validate: 'read',
  Test: 'read',
  Verify: 'read',
  Preview: 'read',
  Estimate: 'read',
  Simulate: 'read',
  Evaluate: 'read',
  Calculate: 'read',
  Compare: 'read',
  Download: 'read',
  Retrieve: 'read',
  // ReceiveMessage and PollFor* hand out pending work; the visibility or lease change is a side
  // effect of reading, not a change anyone audits.
  Receive: 'read',
  Poll: 'read',
  Discover: 'read',
  // ResolveAlias, ResolveCustomer and ResolveComponentCandidates look a value up; support's
  // ResolveCase (closes a case) is the exception.
  Resolve: 'read',
  // Inference and analysis return a result and keep nothing (Comprehend, Rekognition, Textract,
  // Translate, Polly; Bedrock's Converse is logged readOnly: true).
  Detect: 'read',
  Analyze: 'read',
  Classify: 'read',
  Infer: 'read',
  Predict: 'read',
  Recognize: 'read',
  Translate: 'read',
  Synthesize: 'read',
  Converse: 'read',
  Rerank: 'read',
  Rescore: 'read',
  Sample: 'read',
  Suggest: 'read',
  Forecast: 'read',
  Optimize: 'read',
  Render: 'read',
  Probe: 'read',
  Ping: 'read',
  Introspect: 'read',
  Decode: 'read',
  // Cryptographic operations compute with a key without changing it; CloudTrail logs
  // kms:Decrypt and kms:GenerateDataKey readOnly: true.
  Encrypt: 'read',
  Decrypt: 'read',
  Sign: 'read',
  Derive: 'read',
  // Generate mostly computes and returns a value (data keys, MACs, embed URLs, queries); the IAM
  // report generators (GenerateCredentialReport) are the exception.
  Generate: 'read',
  // Credential exchange changes no resource; CloudTrail logs sts:AssumeRole readOnly: true.
  Assume: 'read',
  Exchange: 'read',
};

/** Two-word verbs that mean something else than their first word alone. */
const CATEGORY_BY_PHRASE: Readonly<Record<string, ActivityCategory>> = {
  // cognito-idp:SignUp registers a new user; SignOut ends sessions, like Logout.
  SignUp: 'create',
  SignOut: 'delete',
  OptIn: 'modify',
  OptOut: 'modify',
  // license-manager: CheckInLicense returns a checked-out license.
  CheckIn: 'delete',
  // lookoutmetrics:BackTestAnomalyDetector tests a detector against past data, like Test.
  BackTest: 'read',
};

/**
 * Words that qualify the verb after them: `BatchGetItems` reads, `AdminCreateUser` creates,
 * `ReEncrypt` encrypts, `TransactWriteItems` writes, `GlobalSignOut` signs out.
 */
const VERB_QUALIFIERS: ReadonlySet<string> = new Set(['Batch', 'Admin', 'Bulk', 'Global', 'Re', 'Transact', 'Agentic']);

const verbCategories: ReadonlyMap<string, ActivityCategory> = new Map(Object.entries(CATEGORY_BY_VERB));
const phraseCategories: ReadonlyMap<string, ActivityCategory> = new Map(Object.entries(CATEGORY_BY_PHRASE));

/**
 * `Schedule<Thing>Deletion` schedules the thing's deletion (kms:ScheduleKeyDeletion, the way KMS
 * keys are deleted): a delete, whatever `Schedule` alone means. Security teams alert on it.
 */
const SCHEDULED_DELETION = 'Deletion';

const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;

/**
 * End (exclusive) of the PascalCase word starting at `start`: one capital letter followed by
 * lower-case letters. Returns `start` when no word starts there.
 */
function pascalWordEnd(name: string, start: number): number {
  const first = name.charCodeAt(start);
  if (!(first >= UPPER_A && first <= UPPER_Z)) return start;
  let end = start + 1;
  while (end < name.length) {
    const code = name.charCodeAt(end);
    if (!(code >= LOWER_A && code <= LOWER_Z)) break;
    end += 1;
  }
  return end;
}

/**
 * Category of an operation name from its leading verb (`RunInstances` -> create), skipping
 * qualifiers such as `Batch` and `Admin`. Unknown verbs give `other`.
 */
export function classifyByVerb(operationName: string): ActivityCategory {
  let start = 0;
  for (;;) {
    const firstEnd = pascalWordEnd(operationName, start);
    if (firstEnd === start) return 'other';
    const secondEnd = pascalWordEnd(operationName, firstEnd);
    if (secondEnd > firstEnd) {
      const phrase = phraseCategories.get(operationName.slice(start, secondEnd));
      if (phrase !== undefined) return phrase;
    }
    const verb = operationName.slice(start, firstEnd);
    if (verb === 'Schedule' && operationName.endsWith(SCHEDULED_DELETION)) return 'delete';
    const category = verbCategories.get(verb);
    if (category !== undefined) return category;
    // A qualifier must be followed by the verb it qualifies (`Batch` alone is not a verb).
    if (!VERB_QUALIFIERS.has(verb) || secondEnd === firstEnd) return 'other';
    start = firstEnd;
  }
}
