import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTokenError, loadOrCreateApiToken, TOKEN_ENV } from './token-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'trailpulse-token-')), 'data');
});
afterEach(() => rm(join(dataDir, '..'), { recursive: true, force: true }));

describe('loadOrCreateApiToken', () => {
  it('generates a random token into <dataDir>/token with mode 0600, and reuses it on restart', async () => {
    // Act
    const first = await loadOrCreateApiToken(dataDir, {});
    const second = await loadOrCreateApiToken(dataDir, {});
    const other = await loadOrCreateApiToken(join(dataDir, 'other'), {});

    // Assess
    expect(first.origin).toBe('generated');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(join(dataDir, 'token'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'token'), 'utf8')).toBe(`${first.token}\n`);
    expect(second).toEqual({ token: first.token, origin: 'file', path: join(dataDir, 'token') });
    expect(other.token).not.toBe(first.token);
  });

  it('prefers TRAILPULSE_TOKEN and writes nothing', async () => {
    const source = await loadOrCreateApiToken(dataDir, { [TOKEN_ENV]: 'a-token-from-the-environment' });

    expect(source).toEqual({ token: 'a-token-from-the-environment', origin: 'env' });
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('tightens a token file readable by others to 0600', async () => {
    await loadOrCreateApiToken(dataDir, {});
    await chmod(join(dataDir, 'token'), 0o644);

    await loadOrCreateApiToken(dataDir, {});

    expect((await stat(join(dataDir, 'token'))).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a short TRAILPULSE_TOKEN', async () => loadOrCreateApiToken(dataDir, { [TOKEN_ENV]: 'short' })],
    [
      'a stored token with spaces',
      async () => {
        await loadOrCreateApiToken(dataDir, {});
        await writeFile(join(dataDir, 'token'), 'a token with spaces in it');
        return loadOrCreateApiToken(dataDir, {});
      },
    ],
  ])('refuses %s', async (_, load) => {
    await expect(load()).rejects.toThrow(ApiTokenError);
  });
});
