// Markdown in and out: a readiness document written in Markdown is read by
// the importer, shown with its import report and a preview, and saved only
// when the user confirms; an open assessment exports as a Markdown report.
import { test, expect, gapmap, repo, read } from "../fixtures.mjs";
import { copyFileSync } from "node:fs";
import { join } from "node:path";

const documents = ["000_f44f5b8f7bdcf258", "004_ee62c5990353649e"];

/** A real document, copied under a `.md` name as a user would have it. */
function document(name, info) {
  const path = info.outputPath(`${name}.md`);
  copyFileSync(join(repo, "..", "shared", "fixtures", "markdown", `${name}.txt`), path);
  return path;
}

for (const name of documents) {
  test(`dropping ${name} on the page shows its report, then saves what \`gapmap import\` reads`, async ({ app, page }, info) => {
    const file = document(name, info);
    const out = info.outputPath(`${name}.json`);
    gapmap("import", file, "-o", out);
    const expected = JSON.parse(read(out));
    const score = JSON.parse(gapmap("score", out, "--json"));

    await app.openLibrary();
    const before = await page.locator(".library-table tbody tr").count();
    await app.dropFiles(file);
    const dialog = page.getByRole("dialog", { name: "Import Markdown" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("import-counts")).toContainText(`${expected.gaps.length} gaps`);
    await expect(dialog.getByTestId("import-title")).toHaveText(expected.title);
    await expect(dialog.getByTestId("import-gap-count")).toHaveText(String(expected.gaps.length));
    const overall = score.overall === null ? "—" : score.overall.toFixed(1);
    await expect(dialog.getByTestId("import-computed")).toHaveText(overall);
    await expect(dialog.getByRole("region", { name: "Notes of the import" })).toBeVisible();
    await app.expectAccessible(`the import dialog of ${name}`);
    await app.screenshot(`markdown-import-${name}`);

    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Imported \u201c${expected.title}\u201d.` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
    await expect(page.locator(".library-table tbody tr")).toHaveCount(before + 1);
    await app.open(expected.title);
    await expect(app.overall()).toHaveText(overall);
    app.expectNoErrors();
  });
}

test("cancelling a Markdown import leaves the library unchanged", async ({ app, page }, info) => {
  const file = document(documents[0], info);
  await app.openLibrary();
  const before = await page.locator(".library-table tbody tr").allTextContents();
  await app.importFiles(file);
  const dialog = page.getByRole("dialog", { name: "Import Markdown" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".library-table tbody tr")).toHaveText(before);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(page.locator(".library-table tbody tr")).toHaveText(before);
  app.expectNoErrors();
});

test("several Markdown documents are confirmed one after another", async ({ app, page }, info) => {
  const files = documents.map((name) => document(name, info));
  const titles = documents.map((name, i) => {
    const out = info.outputPath(`${name}.json`);
    gapmap("import", files[i], "-o", out);
    return JSON.parse(read(out)).title;
  });
  await app.openLibrary();
  await app.importFiles(...files);
  const dialog = page.getByRole("dialog", { name: "Import Markdown" });
  await expect(dialog.getByTestId("import-title")).toHaveText(titles[0]);
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog.getByTestId("import-title")).toHaveText(titles[1]);
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: titles[1], exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: titles[0], exact: true })).toHaveCount(0);
});

test("Export Markdown downloads a report that starts with the title", async ({ app, page }) => {
  // The report opens with a comment that says what it is, then the title.
  const example = "Readiness of Kestrel Payments API";
  await app.openLibrary();
  await app.open(example);
  // "Export Markdown" is in the header's "More exports" menu.
  await page.locator("summary", { hasText: "More exports" }).click();
  const exported = await app.download(page.getByRole("button", { name: "Export Markdown", exact: true }));
  expect(exported.name).toBe("readiness-of-kestrel-payments-api.md");
  const lines = exported.text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("<!--"));
  expect(lines[0]).toBe(`# ${example}`);
  app.expectNoErrors();
});
