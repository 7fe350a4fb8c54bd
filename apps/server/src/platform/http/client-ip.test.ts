import { describe, expect, it } from 'vitest';
import { expandIpv6, ipSubject } from './client-ip.ts';

describe('ipSubject (ASVS 2.4.1: per IP, per /64 for IPv6)', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(ipSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(ipSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 together', () => {
    const a = ipSubject('2001:db8:1:2:aaaa::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(ipSubject('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(ipSubject('2001:db8:1:3::1')).not.toBe(a);
    expect(ipSubject('::1')).toBe('0:0:0:0::/64');
  });

  it('expands compressed IPv6', () => {
    expect(expandIpv6('2001:db8::1')).toEqual(['2001', 'db8', '0', '0', '0', '0', '0', '1']);
  });

  it('treats garbage and missing addresses as one "unknown" subject', () => {
    expect(ipSubject(null)).toBe('unknown');
    expect(ipSubject('not-an-ip')).toBe('unknown');
  });
});
