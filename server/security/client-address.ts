/**
 * Who is asking, for rate limits: the remote address of the connection. IPv6 clients are keyed by their /64
 * network, because one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The eight groups of an IPv6 address, with "::" expanded to zero groups. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().replace(/%.*$/, '').split('::');
  const left = head ? head.split(':') : [];
  if (tail === undefined) return left;
  const right = tail ? tail.split(':') : [];
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
}

/** The rate-limit key for an address: IPv4 as is (also when IPv4-mapped), IPv6 by its first four groups. */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const network = ipv6Groups(address).slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}

/** The rate-limit key of the request's client; "local" when there is no socket (`app.request()` in tests). */
export function clientOf(c: Context): string {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? clientKey(address) : 'local';
  } catch {
    return 'local';
  }
}
