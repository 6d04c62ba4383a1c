// The portfolio: a platform lead imports the assessments of three services,
// opens the portfolio from the library, keeps the payments team's systems,
// sorts them by open blockers, reads the heat map's numbers as a table and
// downloads the portfolio as CSV, whose figures are those `gapmap
// portfolio` prints for the same files.
import { test, expect, gapmap, fixture, read, repo } from "../fixtures.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes a copy of a fixture with other id, title, system and tags; returns its path. */
function variant(info, source, name, changes) {
  const file = JSON.parse(read(source));
  Object.assign(file, changes);
  const path = info.outputPath(`${name}.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

/** The text of each cell of a table's body, row by row. */
async function cells(table) {
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent.trim())),
  );
}

test("a lead looks across three services: filter, sort, heat map data and CSV", async ({ app, page }, info) => {
  const payments = variant(info, fixture("worked-example.json"), "payments", {
    id: "payments-api", title: "Readiness of the payments API", system: "Payments API", tags: ["payments"],
  });
  const ledger = variant(info, fixture("worked-example.json"), "ledger", {
    id: "ledger", title: "Readiness of the ledger", system: "Ledger", tags: ["payments", "finance"],
  });
  const web = variant(info, join(repo, "public", "templates", "web-service.json"), "web", {
    id: "storefront", title: "Readiness of the storefront", system: "Storefront", tags: ["web"],
  });
  // The ledger has closed one blocker: it has fewer open than the payments API.
  const ledgerFile = JSON.parse(read(ledger));
  const p0 = ledgerFile.gaps.find((gap) => gap.priority === "P0" && gap.status !== "done");
  p0.status = "done";
  writeFileSync(ledger, JSON.stringify(ledgerFile, null, 2));
  const expected = JSON.parse(gapmap("portfolio", payments, ledger, web, "--json"));
  const byId = Object.fromEntries(expected.assessments.map((a) => [a.id, a]));

  await app.openLibrary();
  await app.importFiles(payments, ledger, web);
  await expect(page.getByRole("link", { name: "Readiness of the storefront" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Readiness of the ledger" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Readiness of the payments API" })).toBeVisible();

  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const table = page.locator("table.portfolio-table");
  // The three services and the example the first run stored.
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await app.expectAccessible("the portfolio");
  await app.screenshot("portfolio");

  // Only the payments team's systems.
  await page.getByRole("group", { name: "Tags" }).getByRole("checkbox", { name: "payments" }).check();
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.getByRole("caption")).toHaveText("2 assessments · tags: payments");

  // Most blockers first.
  await table.getByRole("button", { name: "Blockers" }).click();
  await expect(table.getByRole("columnheader", { name: "Blockers" })).toHaveAttribute("aria-sort", "descending");
  const rows = await cells(table);
  expect(rows.map((row) => row[0])).toEqual(["Payments API", "Ledger"]);
  expect(rows.map((row) => Number(row[4]))).toEqual([byId["payments-api"].blockers, byId["ledger"].blockers]);
  expect(rows[0][1]).toBe(byId["payments-api"].overall.toFixed(1));
  // A second click turns the order round, announced the same way.
  await table.getByRole("button", { name: "Blockers" }).click();
  await expect(table.getByRole("columnheader", { name: "Blockers" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr").first().getByRole("rowheader")).toHaveText("Ledger");
  await table.getByRole("button", { name: "Blockers" }).click();

  // The heat map's numbers, as a table: each category's score of `gapmap score`.
  await page.getByText("Chart data").click();
  const data = page.locator(".chart-data table");
  await expect(data).toBeVisible();
  const score = JSON.parse(gapmap("score", payments, "--json"));
  const heat = await cells(data);
  const paymentsRow = heat.find((row) => row[0] === "Payments API");
  expect(paymentsRow.slice(1)).toEqual(score.categories.map((c) => (c.score === null ? "—" : c.score.toFixed(1))));
  expect(heat.map((row) => row[0])).toEqual(["Payments API", "Ledger"]);
  await app.screenshot("portfolio-filtered");

  // The CSV: the two chosen systems in the table's order, with the command's figures.
  const { name, text } = await app.download(page.getByRole("button", { name: "Download CSV" }));
  expect(name).toBe("portfolio.csv");
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0].startsWith("System,Overall,Level,Ready,Blockers,")).toBe(true);
  expect(lines).toHaveLength(3);
  expect(lines[1].startsWith(`Payments API,${byId["payments-api"].overall.toFixed(1)},`)).toBe(true);
  expect(lines[2].startsWith(`Ledger,${byId["ledger"].overall.toFixed(1)},`)).toBe(true);
  expect(text).toContain("payments-api");
  expect(text).not.toContain("Storefront");
  app.expectNoErrors();
});

/** A small assessment of service `i`: two categories, scored by hand. */
function service(i) {
  return {
    format: "gapmap",
    version: 2,
    id: `service-${i}`,
    title: `Service ${i}`,
    system: `Service ${i}`,
    categories: [
      { id: "sec", name: "Security", manual_score: i },
      { id: "ops", name: "Operations", manual_score: 100 - i },
    ],
  };
}

test("thirty services: the heat map draws the first ones and all on asking, systems are chosen from a disclosure", async ({ app, page }) => {
  await app.openLibrary();
  await page.evaluate((texts) => {
    localStorage.clear();
    texts.forEach((text, i) => {
      localStorage.setItem(`gapmap:assessment:service-${i}`, `{"storage":1,"revision":1,"saved_at":1764806400000,"assessment":${text}}`);
    });
  }, Array.from({ length: 30 }, (_, i) => JSON.stringify(service(i))));
  await page.reload();
  await expect(page.getByRole("link", { name: "Service 29", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  const table = page.locator("table.portfolio-table");
  await expect(table.getByRole("caption")).toHaveText("30 assessments");

  // The heat map draws 25 systems and says so; its data table holds all 30.
  const map = page.getByRole("img", { name: /^Heat map of the scores of 30 systems, the first 25 drawn, in 2 categories/ });
  await expect(map).toBeVisible();
  await expect(map.locator("rect")).toHaveCount(25 * 2);
  await page.getByRole("button", { name: "Show all 30 systems" }).click();
  const all = page.getByRole("img", { name: /^Heat map of the scores of 30 systems in 2 categories/ });
  await expect(all.locator("rect")).toHaveCount(30 * 2);
  await expect(page.getByRole("button", { name: "Show all 30 systems" })).toHaveCount(0);
  await page.getByText("Chart data").click();
  await expect(page.locator(".chart-data table tbody tr")).toHaveCount(30);

  // Many systems are offered behind a disclosure, made when opened.
  await expect(page.getByRole("checkbox", { name: "Service 7", exact: true })).toHaveCount(0);
  await page.getByText("Choose systems (30 in all)").click();
  await page.getByRole("group", { name: "Systems" }).getByRole("checkbox", { name: "Service 7", exact: true }).check();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByRole("rowheader")).toHaveText("Service 7");
  await expect(page.getByText("Choose systems (30 in all, 1 chosen)")).toBeVisible();
  await expect(table.getByRole("caption")).toHaveText("1 assessment · systems: Service 7");
  // Sorting is a button in each column's heading, reached and pressed from the keyboard.
  await table.getByRole("button", { name: "Overall" }).focus();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: "Overall" })).toHaveAttribute("aria-sort", "descending");
  // Printed, the headings stay (as text) and the buttons of actions go.
  await page.emulateMedia({ media: "print" });
  await expect(table.getByRole("columnheader", { name: "Overall" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download CSV" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await app.expectAccessible("the portfolio of many systems");
  await app.screenshot("portfolio-many");
  app.expectNoErrors();
});
