import { fakeIo } from '../../test/fake-io';
import { ProgressBar } from './progress';

describe('ProgressBar', () => {
  it('shows the fraction of bytes read and the record rate from the injected clock', () => {
    // Prepare
    const io = fakeIo({ stderrIsTTY: true });
    const bar = new ProgressBar(io, 4 * 1024 * 1024);
    io.advance(2000);
    // Act
    const text = bar.render(1024 * 1024, 50_000, io.now());
    // Assess: 1 MiB of 4 MiB is 25%; 50,000 records in 2 s is 25,000/s
    expect(text).toContain(' 25% ');
    expect(text).toContain('1.0 MiB / 4.0 MiB');
    expect(text).toContain('50,000 records');
    expect(text).toContain('25,000/s');
    expect(text.startsWith('[######..................]')).toBe(true);
  });

  it('draws on a terminal at most once per interval and erases itself when done', () => {
    const io = fakeIo({ stderrIsTTY: true });
    const bar = new ProgressBar(io, 100, 100);
    bar.update(10, 1);
    bar.update(20, 2); // same instant: skipped
    io.advance(150);
    bar.update(30, 3);
    bar.done();
    const draws = io.err().split('\r').filter((s) => s.startsWith('['));
    expect(draws).toHaveLength(2);
    expect(io.err().endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const io = fakeIo({ stderrIsTTY: false });
    const bar = new ProgressBar(io, 100);
    bar.update(50, 5);
    bar.done();
    expect(io.err()).toBe('');
  });
});
