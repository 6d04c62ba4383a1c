// A day with "Next steps": the user reads the first quick win of a category
// scored from its gaps, closes that gap on the Gaps tab and sees the overall
// rise by exactly its gain; then plans the cheapest path to ready as a phase
// and sees the score projected after that phase reach the ready threshold,
// and takes the plan back in one undo. The view passes axe and is
// photographed; its priority filter shows only the gaps of that priority.
import { test, expect, gapmap, repo, read } from "../fixtures.mjs";
import { join } from "node:path";

const examplePath = join(repo, "public", "templates", "example.json");
const exampleTitle = "Readiness of Kestrel Payments API";

/** A number as the page shows it ("+2.02", "58.7"). */
function shown(text) {
  return Number.parseFloat(text.replace("+", ""));
}

test("the first quick win raises the overall by its gain, and the planned path reaches ready", async ({ app, page }) => {
  const example = JSON.parse(read(examplePath));
  const next = JSON.parse(gapmap("next", examplePath, "--json"));

  await app.openLibrary();
  await app.open(exampleTitle);
  const before = shown(await app.overall().textContent());

  await app.tab("Next steps");
  await expect(page.getByTestId("next-standing")).toContainText(`Overall now ${before.toFixed(1)}`);
  const quickWins = page.getByRole("table", { name: /^Quick wins/ });
  // The first row of a category scored from its gaps: closing a gap of a
  // category scored by hand leaves its stated score where it is.
  const row = quickWins
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") })
    .filter({ hasNotText: "scored by hand" })
    .first();
  const link = row.getByRole("rowheader").getByRole("link");
  const title = (await link.textContent()).trim();
  const gap = example.gaps.find((g) => g.title === title);
  const cells = row.getByRole("cell");
  const gain = shown(await cells.nth(0).textContent());
  const reaches = shown(await cells.nth(1).textContent());
  // The same gain as the command's, over the same core.
  expect(gain).toBe(next.gains.find((g) => g.id === gap.id).gain);
  expect(gain).toBeGreaterThan(0);

  // Only the blockers, then every gap again.
  const priority = (id) => example.gaps.find((g) => g.id === id).priority;
  const blockers = next.gains.filter((g) => g.effort_days && priority(g.id) === "P0");
  const rows = quickWins.getByRole("row").filter({ has: page.getByRole("rowheader") });
  await page.getByRole("combobox", { name: "Priority" }).selectOption("P0");
  await expect(rows).toHaveCount(blockers.length);
  await expect(rows.first().getByRole("rowheader")).toContainText(blockers[0].id);
  await page.getByRole("combobox", { name: "Priority" }).selectOption({ label: "All priorities" });
  await expect(rows).toHaveCount(next.gains.filter((g) => g.effort_days).length);

  // The gain worked out, term by term, for the first quick win.
  await page.getByText("How is a gap's gain computed?").click();
  await page.getByRole("combobox", { name: "Gap explained" }).selectOption({ label: `${title} (${gap.id})` });
  const terms = page.getByRole("table", { name: `The gain of ${gap.id}, term by term (rounded)` });
  await expect(terms.getByRole("row", { name: /^Gain = rate × open work/ })).toContainText(gain.toFixed(2));
  await app.expectAccessible("the Next steps tab");
  await app.screenshot("next-steps");

  // To the gap, open in the editor on the Gaps tab, and done.
  await link.click();
  await expect(page.getByRole("tab", { name: "Gaps", exact: true })).toHaveAttribute("aria-selected", "true");
  const editor = page.getByRole("dialog", { name: "Edit gap" });
  await expect(editor.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);
  await editor.getByRole("combobox", { name: "Status", exact: true }).selectOption("done");
  await editor.getByRole("button", { name: "Close" }).first().click();
  await expect(page.getByRole("combobox", { name: `Status of ${title}` })).toHaveValue("done");
  await app.tab("Overview");
  await expect(app.overall()).toHaveText(reaches.toFixed(1));
  const after = shown(await app.overall().textContent());
  // Before and gain are rounded as shown: their sum is the overall after to
  // within the half-tenth the shown overall hides.
  expect(Math.abs(after - (before + gain))).toBeLessThanOrEqual(0.05 + 1e-9);
  expect(after).toBeGreaterThan(before);

  // The cheapest path, planned as one phase first in the roadmap.
  await app.tab("Next steps");
  const verdict = page.getByTestId("path-verdict");
  await expect(verdict).toContainText("brings the overall to");
  const pathOverall = (await verdict.textContent()).match(/brings the overall to ([\d.]+)/)[1];
  await page.getByRole("button", { name: "Plan these as a phase" }).click();
  await expect(page.getByText(/Planned the phase “Path to ready”, first in the roadmap/)).toBeVisible();

  await app.tab("Overview");
  const planned = page.getByRole("row", { name: /^Path to ready/ });
  await expect(planned.getByRole("cell").last()).toHaveText(pathOverall);
  expect(shown(pathOverall)).toBeGreaterThanOrEqual(example.settings.ready_threshold);

  // One undo takes the whole plan back.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("row", { name: /^Path to ready/ })).toHaveCount(0);
  app.expectNoErrors();
});
