// The argument rules of helper/nsinspect-helper, mirrored here so the extension refuses bad input
// before asking for a password. The script checks everything again: it trusts nobody.
import { isIP } from 'node:net';

export class HelperArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperArgumentError';
  }
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/** A network namespace name (`ip netns`): 1–64 of [A-Za-z0-9_.-], no leading '-', not . or .. */
export function checkNetnsName(name: string): string {
  if (!NAME.test(name) || name.startsWith('-') || name === '.' || name === '..' || name.length > 64) {
    throw new HelperArgumentError(`invalid network namespace name ${JSON.stringify(name)}: use 1 to 64 of A-Z a-z 0-9 _ . - (not starting with -)`);
  }
  return name;
}

/** An interface name: the same characters, at most 15 bytes. */
export function checkIfName(name: string): string {
  if (!NAME.test(name) || name.startsWith('-') || name === '.' || name === '..' || name.length > 15) {
    throw new HelperArgumentError(`invalid interface name ${JSON.stringify(name)}: use 1 to 15 of A-Z a-z 0-9 _ . - (not starting with -)`);
  }
  if (LIBPCAP_PSEUDO_DEVICE.test(name)) throw new HelperArgumentError(`invalid interface name ${JSON.stringify(name)}: libpcap reads it as a capture pseudo-device, not a network interface`);
  return name;
}

/** Names libpcap's pcap_create takes for a capture source other than a network interface (as the helper's check_ifname). */
const LIBPCAP_PSEUDO_DEVICE = /^(any$|dbus|usbmon|bluetooth|nflog|nfqueue|netmap|vale|dag[0-9]|snf|dpdk|rdma|kmsg|canusb|dvb|openvizsla|septel)/;

/** A PID as the helper takes it: decimal, no leading zero, at most 10 digits. */
export function checkPid(pid: number | string): string {
  const text = String(pid);
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new HelperArgumentError(`invalid PID ${JSON.stringify(text)}: a decimal number`);
  return text;
}

/** A file descriptor number as the helper takes it: decimal, no leading zero, at most 10 digits. */
export function checkFd(fd: number | string): string {
  const text = String(fd);
  if (!/^(0|[1-9][0-9]{0,9})$/.test(text)) throw new HelperArgumentError(`invalid fd ${JSON.stringify(text)}: a decimal number`);
  return text;
}

/** ADDRESS/PREFIX, IPv4 or IPv6, in the forms the helper accepts (no IPv4-mapped IPv6). */
export function checkCidr(cidr: string): string {
  const match = /^([0-9A-Fa-f:.]+)\/(0|[1-9][0-9]{0,2})$/.exec(cidr);
  const version = match ? isIP(match[1]) : 0;
  const prefix = match ? Number(match[2]) : -1;
  const ipv4Canonical = version === 4 && match![1].split('.').every((octet) => octet === String(Number(octet)));
  const ok = (version === 4 && ipv4Canonical && prefix <= 32) || (version === 6 && !match![1].includes('.') && prefix <= 128);
  if (!ok) throw new HelperArgumentError(`invalid address ${JSON.stringify(cidr)}: write ADDRESS/PREFIX, e.g. 10.0.0.1/24 or fd00::1/64`);
  return cidr;
}
