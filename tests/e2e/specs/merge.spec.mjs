// Merge on import: a colleague edits an exported copy while the app's copy
// changes too; importing the copy back offers Merge, which lists what came
// in, asks about the one conflict, and applies both sides' edits as one
// step that Undo takes back. The merge view is none of the first load: it
// comes with the chunks fetched on use.
import { test, expect, fixture, read } from "../fixtures.mjs";
import { writeFileSync } from "node:fs";

// Every request the page makes must be seen (the chunk's), not answered by a service worker.
test.use({ serviceWorkers: "block" });

/** The status select of the gap titled `title` in the Gaps tab. */
const status = (page, title) => page.getByRole("combobox", { name: `Status of ${title}`, exact: true });

test("an exported copy edited elsewhere merges back: what came in, one conflict chosen, both sides' edits, one undo", async ({ app, page }, info) => {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  await app.openLibrary();
  expect(urls.filter((url) => url.endsWith(".wasm")), "wasm on the first visit").toHaveLength(1);
  await app.importFiles(fixture("worked-example.json"));
  await app.open("Worked example");
  const exported = await app.download(page.getByRole("button", { name: "Export", exact: true }));

  // A colleague edits the exported copy: g2's status, g3's title, and g4's
  // status, which the app's copy changes too, differently.
  const theirs = JSON.parse(exported.text);
  const gap = (id) => theirs.gaps.find((g) => g.id === id);
  gap("g2").status = "missing";
  gap("g3").title = "Backups restored weekly";
  gap("g4").status = "done";
  const edited = info.outputPath("worked-example-reviewed.json");
  writeFileSync(edited, JSON.stringify(theirs, null, 2));

  // Meanwhile, here: g1 is done, and g4 is found missing.
  await app.tab("Gaps");
  await status(page, "g1").selectOption("done");
  await status(page, "g4").selectOption("missing");
  await page.getByRole("link", { name: "← Library" }).click();

  await app.importFiles(edited);
  const conflict = page.getByRole("dialog", { name: "This assessment is already in the library" });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "Merge" }).click();

  const merge = page.getByRole("dialog", { name: "Merge" });
  await expect(merge).toBeVisible();
  const cameIn = merge.getByRole("region", { name: /Came in from the imported file/ });
  await expect(cameIn).toContainText("Backups restored weekly");
  await expect(cameIn).toContainText("g2");
  const conflicts = merge.getByRole("region", { name: "Conflicts (1)" });
  const choice = conflicts.getByRole("group", { name: /g4.*status/i });
  await expect(choice.getByRole("radio", { name: /Keep yours/ })).toBeChecked();
  await expect(choice).toContainText("missing", { ignoreCase: true });
  await expect(choice).toContainText("done", { ignoreCase: true });
  await app.expectAccessible("the merge view");
  await app.screenshot("merge-view");
  await choice.getByRole("radio", { name: /Take theirs/ }).check();
  await merge.getByRole("button", { name: "Apply merge" }).click();
  await expect(merge).toBeHidden();

  // The merged assessment is open: both sides' edits are in.
  await expect(page.getByRole("heading", { level: 1, name: "Worked example" })).toBeVisible();
  await app.tab("Gaps");
  await expect(status(page, "g1")).toHaveValue("done");
  await expect(status(page, "g2")).toHaveValue("missing");
  await expect(status(page, "Backups restored weekly")).toBeVisible();
  await expect(status(page, "g4")).toHaveValue("done");
  await app.screenshot("merge-applied");

  // One step: Undo gives back the app's copy as it was before the merge.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(status(page, "g1")).toHaveValue("done");
  await expect(status(page, "g2")).toHaveValue("done");
  await expect(status(page, "g3")).toBeVisible();
  await expect(status(page, "g4")).toHaveValue("missing");
  app.expectNoErrors();
});

test("Cancel in the merge view changes nothing", async ({ app, page }, info) => {
  await app.openLibrary();
  await app.importFiles(fixture("worked-example.json"));
  const changed = info.outputPath("changed.json");
  writeFileSync(changed, read(fixture("worked-example.json")).replace('"title": "Worked example"', '"title": "Renamed elsewhere"'));
  await app.importFiles(changed);
  await page.getByRole("dialog", { name: "This assessment is already in the library" }).getByRole("button", { name: "Merge" }).click();
  const merge = page.getByRole("dialog", { name: "Merge" });
  await expect(merge).toContainText("Renamed elsewhere");
  await merge.getByRole("button", { name: "Cancel" }).click();
  await expect(merge).toBeHidden();
  await expect(page.getByRole("link", { name: "Worked example", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Renamed elsewhere" })).toHaveCount(0);
  app.expectNoErrors();
});
