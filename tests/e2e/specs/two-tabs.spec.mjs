// Two tabs of one browser share local storage. Each sees what the other
// saves (the library list and an open assessment follow at once), and a save
// that would overwrite the other tab's newer one is refused: the user
// chooses to reload theirs, or to keep both as copies.
import { test, expect } from "../fixtures.mjs";

const example = "Readiness of Kestrel Payments API";

/**
 * Two tabs side by side, each with its page object: the `app` and
 * `secondTab` fixtures, so that both fail the journey on any
 * Content-Security-Policy violation.
 */
async function twoTabs(a, b) {
  await a.openLibrary();
  await b.openLibrary();
  return [a, b];
}

function titleField(app) {
  return app.page.getByRole("textbox", { name: "Title" }).first();
}

async function saved(app) {
  await expect(app.page.getByRole("status").filter({ hasText: "Saved in this browser" }).first()).toBeVisible();
}

/** Both tabs on the example's settings, at the same revision. */
async function bothOnSettings(a, b) {
  for (const app of [a, b]) {
    if (!(await app.page.getByRole("tab", { name: "Settings" }).isVisible())) await app.open(example);
    await app.tab("Settings");
  }
}

/**
 * Both tabs edit the same assessment: B's edit is still unsaved (its writes
 * fail for a moment, as a full storage's do) when A's save lands, so B's
 * save would overwrite A's newer one and is refused. Deterministic, unlike
 * typing in both at once and hoping the saves interleave; saves of the very
 * same instant are told apart by a browser test (`tests/web.rs`,
 * `two_saves_of_the_same_revision_are_told_apart_by_their_time`). Returns
 * the refused tab ("mine", with its banner) and the other ("theirs").
 */
async function typeInBoth(a, b, textA, textB) {
  await b.page.evaluate(() => {
    const original = Storage.prototype.setItem;
    window.__restoreSetItem = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await titleField(b).fill(textB);
  await expect(b.page.getByRole("status").filter({ hasText: "Not saved" }).first()).toBeVisible();
  await titleField(a).fill(textA);
  await saved(a);
  await b.page.evaluate(() => window.__restoreSetItem());
  const conflict = b.page.getByTestId("save-conflict");
  // B may already know from the storage event; else its next save finds out.
  const retry = b.page.getByRole("button", { name: "Try saving again" });
  if ((await conflict.count()) === 0 && (await retry.count()) > 0) await retry.first().click();
  await expect(conflict).toContainText("Another tab saved this assessment");
  await expect(b.page.getByRole("status").filter({ hasText: "Not saved" }).first()).toBeVisible();
  await saved(a);
  await expect(a.page.getByTestId("save-conflict")).toHaveCount(0);
  return { mine: b, theirs: a, conflict, mineText: textB, theirsText: textA };
}

test("each tab follows what the other saves, in the library and in an open assessment", async ({ app, secondTab }) => {
  const [a, b] = await twoTabs(app, secondTab);
  await a.open(example);
  await a.tab("Settings");
  await titleField(a).fill("Renamed in tab A");
  await saved(a);
  // B, on the library, lists the new title without a reload.
  await expect(b.page.getByRole("link", { name: "Renamed in tab A", exact: true })).toBeVisible();

  await b.open("Renamed in tab A");
  await titleField(a).fill("Renamed again in tab A");
  await saved(a);
  // B has no edit of its own: it shows A's version at once.
  await expect(b.page.getByRole("heading", { level: 1 })).toHaveText("Renamed again in tab A");
  await saved(b);
  a.expectNoErrors();
  b.expectNoErrors();
});

test("a save over the other tab's newer one is refused; 'Reload theirs' takes theirs", async ({ app, secondTab }) => {
  const [a, b] = await twoTabs(app, secondTab);
  await bothOnSettings(a, b);
  const { mine, theirs, conflict, mineText, theirsText } = await typeInBoth(a, b, "A's title", "B's title");
  await mine.screenshot("two-tabs-conflict");
  await mine.expectAccessible("the save conflict");
  // Nothing of the refused tab reached storage.
  const stored = await mine.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("gapmap:assessment:"))
      .map((k) => JSON.parse(localStorage.getItem(k)).assessment.title),
  );
  expect(stored).toContain(theirsText);
  expect(stored).not.toContain(mineText);

  await conflict.getByRole("button", { name: "Reload theirs" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(titleField(mine)).toHaveValue(theirsText);
  await saved(mine);
  // The refused version is one undo away, to copy from.
  await mine.page.locator("#main").getByRole("button", { name: "Undo", exact: true }).click();
  await expect(titleField(mine)).toHaveValue(mineText);
  theirs.expectNoErrors();
  mine.expectNoErrors();
});

test("'Keep both as copies' keeps theirs and saves mine beside it", async ({ app, secondTab }) => {
  const [a, b] = await twoTabs(app, secondTab);
  await bothOnSettings(a, b);
  const { mine, theirs, conflict, mineText, theirsText } = await typeInBoth(a, b, "Typed in tab A", "Typed in tab B");
  await conflict.getByRole("button", { name: "Keep both as copies" }).click();
  // The refused tab now edits its own copy; the other still has its version.
  await expect(mine.page.getByRole("heading", { level: 1 })).toHaveText(`${mineText} (copy)`);
  await saved(mine);
  await expect(theirs.page.getByRole("heading", { level: 1 })).toHaveText(theirsText);
  await mine.page.getByRole("link", { name: "← Library" }).click();
  await expect(mine.page.getByRole("link", { name: `${mineText} (copy)`, exact: true })).toBeVisible();
  await expect(mine.page.getByRole("link", { name: theirsText, exact: true })).toBeVisible();
  // Both tabs go on saving without a conflict, and the library follows.
  await titleField(theirs).fill("Theirs, edited again");
  await saved(theirs);
  await expect(mine.page.getByRole("link", { name: "Theirs, edited again", exact: true })).toBeVisible();
  theirs.expectNoErrors();
  mine.expectNoErrors();
});
