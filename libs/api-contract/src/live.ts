import { z } from 'zod';
import { metricsWindowSchema } from './metrics';

/** WebSocket close codes of `/api/v1/live` besides the standard ones (1001 when the server stops). */
export const LIVE_CLOSE_CODES = {
  /** No valid token: not in the upgrade's Authorization header, nor in a first `auth` message within {@link LIVE_AUTH_TIMEOUT_MS}. */
  unauthorized: 4401,
  /** The client read too slowly and too many messages were pending for it; reconnect and reload by HTTP. */
  tooSlow: 4429,
} as const;

/** api.md: the first message must authenticate within 5 s. */
export const LIVE_AUTH_TIMEOUT_MS = 5_000;

export const LIVE_PROTOCOL_VERSION = 1;

// Client -> server.

/** The first message when the upgrade request carried no Authorization header (browsers cannot set one). */
export const liveAuthMessageSchema = z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(512) });

export type LiveAuthMessage = z.infer<typeof liveAuthMessageSchema>;

// Server -> client.

/** Sent once the connection is authenticated: live messages follow. */
export const liveHelloMessageSchema = z.object({ type: z.literal('hello'), protocol: z.literal(LIVE_PROTOCOL_VERSION) });

/** A window closed, or was revised by late records (then it replaces the one with the same start). */
export const liveWindowMessageSchema = z.object({
  type: z.literal('window'),
  windowSeconds: z.number().int().positive(),
  window: metricsWindowSchema,
});

/** A detector fired on a closed window. */
export const liveAnomalyMessageSchema = z.object({
  type: z.literal('anomaly'),
  windowSeconds: z.number().int().positive(),
  start: z.iso.datetime({ precision: 3 }),
  end: z.iso.datetime({ precision: 3 }),
  /** The series that fired: `totalCalls`, or `custom.<id>` for a custom metric with `anomaly: true`. */
  metric: z.string().min(1),
  value: z.number().finite(),
  score: z.number().nonnegative().finite(),
  /** The score at or above which the detector fires, when it has one. */
  threshold: z.number().nonnegative().finite().optional(),
});

export const liveServerMessageSchema = z.discriminatedUnion('type', [liveHelloMessageSchema, liveWindowMessageSchema, liveAnomalyMessageSchema]);

export type LiveHelloMessage = z.infer<typeof liveHelloMessageSchema>;
export type LiveWindowMessage = z.infer<typeof liveWindowMessageSchema>;
export type LiveAnomalyMessage = z.infer<typeof liveAnomalyMessageSchema>;
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
/** What a host's backend publishes; `hello` is the transport's own. */
export type LiveEventMessage = LiveWindowMessage | LiveAnomalyMessage;
