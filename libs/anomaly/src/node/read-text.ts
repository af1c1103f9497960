import { readdir, readFile } from 'node:fs/promises';
import { NabDirectoryError } from './errors';

/** A file's text, or undefined when it does not exist (optional config files). */
export async function readOptionalText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new NabDirectoryError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file, { cause: error });
  }
}

/** A required file's text, with an error naming it. */
export async function readRequiredText(file: string, what: string): Promise<string> {
  const text = await readOptionalText(file);
  if (text === undefined) throw new NabDirectoryError(`${what} ${file} does not exist`, file);
  return text;
}

/** Names of the sub-directories of `dir` (sorted), or [] when `dir` does not exist. */
export async function subdirectories(dir: string): Promise<string[]> {
  return (await listDirectory(dir)).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Names of the `.csv` files in `dir` (sorted), or [] when `dir` does not exist. */
export async function csvFiles(dir: string): Promise<string[]> {
  return (await listDirectory(dir)).filter((entry) => entry.isFile() && entry.name.endsWith('.csv')).map((entry) => entry.name).sort();
}

async function listDirectory(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new NabDirectoryError(`cannot list ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, dir, { cause: error });
  }
}
