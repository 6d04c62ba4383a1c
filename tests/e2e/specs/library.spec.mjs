// The library: a newcomer's first run, creating from the template, and files
// in and out (import, refusal of broken files, byte-exact export).
import { test, expect, gapmap, fixture, read } from "../fixtures.mjs";

const example = "Readiness of Kestrel Payments API";

test("a first run shows the worked example, whose numbers match the command line", async ({ app, page }) => {
  await app.openLibrary();
  await expect(page.getByRole("link", { name: example })).toBeVisible();
  await app.expectAccessible("the library");
  await app.screenshot("library");
  await app.open(example);
  const expected = JSON.parse(gapmap("score", fixture("../../public/templates/example.json"), "--json"));
  await expect(app.overall()).toHaveText(expected.overall.toFixed(1));
  await expect(page.getByTestId("level")).toHaveText(expected.level);
  app.expectNoErrors();
});

test("creating from the template opens a full assessment", async ({ app, page }) => {
  await app.openLibrary();
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title").fill("Readiness of the orders service");
  await dialog.getByRole("radio", { name: /Production readiness of a web service/ }).check();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Readiness of the orders service" })).toBeVisible();
  await expect(app.overall()).toHaveText("0.0");
  await app.tab("Gaps");
  await expect(page.getByRole("table")).toBeVisible();
  await page.goto("./");
  await expect(page.getByRole("link", { name: "Readiness of the orders service" })).toBeVisible();
  app.expectNoErrors();
});

test("an imported file shows the numbers `gapmap score` prints for it", async ({ app, page }) => {
  const file = fixture("worked-example.json");
  const expected = JSON.parse(gapmap("score", file, "--json"));
  await app.openLibrary();
  await app.importFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  await app.open("Worked example");
  await expect(app.overall()).toHaveText(expected.overall.toFixed(1));
  await expect(page.getByTestId("level")).toHaveText(expected.level);
  const categories = page.locator(".category-table tbody tr");
  for (const [i, category] of expected.categories.entries()) {
    await expect(categories.nth(i).locator(".score-value")).toHaveText(category.score.toFixed(1));
  }
  app.expectNoErrors();
});

test("a broken file is refused with its problems, and the library is unchanged", async ({ app, page }, info) => {
  await app.openLibrary();
  const before = await page.locator(".library-table tbody tr").count();
  const broken = info.outputPath("broken.json");
  const text = read(fixture("worked-example.json")).replace('"status": "missing"', '"status": "mising"').replace('"max": 5', '"max": 1');
  (await import("node:fs")).writeFileSync(broken, text);
  await app.importFiles(broken);
  const alert = page.getByRole("alert").filter({ hasText: "was not imported" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("gaps[0].status");
  await expect(alert).toContainText("mising");
  await expect(alert).toContainText("gaps[0].effort.max");
  await app.screenshot("import-refused");
  await expect(page.locator(".library-table tbody tr")).toHaveCount(before);
  const notJson = info.outputPath("not-json.json");
  (await import("node:fs")).writeFileSync(notJson, "{ \"format\": \"gapmap\", ");
  await app.importFiles(notJson);
  await expect(page.getByRole("alert").filter({ hasText: "not valid JSON" })).toBeVisible();
  await expect(page.locator(".library-table tbody tr")).toHaveCount(before);
});

test("export gives back the canonical file byte for byte", async ({ app, page }) => {
  const file = fixture("worked-example.json");
  const canonical = read(file);
  await app.openLibrary();
  await app.importFiles(file);
  await app.open("Worked example");
  const exported = await app.download(page.getByRole("button", { name: "Export", exact: true }));
  expect(exported.name).toBe("worked-example.json");
  expect(exported.text).toBe(canonical);
});

test("an import whose id is taken asks; Keep both keeps both, Escape cancels for good", async ({ app, page }, info) => {
  const file = fixture("worked-example.json");
  await app.openLibrary();
  await app.importFiles(file);
  const rows = page.locator(".library-table tbody tr");
  await expect(rows).toHaveCount(2);

  await app.importFiles(file);
  const dialog = page.getByRole("dialog", { name: "This assessment is already in the library" });
  await expect(dialog).toBeVisible();
  await app.expectAccessible("the conflict dialog");
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(rows).toHaveCount(3);

  // Regression: Escape left the file queued, and the next conflict showed it again.
  await app.importFiles(file);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const other = info.outputPath("other.json");
  (await import("node:fs")).writeFileSync(other, read(file).replace('"title": "Worked example"', '"title": "Another title"'));
  await app.importFiles(other);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Another title");
  await dialog.getByRole("button", { name: "Replace" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Another title" })).toBeVisible();
});
