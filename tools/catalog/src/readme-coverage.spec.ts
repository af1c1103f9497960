/**
 * The README reports the catalog's coverage (issue: "report the coverage in the README"); this
 * keeps those numbers equal to what the committed catalog module really covers.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { catalogCoverage } from '@trailpulse/event-schema';

const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const number = (text: string) => Number(text.replace(/[,*]/g, ''));

function tableValue(label: RegExp): string {
  const row = readme.split('\n').find((line) => line.startsWith('|') && label.test(line));
  if (row === undefined) throw new Error(`README has no coverage row matching ${label}`);
  return row.split('|').at(-2)?.trim() ?? '';
}

describe('README service catalog coverage', () => {
  const coverage = catalogCoverage();

  it('states the service and operation counts of the catalog', () => {
    expect(number(tableValue(/^\| services \(/))).toBe(coverage.services);
    expect(number(tableValue(/^\| operations \|/))).toBe(coverage.operations);
  });

  it('states how many services have every operation classified', () => {
    expect(number(tableValue(/every\*\* operation classified/))).toBe(coverage.fullyClassifiedServices.length);
    expect(coverage.fullyClassifiedServices.length).toBeGreaterThanOrEqual(60);
  });

  it('states the per-category operation counts', () => {
    const stated = tableValue(/operations classified create/).split('/').map(number);
    const { create, modify, delete: del, read, other } = coverage.byCategory;
    expect(stated).toEqual([create, modify, del, read, other]);
  });
});
