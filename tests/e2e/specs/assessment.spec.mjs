// Journeys through an open assessment: a status change moves the scores by
// exactly what the core computes; a role and a phase bring their costs; every
// edit survives a reload; undo takes edits back; every view passes axe.
import { test, expect, gapmap, repo, read } from "../fixtures.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const examplePath = join(repo, "public", "templates", "example.json");
const exampleTitle = "Readiness of Kestrel Payments API";

test("changing a gap's status moves the scores by what `gapmap score` computes", async ({ app, page }, info) => {
  const example = JSON.parse(read(examplePath));
  const gap = example.gaps.find((g) => g.priority === "P0" && g.status === "missing");
  const before = JSON.parse(gapmap("score", examplePath, "--json"));
  gap.status = "done";
  const changedPath = info.outputPath("changed.json");
  writeFileSync(changedPath, JSON.stringify(example));
  const after = JSON.parse(gapmap("score", changedPath, "--json"));
  expect(after.overall).toBeGreaterThan(before.overall);

  await app.openLibrary();
  await app.open(exampleTitle);
  await expect(app.overall()).toHaveText(before.overall.toFixed(1));
  await app.tab("Gaps");
  await page.getByRole("combobox", { name: `Status of ${gap.title}` }).selectOption("done");
  await app.tab("Overview");
  await expect(app.overall()).toHaveText(after.overall.toFixed(1));
  await expect(page.getByRole("heading", { name: /Open blockers/ })).toContainText(String(after.blockers));

  await page.reload();
  await expect(app.overall()).toHaveText(after.overall.toFixed(1));

  await app.tab("Gaps");
  await page.getByRole("combobox", { name: `Status of ${gap.title}` }).selectOption("partial");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("combobox", { name: `Status of ${gap.title}` })).toHaveValue("done");
  app.expectNoErrors();
});

test("a new role and phase bring their costs, and every edit survives a reload", async ({ app, page }) => {
  await app.openLibrary();
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title").fill("Costing journey");
  await dialog.getByRole("radio", { name: /Blank assessment/ }).check();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Costing journey" })).toBeVisible();

  await app.tab("Costs");
  await page.getByRole("button", { name: "Add role" }).click();
  await page.getByRole("textbox", { name: "Role name" }).last().fill("Engineer");
  await page.getByRole("textbox", { name: "Weekly rate of Engineer" }).fill("4000");

  await app.tab("Roadmap");
  await page.getByRole("button", { name: "Add phase" }).click();
  await page.getByRole("textbox", { name: "Phase name" }).fill("Blockers");
  await page.getByRole("textbox", { name: "Duration, minimum" }).fill("2");
  await page.getByRole("textbox", { name: "Duration, maximum" }).fill("3");
  await page.getByRole("button", { name: "Add team member" }).click();
  await page.getByRole("combobox", { name: "Role of team member 1" }).selectOption({ label: "Engineer" });
  await page.getByRole("textbox", { name: "FTE of team member 1, minimum" }).fill("1");
  await page.getByRole("textbox", { name: "FTE of team member 1, maximum" }).fill("2");
  // 1–2 FTE × $4,000 a week × 2–3 weeks.
  await expect(page.getByText("$8,000–$24,000").first()).toBeVisible();

  // An invalid range is shown at the field and not saved.
  await page.getByRole("textbox", { name: "Duration, minimum" }).fill("5");
  await expect(page.getByText("The minimum 5 is above the maximum 3.")).toBeVisible();
  await page.getByRole("textbox", { name: "Duration, minimum" }).fill("2");

  await app.tab("Overview");
  await expect(page.locator(".figure", { hasText: "Labor" })).toContainText("$8,000–$24,000");
  await app.tab("Costs");
  await expect(page.getByRole("heading", { name: "Cost by phase" })).toBeVisible();

  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Weekly rate of Engineer" })).toHaveValue("4000");
  await app.tab("Roadmap");
  await expect(page.getByRole("textbox", { name: "Phase name" })).toHaveValue("Blockers");
  await expect(page.getByRole("textbox", { name: "Duration, minimum" })).toHaveValue("2");
  await app.tab("Overview");
  await expect(page.locator(".figure", { hasText: "Labor" })).toContainText("$8,000–$24,000");
  app.expectNoErrors();
});

// Every view of the example passes axe, and is photographed: one test per
// view, each with its own time budget (axe over a view takes seconds, many
// more on a loaded machine).
for (const [tab, name] of [
  ["Overview", "overview"],
  ["Gaps", "gaps"],
  ["Roadmap", "roadmap"],
  ["Costs", "costs"],
  ["KPIs & risks", "kpis-risks"],
  ["Settings", "settings"],
]) {
  test(`the ${tab} view of the example passes axe, and is photographed`, async ({ app }) => {
    await app.openLibrary();
    await app.open(exampleTitle);
    await app.tab(tab);
    await app.expectAccessible(`the ${tab} tab`);
    await app.screenshot(name);
    app.expectNoErrors();
  });
}

test("the gap editor of the example passes axe, and is photographed", async ({ app, page }) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  await app.tab("Gaps");
  await page.getByRole("button", { name: /Admin console/ }).first().click();
  await expect(page.getByRole("dialog", { name: "Edit gap" })).toBeVisible();
  await app.expectAccessible("the gap editor");
  await app.screenshot("gap-editor");
  app.expectNoErrors();
});

test("a reload of any view lands on that view", async ({ app, page }) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  await app.tab("Roadmap");
  await page.reload();
  await expect(page.getByRole("tab", { name: "Roadmap" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("button", { name: "Add phase" })).toBeVisible();
});
