import { type ErrorBody } from './errors';

/** What a request parser returns: the typed value, or the 400 body to answer with. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorBody };

export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}
