/** The installed `trailpulse` bin, run as a child process exactly as `npx trailpulse` runs it. */
import { runBin } from '../test/run-bin';

describe('trailpulse executable', () => {
  jest.setTimeout(60_000);

  it('--help lists every command', () => {
    const { code, stdout } = runBin(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: trailpulse \[options\] \[command\]/);
    for (const command of ['analyze', 'validate', 'catalog', 'help']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain('Exit codes:');
  });

  it.each(['analyze', 'validate', 'catalog'])('%s --help prints the command’s own help', (command) => {
    const { code, stdout } = runBin([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: trailpulse ${command} `));
    expect(stdout).toContain('--json');
  });

  it('no arguments prints help and exits 1 (usage)', () => {
    const { code, stdout } = runBin([]);
    expect(code).toBe(1);
    expect(stdout).toContain('Usage: trailpulse');
  });

  it('an unknown command exits 1 with a message naming it', () => {
    const { code, stderr } = runBin(['analyse-this']);
    expect(code).toBe(1);
    expect(stderr).toContain("unknown command 'analyse-this'");
  });

  it('a bad option value exits 1 naming the option', () => {
    const { code, stderr } = runBin(['validate', 'samples/cloudtrail', '--examples', 'many']);
    expect(code).toBe(1);
    expect(stderr).toContain('--examples takes a whole number');
  });

  it('a missing input path exits 2 naming the path, without a stack trace', () => {
    const { code, stderr } = runBin(['validate', 'no/such/file.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('no/such/file.json');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--version prints the package version', () => {
    const { code, stdout } = runBin(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
