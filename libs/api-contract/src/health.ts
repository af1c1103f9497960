import { z } from 'zod';

/** `GET /api/v1/health` -> `200 {"status":"ok"}`, no auth. */
export const healthResponseSchema = z.object({ status: z.literal('ok') });

export type HealthResponse = z.infer<typeof healthResponseSchema>;
