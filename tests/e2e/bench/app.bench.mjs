// The browser benchmark: an assessment of 2,000 gaps in the release build.
// It measures, in headless Chromium, the time to open the assessment, the
// script time of changing one gap's status (which updates the summary), and
// of typing one character into a gap's title; and the size of a first load:
// the wasm, JavaScript and CSS a new visitor's browser fetches until the
// library is shown, each file gzip -9 as a static host would send it.
// Figures are printed and belong in docs/benchmarks.md; budgets are checked
// there, not asserted here.
// Run: make bench-app
import { test } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { largeAssessment } from "./generate.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = resolve(here, "..", process.env.GAPMAP_DIST ?? "../../dist");

const runs = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function scriptSeconds(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "ScriptDuration").value;
}

/** Script time spent from `action` until the next two animation frames. */
async function scriptTime(page, cdp, action) {
  const before = await scriptSeconds(cdp);
  await action();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return (await scriptSeconds(cdp)) - before;
}

test("a first visit: what it downloads until the library shows", async ({ browser }) => {
  // A new visitor: a fresh profile, no service worker yet, no cache.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const fetched = [];
  page.on("requestfinished", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto("./");
  await page.getByRole("link", { name: /Kestrel Payments API/ }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await context.close();
  const assets = [...new Set(fetched.map((path) => basename(path)))].filter((name) => /\.(wasm|js|css)$/.test(name));
  const sizes = assets.map((name) => [name, gzipSync(readFileSync(join(dist, name)), { level: 9 }).length]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log(`first load (gzip -9): ${kb(total)} = ${sizes.map(([name, size]) => `${name} ${kb(size)}`).join(" + ")}`);
});

test("2,000 gaps: open, change a status, type a title", async ({ page }, info) => {
  test.setTimeout(180_000);
  const file = info.outputPath("benchmark.json");
  writeFileSync(file, JSON.stringify(largeAssessment(2000)));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");

  await page.goto("./");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await chooser).setFiles(file);
  const link = page.getByRole("link", { name: "Benchmark with 2000 gaps" });
  await link.waitFor();

  const open = [];
  for (let i = 0; i < runs; i++) {
    await page.goto("./#/");
    await link.waitFor();
    const start = await page.evaluate(() => performance.now());
    await link.click();
    await page.getByTestId("overall-score").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    open.push((await page.evaluate(() => performance.now())) - start);
  }

  await page.getByRole("tab", { name: "Gaps", exact: true }).click();
  const status = page.getByRole("combobox", { name: /^Status of Gap number 0 of the benchmark/ });
  await status.waitFor();
  const change = [];
  const values = ["done", "missing", "partial", "done", "missing", "partial"];
  for (const value of values) {
    change.push(await scriptTime(page, cdp, () => status.selectOption(value)));
  }

  await page.getByRole("button", { name: "Gap number 1 of the benchmark", exact: true }).click();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.waitFor();
  await title.focus();
  await page.keyboard.press("End");
  const typing = [];
  for (const key of "abcdefghij") {
    typing.push(await scriptTime(page, cdp, () => page.keyboard.type(key)));
  }
  // With GAPMAP_PROFILE=<file>, ten more keystrokes are recorded as a CPU profile (Chrome DevTools' format).
  if (process.env.GAPMAP_PROFILE) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    for (const key of "klmnopqrst") {
      await page.keyboard.type(key);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(process.env.GAPMAP_PROFILE, JSON.stringify(profile));
  }

  const ms = (s) => (s * 1000).toFixed(1);
  const report = [
    `open the assessment (wall time, median of ${runs}): ${median(open).toFixed(0)} ms`,
    `change a gap's status (script time, median of ${change.length}): ${ms(median(change))} ms (max ${ms(Math.max(...change))})`,
    `type one character in a gap's title (script time, median of ${typing.length}): ${ms(median(typing))} ms (max ${ms(Math.max(...typing))})`,
  ].join("\n");
  console.log(report);
  writeFileSync(info.outputPath("figures.txt"), report + "\n");
});

test("2,000 gaps: the Next steps tab, and an edit while it is shown", async ({ page }, info) => {
  test.setTimeout(180_000);
  const file = info.outputPath("benchmark.json");
  writeFileSync(file, JSON.stringify(largeAssessment(2000)));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");

  await page.goto("./");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole("link", { name: "Benchmark with 2000 gaps" }).click();
  await page.getByTestId("overall-score").waitFor();

  // Five edits on the Gaps tab, so that Undo and Redo have steps to walk.
  await page.getByRole("tab", { name: "Gaps", exact: true }).click();
  const status = page.getByRole("combobox", { name: /^Status of Gap number 0 of the benchmark/ });
  for (const value of ["done", "missing", "partial", "done", "missing"]) {
    await status.selectOption(value);
  }

  const opening = await scriptTime(page, cdp, async () => {
    await page.getByRole("tab", { name: "Next steps", exact: true }).click();
    await page.getByRole("heading", { name: "Quick wins" }).waitFor();
  });
  // Each Undo or Redo changes the assessment: the quick wins and the path
  // are computed again and the tab redrawn, as after any edit.
  const edits = [];
  for (const key of ["Control+z", "Control+z", "Control+z", "Control+Shift+z", "Control+Shift+z", "Control+Shift+z"]) {
    edits.push(await scriptTime(page, cdp, () => page.keyboard.press(key)));
  }

  const ms = (s) => (s * 1000).toFixed(1);
  const report = [
    `open the Next steps tab (script time): ${ms(opening)} ms`,
    `an edit (undo or redo) with Next steps shown (script time, median of ${edits.length}): ${ms(median(edits))} ms (max ${ms(Math.max(...edits))})`,
  ].join("\n");
  console.log(report);
  writeFileSync(info.outputPath("next-figures.txt"), report + "\n");
});
