// Which address a request comes from, for sign-in throttling and the sessions list.
import { isIP } from "node:net";

/** The bucket of requests whose address cannot be read. */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = { get(name: string): string | null | undefined };

/** Drop a port and IPv4-mapped IPv6; null when what is left is no address. */
function parseAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim() ?? "";
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  value = value.toLowerCase().replace(/%.*$/, "");
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

/** The eight 16-bit groups of an IPv6 address. */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}

/**
 * The bucket an address counts in: an IPv4 address as it is, an IPv6 address by its /64, the
 * block one subscriber usually holds (counting single IPv6 addresses would let anyone with a
 * /64 try 2^64 times).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/**
 * The client's address from the request headers. Next 16 route handlers get no socket; Next's
 * server fills `X-Forwarded-For` from the socket only when the request carries none, so the
 * header is the client's own word unless a proxy in front overwrites it. With `TRUST_PROXY=1`
 * (nginx as in deploy/, which sets `X-Real-IP` and appends to `X-Forwarded-For`) the proxy's
 * `X-Real-IP` or the last `X-Forwarded-For` entry (the one our proxy added) is used; without
 * it, the last `X-Forwarded-For` entry, which is the socket's address for any client that does
 * not forge the header (docs/security.md, "Client address").
 */
export function clientAddress(headers: HeaderSource, trustProxy: boolean): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",");
  const last = parseAddress(forwarded[forwarded.length - 1]);
  if (trustProxy) {
    return parseAddress(headers.get("x-real-ip")) ?? last ?? UNKNOWN_ADDRESS;
  }
  return last ?? UNKNOWN_ADDRESS;
}
