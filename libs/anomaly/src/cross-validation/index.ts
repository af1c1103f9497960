export { type Candidate, type HeldOutFold, leaveOneOut, type LeaveOneOutResult } from './leave-one-out';
