/** A demo record before it has its eventID: ids are handed out in time order once a second is complete. */
export { type RecordSpec as PendingRecord } from './record-builder';
