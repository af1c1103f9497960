import { ipPrefix } from './ip-prefix';

describe('ipPrefix ($ipPrefix)', () => {
  it.each([
    ['198.51.100.7', '198.51.100.0/24'],
    ['10.0.0.255', '10.0.0.0/24'],
    ['211.9.016.7', '211.9.16.0/24'],
    ['2001:db8:12:34::1', '2001:db8:12::/48'],
    ['2001:DB8:0:1:2:3:4:5', '2001:db8::/48'],
    ['2001:0:db8::', '2001:0:db8::/48'],
    ['::1', '::/48'],
    ['fe80::1%eth0', 'fe80::/48'],
    ['::ffff:198.51.100.7', '198.51.100.0/24'],
    ['::ffff:c633:6407', '198.51.100.0/24'],
  ])('maps the address %s to its network %s', (address, prefix) => {
    expect(ipPrefix(address)).toBe(prefix);
  });

  it.each([['ec2.amazonaws.com'], ['AWS Internal'], ['unknown'], ['256.1.1.1'], ['1.2.3'], ['1:2:3'], ['1::2::3'], ['12345::'], ['']])(
    'keeps %j, which is not an IP address, as recorded',
    (value) => {
      expect(ipPrefix(value)).toBe(value);
    },
  );
});
