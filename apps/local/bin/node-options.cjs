// The V8 options the local runtime is started with: by `npm start` (tools/scripts/start.mjs) and by
// the load benchmark (`npm run bench -- local`), which must measure what `npm start` runs.
//
// Why a larger young generation: ingest allocates short-lived objects per record (facts, request
// bodies, window partials) and keeps some for a fraction of a second; in V8's default 16 MB
// semi-spaces collections came every ~11 MB and copied most of what they found alive.
// Why on the command line: set from inside the process (v8.setFlagsFromString) it came after the heap
// was set up and changed nothing; measured with --trace-gc, the semi-spaces stayed at 16 MB.
// `npm run bench -- local` on the 2-core VM, 500,000 records: young-generation collections on the
// ingest thread took 2.7 s in 169 pauses with the default and 1.9 s in 53 pauses with 64 MB.
'use strict';
module.exports = { RUNTIME_NODE_OPTIONS: ['--max-semi-space-size=64'] };
