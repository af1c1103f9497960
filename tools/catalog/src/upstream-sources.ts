// The repositories ../shared/data/aws-services was built from, as its SOURCE.md names them.
// Update together with the data; build-catalog.spec.ts checks SOURCE.md still names these commits.

export const UPSTREAM_SOURCES = {
  botocoreCommit: '0e6e2404b85dc336dd2889814e089bde7d1a4c55',
  apiModelsAwsCommit: '56c8953e87aeead95ae5e66a3ca6a355731db6ad',
} as const;
