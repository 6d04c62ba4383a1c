// Exports that land where work happens: the "More exports" menu downloads
// the gaps as CSV (the same bytes as `gapmap report --format csv`), a title
// typed as a formula comes out inert, and a table edited in a spreadsheet
// comes back through "Import CSV": a preview of each change, the rows it
// cannot match and its problems, then Apply, which one Undo takes back.
import { test, expect, gapmap, repo, read } from "../fixtures.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const exampleTitle = "Readiness of Kestrel Payments API";
const examplePath = join(repo, "public", "templates", "example.json");
const example = JSON.parse(read(examplePath));
const blocker = example.gaps.find((gap) => gap.id === "sec-1");

const header = [
  "ID", "Category", "Title", "Status", "Priority", "Severity", "Effort min", "Effort max", "Effort unit",
  "Effort days low", "Effort days high", "Owner", "Phase", "Tags", "Evidence", "Description",
  "Checklist done", "Checklist items",
];

/** Rows of cells from CSV text (RFC 4180: quotes, doubled quotes, CRLF), byte order mark dropped. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      // The line ends at the \n.
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += c;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV text from rows of cells, every cell quoted. */
function writeCsv(rows) {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n") + "\r\n";
}

/** Opens "More exports" and downloads one of its entries. */
async function exportFrom(app, page, entry) {
  await page.locator("summary", { hasText: "More exports" }).click();
  return app.download(page.getByRole("button", { name: entry, exact: true }));
}

test("Export CSV downloads every gap in the spreadsheet columns, as the command writes them", async ({ app, page }) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  await page.locator("summary", { hasText: "More exports" }).click();
  await expect(page.getByRole("button", { name: "Export for Azure DevOps", exact: true })).toBeVisible();
  await app.expectAccessible("the open export menu");
  await app.screenshot("exports-menu");
  await page.locator("summary", { hasText: "More exports" }).click();

  const exported = await exportFrom(app, page, "Export CSV");
  expect(exported.name).toBe("readiness-of-kestrel-payments-api.csv");
  expect(exported.text).toBe(gapmap("report", examplePath, "--format", "csv"));
  const rows = parseCsv(exported.text);
  expect(rows[0]).toEqual(header);
  expect(rows.length).toBe(1 + example.gaps.length);
  const cells = Object.fromEntries(header.map((name, i) => [name, rows.find((r) => r[0] === "sec-1")[i]]));
  expect(cells.Title).toBe(blocker.title);
  expect(cells.Status).toBe(blocker.status);
  expect(cells.Priority).toBe(blocker.priority);
  expect(cells.Category).toBe(example.categories.find((c) => c.id === blocker.category).name);

  const jira = await exportFrom(app, page, "Export for Jira");
  expect(jira.name).toBe("readiness-of-kestrel-payments-api-jira.csv");
  expect(parseCsv(jira.text)[0].slice(0, 4)).toEqual(["Summary", "Issue Type", "Priority", "Description"]);
  app.expectNoErrors();
});

test("a title typed as a formula is exported inert", async ({ app, page }) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  await app.tab("Gaps");
  await page.getByRole("button", { name: blocker.title, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Edit gap" });
  await dialog.getByLabel("Title").fill("=1+1");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "=1+1", exact: true })).toBeVisible();

  const exported = await exportFrom(app, page, "Export CSV");
  const row = parseCsv(exported.text).find((r) => r[0] === "sec-1");
  expect(row[header.indexOf("Title")]).toBe("'=1+1");
  for (const [entry, column] of [["Export for Jira", 0], ["Export for GitHub", 0], ["Export for Azure DevOps", 1]]) {
    const backlog = await exportFrom(app, page, entry);
    const titles = parseCsv(backlog.text).slice(1).map((r) => r[column]);
    expect(titles, entry).toContain("'=1+1");
    expect(titles.filter((t) => t.startsWith("=")), entry).toEqual([]);
  }
  app.expectNoErrors();
});

test("Import CSV previews a spreadsheet's changes, applies them, and Undo takes them back", async ({ app, page }, info) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  const exported = await exportFrom(app, page, "Export CSV");
  const rows = parseCsv(exported.text);
  const status = header.indexOf("Status");
  const priority = header.indexOf("Priority");
  rows.find((r) => r[0] === "sec-1")[status] = "done";
  const other = rows.find((r) => r[0] !== "ID" && r[0] !== "sec-1");
  other[priority] = "P9";
  const unknown = [...rows[1]];
  unknown[0] = "not-a-gap";
  rows.push(unknown);
  const file = info.outputPath("edited.csv");
  writeFileSync(file, writeCsv(rows));

  await app.tab("Gaps");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole("dialog", { name: "Import CSV" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("csv-import-summary")).toContainText("1 change to 1 gap");
  const changes = dialog.getByTestId("csv-import-changes").locator("tbody tr");
  await expect(changes).toHaveCount(1);
  await expect(changes.locator("td")).toHaveText([`${blocker.title} (sec-1)`, "Status", "missing", "done"]);
  const otherRow = rows.indexOf(other) + 1;
  await expect(dialog.getByTestId("csv-import-problems")).toContainText(`Row ${otherRow}: \u201cP9\u201d is not a priority`);
  await expect(dialog.getByRole("region", { name: "Rows without a matching gap" })).toContainText(`Row ${rows.length}: not-a-gap`);
  await app.expectAccessible("the CSV import preview");
  await app.screenshot("csv-import-preview");

  await dialog.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(dialog).toBeHidden();
  const select = page.getByRole("combobox", { name: `Status of ${blocker.title}` });
  await expect(select).toHaveValue("done");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(select).toHaveValue("missing");
  app.expectNoErrors();
});

test("Import CSV reads a table a spreadsheet saved in Windows-1252", async ({ app, page }, info) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  await app.tab("Gaps");
  // "Clé" with é as the single byte 0xE9, separated by semicolons as some spreadsheets save.
  const file = info.outputPath("legacy.csv");
  writeFileSync(file, Buffer.from([...Buffer.from("ID;Title\r\nsec-1;Cl"), 0xe9, 0x0d, 0x0a]));
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole("dialog", { name: "Import CSV" });
  await expect(dialog).toContainText("it was read as Windows-1252");
  await expect(dialog.getByTestId("csv-import-changes").locator("tbody tr td")).toHaveText([
    `${blocker.title} (sec-1)`, "Title", blocker.title, "Clé",
  ]);
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: blocker.title, exact: true })).toBeVisible();
  app.expectNoErrors();
});
