// Trunk's post-build hook (Trunk.toml, `[[hooks]] stage = "post_build"`):
// runs in the staging directory of every build, before Trunk moves it to
// dist/, and finishes the page for hosting:
//
// 1. a strict Content-Security-Policy <meta> in index.html, allowing Trunk's
//    inline loader <script> by its hash (and nothing else inline);
// 2. the service worker sw.js, from the template public/sw.js, with the list
//    of every file of this build (Trunk's hashed names) and a version that is
//    a digest of all of them, so each release is a new worker.
//
// How the CSP hash is computed (the portable build, scripts/portable.*, must
// do the same for every inline script it writes): the SHA-256 of the exact
// UTF-8 text between `<script type="module">` and `</script>`, base64 (not
// base64url), written as 'sha256-<base64>' in script-src. Any change to that
// text, even whitespace, needs a new hash.
//
// Usage: node scripts/post-build.mjs [DIR] (DIR defaults to $TRUNK_STAGING_DIR).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: no directory (run by Trunk, or pass one)");
  process.exit(2);
}
const source = process.env.TRUNK_SOURCE_DIR ?? join(fileURLToPath(import.meta.url), "..", "..");

/** SHA-256 of `text`, base64, as CSP source expressions want it. */
export function cspHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The bodies of every inline <script> (one without `src`) in `html`. */
export function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(match[1])) scripts.push(match[2]);
  }
  return scripts;
}

/**
 * The policy for a page whose inline scripts are `scripts`:
 * - scripts from this origin, the inline ones by hash, and wasm compilation
 *   ('wasm-unsafe-eval' allows WebAssembly only, not JavaScript eval);
 * - styles from this origin only: Leptos sets style properties through
 *   CSSOM, which CSP does not restrict, so no 'unsafe-inline' is needed;
 * - images, fonts, fetches, the manifest and the worker from this origin
 *   only (default-src);
 * - no plugins, no <base> (it would re-root every relative URL), forms
 *   post nowhere. frame-ancestors cannot be set from a <meta>: hosts that
 *   can send headers should add `frame-ancestors 'none'`.
 */
export function policy(scripts) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.map(cspHash).join(" ")}`.trim(),
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Every file under `root`, as sorted `/`-separated relative paths. */
function files(root) {
  const found = [];
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}

// Runs only as a script, so that tests may import the functions above.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = join(dir, "index.html");
  // A policy from an earlier run goes first (the hook may run twice on a dir).
  let html = readFileSync(page, "utf8").replace(/\n?\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
  const csp = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScripts(html))}" />`;
  // Before any script or style, so that it governs all of them.
  html = html.replace(/(<meta\s+charset=["']?utf-8["']?\s*\/?>)/i, `$1\n    ${csp}`);
  if (!html.includes("Content-Security-Policy")) {
    console.error("post-build: no <meta charset> in index.html to put the CSP after");
    process.exit(1);
  }
  writeFileSync(page, html);

  // The version is a digest of every file of the build and of the worker's
  // own code: a change to either is a new worker with a new cache.
  const precache = files(dir).filter((path) => path !== "sw.js");
  const template = readFileSync(join(source, "public", "sw.js"), "utf8");
  const digest = createHash("sha256").update(template).update("\0");
  for (const path of precache) {
    digest.update(path).update("\0").update(readFileSync(join(dir, path))).update("\0");
  }
  const version = digest.digest("hex").slice(0, 16);
  const worker = template
    .replace('"__GAPMAP_VERSION__"', JSON.stringify(version))
    .replace("__GAPMAP_PRECACHE__", JSON.stringify(precache));
  writeFileSync(join(dir, "sw.js"), worker);
  console.log(`post-build: CSP in index.html; sw.js ${version} precaches ${precache.length} files`);
}
