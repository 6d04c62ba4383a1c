// Trunk's post-build hook (Trunk.toml, `[[hooks]] stage = "post_build"`):
// runs in the staging directory of every build, before Trunk moves it to
// dist/, and finishes the page for hosting:
//
// 1. a strict Content-Security-Policy <meta> in index.html, allowing Trunk's
//    inline loader <script> by its hash (and nothing else inline);
// 2. one stylesheet instead of one per view: Trunk links each CSS file of
//    index.html on its own, and every one of them blocks the first paint
//    (a round trip each on a slow network). They are joined in their order,
//    so the cascade is unchanged, into app-<digest>.css with its own
//    integrity hash, minified by lightningcss (the sources keep their
//    comments; a first visit does not download them); the parts are removed;
// 3. the wasm chunks (src/app/chunks.rs) and their loader, which
//    scripts/bin/wasm-bindgen cut out of the app and left beside Trunk's
//    wasm-bindgen output with a manifest: copied in, the loader's import of
//    the glue pointed at the glue's hashed name;
// 4. the service worker sw.js, from the template public/sw.js, with the list
//    of every file of this build (Trunk's hashed names) and a version that is
//    a digest of all of them, so each release is a new worker.
//
// How the CSP hash is computed (the portable build, scripts/portable.*, must
// do the same for every inline script it writes): the SHA-256 of the exact
// UTF-8 text between `<script type="module">` and `</script>`, base64 (not
// base64url), written as 'sha256-<base64>' in script-src. Any change to that
// text, even whitespace, needs a new hash.
//
// Run by Trunk (no DIR: $TRUNK_STAGING_DIR), the build must have been split
// by scripts/bin/wasm-bindgen, or the hook fails saying which part of the
// build was missing (ARCHITECTURE.md, "How a release is built"). A DIR
// given by hand (the tests' small builds) is finished as it is.
//
// Usage: node scripts/post-build.mjs [DIR]
//        node scripts/post-build.mjs --check DIR   (after Trunk: did this hook finish DIR?)
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "lightningcss";

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

/**
 * `html` with its stylesheet links (`<link rel="stylesheet" href="./x.css" …>`)
 * replaced by one link to their concatenation, in document order, minified
 * (lightningcss: comments and spaces out, the cascade as it was). `read`
 * and `write` take paths relative to the page; `remove` deletes a part.
 * A page with one stylesheet or none is returned as it is.
 */
export function bundleStyles(html, { read, write, remove }) {
  const links = [...html.matchAll(/[ \t]*<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\n?/g)];
  if (links.length < 2) return html;
  const joined = links.map(([, name]) => read(name)).join("\n");
  const css = Buffer.from(transform({ filename: "app.css", code: Buffer.from(joined), minify: true }).code);
  const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  write(name, css);
  for (const [, part] of links) remove(part);
  const [first, ...rest] = links;
  let out = html.replace(first[0], `    <link rel="stylesheet" href="./${name}" integrity="${integrity}"/>\n`);
  for (const link of rest) out = out.replace(link[0], "");
  return out;
}

/**
 * Brings the chunks that the glue `glueName` (in `dir`) loads into `dir`:
 * finds the manifest scripts/bin/wasm-bindgen wrote for this loader among
 * `manifests`, copies its files and points the loader at the hashed glue.
 * Returns the files copied (none when the glue loads no chunk, which
 * `split` refuses: a build that had to be split was not).
 */
export function bringChunks(dir, glueName, manifests, { split = false } = {}) {
  const glue = readFileSync(join(dir, glueName), "utf8");
  // A build whose wasm-bindgen was not scripts/bin's (Trunk run without the
  // Makefile's PATH) keeps the split points' placeholder: a page that can
  // never start. Refuse it here, loudly.
  if (glue.includes("__wasm_split_placeholder__")) {
    throw new Error("the glue imports the split points' placeholder: build with scripts/bin first on PATH (make dist, make serve)");
  }
  const bare = glue.match(/^import\b[^;]*? from "(?!\.{0,2}\/)([^"]+)"/m);
  if (bare) throw new Error(`the glue imports "${bare[1]}", which no browser can resolve`);
  const loader = glue.match(/from "\.\/(__wasm_split-[0-9a-f]+\.js)"/)?.[1];
  if (!loader && split) {
    throw new Error(
      "the glue loads no chunk: scripts/bin/wasm-bindgen did not split this build. Trunk must find it first on PATH " +
        "(PATH=$PWD/scripts/bin:$PATH, as the Makefile sets it), and build with the split feature (index.html)",
    );
  }
  if (!loader) return [];
  const manifest = manifests.find((path) => existsSync(path) && JSON.parse(readFileSync(path, "utf8")).loader === loader);
  if (!manifest) throw new Error(`the glue loads ${loader}, but no split manifest names it (looked in ${manifests.join(", ")})`);
  const { glue: unhashed, files } = JSON.parse(readFileSync(manifest, "utf8"));
  for (const file of files) copyFileSync(join(dirname(manifest), file), join(dir, file));
  const path = join(dir, loader);
  const text = readFileSync(path, "utf8");
  const from = `from "./${unhashed}"`;
  if (!text.includes(from)) throw new Error(`${loader} does not import ./${unhashed}`);
  writeFileSync(path, text.split(from).join(`from "./${glueName}"`));
  return files;
}

/**
 * What a build in `dir` lacks that this hook gives it, as sentences (none
 * when the hook finished it): run after Trunk (`--check`), it catches a
 * build that Trunk made without running the hook at all.
 */
export function unfinished(dir) {
  const missing = [];
  const html = readFileSync(join(dir, "index.html"), "utf8");
  if (!html.includes('http-equiv="Content-Security-Policy"')) missing.push("index.html has no Content-Security-Policy");
  const worker = join(dir, "sw.js");
  if (!existsSync(worker) || readFileSync(worker, "utf8").includes("__GAPMAP_PRECACHE__")) missing.push("there is no sw.js with the build's files");
  const glueName = html.match(/from\s+["']\.\/([^"']+\.js)["']/)?.[1];
  const glue = glueName && existsSync(join(dir, glueName)) ? readFileSync(join(dir, glueName), "utf8") : "";
  for (const [, imported] of glue.matchAll(/^import\b[^;]*? from "\.\/([^"]+)"/gm)) {
    if (!existsSync(join(dir, imported))) missing.push(`the glue imports ${imported}, which is not in the build`);
  }
  return missing;
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

// Runs only as a script, so that scripts/portable.mjs and the tests may import the functions above.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === "--check") {
  const dir = process.argv[3] ?? "dist";
  const missing = unfinished(dir);
  if (missing.length > 0) {
    console.error(
      `post-build: ${dir} was not finished by scripts/post-build.mjs (${missing.join("; ")}): ` +
        `Trunk.toml must run it as its post_build hook ([[hooks]] stage = "post_build").`,
    );
    process.exit(1);
  }
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Trunk gives no directory, only $TRUNK_STAGING_DIR: its builds must be split.
  const byTrunk = process.argv[2] === undefined;
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("post-build: no directory (run by Trunk, or pass one)");
    process.exit(2);
  }
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
  html = bundleStyles(html, {
    read: (name) => readFileSync(join(dir, name), "utf8"),
    write: (name, text) => writeFileSync(join(dir, name), text),
    remove: (name) => rmSync(join(dir, name)),
  });
  writeFileSync(page, html);

  const glueName = html.match(/from\s+["']\.\/([^"']+\.js)["']/)?.[1];
  if (!glueName) {
    console.error("post-build: index.html has no loader that imports the glue");
    process.exit(1);
  }
  const targets = [...new Set([process.env.CARGO_TARGET_DIR, join(source, "target")].filter(Boolean))];
  const profiles = [...new Set([process.env.TRUNK_PROFILE, "release", "debug"].filter(Boolean))];
  const manifests = targets.flatMap((t) => profiles.map((p) => join(t, "wasm-bindgen", p, "split", "manifest.json")));
  let chunks;
  try {
    chunks = bringChunks(dir, glueName, manifests, { split: byTrunk });
  } catch (error) {
    console.error(`post-build: ${error.message}`);
    process.exit(1);
  }

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
  console.log(`post-build: CSP and one stylesheet in index.html; ${chunks.length} chunk files; sw.js ${version} precaches ${precache.length} files`);
}
