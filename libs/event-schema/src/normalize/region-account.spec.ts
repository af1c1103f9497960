import { allRecordLikeObjects } from '../schema/testing/cloudtrail-corpora';
import { recordAccount, recordRegion } from './index';

describe('recordRegion', () => {
  it('returns awsRegion as recorded', () => {
    expect(recordRegion({ awsRegion: 'eu-west-1' })).toBe('eu-west-1');
  });

  it.each([
    ['missing', {}],
    ['null', { awsRegion: null }],
    ['empty', { awsRegion: '' }],
    ['a number', { awsRegion: 1 }],
    ['an array', { awsRegion: ['us-east-1'] }],
  ])('is "unknown" when awsRegion is %s', (_case, record) => {
    expect(recordRegion(record)).toBe('unknown');
  });
});

describe('recordAccount', () => {
  const recipient = '111122223333';
  const caller = '444455556666';

  it('prefers recipientAccountId, the account whose trail logged the call', () => {
    expect(recordAccount({ recipientAccountId: recipient, userIdentity: { accountId: caller } })).toBe(recipient);
  });

  it.each([
    ['missing', {}],
    ['null', { recipientAccountId: null }],
    ['empty', { recipientAccountId: '' }],
    ['an object', { recipientAccountId: { id: recipient } }],
  ])('falls back to userIdentity.accountId when recipientAccountId is %s', (_case, record) => {
    expect(recordAccount({ ...record, userIdentity: { accountId: caller } })).toBe(caller);
  });

  it.each([
    ['no account anywhere', {}],
    ['userIdentity not an object', { userIdentity: 'x' }],
    ['userIdentity.accountId null', { userIdentity: { accountId: null } }],
    ['only non-finite placeholders', { recipientAccountId: Number.NaN, userIdentity: { accountId: Infinity } }],
  ])('is "unknown" with %s', (_case, record) => {
    expect(recordAccount(record)).toBe('unknown');
  });

  it('reads numeric account ids (StreamAlert fixtures) as text', () => {
    expect(recordAccount({ recipientAccountId: 12345 })).toBe('12345');
    expect(recordAccount({ userIdentity: { accountId: 123456789012 } })).toBe('123456789012');
  });

  it('finds an account for every corpus record that names one', () => {
    // Prepare
    const corpus = allRecordLikeObjects().map(({ record }) => record);
    const namingAnAccount = corpus.filter(
      (record) =>
        typeof record['recipientAccountId'] === 'string' && record['recipientAccountId'] !== '',
    );

    // Act
    const accounts = namingAnAccount.map((record) => recordAccount(record));

    // Assess
    expect(accounts).toEqual(namingAnAccount.map((record) => record['recipientAccountId']));
  });
});
