// Sharing without a server: a share link made in one browser profile opens
// in a fresh one as a preview and imports byte-identical canonical JSON;
// several files at once give one summary; the portable single-file build
// runs from file:// and says that its storage is less safe there.
import { test, expect, App, fixture, repo } from "../fixtures.mjs";
import { execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { deflateRawSync, inflateSync } from "node:zlib";
import { isAbsolute, join } from "node:path";

const worked = "Worked example";

/** Imports the worked example and opens it; returns its exported file. */
async function openWorkedExample(app) {
  await app.openLibrary();
  await app.importFiles(fixture("worked-example.json"));
  await expect(app.page.getByRole("status").filter({ hasText: `Imported \u201c${worked}\u201d.` })).toBeVisible();
  await app.open(worked);
  return app.download(app.page.getByRole("button", { name: "Export", exact: true }));
}

/** Makes the open assessment's share link; returns it as the dialog shows it. */
async function copyShareLink(app) {
  await app.page.getByRole("button", { name: "Copy share link" }).click();
  const dialog = app.page.getByRole("dialog", { name: "Share link" });
  await expect(dialog.getByTestId("share-copied")).toHaveText("The link is on the clipboard.");
  const link = await dialog.getByTestId("share-link").inputValue();
  return { dialog, link };
}

test("a share link made in one profile imports byte-identical in a fresh one", async ({ app, page, browser, baseURL }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL).origin });
  const exported = await openWorkedExample(app);
  const { dialog, link } = await copyShareLink(app);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link.startsWith(new URL("./#a=2.", baseURL).href)).toBe(true);
  await expect(dialog.getByTestId("share-length")).toHaveText(`${link.length} characters.`);
  // The worked example is small enough to mail.
  expect(link.length).toBeLessThan(2000);
  await expect(dialog.getByTestId("share-too-long")).toHaveCount(0);
  await app.expectAccessible("the share dialog");
  await app.screenshot("share-link");
  await dialog.getByRole("button", { name: "Close" }).click();

  // A fresh profile: its own storage, holding only the first-run example.
  const context = await browser.newContext();
  const other = new App(await context.newPage());
  await other.watchCsp();
  await other.page.goto(link);
  const preview = other.page.getByRole("dialog", { name: "Import a shared assessment" });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("shared-title")).toHaveText(worked);
  const expected = JSON.parse(exported.text);
  await expect(preview.getByTestId("shared-counts")).toContainText(`${expected.gaps.length} gaps`);
  await expect(preview.getByTestId("shared-overall")).toHaveText(/^\d+\.\d$/);
  await other.expectAccessible("the shared link preview");
  await other.screenshot("share-preview");
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(other.page.getByRole("heading", { level: 1, name: worked })).toBeVisible();
  expect(other.page.url()).not.toContain("#a=");
  const imported = await other.download(other.page.getByRole("button", { name: "Export", exact: true }));
  expect(imported.text).toBe(exported.text);

  // The link again: the id is taken now, so it never overwrites silently.
  await other.page.goto(link);
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  const conflict = other.page.getByRole("dialog", { name: "This assessment is already in the library" });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "Cancel" }).click();
  // Cleared: a reload asks nothing.
  expect(other.page.url()).not.toContain("#a=");
  await other.page.reload();
  await expect(other.page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(preview).toBeHidden();
  other.expectNoErrors();
  other.expectNoCspViolations();
  await context.close();
  app.expectNoErrors();
});

test("a cut or altered link is refused with a plain message", async ({ app, page }) => {
  await app.openLibrary();
  await page.goto("./#a=1.AAAA");
  await expect(page.getByRole("alert").filter({ hasText: "This share link could not be opened." })).toContainText("damaged");
  await page.goto("./#a=9.AAAA");
  await expect(page.getByRole("alert").filter({ hasText: "newer Gapmap" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Import a shared assessment" })).toBeHidden();
});

/**
 * `link` with one character of its payload changed, near the middle: the
 * first change whose data no longer matches its checksum (zlib's own check,
 * here in Node), so that the link holds other data than it was made with.
 */
function altered(link) {
  const start = link.indexOf("#a=2.") + "#a=2.".length;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let at = Math.floor((start + link.length) / 2); at < link.length; at++) {
    for (const other of alphabet) {
      if (other === link[at]) continue;
      const changed = link.slice(0, at) + other + link.slice(at + 1);
      try {
        inflateSync(Buffer.from(changed.slice(start), "base64url"));
      } catch {
        return changed;
      }
    }
  }
  throw new Error("no change of the link broke its data");
}

test("a real link altered on its way is refused, and nothing is imported", async ({ app, browser }) => {
  await openWorkedExample(app);
  await app.page.getByRole("button", { name: "Copy share link" }).click();
  const link = await app.page.getByRole("dialog", { name: "Share link" }).getByTestId("share-link").inputValue();

  // A fresh profile, holding only the first-run example, opens the link as
  // a mail client that changed one character delivered it.
  const context = await browser.newContext();
  const other = new App(await context.newPage());
  await other.watchCsp();
  await other.page.goto(altered(link));
  const refusal = other.page.getByRole("alert").filter({ hasText: "This share link could not be opened." });
  await expect(refusal).toContainText("The share link is damaged");
  await expect(other.page.getByRole("dialog", { name: "Import a shared assessment" })).toBeHidden();
  expect(other.page.url()).not.toContain("#a=");
  await other.screenshot("share-link-altered");
  // Nothing came in: the library lists the example alone, and storage holds it alone.
  await expect(other.page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(other.page.locator(".library-table tbody tr")).toHaveCount(1);
  await expect(other.page.getByRole("link", { name: worked, exact: true })).toHaveCount(0);
  const stored = await other.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("gapmap:assessment:")));
  expect(stored).toEqual(["gapmap:assessment:example"]);
  other.expectNoErrors();
  other.expectNoCspViolations();
  await context.close();
});

test("a shared title is shown as text, never as markup", async ({ app, page }) => {
  const title = '<img src=x onerror="window.__pwned=1">Pwned';
  const file = { format: "gapmap", version: 1, id: "shared-xss", title, categories: [{ id: "c1", name: "<b>Bold</b>", weight: 1 }] };
  const payload = "1." + deflateRawSync(JSON.stringify(file)).toString("base64url");
  await app.openLibrary();
  await page.goto(`./#a=${payload}`);
  const preview = page.getByRole("dialog", { name: "Import a shared assessment" });
  await expect(preview.getByTestId("shared-title")).toHaveText(title);
  await expect(preview.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toBeHidden();
  expect(page.url()).not.toContain("#a=");
});

test("a shared assessment that cannot be saved says why and keeps the link to try again", async ({ app, page }) => {
  // Regression: the failure was silent and the link was gone from the address.
  const file = { format: "gapmap", version: 1, id: "shared-full", title: "Shared while full", categories: [{ id: "c1", name: "Security", weight: 1 }] };
  const payload = "1." + deflateRawSync(JSON.stringify(file)).toString("base64url");
  await app.openLibrary();
  await page.goto(`./#a=${payload}`);
  const preview = page.getByRole("dialog", { name: "Import a shared assessment" });
  await expect(preview.getByTestId("shared-title")).toHaveText("Shared while full");
  // Every write now fails as a full storage does.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    window.__restoreSetItem = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "\u201cShared while full\u201d could not be imported." });
  await expect(alert).toContainText("reload the page to try again");
  await expect(preview).toBeHidden();
  expect(page.url()).toContain(`#a=${payload}`);
  await app.screenshot("share-import-failed");
  // Room again: the reload offers the link once more, and it comes in.
  await page.evaluate(() => window.__restoreSetItem());
  await page.reload();
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shared while full" })).toBeVisible();
  expect(page.url()).not.toContain("#a=");
});

test("a link too long for mail says so and suggests the file", async ({ app, page }) => {
  // The built-in example is large enough to pass 2,000 characters.
  await app.openLibrary();
  await app.open("Readiness of Kestrel Payments API");
  await page.getByRole("button", { name: "Copy share link" }).click();
  const dialog = page.getByRole("dialog", { name: "Share link" });
  const link = await dialog.getByTestId("share-link").inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog.getByTestId("share-too-long")).toContainText("JSON file");
  // Without clipboard permission the link is there to copy by hand.
  await expect(dialog.getByTestId("share-copied")).not.toHaveText("Copying…");
  await app.screenshot("share-link-too-long");
});

test("several files at once: each imported, then one summary of what came in and what failed", async ({ app, page }, info) => {
  const markdown = info.outputPath("review.md");
  copyFileSync(join(repo, "..", "shared", "fixtures", "markdown", "000_f44f5b8f7bdcf258.txt"), markdown);
  const broken = info.outputPath("broken.json");
  writeFileSync(broken, '{"format": "gapmap", "version": 1, "title": ');
  const template = join(repo, "public", "templates", "web-service.json");
  await app.openLibrary();
  const before = await page.locator(".library-table tbody tr").count();
  await app.importFiles(fixture("worked-example.json"), template, markdown, broken);

  const summary = page.getByRole("alert").filter({ hasText: "Imported 2 assessments" });
  await expect(summary).toContainText("1 Markdown document waits for you to confirm; 1 failed.");
  await expect(summary).toContainText(`Imported: \u201c${worked}\u201d from \u201cworked-example.json\u201d`);
  await expect(summary).toContainText("Imported: \u201cProduction readiness of a web service\u201d");
  await expect(summary).toContainText("Failed: \u201cbroken.json\u201d: not a valid Gapmap file.");
  const dialog = page.getByRole("dialog", { name: "Import Markdown" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".library-table tbody tr")).toHaveCount(before + 3);
  await app.screenshot("several-files-summary");
});

test("the portable file runs from file://, says so, and edits the example", async ({ app, page }, info) => {
  const dist = process.env.GAPMAP_DIST ?? "../../dist";
  const from = isAbsolute(dist) ? dist : join(repo, "tests", "e2e", dist);
  const out = info.outputPath("portable");
  execFileSync("node", [join(repo, "scripts", "portable.mjs"), from, out], { encoding: "utf8" });
  await page.goto(`file://${join(out, "gapmap.html")}`);
  await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(page.getByTestId("file-notice")).toContainText("file://");
  await app.open("Readiness of Kestrel Payments API");
  await app.tab("Settings");
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("Kestrel, carried on a laptop");
  await title.blur();
  await expect(page.getByRole("heading", { level: 1, name: "Kestrel, carried on a laptop" })).toBeVisible();
  await app.screenshot("portable-file");
  const exported = await app.download(page.getByRole("button", { name: "Export", exact: true }));
  expect(JSON.parse(exported.text).title).toBe("Kestrel, carried on a laptop");
  app.expectNoErrors();
});

