import { describe, expect, it } from '@jest/globals';
import { nonPublicReason, parseIpv6, TrustedHosts, urlProblem } from './public-address.js';

describe('nonPublicReason', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.0.0.2', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'cloud metadata'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'IETF protocol'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', '6to4 relay'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses the IPv4 address %s (%s)', (address, reason) => {
    expect(nonPublicReason(address)).toContain(reason);
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::127.0.0.1', 'NAT64 of a loopback'],
    ['64:ff9b::a00:1', 'NAT64 of a private'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4 of a loopback'],
    ['2002:c0a8:101::1', '6to4 of a private'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'Teredo'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['4000::1', 'reserved'],
    ['[::1]', 'loopback'],
  ])('refuses the IPv6 address %s (%s)', (address, reason) => {
    expect(nonPublicReason(address)).toContain(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a01:cb00::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('accepts the public address %s', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });

  it('refuses what is not an IP address at all', () => {
    expect(nonPublicReason('localhost')).toBe('not an IP address');
    expect(nonPublicReason('1.2.3')).toBe('not an IP address');
    expect(nonPublicReason('1::2::3')).toBe('not an IP address');
  });
});

describe('parseIpv6', () => {
  it('expands compressed groups and a trailing dotted quad', () => {
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1::8')).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIpv6('12345::1')).toBeNull();
  });
});

describe('urlProblem', () => {
  const none = new TrustedHosts();

  it.each([
    ['http://127.0.0.1:6379/', 'loopback'],
    ['http://127.0.0.2/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
    ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'IPv4-mapped link-local'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://0.0.0.0:5432/', 'this network'],
    ['http://10.0.0.5/', 'private'],
    ['http://localhost:3000/', 'localhost'],
    ['http://LOCALHOST./', 'localhost'],
    ['http://api.localhost/', 'localhost'],
  ])('refuses %s, which parses to a non-public host (%s)', (url, reason) => {
    expect(urlProblem(url, none)).toContain(reason);
  });

  it('refuses other schemes and credentials in the URL', () => {
    expect(urlProblem('file:///etc/passwd', none)).toBe('must be an http(s) URL');
    expect(urlProblem('gopher://example.org/', none)).toBe('must be an http(s) URL');
    expect(urlProblem('not a url', none)).toBe('must be an http(s) URL');
    expect(urlProblem('https://user:pass@example.org/', none)).toBe('must not contain a user name or password');
  });

  it('accepts public names and addresses (names are judged again at connect time)', () => {
    expect(urlProblem('https://www.nordemploi.example/offres', none)).toBeNull();
    expect(urlProblem('http://93.184.216.34/', none)).toBeNull();
    expect(urlProblem('http://[2606:4700:4700::1111]/', none)).toBeNull();
  });

  it('accepts a non-public host the operator trusts, with the port it named only', () => {
    const trusted = new TrustedHosts(['127.0.0.1:3100', 'intranet.cd59.fr', '[::1]:8080']);
    expect(urlProblem('http://127.0.0.1:3100/nordemploi', trusted)).toBeNull();
    expect(urlProblem('http://2130706433:3100/nordemploi', trusted)).toBeNull();
    expect(urlProblem('http://127.0.0.1:6379/', trusted)).toContain('loopback');
    expect(urlProblem('http://[::1]:8080/', trusted)).toBeNull();
    expect(urlProblem('http://[::1]:8081/', trusted)).toContain('loopback');
    expect(trusted.has(new URL('https://INTRANET.cd59.fr:8443/x'))).toBe(true);
  });

  it('keeps an explicit default port in a trusted entry (host:80 does not trust every port)', () => {
    const trusted = new TrustedHosts(['10.0.0.5:80', 'https://10.0.0.6/token']);
    expect(trusted.has(new URL('http://10.0.0.5/'))).toBe(true);
    expect(trusted.has(new URL('http://10.0.0.5:8080/'))).toBe(false);
    expect(trusted.has(new URL('https://10.0.0.6/other'))).toBe(true);
    expect(trusted.has(new URL('http://10.0.0.6/'))).toBe(false);
  });
});
