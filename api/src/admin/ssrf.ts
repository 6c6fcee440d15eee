import dns from 'node:dns';
import net from 'node:net';
import { processCache } from '../util/process-cache.js';
import { services } from '../context.js';

/**
 * Guards every URL an admin may point the server at (provider endpoints). A partner admin is trusted
 * with their own keys, not with our network: the endpoint must be https on a public address, unless
 * the operator allowed the host in PROVIDER_ALLOWED_HOSTS (a self-hosted model server, which may be
 * plain http on a private address). Link-local and cloud metadata addresses are refused even then.
 * Names are resolved and every address checked; redirects are never followed (see guardedFetch).
 */
export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = async (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });
let lookup: Lookup = systemLookup;
const checked = processCache<string, { at: number; error?: string }>();
const CHECK_TTL_MS = 30_000;

/** Tests inject a resolver; pass undefined to restore the system one. */
export function setDnsLookup(fn: Lookup | undefined) {
  lookup = fn ?? systemLookup;
  checked.clear();
}

export class UnsafeEndpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeEndpointError';
  }
}

function blockList(ranges: [string, number, 'ipv4' | 'ipv6'][]) {
  const b = new net.BlockList();
  for (const [addr, prefix, type] of ranges) b.addSubnet(addr, prefix, type);
  return b;
}

/** Never reachable from a provider call, allowed host or not. */
const ALWAYS_BLOCKED = blockList([
  ['0.0.0.0', 8, 'ipv4'], ['169.254.0.0', 16, 'ipv4'], ['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'], ['fe80::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
]);
/** Private, loopback and shared ranges: refused unless the operator allowed the host. */
const PRIVATE = blockList([
  ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'], ['198.18.0.0', 15, 'ipv4'], ['::1', 128, 'ipv6'], ['fc00::', 7, 'ipv6'],
]);
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/** The IPv4 address hidden in an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedV4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const a = parseInt(hex[1]!, 16), b = parseInt(hex[2]!, 16);
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return undefined;
}

/** Why an address may not be called, or undefined when it may. */
export function addressProblem(address: string, allowPrivate: boolean): string | undefined {
  const v4 = net.isIPv4(address) ? address : embeddedV4(address);
  const type = v4 ? 'ipv4' : 'ipv6';
  const a = v4 ?? address;
  if (!net.isIP(a)) return `"${address}" is not an IP address`;
  if (ALWAYS_BLOCKED.check(a, type)) return `${address} is a link-local, metadata or reserved address`;
  if (!allowPrivate && PRIVATE.check(a, type)) return `${address} is a private or loopback address`;
  return undefined;
}

/** PROVIDER_ALLOWED_HOSTS, parsed in config.ts; none before the services exist (unit tests pass their own). */
function configuredHosts(): Set<string> {
  let hosts: string[] = [];
  try { hosts = services().config.providerAllowedHosts; } catch { /* no services: nothing allowed */ }
  return new Set(hosts);
}

function isAllowedHost(url: URL, hosts: Set<string>) {
  return hosts.has(url.hostname.toLowerCase()) || hosts.has(url.host.toLowerCase());
}

/** Parses and checks an endpoint; throws UnsafeEndpointError with the reason. */
export async function assertSafeEndpoint(raw: string, hosts: Set<string> = configuredHosts()): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeEndpointError('not an absolute URL');
  }
  const allowed = isAllowedHost(url, hosts);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) {
    throw new UnsafeEndpointError('must use https (plain http only for hosts the operator listed in PROVIDER_ALLOWED_HOSTS)');
  }
  if (url.username || url.password) throw new UnsafeEndpointError('must not carry credentials in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (METADATA_NAMES.has(host)) throw new UnsafeEndpointError(`${host} is a cloud metadata address`);
  const key = `${host}|${allowed}`;
  const hit = checked.get(key);
  if (hit && Date.now() - hit.at < CHECK_TTL_MS) {
    if (hit.error) throw new UnsafeEndpointError(hit.error);
    return url;
  }
  let error: string | undefined;
  if (net.isIP(host)) error = addressProblem(host, allowed);
  else {
    let addrs: { address: string }[] = [];
    try {
      addrs = await lookup(host);
    } catch {
      error = `${host} does not resolve`;
    }
    if (!error && !addrs.length) error = `${host} does not resolve`;
    for (const a of addrs) {
      const p = addressProblem(a.address, allowed);
      if (p) { error = `${host} resolves to ${p.replace(/^\S+ is /, 'an address that is ')}`; break; }
    }
  }
  // Resolution failures are not cached: the next try may succeed.
  if (!error || !/does not resolve/.test(error)) checked.set(key, { at: Date.now(), error });
  if (error) throw new UnsafeEndpointError(error);
  return url;
}

/**
 * fetch for provider clients: checks the target before every call and never follows a redirect
 * (a 3xx is a failure), so a provider cannot bounce us to an internal address.
 */
export const guardedFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  await assertSafeEndpoint(url);
  const res = await fetch(input, { ...init, redirect: 'manual' });
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined);
    throw new UnsafeEndpointError(`the endpoint answered a redirect (HTTP ${res.status}); redirects are not followed`);
  }
  return res;
};
