// A planner's day with the example (issue 15, parts 4–6): ticks an exit
// criterion and sees how many are met; adds evidence with an https address
// (a link, opened in a new tab, without opener or referrer) and one with a
// javascript: address (text, never a link, never run); gives a risk a
// status and a review date that has passed and sees it marked overdue;
// adds a "Fast track" scenario as a copy of the roadmap, shortens a phase
// in it, compares the scenarios, switches back and undoes the switch.
import { test, expect } from "../fixtures.mjs";

const exampleTitle = "Readiness of Kestrel Payments API";

test("criteria met, evidence links, overdue reviews and scenarios", async ({ app, page }) => {
  test.setTimeout(240_000);
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await app.openLibrary();
  await app.open(exampleTitle);

  // Morning: the blockers phase's first exit criterion is met.
  await app.tab("Roadmap");
  const blockers = page.locator('[data-phase-id="blockers"]');
  await expect(blockers.getByText("0 of 3 criteria met")).toBeVisible();
  await blockers.getByRole("checkbox", { name: "Exit criterion 1 met" }).check();
  await expect(blockers.getByText("1 of 3 criteria met")).toBeVisible();
  await blockers.getByRole("textbox", { name: "Evidence for exit criterion 1" }).fill("https://ci.example.com/run/42");
  const criterionLink = blockers.getByRole("link", { name: "Evidence 1" });
  await expect(criterionLink).toHaveAttribute("href", "https://ci.example.com/run/42");
  await expect(criterionLink).toHaveAttribute("target", "_blank");
  await app.screenshot("plans-criteria");

  // Evidence on the admin console gap: one report link, one trap.
  await app.tab("Gaps");
  await page.getByRole("button", { name: /Admin console/ }).first().click();
  const editor = page.getByRole("dialog", { name: "Edit gap" });
  await expect(editor.getByRole("textbox", { name: "Evidence 1", exact: true })).toHaveValue(/shared basic-auth password/);
  await editor.getByRole("button", { name: "Add evidence" }).click();
  await editor.getByRole("textbox", { name: "Evidence 2", exact: true }).fill("Pentest report");
  await editor.getByRole("textbox", { name: "Evidence 2 address" }).fill("https://pentest.example.com/report/7");
  const report = editor.getByRole("link", { name: "Pentest report" });
  await expect(report).toHaveAttribute("href", "https://pentest.example.com/report/7");
  await expect(report).toHaveAttribute("target", "_blank");
  await expect(report).toHaveAttribute("rel", "noopener noreferrer");
  await editor.getByRole("button", { name: "Add evidence" }).click();
  await editor.getByRole("textbox", { name: "Evidence 3", exact: true }).fill("Try me");
  await editor.getByRole("textbox", { name: "Evidence 3 address" }).fill("javascript:alert(1)");
  await expect(editor.getByText("javascript:alert(1)", { exact: true }).locator("xpath=self::code")).toBeVisible();
  await expect(editor.getByRole("link", { name: "Try me" })).toHaveCount(0);
  await expect(editor.locator('a[href^="javascript"]')).toHaveCount(0);
  await app.screenshot("plans-evidence");
  await page.keyboard.press("Escape");

  // A risk under way, whose review day has passed.
  await app.tab("KPIs & risks");
  await page.getByRole("combobox", { name: "Status of risk 1" }).selectOption("mitigating");
  await page.getByRole("textbox", { name: "Owner of risk 1" }).fill("Tomas Lindqvist");
  await page.getByLabel("Review date of risk 1").fill("2020-01-15");
  await expect(page.locator("#risk-card-1").getByText("Review overdue")).toBeVisible();
  const riskRow = page.getByRole("row").filter({ hasText: "shared password" });
  await expect(riskRow).toContainText("Mitigating");
  await expect(riskRow).toContainText("2020-01-15");
  await expect(riskRow.getByText("Overdue", { exact: true })).toBeVisible();
  await app.screenshot("plans-risks");

  // The report says the same: the evidence link (the trap as text), the risk's owner and overdue review.
  await app.tab("Report");
  const reportGaps = page.locator("section.report-gaps");
  await expect(reportGaps.getByRole("link", { name: "Pentest report" })).toHaveAttribute("href", "https://pentest.example.com/report/7");
  await expect(reportGaps.getByRole("link", { name: "Try me" })).toHaveCount(0);
  await expect(reportGaps.getByText("javascript:alert(1)")).toBeVisible();
  const reportRisk = page.locator("section.report-kpis-risks").getByRole("row").filter({ hasText: "shared password" });
  await expect(reportRisk).toContainText("Tomas Lindqvist");
  await expect(reportRisk).toContainText("2020-01-15 (overdue)");

  // Afternoon: a fast track, as a copy of the roadmap, with a shorter hardening.
  await app.tab("Roadmap");
  await page.getByRole("textbox", { name: "New scenario name" }).fill("Fast track");
  await page.getByRole("button", { name: "Add scenario" }).click();
  const picker = page.getByRole("combobox", { name: "Active roadmap" });
  await expect(picker).toHaveValue("Current plan");
  await picker.selectOption("Fast track");
  await expect(picker).toHaveValue("Fast track");
  const hardening = page.locator('[data-phase-id="hardening"]');
  await hardening.getByRole("textbox", { name: "Duration, minimum" }).fill("1");
  await hardening.getByRole("textbox", { name: "Duration, maximum" }).fill("2");
  // The copy kept the morning's tick.
  await expect(blockers.getByText("1 of 3 criteria met")).toBeVisible();

  await page.getByRole("button", { name: "Compare scenarios" }).click();
  const comparison = page.getByRole("table", { name: /Roadmaps side by side/ });
  await expect(comparison.getByRole("columnheader", { name: "Fast track (active)" })).toBeVisible();
  const duration = comparison.getByRole("row", { name: /^Duration/ });
  // 3–4 + 1–2 + 5–8 weeks against 3–4 + 4–6 + 5–8.
  await expect(duration.getByRole("cell")).toHaveText(["9–14 weeks", "12–18 weeks"]);
  await app.screenshot("plans-compare");
  await app.expectAccessible("the Roadmap tab with scenarios compared");

  // Back to the full plan, then undo that switch.
  await picker.selectOption("Current plan");
  await expect(picker).toHaveValue("Current plan");
  await expect(hardening.getByRole("textbox", { name: "Duration, minimum" })).toHaveValue("4");
  await expect(duration.getByRole("cell")).toHaveText(["12–18 weeks", "9–14 weeks"]);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(picker).toHaveValue("Fast track");
  await expect(hardening.getByRole("textbox", { name: "Duration, minimum" })).toHaveValue("1");

  // Everything is kept.
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Active roadmap" })).toHaveValue("Fast track");
  await expect(page.locator('[data-phase-id="blockers"]').getByText("1 of 3 criteria met")).toBeVisible();
  expect(dialogs, "nothing a user typed ran").toEqual([]);
  app.expectNoErrors();
});
