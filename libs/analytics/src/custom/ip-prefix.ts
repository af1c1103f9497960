/**
 * `$ipPrefix`: the network a `sourceIPAddress` belongs to, so "a principal calling from a network it
 * never used" does not fire for every new address a NAT pool or a mobile carrier hands out:
 * IPv4 -> its /24 ("198.51.100.0/24", octets in decimal, so a zero-padded "211.9.016.7" is the same
 * network as "211.9.16.7"), IPv6 -> its /48 ("2001:db8:12::/48", lower case, zeros
 * compressed), IPv4-mapped IPv6 ("::ffff:198.51.100.7") -> the IPv4 /24. Anything else is kept as
 * recorded: CloudTrail puts service names there when AWS calls on someone's behalf
 * ("ec2.amazonaws.com", "AWS Internal"), and those are networks of their own.
 */
export function ipPrefix(sourceIp: string): string {
  const v4 = ipv4Octets(sourceIp);
  if (v4 !== undefined) return v4Prefix(v4);
  const groups = ipv6Groups(sourceIp);
  if (groups === undefined) return sourceIp;
  const isMappedV4 = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isMappedV4) return v4Prefix([(groups[6] as number) >> 8, (groups[6] as number) & 0xff, (groups[7] as number) >> 8]);
  return `${compressV6(groups.slice(0, 3))}/48`;
}

function v4Prefix(octets: readonly number[]): string {
  return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Octets(text: string): number[] | undefined {
  const match = V4.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** The 8 groups of an IPv6 address (a zone "%eth0" is ignored; a dotted IPv4 tail is accepted), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  if (!text.includes(':') || text.length > 64) return undefined;
  let address = text.split('%')[0] as string;
  // A dotted IPv4 tail ("::ffff:198.51.100.7") stands for the last two groups.
  const lastColon = address.lastIndexOf(':');
  const v4Tail = ipv4Octets(address.slice(lastColon + 1));
  if (v4Tail !== undefined) {
    const [a, b, c, d] = v4Tail as [number, number, number, number];
    address = `${address.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = hexGroups(halves[0]);
  const rest = hexGroups(halves[1]);
  if (head === undefined || rest === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - rest.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...rest] : undefined;
}

function hexGroups(part: string | undefined): number[] | undefined {
  if (part === undefined || part === '') return [];
  const groups = part.split(':');
  return groups.every((group) => HEX_GROUP.test(group)) ? groups.map((group) => parseInt(group, 16)) : undefined;
}

/** `groups` (the first three of an address) in RFC 5952 text, followed by "::" for the zero rest. */
function compressV6(groups: readonly number[]): string {
  // Trailing zero groups of the prefix merge into the "::" that stands for the host part.
  let end = groups.length;
  while (end > 0 && groups[end - 1] === 0) end--;
  return `${groups.slice(0, end).map((group) => group.toString(16)).join(':')}::`;
}
