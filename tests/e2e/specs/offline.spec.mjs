// Offline and installable: after one online visit the app loads and works
// with the network gone, or with a server that errs or hangs; it is
// installable; a new release shows "Update available — reload", and
// reloading keeps what was typed, or is refused while saving fails; each
// deployment on an origin keeps its own caches; the page ships a strict
// Content-Security-Policy (every journey also fails on any violation, see
// fixtures.mjs).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test, expect, App, repo, screenshots } from "../fixtures.mjs";

const example = "Readiness of Kestrel Payments API";
const dist = resolve(join(repo, "tests", "e2e"), process.env.GAPMAP_DIST ?? "../../dist");

/** Waits until a service worker controls the page (after the first visit's install). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** Opens the example's Settings tab and returns its "System" field. */
async function systemField(app, page) {
  await app.open(example);
  await app.tab("Settings");
  return page.getByLabel("System", { exact: true });
}

test("after one online visit, the app loads, creates, edits and saves with the network gone", async ({ app, page, context }) => {
  await app.openLibrary();
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();

  // A new assessment, from the built-in template, made and edited offline.
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title").fill("Made offline");
  await dialog.getByRole("radio", { name: /Production readiness of a web service/ }).check();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Made offline" })).toBeVisible();
  await app.tab("Settings");
  await page.getByLabel("System", { exact: true }).fill("A service reviewed offline");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("System", { exact: true })).toHaveValue("A service reviewed offline");
  await page.goto("./");
  await expect(page.getByRole("link", { name: "Made offline", exact: true })).toBeVisible();

  const system = await systemField(app, page);
  await system.fill("Kestrel, edited offline");
  await expect(page.getByTestId("storage-used")).toContainText("of about 5 MB");
  await expect(page.getByTestId("storage-persisted")).not.toHaveText(/Asking/);
  // An export is recorded, and the section shows its time at once.
  const storage = page.getByRole("region", { name: "Storage" });
  const lastExported = storage.getByRole("row", { name: new RegExp(example) }).getByRole("cell");
  await expect(lastExported).toHaveText("Never");
  const { name } = await app.download(page.getByRole("button", { name: "Export", exact: true }));
  expect(name).toMatch(/\.json$/);
  await expect(lastExported).not.toHaveText("Never");
  await expect(lastExported).toContainText(String(new Date().getFullYear()));
  await storage.screenshot({ path: join(screenshots, "settings-storage.png") });
  await app.expectAccessible("the Settings tab, offline");

  await page.reload();
  await expect(page.getByLabel("System", { exact: true })).toHaveValue("Kestrel, edited offline");
  await page.goto("./");
  await expect(page.getByRole("link", { name: example })).toBeVisible();
  await context.setOffline(false);
  app.expectNoErrors();
});

test("the page ships a strict Content-Security-Policy that allows its loader by hash", async ({ page }) => {
  const response = await page.request.get("./");
  const html = await response.text();
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  expect(policy, "a CSP <meta>").toBeTruthy();
  const directives = Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'none'"]);
  expect(directives["script-src"]).not.toContain("'unsafe-inline'");
  expect(directives["style-src"] ?? []).not.toContain("'unsafe-inline'");
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  expect(inline.length, "Trunk's inline loader").toBeGreaterThan(0);
  for (const [, , body] of inline) {
    const hash = `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
    expect(directives["script-src"]).toContain(hash);
  }
});

test("the build hook joins the stylesheets in order and brings in the chunks the glue loads", async () => {
  const hook = join(repo, "scripts", "post-build.mjs");
  const dir = mkdtempSync(join(tmpdir(), "gapmap-build-"));
  const target = mkdtempSync(join(tmpdir(), "gapmap-target-"));
  const split = join(target, "wasm-bindgen", "release", "split");
  mkdirSync(split, { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    '<html><head><meta charset="utf-8" />\n<script type="module">import init from \'./app-1.js\';</script>\n' +
      '    <link rel="stylesheet" href="./main-11.css" integrity="sha384-x"/>\n' +
      '    <link rel="stylesheet" href="./view-22.css" integrity="sha384-y"/>\n</head><body></body></html>',
  );
  writeFileSync(join(dir, "main-11.css"), "body { color: black; }");
  writeFileSync(join(dir, "view-22.css"), ".view { color: navy; }");
  writeFileSync(join(dir, "app-1.js"), 'import * as import1 from "./__wasm_split-0123456789abcdef.js"\nexport default 1;');
  writeFileSync(join(split, "__wasm_split-0123456789abcdef.js"), 'import { initSync } from "./app.js";\nfetch("./split_views-aa.wasm");');
  writeFileSync(join(split, "split_views-aa.wasm"), "chunk");
  writeFileSync(
    join(split, "manifest.json"),
    JSON.stringify({ glue: "app.js", loader: "__wasm_split-0123456789abcdef.js", files: ["split_views-aa.wasm", "__wasm_split-0123456789abcdef.js"] }),
  );
  execFileSync("node", [hook, dir], { env: { ...process.env, CARGO_TARGET_DIR: target, TRUNK_PROFILE: "release" } });

  const html = readFileSync(join(dir, "index.html"), "utf8");
  const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)" integrity="(sha384-[^"]+)"/g)];
  expect(links).toHaveLength(1);
  const [, name, integrity] = links[0];
  const css = readFileSync(join(dir, name));
  // Joined in order, and minified: no space left after a colon. (Two rules
  // with one selector would be folded into one by the minifier, so the two
  // files style different selectors.)
  expect(css.toString()).toMatch(/body\{color:(black|#000)\}[\s\S]*\.view\{color:navy\}/);
  expect(integrity).toBe(`sha384-${createHash("sha384").update(css).digest("base64")}`);
  const worker = readFileSync(join(dir, "sw.js"), "utf8");
  const precache = JSON.parse(worker.match(/const PRECACHE = (\[.*\]);/)[1]);
  expect(precache).toEqual(["__wasm_split-0123456789abcdef.js", "app-1.js", name, "index.html", "split_views-aa.wasm"]);
  // The loader imports the glue by the name it has in this build.
  expect(readFileSync(join(dir, "__wasm_split-0123456789abcdef.js"), "utf8")).toContain('import { initSync } from "./app-1.js";');
  rmSync(dir, { recursive: true, force: true });

  // A glue that loads a chunk no manifest names fails the build, plainly.
  const broken = mkdtempSync(join(tmpdir(), "gapmap-build-"));
  writeFileSync(join(broken, "index.html"), '<html><head><meta charset="utf-8" />\n<script type="module">import init from "./app-1.js";</script></head></html>');
  writeFileSync(join(broken, "app-1.js"), 'import * as import1 from "./__wasm_split-fedcba9876543210.js"');
  let failure = "";
  try {
    execFileSync("node", [hook, broken], { env: { ...process.env, CARGO_TARGET_DIR: target }, stdio: "pipe" });
  } catch (error) {
    failure = String(error.stderr);
  }
  expect(failure).toContain("no split manifest names it");

  // A glue built by the real wasm-bindgen alone keeps the split points'
  // placeholder: a page that could never start is refused.
  writeFileSync(join(broken, "app-1.js"), 'import * as import1 from "__wasm_split_placeholder__"');
  failure = "";
  try {
    execFileSync("node", [hook, broken], { env: { ...process.env, CARGO_TARGET_DIR: target }, stdio: "pipe" });
  } catch (error) {
    failure = String(error.stderr);
  }
  expect(failure).toContain("build with scripts/bin first on PATH");
  rmSync(broken, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
});

test("each build's worker precaches exactly its files, and a changed file makes a new version", async () => {
  const hook = join(repo, "scripts", "post-build.mjs");
  const build = (wasm) => {
    const dir = mkdtempSync(join(tmpdir(), "gapmap-build-"));
    mkdirSync(join(dir, "icons"));
    writeFileSync(join(dir, "index.html"), '<html><head><meta charset="utf-8" />\n<script type="module">import init from "./app-1.js";</script></head></html>');
    writeFileSync(join(dir, "app-1.js"), "export default 1;");
    writeFileSync(join(dir, "app-1_bg.wasm"), wasm);
    writeFileSync(join(dir, "icons", "icon.png"), "png");
    execFileSync("node", [hook, dir]);
    const worker = readFileSync(join(dir, "sw.js"), "utf8");
    const html = readFileSync(join(dir, "index.html"), "utf8");
    rmSync(dir, { recursive: true, force: true });
    return {
      version: worker.match(/const VERSION = "([0-9a-f]{16})";/)?.[1],
      precache: JSON.parse(worker.match(/const PRECACHE = (\[.*\]);/)[1]),
      html,
    };
  };
  const one = build("wasm one");
  const same = build("wasm one");
  const two = build("wasm two");
  expect(one.precache).toEqual(["app-1.js", "app-1_bg.wasm", "icons/icon.png", "index.html"]);
  expect(one.version).toBeTruthy();
  expect(same.version).toBe(one.version);
  expect(two.version).not.toBe(one.version);
  const loader = 'import init from "./app-1.js";';
  const hash = `'sha256-${createHash("sha256").update(loader).digest("base64")}'`;
  expect(one.html).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash};`);
});

test("the app is installable", async ({ playwright, baseURL }, info) => {
  // Chromium never offers to install from an incognito profile, which is
  // what Playwright's contexts are: use a profile on disk.
  const profile = mkdtempSync(join(tmpdir(), "gapmap-profile-"));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...info.project.use.launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const app = new App(page);
    await app.watchCsp();
    await app.openLibrary();
    await controlled(page);
    const session = await context.newCDPSession(page);
    const { installabilityErrors } = await session.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await session.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    app.expectNoCspViolations();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

/**
 * Runs `journey` on a host of the test's own: a copy of the build served on
 * a port of its own, which the journey can redeploy (`deploy()`: the same
 * files under a new worker version, as any rebuild makes) or stop
 * (`stop()`, to put another server on the same origin). The first visit is
 * made, and a worker controls the page, before `journey` starts.
 */
async function onOwnHost(browser, info, offset, journey) {
  const root = mkdtempSync(join(tmpdir(), "gapmap-release-"));
  cpSync(dist, root, { recursive: true });
  const port = Number(process.env.E2E_PORT ?? 8090) + offset;
  let server = spawn("node", [join(repo, "tests", "e2e", "serve.mjs"), String(port), root], { stdio: "pipe" });
  await new Promise((ready) => server.stdout.once("data", ready));
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}/gapmap/` });
  try {
    const page = await context.newPage();
    const app = new App(page);
    await app.watchCsp();
    await app.openLibrary();
    await controlled(page);
    const worker = join(root, "sw.js");
    const deploy = () => writeFileSync(worker, readFileSync(worker, "utf8").replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
    const stop = async () => {
      const exited = new Promise((done) => server.once("exit", done));
      server.kill();
      await exited;
      server = null;
    };
    await journey({ page, app, port, deploy, stop });
    app.expectNoCspViolations();
  } finally {
    await context.close();
    server?.kill();
    rmSync(root, { recursive: true, force: true });
    info.annotations.push({ type: "host", description: `copy of ${dist} on port ${port}` });
  }
}

/** Deploys a new release and waits for the page to offer it; returns the prompt. */
async function updateOffered(page, deploy) {
  deploy();
  await page.reload();
  const prompt = page.getByRole("status").filter({ hasText: "Update available — reload" });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  return prompt;
}

test("a tab is told when another tab has put a new release in charge", async ({ browser }, info) => {
  await onOwnHost(browser, info, 110, async ({ page }) => {
    // The first visit's worker taking charge of the page is no update.
    const prompt = page.getByRole("status").filter({ hasText: "Update available — reload" });
    await expect(page.getByRole("link", { name: example })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    // What the browser does in every open tab when another tab's "Reload"
    // activates the new worker: this page's code is now the old release's.
    await page.evaluate(() => navigator.serviceWorker.dispatchEvent(new Event("controllerchange")));
    await expect(prompt).toBeVisible();
  });
});

test("a new release shows “Update available — reload”, and reloading keeps the edit", async ({ browser }, info) => {
  await onOwnHost(browser, info, 100, async ({ page, app, port, deploy }) => {
    const first = await page.evaluate(() => caches.keys());
    expect(first).toHaveLength(1);
    // Caches that are not this deployment's: another deployment's on the
    // same origin (its scope in its name), and an unnamed-scope cache from
    // an older worker that holds another deployment's page. Plus an old
    // unnamed-scope cache of this deployment, which is garbage.
    const origin = `http://127.0.0.1:${port}`;
    const foreign = [`gapmap-${origin}/gapmap-next/ 0123456789abcdef`, "gapmap-00000000000000aa"];
    await page.evaluate(
      async ([[scoped, legacy], origin]) => {
        await caches.open(scoped);
        await (await caches.open(legacy)).put(`${origin}/gapmap-next/index.html`, new Response("theirs"));
        await (await caches.open("gapmap-00000000000000bb")).put(`${origin}/gapmap/index.html`, new Response("ours"));
      },
      [foreign, origin],
    );

    await updateOffered(page, deploy);
    await app.expectAccessible("the update prompt");
    await app.screenshot("update-available");

    // Type and click "Reload" in one task, before the debounced save (300
    // ms) can run: Reload saves first (the editor would also save on the
    // reload's pagehide, so this is the everyday path, not a proof of the
    // first; the refusal below is).
    const system = await systemField(app, page);
    await Promise.all([
      page.waitForEvent("load"),
      system.evaluate((input) => {
        input.value = "Kestrel, kept across the update";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        [...document.querySelectorAll("button")].find((button) => button.textContent.trim() === "Reload").click();
      }),
    ]);
    await expect(page.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByLabel("System", { exact: true })).toHaveValue("Kestrel, kept across the update");
    await expect(page.getByText("Update available — reload")).toHaveCount(0);
    // The new release's cache replaced this deployment's old ones, and
    // nothing else.
    const after = await page.evaluate(() => caches.keys());
    expect(after.filter((key) => foreign.includes(key)).sort()).toEqual([...foreign].sort());
    const mine = after.filter((key) => !foreign.includes(key));
    expect(mine).toEqual([`${first[0]}-next`]);
    expect(mine[0]).toMatch(new RegExp(`^gapmap-${origin}/gapmap/ [0-9a-f]{16}-next$`));
    app.expectNoErrors();
  });
});

test("while saving fails, “Reload” for an update is refused with a message, and the edit stays", async ({ browser }, info) => {
  await onOwnHost(browser, info, 101, async ({ page, app, deploy }) => {
    const prompt = await updateOffered(page, deploy);
    const system = await systemField(app, page);
    // Every write now fails as a full storage does. And each step Gapmap
    // takes towards a reload is written down: asking for the waiting
    // release, and the message that puts it in charge.
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
      window.__towardsReload = [];
      const getRegistration = ServiceWorkerContainer.prototype.getRegistration;
      ServiceWorkerContainer.prototype.getRegistration = function (...args) {
        window.__towardsReload.push("getRegistration");
        return getRegistration.apply(this, args);
      };
      const postMessage = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (message, ...rest) {
        window.__towardsReload.push(`postMessage ${JSON.stringify(message)}`);
        return postMessage.call(this, message, ...rest);
      };
    });
    await system.fill("Kestrel, typed while full");
    await expect(page.getByTestId("save-failure")).toContainText("Changes are not being saved");
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await prompt.getByRole("button", { name: "Reload" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Gapmap did not reload" });
    await expect(refusal).toContainText("Export the assessment first");
    await app.screenshot("update-refused");
    // A reload goes ahead within the click that asks for it: the listener
    // for the new release's arrival is set there and then, and the waiting
    // release asked for at once. The refusal came from that same click, so
    // had the reload gone ahead, these would show it by now.
    const started = await page.evaluate(() => ({
      steps: window.__towardsReload,
      listening: navigator.serviceWorker.oncontrollerchange !== null,
    }));
    expect(started).toEqual({ steps: [], listening: false });
    expect(reloaded).toBe(false);
    await expect(page.getByLabel("System", { exact: true })).toHaveValue("Kestrel, typed while full");
    await expect(prompt).toBeVisible();
    // Closing or reloading the tab asks the browser to confirm first.
    const asked = await page.evaluate(() => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(asked).toBe(true);
    await app.expectAccessible("the refused update");
  });
});

test("the page comes from this build's cache when the server errs or hangs", async ({ browser }, info) => {
  await onOwnHost(browser, info, 102, async ({ page, port, stop }) => {
    const { createServer } = await import("node:http");
    const serve = async (handler) => {
      const server = createServer(handler);
      await new Promise((ready) => server.listen(port, "127.0.0.1", ready));
      return server;
    };
    const close = (server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    };
    await stop();
    // A broken deployment: every request answered "503 Service Unavailable".
    const broken = await serve((request, response) => response.writeHead(503).end("down for maintenance"));
    try {
      await page.reload();
      await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
      await expect(page.getByText("down for maintenance")).toHaveCount(0);
    } finally {
      await close(broken);
    }
    // A server that takes the request and never answers.
    const hanging = await serve(() => {});
    try {
      const started = Date.now();
      await page.reload({ timeout: 20_000 });
      await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(3_500);
      expect(waited).toBeLessThan(15_000);
    } finally {
      await close(hanging);
    }
  });
});
