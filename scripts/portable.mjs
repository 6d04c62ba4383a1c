// The portable build (`make portable`): one gapmap.html that runs when
// opened straight from disk (file://), with no server, for air-gapped laptops
// and for mailing the tool itself along with an assessment.
//
// It takes a release build (`make dist`) and inlines everything into its
// page: the stylesheets as <style>, the wasm-bindgen glue (and the chunks'
// loader) as the page's one module script, and the wasm and its chunks as
// base64 in data blocks (a <script> of a
// non-JavaScript type, which the browser never runs) that the module decodes
// and instantiates. Inlining is what makes file:// work: browsers refuse to
// load module scripts and to fetch files next to a file:// page.
//
// The page keeps a strict Content-Security-Policy, made the way
// scripts/post-build.mjs makes the hosted one: the SHA-256 of each inline
// script's and style's exact text, base64, as 'sha256-…'. What the hosted
// build links and the portable one cannot use (service worker, manifest,
// icons, preloads) is left out; the app itself sees file:// and says that
// storage is less safe there (src/app.rs, StorageBanner).
//
// Usage: node scripts/portable.mjs [DIST] [OUT]   (defaults: dist, dist-portable)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { cspHash } from "./post-build.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "dist-portable";

function fail(message) {
  console.error(`portable: ${message}`);
  process.exit(1);
}

/** Text safe inside an inline <script> or <style>: no closing tag in it. */
function inlineSafe(text, tag) {
  // Either would end the element, or change how the HTML parser reads it.
  if (new RegExp(`</${tag}|<!--`, "i").test(text)) fail(`a </${tag}> or <!-- inside the text to inline`);
  return text;
}

const page = readFileSync(join(dist, "index.html"), "utf8");

// Trunk's loader: `import init, * as bindings from './<glue>.js'` and
// `init({ module_or_path: './<name>_bg.wasm' })`.
const loader = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) fail(`no Trunk loader script in ${dist}/index.html: run \`make dist\` first`);
const glueName = loader[1].match(/from\s+'\.\/([^']+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path:\s*'\.\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) fail("the loader names no glue or no wasm file");

// The glue is an ES module: its exports become plain declarations, since the
// page's own module script is the only one and nothing imports from it.
let glue = readFileSync(join(dist, glueName), "utf8");
// The chunks' loader (src/app/chunks.rs, scripts/bin/wasm-bindgen) is the one
// file the glue may import: it joins the module below, its chunks travel like
// the wasm and are fetched from their data blocks.
const loaderImports = [...glue.matchAll(/^import \* as (\w+) from "\.\/(__wasm_split-[0-9a-f]+\.js)";?$/gm)];
for (const [line] of loaderImports) glue = glue.replace(line, "");
if (new Set(loaderImports.map((m) => m[2])).size > 1) fail("the glue imports two different chunk loaders");
if (/^\s*import\s/m.test(glue)) fail("the glue imports other files (snippets), which the portable page cannot load");
const chunks = [];
let chunkLoader = "";
if (loaderImports.length > 0) {
  const loaderName = loaderImports[0][2];
  chunkLoader = readFileSync(join(dist, loaderName), "utf8").replace(/^import \{ initSync \} from "\.\/[^"]+\.js";?$/m, "");
  if (/^\s*import\s/m.test(chunkLoader)) fail(`${loaderName} imports something besides the glue's initSync`);
  const exported = [...chunkLoader.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  if (exported.length === 0) fail(`${loaderName} exports no loader`);
  chunkLoader = chunkLoader.replace(/^export const /gm, "const ");
  chunkLoader = chunkLoader.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)(?:, \{[^}]*\})?\)/g, (_, name) => {
    chunks.push(name);
    return `gapmapChunk(${JSON.stringify(name)})`;
  });
  if (chunks.length < exported.length) fail(`${loaderName}: ${exported.length} loaders but ${chunks.length} chunk fetches`);
  if (/import\.meta|fetch\(/.test(chunkLoader)) fail(`${loaderName} fetches in a way this script does not know`);
  // Each name the glue gave the loader's namespace, as an object of its loaders.
  for (const [, binding] of loaderImports) chunkLoader += `\nconst ${binding} = { ${exported.join(", ")} };`;
  chunkLoader += "\n";
}
glue = glue
  .replace(/^export (class|function|async function|const|let) /gm, "$1 ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
if (/^\s*export\b/m.test(glue)) fail("an export form in the glue that this script does not know");
if (!/\bfunction __wbg_init\b/.test(glue)) fail("no __wbg_init in the glue");

// The wasm travels gzipped, then base64: base64 of the raw wasm would not
// gzip back to the hosted size, and a mailed attachment is never gzipped.
// The browser unpacks it with its own DecompressionStream (Chromium 80,
// Firefox 113, Safari 16.4).
const wasm = readFileSync(join(dist, wasmName));
// A build cut short (or overwritten by another build mid-copy) leaves no
// wasm header: refuse it here rather than ship a page that cannot start.
if (!wasm.subarray(0, 4).equals(Buffer.from([0x00, 0x61, 0x73, 0x6d]))) fail(`${wasmName} is not WebAssembly`);
const packed = gzipSync(wasm, { level: 9 });
const packedChunks = chunks.map((name) => {
  const bytes = readFileSync(join(dist, name));
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x00, 0x61, 0x73, 0x6d]))) fail(`${name} is not WebAssembly`);
  return { name, bytes, packed: gzipSync(bytes, { level: 9 }) };
});
const module = `${glue}
${chunkLoader}
// A chunk, from its data block, as the response a fetch would give.
async function gapmapChunk(name) {
  const id = "gapmap-chunk-" + name.replace(/[^A-Za-z0-9_-]/g, "_");
  return new Response(await gapmapWasm(id), { headers: { "Content-Type": "application/wasm" } });
}
// The wasm, from its data block at the end of the page: base64 of its gzip.
async function gapmapWasm(id = "gapmap-wasm") {
  const raw = atob(document.getElementById(id).textContent.trim());
  const packed = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
if (typeof DecompressionStream === "undefined") {
  document.body.textContent = "This browser is too old to run Gapmap from a file: open it in a current Chrome, Edge, Firefox or Safari.";
} else {
  const wasm = await __wbg_init({ module_or_path: await gapmapWasm() });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
`;

// Stylesheets, in the page's order.
const styles = [];
for (const match of page.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g)) {
  styles.push(inlineSafe(readFileSync(join(dist, match[1]), "utf8"), "style"));
}
if (styles.length === 0) fail("no stylesheet in the page");

const favicon = readFileSync(join(dist, "favicon.svg")).toString("base64");
const csp = [
  "default-src 'self'",
  `script-src 'wasm-unsafe-eval' ${cspHash(inlineSafe(module, "script"))}`,
  `style-src ${styles.map(cspHash).join(" ")}`,
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// The head's plain metadata (charset, viewport, colours, description, title)
// is kept as it is; every link and script of the hosted build is replaced.
const head = page.match(/<head>([\s\S]*?)<\/head>/)?.[1] ?? fail("no <head>");
const metadata = head
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => /^<(meta|title)\b/i.test(line) && !/Content-Security-Policy/i.test(line));
const body = page.match(/<body>([\s\S]*?)<\/body>/)?.[1]?.trim() ?? "";
if (/<(script|link)\b/i.test(body)) fail("a script or link in the page's body, which the portable page would not allow");

const html = `<!doctype html>
<html lang="en">
  <head>
    ${metadata[0]}
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    ${metadata.slice(1).join("\n    ")}
    <link rel="icon" href="data:image/svg+xml;base64,${favicon}" />
${styles.map((css) => `<style>${css}</style>`).join("\n")}
<script type="module">${module}</script>
  </head>
  <body>
    ${body}
    <script type="application/octet-stream" id="gapmap-wasm">${packed.toString("base64")}</script>
${packedChunks
  .map(({ name, packed }) => `    <script type="application/octet-stream" id="gapmap-chunk-${name.replace(/[^A-Za-z0-9_-]/g, "_")}">${packed.toString("base64")}</script>`)
  .join("\n")}
  </body>
</html>
`;
if (!/^<meta charset/i.test(metadata[0] ?? "")) fail("the page does not start its head with <meta charset>");

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "gapmap.html"), html);

// Sizes, raw and gzipped: the portable page carries every part of the app
// (it cannot fetch a chunk later), so it compares with the whole hosted
// build (page, glue, loader, wasm and every chunk, stylesheet); a hosted
// first visit fetches less (the chunks come when first used).
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(0)} KB`;
const whole = readdirSync(dist)
  .filter((f) => f === "index.html" || (/\.(js|wasm|css)$/.test(f) && f !== "sw.js"))
  .map((f) => readFileSync(join(dist, f)));
const sum = (list, f) => list.reduce((total, bytes) => total + f(bytes), 0);
const portable = Buffer.from(html);
console.log(
  `portable: ${out}/gapmap.html ${kb(portable.length)} (gzip ${kb(gz(portable))}); ` +
    `the whole hosted build ${kb(sum(whole, (b) => b.length))} (gzip ${kb(sum(whole, gz))}), ` +
    `of which the main wasm ${kb(wasm.length)} (gzip ${kb(gz(wasm))}) and ${packedChunks.length} chunks`,
);
