// Hostile text stays text. Every text field of an assessment gets a payload
// (script tags, event handlers, javascript: and data: links, SVG and MathML
// tricks, attribute break-outs) through an imported file and through typing;
// no payload runs (the `window.__xss` canary is never set, no dialog opens)
// and each is shown literally, character for character.
import { test, expect, repo, read } from "../fixtures.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const PAYLOADS = [
  "<script>window.__xss = 'script'</script>",
  "<img src=x onerror=\"window.__xss = 'img'\">",
  "<img src=x onerror=alert(1)>",
  "<a href=\"javascript:window.__xss = 'js-link'\">click me</a>",
  "javascript:window.__xss = 'js-url'",
  "data:text/html,<script>window.__xss = 'data-url'</script>",
  "<svg onload=\"window.__xss = 'svg'\"><circle r=\"1\"/></svg>",
  "<svg><animate onbegin=\"window.__xss = 'svg-animate'\" attributeName=x dur=1s>",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss = 'mathml'\">",
  "<math href=\"javascript:window.__xss = 'math-href'\">tap</math>",
  "\"><img src=x onerror=\"window.__xss = 'breakout'\">",
  "'><svg/onload=window.__xss='single-quote'>",
  "<iframe srcdoc=\"<script>parent.__xss = 'iframe'</script>\"></iframe>",
  "</textarea><script>window.__xss = 'textarea'</script>",
  "{{constructor.constructor('window.__xss = \"template\"')()}}",
];

/** The example assessment with a payload in every free-text field. */
function hostileAssessment() {
  const a = JSON.parse(read(join(repo, "public", "templates", "example.json")));
  let n = 0;
  // Numbered, so that names that must differ still do.
  const next = () => `${PAYLOADS[n++ % PAYLOADS.length]} #${n}`;
  a.id = "hostile";
  a.title = PAYLOADS[0];
  a.system = next();
  a.summary = next();
  a.assessors = a.assessors.map(next);
  a.settings.levels?.forEach((l) => (l.label = next()));
  a.categories.forEach((c) => ((c.name = next()), (c.notes = next())));
  a.gaps.forEach((g) => {
    for (const field of ["title", "description", "owner"]) g[field] = next();
    // Evidence entries carry an address too, shown as a link only when safe.
    g.evidence = [{ text: next(), url: next() }];
    g.tags = (g.tags ?? []).map(next);
    (g.items ?? []).forEach((item) => (item.text = next()));
  });
  a.roles.forEach((r) => (r.name = next()));
  a.phases.forEach((p) => {
    p.name = next();
    p.goal = next();
    p.exit_criteria = (p.exit_criteria ?? []).map(() => ({ text: next(), evidence: next() }));
    (p.costs ?? []).forEach((c) => (c.name = next()));
  });
  a.kpis.forEach((k) => ((k.name = next()), (k.unit = next())));
  a.risks.forEach((r) => ((r.title = next()), (r.mitigation = next()), (r.owner = next())));
  return a;
}

/**
 * Waits until every element of the page that could run a payload has had
 * its chance: each image has loaded or failed (an `onerror` runs then), each
 * frame has loaded, and two frames were drawn (SVG `onload` and animations
 * begin by then). Elements the app did not make are counted after this.
 */
async function settled(page) {
  await page.evaluate(async () => {
    await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
    const frames = [...document.querySelectorAll("iframe")].filter((frame) => frame.contentDocument?.readyState !== "complete");
    await Promise.all(frames.map((frame) => new Promise((loaded) => frame.addEventListener("load", loaded, { once: true }))));
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  });
}

async function expectNothingRan(page, dialogs) {
  await settled(page);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // No element that a payload would have made exists outside the app's own.
  expect(await page.locator("#main script, #main iframe, #main img[src='x'], #main math").count()).toBe(0);
}

test("payloads in every text field of an imported file are shown as text and never run", async ({ app, page }, info) => {
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const file = info.outputPath("hostile.json");
  writeFileSync(file, JSON.stringify(hostileAssessment(), null, 2));
  await app.openLibrary();
  await app.importFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  // The title is shown literally, as a link in the library.
  await expect(page.getByRole("link", { name: PAYLOADS[0], exact: true })).toBeVisible();
  await app.open(PAYLOADS[0]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAYLOADS[0]);
  for (const tab of ["Overview", "Gaps", "Roadmap", "Costs", "KPIs & risks", "Report", "Settings"]) {
    if (await page.getByRole("tab", { name: tab, exact: true }).count()) await app.tab(tab);
    await expectNothingRan(page, dialogs);
  }
  // Each payload appears character for character somewhere on the pages.
  await app.tab("Gaps");
  const firstGap = page.locator("button.gap-open").first();
  const shown = await firstGap.textContent();
  expect(PAYLOADS.some((p) => shown.startsWith(p))).toBe(true);
  await firstGap.click();
  const editor = page.getByRole("dialog", { name: "Edit gap" });
  await expect(editor.getByRole("textbox", { name: "Title" })).toHaveValue(shown);
  await expectNothingRan(page, dialogs);
  await app.screenshot("xss-imported");
  app.expectNoErrors();
});

test("payloads typed into fields are shown as text and never run", async ({ app, page }) => {
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await app.openLibrary();
  // A new assessment's title.
  await page.getByRole("button", { name: "New assessment" }).click();
  const create = page.getByRole("dialog", { name: "New assessment" });
  await create.getByLabel("Title").fill(PAYLOADS[1]);
  await create.getByRole("radio", { name: /Blank assessment/ }).check();
  await create.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAYLOADS[1]);
  // The system and summary in the settings.
  await app.tab("Settings");
  await page.getByRole("textbox", { name: "System" }).first().fill(PAYLOADS[6]);
  await page.getByRole("textbox", { name: "Summary" }).first().fill(PAYLOADS[10]);
  // A gap's title and description.
  await app.tab("Gaps");
  await page.getByRole("button", { name: "Add gap" }).first().click();
  const editor = page.getByRole("dialog", { name: "Edit gap" });
  await editor.getByRole("textbox", { name: "Title" }).fill(PAYLOADS[8]);
  await editor.getByRole("textbox", { name: "Description" }).fill(PAYLOADS[3]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: PAYLOADS[8], exact: true })).toBeVisible();
  await app.tab("Overview");
  await expectNothingRan(page, dialogs);
  // Reloaded from storage, still text.
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAYLOADS[1]);
  await app.tab("Settings");
  await expect(page.getByRole("textbox", { name: "Summary" }).first()).toHaveValue(PAYLOADS[10]);
  await expectNothingRan(page, dialogs);
  app.expectNoErrors();
});
