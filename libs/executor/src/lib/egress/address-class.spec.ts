import { forbiddenClass } from './address-class';
import { EgressAllowList } from './egress-allow-list';
import { parseCidr, parseIp } from './ip-address';

const classOf = (text: string) => forbiddenClass(parseIp(text) as Uint8Array);

describe('forbiddenClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classOf(address)).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:169.254.169.254]', 'link-local'],
    ['::ffff:a00:1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
  ])('judges IPv4 carried in IPv6 (%s) by the IPv4 address: %s', (address, kind) => {
    expect(classOf(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(classOf(address)).toBeUndefined();
  });
});

describe('EgressAllowList', () => {
  it('parses hosts, wildcard hosts, addresses and CIDRs', () => {
    const { allowList, problems } = EgressAllowList.parse(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'Payments.Internal', '*.svc.cluster.local']);
    expect(problems).toEqual([]);
    expect(allowList.allowsAddress(parseIp('127.0.0.1') as Uint8Array)).toBe(true);
    expect(allowList.allowsAddress(parseIp('127.0.0.2') as Uint8Array)).toBe(false);
    expect(allowList.allowsAddress(parseIp('10.9.8.7') as Uint8Array)).toBe(true);
    expect(allowList.allowsAddress(parseIp('fd12::1') as Uint8Array)).toBe(true);
    expect(allowList.allowsHost('payments.internal')).toBe(true);
    expect(allowList.allowsHost('api.ns.svc.cluster.local')).toBe(true);
    expect(allowList.allowsHost('svc.cluster.local.evil.com')).toBe(false);
  });

  it('reports malformed entries', () => {
    expect(EgressAllowList.parse(['10.0.0.0/33', 'bad host', '1.2.3']).problems).toEqual([
      '"10.0.0.0/33" is not a valid IP address or CIDR (e.g. 10.0.0.0/8, fd00::/8)',
      '"bad host" is neither a host name (e.g. api.internal, *.svc.cluster.local) nor an IP address or CIDR',
      '"1.2.3" is not a valid IP address or CIDR (e.g. 10.0.0.0/8, fd00::/8)',
    ]);
    expect(parseCidr('::/129')).toBeUndefined();
  });
});
