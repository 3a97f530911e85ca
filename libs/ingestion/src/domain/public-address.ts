/**
 * Which network addresses a source given through the API may reach: public unicast ones only.
 * Everything else (this machine, the département's private networks, the cloud's metadata
 * endpoint, multicast, documentation and reserved ranges) is refused, so a staff account cannot
 * turn the crawler into a way to read internal services (SSRF). Plain TypeScript: the same rules
 * run when a source is saved and when the fetcher connects to each address the name resolved to.
 */

type Range4 = readonly [base: number, bits: number, reason: string];

const ip4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// RFC 6890 and the IANA special-purpose registry; 255.255.255.255 is inside 240.0.0.0/4.
const NON_PUBLIC_V4: readonly Range4[] = [
  [ip4(0, 0, 0, 0), 8, '"this network" (0.0.0.0/8)'],
  [ip4(10, 0, 0, 0), 8, 'private (10.0.0.0/8)'],
  [ip4(100, 64, 0, 0), 10, 'shared carrier-grade NAT (100.64.0.0/10)'],
  [ip4(127, 0, 0, 0), 8, 'loopback (127.0.0.0/8)'],
  [ip4(169, 254, 0, 0), 16, 'link-local or cloud metadata (169.254.0.0/16)'],
  [ip4(172, 16, 0, 0), 12, 'private (172.16.0.0/12)'],
  [ip4(192, 0, 0, 0), 24, 'IETF protocol (192.0.0.0/24)'],
  [ip4(192, 0, 2, 0), 24, 'documentation (192.0.2.0/24)'],
  [ip4(192, 88, 99, 0), 24, '6to4 relay (192.88.99.0/24)'],
  [ip4(192, 168, 0, 0), 16, 'private (192.168.0.0/16)'],
  [ip4(198, 18, 0, 0), 15, 'benchmarking (198.18.0.0/15)'],
  [ip4(198, 51, 100, 0), 24, 'documentation (198.51.100.0/24)'],
  [ip4(203, 0, 113, 0), 24, 'documentation (203.0.113.0/24)'],
  [ip4(224, 0, 0, 0), 4, 'multicast (224.0.0.0/4)'],
  [ip4(240, 0, 0, 0), 4, 'reserved or broadcast (240.0.0.0/4)'],
];

/** The 32-bit value of a dotted-quad address, or null (only the canonical form: URL parsing and DNS give it). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The eight 16-bit groups of an IPv6 address (brackets and zone id tolerated), or null. */
export function parseIpv6(text: string): number[] | null {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  body = body.replace(/%.*$/, '');
  if (!/^[0-9a-f:.]+$/i.test(body) || !body.includes(':')) return null;
  let tail: number[] = [];
  // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [v4 >>> 16, v4 & 0xffff];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
      out.push(parseInt(group, 16));
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (head === null || rest === null) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1) return known === 8 ? [...head, ...tail] : null;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

function reasonV4(value: number): string | null {
  for (const [base, bits, reason] of NON_PUBLIC_V4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return reason;
  }
  return null;
}

function embeddedV4(high: number, low: number): number {
  return ((high << 16) | low) >>> 0;
}

function reasonV6(g: number[]): string | null {
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((group) => group === 0);
  // IPv4-mapped (::ffff:a.b.c.d) reaches the IPv4 address itself: judged as that address.
  if (zeros(0, 5) && g[5] === 0xffff) {
    const reason = reasonV4(embeddedV4(g[6], g[7]));
    return reason ? `IPv4-mapped ${reason}` : null;
  }
  if (zeros(0, 7) && g[7] === 0) return 'unspecified (::)';
  if (zeros(0, 7) && g[7] === 1) return 'loopback (::1)';
  if (zeros(0, 6)) return 'IPv4-compatible, deprecated (::/96)';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address the gateway will reach.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) {
    const reason = reasonV4(embeddedV4(g[6], g[7]));
    return reason ? `NAT64 of a ${reason} address` : null;
  }
  if (g[0] === 0x2002) {
    const reason = reasonV4(embeddedV4(g[1], g[2]));
    return reason ? `6to4 of a ${reason} address` : null;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64 (64:ff9b:1::/48)';
  if (g[0] === 0x100 && zeros(1, 4)) return 'discard (100::/64)';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation (2001:db8::/32)';
  if (g[0] === 0x2001 && g[1] < 0x200) return 'IETF protocol, Teredo included (2001::/23)';
  if ((g[0] & 0xfff0) === 0x3ff0) return 'documentation (3fff::/20)';
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (fc00::/7)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  // Only 2000::/3 is allocated as global unicast; the rest is reserved.
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved IPv6';
  return null;
}

/** Whether a text is an IP address literal (IPv4 dotted quad or IPv6, brackets allowed). */
export function isIpLiteral(text: string): boolean {
  return parseIpv4(text) !== null || parseIpv6(text) !== null;
}

/**
 * Why an IP address is not a public unicast one (its range, in words), or null when it is public.
 * Something that is not an IP address at all is refused too: callers pass resolved addresses.
 */
export function nonPublicReason(address: string): string | null {
  const v4 = parseIpv4(address);
  if (v4 !== null) return reasonV4(v4);
  const v6 = parseIpv6(address);
  if (v6 !== null) return reasonV6(v6);
  return 'not an IP address';
}

/**
 * Hosts the operator named in the environment (France Travail, the demo boards, FETCH_ALLOWED_HOSTS):
 * they may resolve to private addresses, since the operator chose them. An entry without a port
 * trusts every port of that host; `[…]` for IPv6.
 */
export class TrustedHosts {
  private readonly entries: Array<{ readonly hostname: string; readonly port: string | null }> = [];

  constructor(entries: Iterable<string> = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds `host`, `host:port` or the host of an absolute URL. */
  add(entry: string): void {
    const trimmed = entry.trim();
    if (trimmed === '') return;
    let url: URL;
    let port: string | null;
    try {
      if (/^https?:\/\//i.test(trimmed)) {
        url = new URL(trimmed);
        port = effectivePort(url);
      } else {
        // Read the port from the text: URL parsing drops a default one (`host:80` would trust every port).
        const match = /^(.*?)(?::(\d{1,5}))?$/.exec(trimmed)!;
        url = new URL(`http://${match[1]}`);
        port = match[2] ?? null;
      }
    } catch {
      return;
    }
    this.entries.push({ hostname: canonicalHostname(url), port });
  }

  has(url: URL): boolean {
    const hostname = canonicalHostname(url);
    const port = effectivePort(url);
    return this.entries.some((entry) => entry.hostname === hostname && (entry.port === null || entry.port === port));
  }
}

function canonicalHostname(url: URL): string {
  return url.hostname.replace(/\.$/, '').toLowerCase();
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * What is wrong with a URL a staff member gave for a source to fetch, or null. Names are judged
 * again at connect time on every address they resolve to; here only what the text itself shows:
 * the scheme, credentials, an address literal (WHATWG parsing has already turned decimal, octal,
 * hex and short forms such as 2130706433, 0177.0.0.1, 0x7f.1 or 127.1 into a dotted quad) and
 * `localhost` names.
 */
export function urlProblem(value: string, trusted: TrustedHosts): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (trusted.has(url)) return null;
  const hostname = canonicalHostname(url);
  if (isIpLiteral(hostname)) {
    const reason = nonPublicReason(hostname);
    return reason ? `must point to a public address, not a ${reason} one` : null;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost'))
    return 'must point to a public address, not this machine (localhost)';
  return null;
}
