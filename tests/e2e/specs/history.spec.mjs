// A day with History: the user opens the example, saves a milestone before
// the review, changes three gaps (one status, one priority, one phase),
// compares the milestone with now and sees exactly those three gaps
// changed, in those fields, with the overall score's change as the
// Overview showed it before and after; then sees the trend on the Overview
// with the milestone and now, saves a second milestone, renames one,
// deletes one and takes the delete back, and finds the changes in the
// printable report. Every new view passes axe and is photographed.
import { test, expect, read, repo } from "../fixtures.mjs";
import { join } from "node:path";

const example = JSON.parse(read(join(repo, "public", "templates", "example.json")));
const exampleTitle = "Readiness of Kestrel Payments API";

/** The example's gap with this id: its title names its controls. */
function gap(id) {
  const found = example.gaps.find((g) => g.id === id);
  if (!found) throw new Error(`the example has no gap ${id}`);
  return found;
}

// Three gaps, each changed in one field, to a value it does not have.
const statusGap = gap("sec-3"); // partial → done
const priorityGap = gap("sec-6"); // P2 → P1
const phaseGap = gap("sec-5"); // Hardening → Blockers

test("a milestone, three changes, the comparison and the trend", async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.openLibrary();
  await app.open(exampleTitle);
  const overallBefore = (await app.overall().textContent()).trim();
  // Without a milestone the Overview says how to get the trend.
  await expect(page.getByText(/save a milestone on the History tab/)).toBeVisible();

  // Save the state before the review as a milestone.
  await app.tab("History");
  await expect(page.getByText("No milestones yet.")).toBeVisible();
  await page.getByRole("textbox", { name: "Milestone name" }).fill("Before the review");
  await page.getByRole("button", { name: "Save milestone" }).click();
  const milestones = page.getByTestId("milestones");
  await expect(milestones.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("textbox", { name: "Name of milestone 1" })).toHaveValue("Before the review");
  await expect(milestones.getByRole("row").nth(1)).toContainText(overallBefore);

  // Three changes on the Gaps tab.
  await app.tab("Gaps");
  await page.getByRole("combobox", { name: `Status of ${statusGap.title}` }).selectOption("done");
  await page.getByRole("combobox", { name: `Priority of ${priorityGap.title}` }).selectOption("P1");
  await page.getByRole("combobox", { name: `Phase of ${phaseGap.title}` }).selectOption({ label: "Blockers" });
  await app.tab("Overview");
  const overallAfter = (await app.overall().textContent()).trim();
  expect(overallAfter).not.toBe(overallBefore);

  // Compare the milestone with now: exactly those three gaps, in those fields.
  await app.tab("History");
  await expect(page.getByRole("combobox", { name: "Before" })).toHaveValue(/^milestone:/);
  await expect(page.getByRole("combobox", { name: "After" })).toHaveValue("now");
  const comparison = page.getByTestId("comparison");
  const difference = (Number(overallAfter) - Number(overallBefore)).toFixed(1);
  const sign = Number(difference) > 0 ? "+" : "";
  await expect(comparison.getByTestId("overall-change")).toHaveText(
    `${overallBefore} → ${overallAfter} (${sign}${difference})`,
  );
  await expect(comparison.getByRole("heading", { name: "Gaps: 0 added, 0 removed, 3 changed" })).toBeVisible();
  const changed = comparison.getByTestId("gap-changes").locator("tbody tr");
  await expect(changed).toHaveCount(3);
  const fieldsOf = async (g) => {
    const row = changed.filter({ has: page.getByRole("link", { name: g.title, exact: true }) });
    await expect(row).toHaveCount(1);
    return row.locator("[data-field]").evaluateAll((items) => items.map((i) => i.textContent));
  };
  expect(await fieldsOf(statusGap)).toEqual([`status: ${statusGap.status} → done`]);
  expect(await fieldsOf(priorityGap)).toEqual([`priority: ${priorityGap.priority} → P1`]);
  expect(await fieldsOf(phaseGap)).toEqual(["phase: Hardening → Blockers"]);
  await app.expectAccessible("the History tab with a comparison");
  await app.screenshot("history-compare");

  // A changed gap's link opens that gap in the editor, on the Gaps tab.
  await changed.getByRole("link", { name: priorityGap.title, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Edit gap" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(priorityGap.title);
  await expect(page.getByRole("tab", { name: "Gaps" })).toHaveAttribute("aria-selected", "true");
  expect(decodeURIComponent(new URL(page.url()).hash)).toMatch(new RegExp(`/gaps/${priorityGap.id}$`));
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await expect(dialog).toBeHidden();
  // Closed, the address is the tab's own: a reload does not open it again.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/\/gaps$/);

  // The trend on the Overview: the milestone and now.
  await app.tab("Overview");
  const trend = page.getByTestId("chart-trend");
  await expect(trend).toBeVisible();
  await trend.getByText("Chart data").click();
  const rows = trend.locator("tbody tr");
  await expect(rows.nth(0).getByRole("rowheader")).toHaveText("Before the review");
  await expect(rows.nth(0).getByRole("cell").nth(1)).toHaveText(overallBefore);
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText("Now");
  await expect(rows.nth(1).getByRole("cell").nth(1)).toHaveText(overallAfter);
  await expect(trend.locator("circle.marker.series-overall")).toHaveCount(2);
  await app.expectAccessible("the Overview with the trend");
  await app.screenshot("history-trend");

  // A second milestone; the trend has three points. Rename the first, then
  // delete it and take the delete back.
  await app.tab("History");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(milestones.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("textbox", { name: "Name of milestone 2" })).toHaveValue("Milestone 2");
  await page.getByRole("textbox", { name: "Name of milestone 1" }).fill("Baseline");
  await page.getByRole("button", { name: "Delete milestone 1" }).click();
  await expect(milestones.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(milestones.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("textbox", { name: "Name of milestone 1" })).toHaveValue("Baseline");
  await app.screenshot("history-milestones");

  await app.tab("Overview");
  await page.getByTestId("chart-trend").getByText("Chart data").click();
  await expect(page.getByTestId("chart-trend").locator("tbody tr").filter({ hasNotText: /^After / })).toHaveCount(3);

  // The report says what changed since the newest milestone (none: it was
  // saved after the changes).
  await app.tab("Report");
  const section = page.getByRole("region", { name: /^Changes since Milestone 2/ });
  await expect(section).toBeVisible();
  await expect(section.getByText(/No change/)).toBeVisible();

  // Everything survives a reload.
  await page.reload();
  await app.tab("History");
  await expect(milestones.getByRole("row")).toHaveCount(3);

  // Between the two milestones, the gaps that changed still link to the gaps as they are now.
  await page.getByRole("combobox", { name: "Before" }).selectOption("milestone:ms-1");
  await page.getByRole("combobox", { name: "After" }).selectOption("milestone:ms-2");
  const between = page.getByTestId("comparison").getByTestId("gap-changes");
  await expect(between.locator("tbody tr")).toHaveCount(3);
  await between.getByRole("link", { name: statusGap.title, exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Edit gap" }).getByRole("textbox", { name: "Title", exact: true })).toHaveValue(statusGap.title);
  app.expectNoErrors();
});
