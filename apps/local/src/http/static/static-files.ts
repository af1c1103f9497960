import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, join, sep } from 'node:path';
import { HttpError } from '../http-error';
import { isAssetName, mimeTypeOf } from './mime-types';
import { MISSING_DASHBOARD_HTML } from './missing-dashboard';

const INDEX = 'index.html';
/** Angular's output hashing (`main-ABCD1234.js`): such files never change, so they may be cached for good. */
const HASHED_NAME = /[-.][A-Za-z0-9]{8,}\.[a-z0-9]+$/;

/**
 * Serves a built single-page app: files under `root`, and index.html for any other path that does
 * not name an asset type (the app's own routes). A path that leaves `root` (`..`, encoded or not, or a symlink
 * pointing out) or names a dot file is a 404, as is a missing asset.
 */
export class StaticFiles {
  private rootReal: Promise<string | undefined> | undefined;

  constructor(private readonly root: string | undefined) {}

  async serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError('method-not-allowed', `${request.method ?? 'this method'} is not allowed here: the dashboard is read with GET`, {
        headers: { Allow: 'GET, HEAD' },
      });
    }
    const root = await this.realRoot();
    if (root === undefined || (await this.fileUnder(root, INDEX)) === undefined) {
      sendText(request, response, 200, 'text/html; charset=utf-8', MISSING_DASHBOARD_HTML);
      return;
    }
    const relative = decodePath(pathname);
    // `..` never leaves the root, and dot files (.env, .git) are never served, not even as the app.
    if (relative.split('/').some((segment) => segment.startsWith('.'))) throw new HttpError('not-found', 'no such file');
    const file = relative === '' ? undefined : await this.fileUnder(root, relative);
    if (file !== undefined) {
      sendFile(request, response, file.path, file.size, HASHED_NAME.test(basename(file.path)) ? 'public, max-age=31536000, immutable' : 'no-cache');
      return;
    }
    // A missing asset is a 404; anything else (dots included, e.g. a timestamp) is a route of the app.
    if (isAssetName(relative)) throw new HttpError('not-found', 'no such file');
    const index = await this.fileUnder(root, INDEX);
    if (index === undefined) throw new HttpError('not-found', 'no such file');
    sendFile(request, response, index.path, index.size, 'no-cache');
  }

  private realRoot(): Promise<string | undefined> {
    this.rootReal ??= this.root === undefined ? Promise.resolve(undefined) : realpath(this.root).catch(() => undefined);
    return this.rootReal;
  }

  /** A regular file at `relative` whose real path is inside `root`, or undefined. */
  private async fileUnder(root: string, relative: string): Promise<{ path: string; size: number } | undefined> {
    const segments = relative.split('/');
    if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
    try {
      const real = await realpath(join(root, ...segments));
      if (!real.startsWith(root + sep)) return undefined;
      const info = await stat(real);
      return info.isFile() ? { path: real, size: info.size } : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The URL path as a relative file path: percent-decoded, leading slashes dropped; NUL or bad escapes are 400. */
function decodePath(pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch (error) {
    throw new HttpError('bad-request', 'the path is not valid percent-encoding', { cause: error });
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError('bad-request', 'the path holds a forbidden character');
  return decoded.replace(/^\/+/, '');
}

function sendFile(request: IncomingMessage, response: ServerResponse, path: string, size: number, cacheControl: string): void {
  response.writeHead(200, { 'Content-Type': mimeTypeOf(path), 'Content-Length': String(size), 'Cache-Control': cacheControl });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

function sendText(request: IncomingMessage, response: ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-cache' });
  response.end(request.method === 'HEAD' ? undefined : text);
}
