import { compileFilterRegex } from './safe-regex';

describe('compileFilterRegex', () => {
  it.each([
    '^AccessDenied',
    'Exception$',
    '^arn:aws:iam::\\d{12}:role/',
    '(Create|Delete)(User|Role)',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '^(?:ab)+$',
    '(a|b)*c',
    '[(+*)]+',
    '\\(a+\\)+',
    'a{2}',
    '(x{2,2})+',
  ])('accepts %p', (pattern) => {
    expect(compileFilterRegex(pattern, false)).toMatchObject({ ok: true, regex: expect.any(RegExp) });
  });

  it.each([
    ['(a+)+', '(a+)+'],
    ['^(a*)*$', '(a*)*'],
    ['(\\w+\\.)+com', '(\\w+\\.)+'],
    ['((ab)+c)+', '((ab)+c)+'],
    ['(a{1,5}){2,}', '(a{1,5}){2,}'],
    ['(?:x+y?)*z', '(?:x+y?)*'],
    ['(a+){0,9}', '(a+){0,9}'],
  ])('refuses nested repetition in %p', (pattern, group) => {
    const result = compileFilterRegex(pattern, false);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining(`repeats a group that itself repeats (${JSON.stringify(group)})`) });
  });

  it('reports the reason of an invalid pattern', () => {
    expect(compileFilterRegex('[a-', false)).toEqual({ ok: false, problem: 'invalid regular expression "[a-": Unterminated character class' });
  });

  it('compiles without global or sticky flags, so repeated tests do not depend on each other', () => {
    const result = compileFilterRegex('a', true);
    if (!result.ok) throw new Error(result.problem);
    expect(result.regex.flags).toBe('i');
    expect([result.regex.test('A'), result.regex.test('A')]).toEqual([true, true]);
  });
});
