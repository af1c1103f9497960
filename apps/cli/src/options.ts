import { InvalidArgumentError } from 'commander';

/** A commander argument parser for whole numbers >= `min`, with an error naming the option. */
export function parseWholeNumber(option: string, min = 0): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${option} takes a whole number >= ${min}, not "${value}".`);
    }
    return n;
  };
}
