// The web server `npm start` (and the test and bench servers) run: Next.js'
// own request handler behind a plain Node HTTP server that writes the TCP
// peer's address into the X-Client-Address header of every request,
// replacing whatever the client sent under that name. Next.js does not pass
// the socket address to route handlers (it only fills X-Forwarded-For when
// the client left it empty, so a client can write it), and sign-in limits
// per client address need an address the client cannot choose
// (lib/http/client-address.ts).
//
//   node scripts/serve.mjs [--dev] [-p PORT] [-H HOST]
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOCKET_ADDRESS_HEADER = "x-client-address";

function option(flag, fallback) {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const dev = process.argv.includes("--dev");
const port = Number(option("-p", process.env.PORT ?? "3000"));
// No host: every interface, IPv4 and IPv6, as `next start` does.
const hostname = option("-H", process.env.HOSTNAME);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** "::ffff:10.0.0.5" (IPv4 on a dual-stack socket) is 10.0.0.5. */
function peerAddress(socket) {
  const address = socket.remoteAddress ?? "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

function stamp(request) {
  const address = peerAddress(request.socket);
  request.headers[SOCKET_ADDRESS_HEADER] = address;
  // Keep rawHeaders in step, in case anything reads them instead.
  const raw = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i].toLowerCase() !== SOCKET_ADDRESS_HEADER) raw.push(request.rawHeaders[i], request.rawHeaders[i + 1]);
  }
  raw.push(SOCKET_ADDRESS_HEADER, address);
  request.rawHeaders.splice(0, request.rawHeaders.length, ...raw);
}

// Tells lib/http/client-address.ts, in this same process, that the header is ours.
// A symbol on globalThis cannot be set from outside the process (an env var could be).
globalThis[Symbol.for("so-tay.socket-address-stamped")] = true;

// As `next start` / `next dev` do, before Next.js and React are loaded (they pick their builds by it).
process.env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
const app = next({ dev, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((request, response) => {
  stamp(request);
  void handle(request, response);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
const ready = () => console.log(`▲ Next.js ${dev ? "dev" : "production"} server on port ${port} (client addresses from the socket)`);
if (hostname) server.listen(port, hostname, ready);
else server.listen(port, ready);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
