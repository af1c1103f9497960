import { type IncomingMessage } from 'node:http';
import { HttpError } from '../http-error';

/** The media type of a request (lower-case, parameters dropped) after checking that it is one of `allowed`. */
export function requireContentType<Type extends string>(request: IncomingMessage, allowed: readonly Type[]): Type {
  const header = request.headers['content-type'];
  const expected = allowed.join(' or ');
  if (header === undefined || header.trim() === '') {
    throw new HttpError('unsupported-media-type', `a Content-Type is required: ${expected}`);
  }
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const match = allowed.find((type) => type === mediaType);
  if (match === undefined) {
    throw new HttpError('unsupported-media-type', `Content-Type ${JSON.stringify(mediaType.slice(0, 100))} is not supported: send ${expected}`);
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError('unsupported-media-type', `charset ${JSON.stringify(charset.slice(0, 40))} is not supported: send UTF-8`);
  }
  return match;
}

export type ContentEncoding = 'identity' | 'gzip';

/** `Content-Encoding`: none, identity or gzip; anything else (br, deflate, stacked codings) is a 415. */
export function contentEncodingOf(request: IncomingMessage): ContentEncoding {
  const header = request.headers['content-encoding']?.trim().toLowerCase();
  if (header === undefined || header === '' || header === 'identity') return 'identity';
  if (header === 'gzip' || header === 'x-gzip') return 'gzip';
  throw new HttpError('unsupported-media-type', `Content-Encoding ${JSON.stringify(header.slice(0, 40))} is not supported: send gzip or no encoding`);
}
