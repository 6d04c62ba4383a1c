// Charts and the print-ready report: the charts on Overview, Roadmap and
// Costs show what `gapmap score` computes and carry their numbers as tables;
// the Report tab passes axe; headless Chromium prints it to a PDF whose pages
// we count, turn into images and read back to check that no table row is
// split across two pages.
import { test, expect, gapmap, repo } from "../fixtures.mjs";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const examplePath = join(repo, "public", "templates", "example.json");
const exampleTitle = "Readiness of Kestrel Payments API";

/** The figure of one chart, found by its caption. */
function figure(page, caption) {
  return page.getByRole("figure", { name: caption });
}

test("charts show the core's numbers on Overview, Roadmap and Costs", async ({ app, page }) => {
  const score = JSON.parse(gapmap("score", examplePath, "--json"));
  await app.openLibrary();
  await app.open(exampleTitle);

  const radar = figure(page, "Category scores");
  await expect(radar.getByRole("img", { name: /Radar of 9 category scores/ })).toBeVisible();
  // The text alternative: a real table, opened from the keyboard.
  await radar.getByText("Chart data").focus();
  await page.keyboard.press("Enter");
  const rows = radar.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(score.categories.length);
  await expect(rows.first().locator("td").first()).toHaveText(score.categories[0].score.toFixed(1));
  const projection = figure(page, "Readiness projection");
  await expect(projection.getByRole("img")).toBeVisible();
  await expect(projection.locator("tbody tr").first().locator("td")).toHaveText(score.overall.toFixed(1));
  const last = score.phases[score.phases.length - 1];
  await expect(projection.locator("tbody tr").last().locator("td")).toHaveText(last.projected_overall.toFixed(1));
  const tiers = figure(page, "Priority tiers");
  await expect(tiers.locator(".chart-svg text", { hasText: /done/ })).toHaveCount(4);
  await app.expectAccessible("the Overview with charts");
  await app.screenshot("charts-overview");

  await app.tab("Roadmap");
  const timeline = figure(page, "Roadmap timeline");
  await expect(timeline.getByRole("img", { name: /Timeline of 3 phases/ })).toBeVisible();
  await expect(timeline.locator(".chart-svg rect.bar-solid")).toHaveCount(score.phases.length);
  await expect(timeline.locator(".chart-svg text", { hasText: /closes \d+ gaps?/ })).toHaveCount(score.phases.length);
  await app.screenshot("charts-roadmap");

  await app.tab("Costs");
  const cost = figure(page, "Cost by phase");
  await expect(cost.getByRole("img")).toBeVisible();
  await expect(cost.locator(".chart-svg rect.cost-labor")).toHaveCount(score.phases.length);
  await app.expectAccessible("the Costs tab with its chart");
  await app.screenshot("charts-costs");
  app.expectNoErrors();
});

test("the Report tab holds every section, passes axe and has a Print button", async ({ app, page }) => {
  await app.openLibrary();
  await page.goto("./#/a/example/report");
  await expect(page.getByRole("tab", { name: "Report" })).toHaveAttribute("aria-selected", "true");
  for (const name of [
    exampleTitle,
    "Summary",
    "Scores",
    "Blockers",
    "Gaps by category",
    "Roadmap and costs",
    "KPIs and risks",
    "Appendix: how the numbers are computed",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  }
  const score = JSON.parse(gapmap("score", examplePath, "--json"));
  await expect(page.getByTestId("report-verdict")).toContainText(`overall ${score.overall.toFixed(1)} / 100`);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  for (const caption of ["Category scores", "Priority tiers", "Roadmap timeline", "Readiness projection", "Cost by phase"]) {
    await expect(figure(page, caption)).toBeVisible();
  }
  await app.expectAccessible("the Report tab");
  await app.screenshot("report");
  app.expectNoErrors();
});

test("the report prints to a PDF with no table row split across pages", async ({ app, page, baseURL }, info) => {
  test.setTimeout(120_000);
  // Every row of the report's tables, as the text of its cells.
  await app.openLibrary();
  await page.goto("./#/a/example/report");
  await expect(page.getByRole("heading", { level: 2, name: "Summary" })).toBeVisible();
  const rows = await page
    .locator(".report table.report-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  expect(rows.length).toBeGreaterThan(40);

  // A fresh Chromium profile: its first run holds the example, id "example".
  const profile = mkdtempSync(join(tmpdir(), "gapmap-print-"));
  const pdf = info.outputPath("report.pdf");
  try {
    execFileSync(
      process.env.CHROMIUM ?? "chromium",
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        `--user-data-dir=${profile}`,
        "--no-pdf-header-footer",
        "--virtual-time-budget=15000",
        `--print-to-pdf=${pdf}`,
        new URL("#/a/example/report", baseURL).href,
      ],
      { stdio: "pipe", timeout: 90_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }

  checkPrinted(pdf, rows, "report-page", info.outputPath("pages"));

  // The same report on A4 (the command line prints Letter), through the
  // same print engine.
  const a4 = info.outputPath("report-a4.pdf");
  await page.pdf({ path: a4, format: "A4", printBackground: true });
  checkPrinted(a4, rows, "report-a4-page", info.outputPath("pages-a4"));
});

/** Page count within reason, page images to look at, and every row whole on one page. */
function checkPrinted(pdf, rows, prefix, images) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
  // One page per section at least (eight), the 36 gaps and the charts a few
  // more; far more would mean rows or charts spread one per page.
  expect(pages).toBeGreaterThanOrEqual(8);
  expect(pages).toBeLessThanOrEqual(20);

  // Page images for people to look at.
  mkdirSync(images, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(images, "page")]);
  const shots = join(repo, "tests", "e2e", "screenshots");
  for (const name of readdirSync(images)) {
    const n = Number(/(\d+)\.png$/.exec(name)[1]);
    renameSync(join(images, name), join(shots, `${prefix}-${n}.png`));
  }

  // Each page's text in drawing order, without white space (wrapping moves
  // it); a row is whole when all its cells' text follows on one page.
  const squash = (text) => text.replace(/\s+/g, "");
  const texts = [];
  for (let n = 1; n <= pages; n++) {
    texts.push(squash(execFileSync("pdftotext", ["-raw", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" })));
  }
  expect(texts.join("")).toContain(squash(exampleTitle));
  const split = rows.filter((cells) => !texts.some((text) => text.includes(squash(cells.join("")))));
  expect(split, `table rows not whole on one page (${prefix})`).toEqual([]);
}
