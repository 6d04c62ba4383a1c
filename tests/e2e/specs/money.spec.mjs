// A day with an imported document's money: the user imports a gap analysis
// that states what each phase and the whole roadmap cost but gives no rate
// per role. The app shows the stated costs beside the computed ones, and
// labor as unknown with the roles named (never $0), linked to where rates
// are entered. The user follows that link and comes back, asks for rates
// estimated from the stated costs, looks at the fit phase by phase, cancels
// once, then applies them: the totals are computed. One Undo takes every
// rate back, and the report says the same. The KPI table keeps the
// document's values in words, and a target in words is met when ticked.
import { test, expect, repo } from "../fixtures.mjs";
import { copyFileSync } from "node:fs";
import { join } from "node:path";

const name = "004_ee62c5990353649e";
const roles = ["Engineers", "DevOps", "QA", "Security"];
const unknown = `unknown — no rate for ${roles.join(", ")}`;

/** The document, copied under a `.md` name as a user would have it. */
function document(info) {
  const path = info.outputPath(`${name}.md`);
  copyFileSync(join(repo, "..", "shared", "fixtures", "markdown", `${name}.txt`), path);
  return path;
}

/** A relative difference as the dialog words it, in percent: "8.7% below" → -8.7. */
function percent(text) {
  if (text.trim() === "as stated") return 0;
  const match = text.trim().match(/^([\d.]+)% (below|above)$/);
  expect(match, `a difference in words: ${text}`).not.toBeNull();
  return match[2] === "below" ? -Number(match[1]) : Number(match[1]);
}

test("an imported document's stated costs, unknown rates, rates estimated and applied in one undo step", async ({ app, page }, info) => {
  test.setTimeout(240_000);
  await app.openLibrary();
  await app.importFiles(document(info));
  const importing = page.getByRole("dialog", { name: "Import Markdown" });
  const title = (await importing.getByTestId("import-title").textContent()).trim();
  await importing.getByRole("button", { name: "Import", exact: true }).click();
  await expect(importing).toBeHidden();
  await app.open(title);

  // The Overview: labor and total unknown, the roles named, the total
  // incomplete, and the total the document states beside the computed one.
  const figures = page.getByRole("region", { name: "Effort, cost and time" });
  const totalLink = figures.getByRole("link", { name: unknown, exact: true });
  await expect(totalLink).toHaveCount(3); // labor, total, and the stated total's "computed"
  await expect(figures).toContainText("Incomplete: the one-off costs");
  await expect(figures).toContainText(new RegExp(`stated \\$[\\d,]+–\\$[\\d,]+ · computed ${unknown}`));
  await app.screenshot("money-overview-unknown");

  // The link goes to where rates are entered: the cursor in the first
  // role's weekly rate; Back returns to the Overview.
  await totalLink.first().click();
  await expect(page.getByRole("tab", { name: "Costs", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel(`Weekly rate of ${roles[0]}`)).toBeFocused();
  await expect(page.getByLabel(`Weekly rate of ${roles[0]}`)).toHaveValue("");
  await page.goBack();
  await expect(page.getByRole("tab", { name: "Overview", exact: true })).toHaveAttribute("aria-selected", "true");

  // The Costs tab: each phase's stated cost under it, the labor unknown.
  await app.tab("Costs");
  const phaseTable = page.locator(".phase-costs-table");
  const stated = phaseTable.locator(".stated-row");
  await expect(stated).toHaveCount(3);
  for (const line of await stated.allTextContents()) {
    expect(line.trim()).toMatch(/^stated \$[\d,]+–\$[\d,]+ · computed unknown — no rate for /);
  }
  const firstPhase = (await phaseTable.locator("tbody tr").first().locator("th").textContent()).trim();
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText(unknown);
  await expect(totals).toContainText("Incomplete:");
  await expect(totals).toContainText(/stated \$640,000–\$840,000 · computed unknown/);
  await app.expectAccessible("the Costs tab with unknown rates");
  await app.screenshot("money-costs-unknown");

  // The estimate: a rate per role, the fit per phase, the notes. Cancel
  // changes nothing.
  const estimate = page.getByRole("button", { name: "Estimate rates from stated costs" });
  await estimate.click();
  let dialog = page.getByRole("dialog", { name: "Estimate rates from stated costs" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(totals).toContainText(unknown);
  await expect(page.getByLabel(`Weekly rate of ${roles[0]}`)).toHaveValue("");

  await estimate.click();
  dialog = page.getByRole("dialog", { name: "Estimate rates from stated costs" });
  const proposed = dialog.getByRole("table", { name: "Proposed weekly rates" });
  const proposedRate = {};
  for (const role of roles) {
    const row = proposed.getByRole("row").filter({ has: page.getByRole("rowheader", { name: role, exact: true }) });
    await expect(row.getByRole("cell").nth(0)).toHaveText("unknown");
    proposedRate[role] = (await row.getByRole("cell").nth(1).textContent()).trim();
    expect(proposedRate[role]).toMatch(/^\$[\d,]+/);
    // A role the stated costs leave nothing for is flagged, as the command line flags it.
    if (proposedRate[role].startsWith("$0 ")) {
      expect(proposedRate[role]).toBe("$0 check by hand");
      await expect(dialog.getByRole("listitem").filter({ hasText: `nothing for ${role}` })).toBeVisible();
    }
  }
  const fit = dialog.getByRole("table", { name: "Each phase at these rates" });
  const fitRows = fit.getByRole("row").filter({ has: page.getByRole("rowheader") });
  await expect(fitRows).toHaveCount(await stated.count());
  for (const row of await fitRows.all()) {
    const [statedMid, computed, difference] = await row.getByRole("cell").allTextContents();
    expect(statedMid).toMatch(/^\$[\d,]+$/);
    expect(computed).toMatch(/^\$[\d,]+$/);
    // Every phase here has a team: each is within 10% of its stated midpoint.
    expect(Math.abs(percent(difference))).toBeLessThanOrEqual(10);
  }
  await expect(dialog.getByRole("region", { name: "Where the teams do not allow a fit" })).toContainText(
    `cannot set the rates of ${roles.length} roles apart`,
  );
  await app.expectAccessible("the rate estimate dialog");
  await app.screenshot("money-estimate");

  // Apply: the rates are written, the totals computed.
  await dialog.getByRole("button", { name: "Apply rates", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Applied ${roles.length} weekly rates.` })).toBeVisible();
  await expect(totals).not.toContainText("unknown");
  await expect(totals).not.toContainText("Incomplete");
  await expect(totals).toContainText(/stated \$640,000–\$840,000 · computed \$[\d,]+–\$[\d,]+, \d+% (below|above)/);
  for (const line of await stated.allTextContents()) {
    expect(line.trim()).toMatch(/^stated \$[\d,]+–\$[\d,]+ · computed \$[\d,]+–\$[\d,]+(, \d+% (below|above)|, as stated)$/);
  }
  const engineers = proposedRate[roles[0]].replace(/[$,]/g, "");
  await expect(page.getByLabel(`Weekly rate of ${roles[0]}`)).toHaveValue(engineers);
  await app.screenshot("money-costs-applied");

  // One Undo takes every rate back.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(totals).toContainText(unknown);
  for (const role of roles) {
    await expect(page.getByLabel(`Weekly rate of ${role}`)).toHaveValue("");
  }

  // The print report states the total beside the computed one too.
  await app.tab("Report");
  await expect(page.getByRole("main")).toContainText(`stated $640,000–$840,000 · computed ${unknown}`);

  // The KPI table keeps values in words as written; a target in words is
  // met when the user ticks it.
  await app.tab("KPIs & risks");
  const kpiNames = page.getByRole("textbox", { name: /^Name of KPI \d+$/ });
  const names = await kpiNames.evaluateAll((inputs) => inputs.map((input) => input.value));
  const n = names.indexOf("Deployment Frequency") + 1;
  expect(n).toBeGreaterThan(0);
  await expect(page.getByLabel(`Current value of KPI ${n}`, { exact: true })).toHaveValue("Manual");
  await expect(page.getByLabel(`Target of KPI ${n} after ${firstPhase}`, { exact: true })).toHaveValue("Daily");
  const met = page.getByLabel(`Target of KPI ${n} after ${firstPhase} met`, { exact: true });
  await expect(met).not.toBeChecked();
  await met.check();
  await expect(page.getByRole("cell").filter({ has: met }).locator(".pill-ok")).toHaveText("met");
  await app.expectAccessible("the KPI table with values in words");
  await app.screenshot("money-kpis");
  app.expectNoErrors();
});
