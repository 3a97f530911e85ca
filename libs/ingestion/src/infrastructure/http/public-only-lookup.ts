import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { nonPublicReason } from '../../domain/public-address.js';

/** A name resolved to an address Passerelle must not reach: the connection is never opened. */
export class AddressNotPublicError extends Error {
  readonly code = 'EADDRNOTPUBLIC';

  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`${hostname} resolves to ${address}, a ${reason} address, not a public one`);
    this.name = 'AddressNotPublicError';
  }
}

export type Resolve = (hostname: string, family: 0 | 4 | 6) => Promise<dns.LookupAddress[]>;

const systemResolve: Resolve = (hostname, family) => dns.promises.lookup(hostname, { all: true, family });

function familyOf(options: dns.LookupOptions | number): 0 | 4 | 6 {
  const family = typeof options === 'number' ? options : options.family;
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

/**
 * The `lookup` of a connection to a host given through the API. It runs when the socket opens,
 * on the addresses the socket will then use, so a name that resolved to a public address when
 * the source was saved and to 127.0.0.1 now (DNS rebinding) is refused, and so is each redirect's
 * host. Every address of the answer must be public: Node may try any of them (happy eyeballs).
 */
export function publicOnlyLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, familyOf(options)).then(
      (addresses) => {
        const refused = addresses
          .map((entry) => ({ entry, reason: nonPublicReason(entry.address) }))
          .find(({ reason }) => reason !== null);
        if (refused) {
          callback(new AddressNotPublicError(hostname, refused.entry.address, refused.reason!), '', 0);
        } else if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        } else if (typeof options === 'object' && options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
