/**
 * Free loopback ports, handed out once per machine for a while: the worker picks one for the
 * Temporal SDK's metrics exporter, and the local stack and the tests pick theirs the same way, so
 * two processes starting side by side are never handed the same port.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Ports handed out on this machine lately, by any process: a file per port, created exclusively.
 * A port is checked free and then bound seconds later by whoever asked; in between, another
 * process (a second Jest worker, or the system a test started, picking its metrics port) must not
 * be handed the same one. A reservation older than `RESERVATION_MS` has been bound or dropped.
 */
const RESERVATIONS = path.join(os.tmpdir(), 'selfcare-port-reservations');
const RESERVATION_MS = 10 * 60_000;

function reserve(port: number): boolean {
  fs.mkdirSync(RESERVATIONS, { recursive: true });
  const file = path.join(RESERVATIONS, String(port));
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      if (Date.now() - fs.statSync(file).mtimeMs < RESERVATION_MS) return false;
      fs.rmSync(file, { force: true });
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Free ports below the kernel's ephemeral range. The Temporal dev server picks its internal ports
 * (history, matching, worker services) in that range by binding port 0; a port picked there and
 * released could be taken by another starting server before it is bound again. Below the range,
 * nobody gets a port by chance.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [ephemeralLow] = fs
    .readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  const high = Math.min((ephemeralLow ?? 32768) - 1, 32767);
  const low = Math.max(10_000, high - 20_000);
  const ports: number[] = [];
  while (ports.length < count) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (ports.includes(port) || !reserve(port)) continue;
    if (await canListen(port)) ports.push(port);
  }
  return ports;
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
