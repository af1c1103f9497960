// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient module types must reach every project that compiles this file from source (apps/local, tools)
/// <reference path="./dynalite.d.ts" />
import { mkdir } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server and closes the LevelDB store (everything written is on disk). */
  close(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** LevelDB directory; created if missing. Reopening the same directory finds every table and row. */
  readonly dataDir: string;
  /** Default 0: a free port chosen by the OS. */
  readonly port?: number;
}

/**
 * Embedded DynamoDB (dynalite on LevelDB) on 127.0.0.1 only, never on other interfaces. Tables
 * become ACTIVE at once (createTableMs/updateTableMs 0) instead of after dynalite's default 500 ms.
 */
export async function startLocalDynamo(options: LocalDynamoOptions): Promise<LocalDynamo> {
  await mkdir(options.dataDir, { recursive: true });
  const server = dynalite({ path: options.dataDir, createTableMs: 0, updateTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    dataDir: options.dataDir,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Keep-alive sockets of clients would hold the server open: end them.
        server.closeAllConnections?.();
        server.close((error) => (error === undefined || error === null ? resolve() : reject(error)));
      });
      return closing;
    },
  };
}
