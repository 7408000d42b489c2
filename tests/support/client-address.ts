// Clients at addresses of their own, for tests against the server as a user
// runs it (no TRUST_PROXY: the socket address names the client). Linux answers
// on all of 127.0.0.0/8, so a client that binds 127.0.0.N is a different
// machine as far as the server can tell: no header plays it.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback address no other test file of this run uses. Random, not counted: Jest loads this
 * module anew for every test file, so a counter would hand each file of a worker the same
 * addresses, and a file's failed sign-ins would fill the next file's rate-limit bucket.
 */
export function freshLoopbackAddress(): string {
  return `127.${crypto.randomInt(10, 250)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(2, 255)}`;
}

/** fetch() from `localAddress` (redirects are not followed). */
export function fetchFrom(localAddress: string) {
  return (input: string | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(String(input));
      const headers = new Headers(init.headers);
      const body = init.body == null ? undefined : init.body instanceof URLSearchParams ? init.body.toString() : String(init.body);
      if (init.body instanceof URLSearchParams && !headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
      const request = http.request(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: init.method ?? "GET", headers: Object.fromEntries(headers), localAddress },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const out = new Headers();
            for (let i = 0; i < response.rawHeaders.length; i += 2) out.append(response.rawHeaders[i], response.rawHeaders[i + 1]);
            const status = response.statusCode ?? 500;
            resolve(new Response([101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: out }));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
}

/**
 * An HTTP forward proxy that connects to the app from `localAddress`: a
 * browser context using it (`proxy: { server }`) is a browser on another machine.
 */
export async function startAddressProxy(localAddress: string): Promise<{ server: string; close: () => Promise<void> }> {
  const proxy = http.createServer((request, response) => {
    const target = new URL(request.url ?? "/");
    const headers = { ...request.headers };
    delete headers["proxy-connection"];
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers, localAddress },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}
