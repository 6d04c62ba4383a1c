// A planner's day with the roadmap in calendar time: she gives the roadmap
// a start date and reads each phase's dates, with a line for today on the
// timeline; makes the first phase start after the last one, sees the cycle
// named as a problem and takes it back; accepts the blocker until a day
// that has passed, and sees it counted as missing (the overall score drops
// by what accepting it had added) and listed as "acceptance expired"; gives
// it a due date that has passed, and sees it overdue; then downloads the
// calendar and reads its events.
import { test, expect } from "../fixtures.mjs";

const exampleTitle = "Readiness of Kestrel Payments API";
const blockerTitle = "Admin console behind SSO with MFA";

/** A day as `YYYY-MM-DD`, `days` from today (local time, as the app reads it). */
function day(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The events of an iCalendar text: each property by name, lines unfolded, text unescaped. */
function events(text) {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const lines = [];
  for (const line of text.split("\r\n")) {
    if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
    else if (line !== "") lines.push(line);
  }
  const found = [];
  let event = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") event = {};
    else if (line === "END:VEVENT") found.push(event), (event = null);
    else if (event) {
      const at = line.indexOf(":");
      event[line.slice(0, at)] = line.slice(at + 1).replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
    }
  }
  return found;
}

async function overall(app) {
  await app.tab("Overview");
  return Number(await app.overall().textContent());
}

test("a start date, a cycle named, an acceptance that expired, and the calendar", async ({ app, page }) => {
  await app.openLibrary();
  await app.open(exampleTitle);
  const before = await overall(app);

  // The roadmap starts two weeks ago: the phases get dates, and today falls on the timeline.
  await app.tab("Roadmap");
  const start = day(-14);
  await page.getByLabel("Roadmap start date", { exact: true }).fill(start);
  await page.getByLabel("Roadmap start date", { exact: true }).blur();
  const blockers = page.locator("article.phase-card").filter({ hasText: "Blockers" }).first();
  // Three to four weeks from the start: its last day is 20 or 27 days on.
  await expect(blockers.getByTestId("phase-dates")).toHaveText(`starts ${start}, ends ${day(6)} to ${day(13)}`);
  await expect(page.getByTestId("chart-timeline").locator("text.today-label")).toHaveText("Today");
  await app.tab("Overview");
  await expect(page.getByRole("row", { name: /^Blockers/ })).toContainText(`starts ${start}, ends ${day(6)} to ${day(13)}`);
  await app.tab("Roadmap");
  await expect(page.getByText(/Critical path \(the phases that set the duration\): Blockers → Hardening → Scale & compliance\./)).toBeVisible();
  await app.expectAccessible("the dated roadmap");
  await app.screenshot("calendar-roadmap-dates");

  // The first phase made to start after the last, which (through the one between) starts after it: a cycle.
  await blockers.getByRole("combobox", { name: "Start", exact: true }).selectOption("phases");
  const startsAfter = blockers.getByRole("group", { name: "Starts after" });
  await startsAfter.getByRole("checkbox", { name: "Scale & compliance" }).check();
  await app.tab("Overview");
  const problems = page.getByRole("region", { name: /problem to fix/ });
  await expect(problems).toContainText("The phases start after each other in a cycle");
  await expect(problems).toContainText("blockers → scale → hardening → blockers");
  await app.screenshot("calendar-cycle-problem");
  // Back to "after the previous phase": the problem is gone.
  await app.tab("Roadmap");
  await page.locator("article.phase-card").filter({ hasText: "Blockers" }).first().getByRole("combobox", { name: "Start", exact: true }).selectOption("after");
  await app.tab("Overview");
  await expect(page.getByRole("region", { name: /problem to fix/ })).toHaveCount(0);

  // The blocker accepted: it leaves the score, which rises.
  await app.tab("Gaps");
  await page.getByRole("button", { name: blockerTitle }).first().click();
  const editor = page.getByRole("dialog", { name: "Edit gap" });
  await editor.getByRole("combobox", { name: "Status" }).selectOption("accepted");
  await editor.getByLabel("Reason for accepting", { exact: true }).fill("SSO vendor rollout is scheduled");
  await editor.getByLabel("Accepted by", { exact: true }).fill("Dana");
  await editor.getByRole("button", { name: "Close" }).click();
  const accepted = await overall(app);
  expect(accepted).toBeGreaterThan(before);

  // Accepted only until yesterday: counted as missing again, and listed.
  await app.tab("Gaps");
  await page.getByRole("button", { name: blockerTitle }).first().click();
  await editor.getByLabel("Acceptance expires", { exact: true }).fill(day(-1));
  await editor.getByLabel("Acceptance expires", { exact: true }).blur();
  await expect(editor.getByTestId("acceptance-expired-note")).toBeVisible();
  // Due three days ago: overdue.
  await editor.getByLabel("Due date", { exact: true }).fill(day(-3));
  await editor.getByLabel("Due date", { exact: true }).blur();
  await app.expectAccessible("the gap editor with an acceptance");
  await app.screenshot("calendar-gap-editor");
  await editor.getByRole("button", { name: "Close" }).click();
  const row = page.getByRole("row").filter({ hasText: blockerTitle });
  await expect(row.getByText("Overdue", { exact: true })).toBeVisible();
  await expect(row.getByText("Acceptance expired", { exact: true })).toBeVisible();

  const expired = await overall(app);
  expect(expired).toBeCloseTo(before, 5);
  expect(accepted - expired).toBeGreaterThan(0);
  const list = page.getByTestId("acceptance-expired");
  await expect(list).toContainText(blockerTitle);
  await expect(list).toContainText(`accepted by Dana, expired ${day(-1)}`);
  await expect(page.getByTestId("overdue")).toContainText(`due ${day(-3)}`);
  await expect(page.getByRole("region", { name: /warning/ })).toContainText(`Acceptance expired on ${day(-1)}`);
  await app.expectAccessible("the overview with an expired acceptance");
  await app.screenshot("calendar-overview-expired");

  // The calendar: one event per phase from the start date, and the blocker's due date.
  await page.locator("summary", { hasText: "More exports" }).click();
  const { name, text } = await app.download(page.getByRole("button", { name: "Download calendar (.ics)" }));
  expect(name).toMatch(/\.ics$/);
  const found = events(text);
  const compact = (date) => date.replaceAll("-", "");
  const phases = found.filter((e) => /\/phase\//.test(e.UID));
  expect(phases.map((e) => e.SUMMARY)).toEqual(["Blockers", "Hardening", "Scale & compliance"]);
  expect(phases[0]["DTSTART;VALUE=DATE"]).toBe(compact(start));
  // The latest last day is 27 days on; DTEND is the day after.
  expect(phases[0]["DTEND;VALUE=DATE"]).toBe(compact(day(14)));
  expect(phases[0].DESCRIPTION).toContain(`- ${blockerTitle}`);
  const due = found.filter((e) => /\/gap\//.test(e.UID));
  expect(due.map((e) => [e.SUMMARY, e["DTSTART;VALUE=DATE"]])).toEqual([[`Due: ${blockerTitle}`, compact(day(-3))]]);
  expect(new Set(found.map((e) => e.DTSTAMP))).toEqual(new Set([`${compact(day(0))}T000000Z`]));
  app.expectNoErrors();
});
