// Code splitting (src/app/chunks.rs): a first visit downloads the library
// only; the views of an open assessment and the Markdown importer come in
// their own wasm chunks when first used; a chunk that cannot be fetched is a
// message with "Try again", never a dead page. The build side (the chunks
// brought into the build, content-named, precached) is checked in
// offline.spec.mjs.
import { test, expect, repo } from "../fixtures.mjs";
import { copyFileSync } from "node:fs";
import { join } from "node:path";

const example = "Readiness of Kestrel Payments API";
const assessmentChunk = /\/split_gapmap_assessment-[0-9a-f]{16}\.wasm$/;
const markdownChunk = /\/split_gapmap_markdown-[0-9a-f]{16}\.wasm$/;

/** A real Markdown document, under a `.md` name as a user would have it. */
function markdown(info) {
  const path = info.outputPath("readiness.md");
  copyFileSync(join(repo, "..", "shared", "fixtures", "markdown", "000_f44f5b8f7bdcf258.txt"), path);
  return path;
}

// Requests that a service worker answers bypass page.route: keep it out.
test.use({ serviceWorkers: "block" });

/** Holds back the requests for `pattern` until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Every URL the page requests, from now on. */
function requests(page) {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test("a first visit downloads the library only; the rest comes when first used", async ({ app, page }, info) => {
  const urls = requests(page);
  await app.openLibrary();
  await expect(page.getByRole("link", { name: example })).toBeVisible();
  expect(urls.filter((url) => url.endsWith(".wasm")), "wasm on the first visit").toHaveLength(1);

  await app.open(example);
  expect(urls.filter((url) => assessmentChunk.test(url))).toHaveLength(1);
  expect(urls.filter((url) => markdownChunk.test(url))).toHaveLength(0);

  // Back to the library and into the assessment again: the chunk is not fetched twice.
  await page.getByRole("link", { name: "← Library" }).click();
  await app.open(example);
  expect(urls.filter((url) => assessmentChunk.test(url))).toHaveLength(1);

  await page.getByRole("link", { name: "← Library" }).click();
  await app.dropFiles(markdown(info));
  await expect(page.getByRole("dialog", { name: "Import Markdown" })).toBeVisible();
  expect(urls.filter((url) => markdownChunk.test(url))).toHaveLength(1);
  app.expectNoErrors();
});

test("an assessment whose views cannot be downloaded says so, and Try again opens it", async ({ app, page }) => {
  await app.openLibrary();
  let refused = 0;
  await page.route(assessmentChunk, (route) => {
    refused += 1;
    return route.abort("internetdisconnected");
  });
  await page.getByRole("link", { name: example, exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "could not be downloaded" });
  await expect(alert).toBeVisible();
  expect(refused).toBe(1);
  await app.screenshot("chunk-failed");

  await page.unroute(assessmentChunk);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { level: 1, name: example })).toBeVisible();
  // The library is as it was.
  await page.getByRole("link", { name: "← Library" }).click();
  await expect(page.getByRole("link", { name: example })).toBeVisible();
});

test("a Markdown document whose importer cannot be downloaded is refused with a message, the library unchanged", async ({ app, page }, info) => {
  await app.openLibrary();
  await page.route(markdownChunk, (route) => route.abort("internetdisconnected"));
  await app.dropFiles(markdown(info));
  const alert = page.getByRole("alert").filter({ hasText: "could not be downloaded" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("readiness.md");
  await expect(page.getByRole("link", { name: example })).toBeVisible();
  await expect(page.locator(".library-table tbody tr")).toHaveCount(1);

  // Online again, the same document comes through.
  await page.unroute(markdownChunk);
  await app.dropFiles(markdown(info));
  await expect(page.getByRole("dialog", { name: "Import Markdown" })).toBeVisible();
});

test("Create is done once, however often it is pressed while its parts download, and not at all after Cancel", async ({ app, page }) => {
  const templatesChunk = /\/split_gapmap_templates-[0-9a-f]{16}\.wasm$/;
  await app.openLibrary();
  // The template's chunk arrives late, as on a slow network.
  const release = await holdBack(page, templatesChunk);
  await page.getByRole("button", { name: "New assessment" }).click();
  const dialog = page.getByRole("dialog", { name: "New assessment" });
  await dialog.getByLabel("Title").fill("Pressed twice");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByRole("button", { name: "Creating…" })).toBeDisabled();
  await dialog.getByLabel("Title").press("Enter");
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Pressed twice" })).toBeVisible();
  await page.getByRole("link", { name: "← Library" }).click();
  await expect(page.getByRole("link", { name: "Pressed twice", exact: true })).toHaveCount(1);

  // Cancelled while the template's chunk is on its way, and the dialog
  // opened again before it comes: the cancelled Create makes nothing,
  // however late the chunk arrives; the new one makes what it asks. (The
  // route is set before the reload, so that the chunk cannot slip through.)
  await page.unroute(templatesChunk);
  const releaseTemplates = await holdBack(page, templatesChunk);
  await page.reload();
  await page.getByRole("button", { name: "New assessment" }).click();
  await dialog.getByLabel("Title").fill("Cancelled");
  await dialog.getByRole("button", { name: "Create" }).click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "New assessment" }).click();
  await dialog.getByLabel("Title").fill("Created after the cancel");
  await dialog.getByRole("button", { name: "Create" }).click();
  releaseTemplates();
  await expect(page.getByRole("heading", { level: 1, name: "Created after the cancel" })).toBeVisible();
  await page.getByRole("link", { name: "← Library" }).click();
  await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Created after the cancel", exact: true })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Cancelled", exact: true })).toHaveCount(0);
  const titles = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("gapmap:assessment:"))
      .map((key) => JSON.parse(localStorage.getItem(key)).assessment.title),
  );
  expect(titles).not.toContain("Cancelled");
  app.expectNoErrors();
});
