// A static file server for the end-to-end tests: serves ../../dist under the
// sub-path /gapmap/ (as a project page would be hosted) with the right
// content types, on 127.0.0.1 only. Usage: node serve.mjs PORT [DIR] [--gzip]
// (--gzip compresses text and wasm as static hosts do: for Lighthouse).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const [portArg, dirArg] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const port = Number(portArg ?? 8090);
const root = resolve(dirArg ?? new URL("../../dist", import.meta.url).pathname);
const base = "/gapmap/";
const gzip = process.argv.includes("--gzip");
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest", ".txt"]);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

createServer(async (request, response) => {
  const url = new URL(request.url, `http://127.0.0.1:${port}`);
  if (url.pathname === "/" || url.pathname === "/gapmap") {
    response.writeHead(302, { location: base }).end();
    return;
  }
  if (!url.pathname.startsWith(base)) {
    response.writeHead(404).end("not found");
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname.slice(base.length))));
  if (!path.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    let body = await readFile(path);
    const headers = { "content-type": types[extname(path)] ?? "application/octet-stream", "cache-control": "no-cache" };
    if (gzip && compressible.has(extname(path)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    }
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
