// How a release is built (ARCHITECTURE.md, "How a release is built"): code
// splitting needs four parts to agree, and a build with any one missing
// fails with a sentence naming it. Each failure is made here on a small
// stand-in for its input (no browser, no cargo build): the scripts are run
// as Trunk runs them. The fourth case, Trunk running the real wasm-bindgen
// (PATH without scripts/bin), is in offline.spec.mjs ("the build hook joins
// the stylesheets in order and brings in the chunks the glue loads").
import { test, expect, repo } from "../fixtures.mjs";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const standIn = join(repo, "scripts", "bin", "wasm-bindgen");
const hook = join(repo, "scripts", "post-build.mjs");

/** A wasm section: its id, then its size and content. */
function section(id, content) {
  return Buffer.concat([Buffer.from([id, content.length]), content]);
}

/** A name in a wasm section: its length, then its UTF-8 bytes. */
function name(text) {
  return Buffer.concat([Buffer.from([text.length]), Buffer.from(text)]);
}

/**
 * A tiny wasm module, as rustc writes the app's: with `splitPoints`, one
 * function imported from the split points' placeholder module; with
 * `relocations`, a `reloc.CODE` section as `--emit-relocs` leaves.
 */
function wasm({ splitPoints, relocations }) {
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  parts.push(section(1, Buffer.from([0x01, 0x60, 0x00, 0x00])));
  const module = splitPoints ? "__wasm_split_placeholder__" : "env";
  parts.push(section(2, Buffer.concat([Buffer.from([0x01]), name(module), name("f"), Buffer.from([0x00, 0x00])])));
  if (relocations) parts.push(section(0, Buffer.concat([name("reloc.CODE"), Buffer.from([0x00])])));
  return Buffer.concat(parts);
}

/**
 * Runs the stand-in on `input` as Trunk does, with stand-ins of the real
 * tools behind it on PATH, each of which records that it ran. Returns the
 * exit status, what it said, and which tools ran.
 */
function runStandIn(dir, input) {
  const tools = join(dir, "tools");
  const ran = join(dir, "ran");
  mkdirSync(tools, { recursive: true });
  for (const tool of ["wasm-bindgen", "wasm-split-cli"]) {
    writeFileSync(join(tools, tool), `#!/bin/sh\necho ${tool} >> "${ran}"\n`);
    chmodSync(join(tools, tool), 0o755);
  }
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  let status = 0;
  let said = "";
  try {
    execFileSync("node", [standIn, "--target=web", `--out-dir=${out}`, "--out-name=app", input], {
      env: { ...process.env, PATH: [join(repo, "scripts", "bin"), tools, process.env.PATH].join(delimiter) },
      stdio: "pipe",
    });
  } catch (error) {
    status = error.status;
    said = String(error.stderr);
  }
  return { status, said, ran: existsSync(ran) ? readFileSync(ran, "utf8").trim().split("\n") : [] };
}

test("the stand-in refuses a wasm built without the split feature, naming index.html", () => {
  const dir = mkdtempSync(join(tmpdir(), "gapmap-standin-"));
  try {
    const input = join(dir, "gapmap-web.wasm");
    writeFileSync(input, wasm({ splitPoints: false, relocations: true }));
    const { status, said, ran } = runStandIn(dir, input);
    expect(status).toBe(1);
    expect(said).toContain("has no split points: it was built without the crate's `split` feature");
    expect(said).toContain('index.html: keep data-cargo-features="split"');
    // Refused before anything else ran: no unsplit release is written.
    expect(ran).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the stand-in refuses a wasm without relocations, naming .cargo/config.toml", () => {
  const dir = mkdtempSync(join(tmpdir(), "gapmap-standin-"));
  try {
    const input = join(dir, "gapmap-web.wasm");
    writeFileSync(input, wasm({ splitPoints: true, relocations: false }));
    const { status, said, ran } = runStandIn(dir, input);
    expect(status).toBe(1);
    expect(said).toContain("has no relocations, which wasm-split-cli needs to cut it: .cargo/config.toml must pass");
    expect(said).toContain('"-Clink-args=--emit-relocs"');
    expect(ran).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a wasm with split points and relocations goes on to wasm-split-cli", () => {
  const dir = mkdtempSync(join(tmpdir(), "gapmap-standin-"));
  try {
    const input = join(dir, "gapmap-web.wasm");
    writeFileSync(input, wasm({ splitPoints: true, relocations: true }));
    const { said, ran } = runStandIn(dir, input);
    // The stand-in of wasm-split-cli writes nothing, which the stand-in
    // then reports; what matters here is that the checks let it run.
    expect(ran).toEqual(["wasm-split-cli"]);
    expect(said).toContain("wasm-split-cli wrote no");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A staging directory as Trunk hands it to the hook: a page and the glue it loads. */
function staging(glue) {
  const dir = mkdtempSync(join(tmpdir(), "gapmap-staging-"));
  writeFileSync(join(dir, "index.html"), '<html><head><meta charset="utf-8" />\n<script type="module">import init from "./app-1.js";</script></head></html>');
  writeFileSync(join(dir, "app-1.js"), glue);
  return dir;
}

/** Runs the post-build hook with `args` and `env`; returns its exit status and what it said. */
function runHook(args, env) {
  try {
    execFileSync("node", [hook, ...args], { env: { ...process.env, ...env }, stdio: "pipe" });
    return { status: 0, said: "" };
  } catch (error) {
    return { status: error.status, said: String(error.stderr) };
  }
}

test("run by Trunk, the hook refuses a build that the stand-in did not split", () => {
  // The real wasm-bindgen on a wasm without split points: a glue that loads no chunk.
  const dir = staging("export default 1;");
  try {
    const { status, said } = runHook([], { TRUNK_STAGING_DIR: dir });
    expect(status).toBe(1);
    expect(said).toContain("the glue loads no chunk: scripts/bin/wasm-bindgen did not split this build");
    expect(said).toContain("first on PATH");
    // A directory given by hand (the other tests' small builds) is finished as it is.
    expect(runHook([dir], {}).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("after Trunk, a build the hook did not finish is refused, naming Trunk.toml", () => {
  const dir = staging("export default 1;");
  try {
    const unfinished = runHook(["--check", dir], {});
    expect(unfinished.status).toBe(1);
    expect(unfinished.said).toContain("was not finished by scripts/post-build.mjs");
    expect(unfinished.said).toContain("index.html has no Content-Security-Policy");
    expect(unfinished.said).toContain("Trunk.toml must run it as its post_build hook");
    // Once the hook has run, the same directory passes.
    expect(runHook([dir], {}).status).toBe(0);
    expect(runHook(["--check", dir], {})).toEqual({ status: 0, said: "" });
    // A glue whose imports the hook never brought in is unfinished too.
    writeFileSync(join(dir, "app-1.js"), 'import * as import1 from "./__wasm_split-0123456789abcdef.js"\nexport default 1;');
    expect(runHook(["--check", dir], {}).said).toContain("the glue imports __wasm_split-0123456789abcdef.js, which is not in the build");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
