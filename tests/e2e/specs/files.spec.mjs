// Files where they live (the File System Access API, Chromium): "Open
// file…" links an assessment to a file, Ctrl+S writes it back in canonical
// form, the header tells the file and whether it has unsaved changes, the
// link survives a reload, and a file changed behind the app's back is not
// overwritten unasked: saving offers to merge. The pickers are answered by
// the test with a file of the origin-private file system. Where the API is
// absent, Save downloads a copy and says so. None of it is in the first
// load: it comes with the chunks fetched on use.
import { test, expect, fixture, read } from "../fixtures.mjs";

const NAME = "worked-example.json";

// Every request the page makes must be seen (the chunk's), not answered by a service worker.
test.use({ serviceWorkers: "block" });

/** The status select of the gap titled `title` in the Gaps tab. */
const status = (page, title) => page.getByRole("combobox", { name: `Status of ${title}`, exact: true });

/** The file's text in the origin-private file system. */
const readFile = (page) =>
  page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(name)).getFile()).text();
  }, NAME);

/** Writes the file in the origin-private file system, as another editor would. */
const writeFile = (page, text) =>
  page.evaluate(
    async ({ name, text }) => {
      const root = await navigator.storage.getDirectory();
      const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name: NAME, text },
  );

test("a file opened where it lives is saved back with Ctrl+S, stays linked after a reload, and a change on disk is offered to merge", async ({ app, page }) => {
  // The pickers answer with the same file of the origin-private file system.
  await page.addInitScript((name) => {
    const handle = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    window.showOpenFilePicker = async () => [await handle()];
    window.showSaveFilePicker = async () => handle();
  }, NAME);
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  await app.openLibrary();
  await writeFile(page, read(fixture(NAME)));
  expect(urls.filter((url) => url.endsWith(".wasm")), "wasm on the first visit").toHaveLength(1);

  await page.getByRole("button", { name: "Open file…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Worked example" })).toBeVisible();
  expect(urls.filter((url) => url.endsWith(".wasm")).length, "chunks fetched to open the file").toBeGreaterThan(1);
  const file = page.getByTestId("file-status");
  await expect(file).toHaveText(`${NAME} · saved`);

  await app.tab("Gaps");
  await status(page, "g1").selectOption("done");
  await expect(file).toHaveText(`${NAME} · unsaved changes`);
  await app.screenshot("file-unsaved");
  await page.keyboard.press("Control+s");
  await expect(file).toHaveText(`${NAME} · saved`);
  const saved = await readFile(page);
  expect(JSON.parse(saved).gaps.find((g) => g.id === "g1").status).toBe("done");
  // Canonical: the very text Export writes.
  const exported = await app.download(page.getByRole("button", { name: "Export", exact: true }));
  expect(saved).toBe(exported.text);

  // After a reload the link is still there (its handle kept in IndexedDB).
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Worked example" })).toBeVisible();
  await expect(file).toHaveText(`${NAME} · saved`);

  // An edit exported (downloaded) but not saved to the file is still unsaved
  // there, after a reload too: the link remembers what the file holds.
  await status(page, "g4").selectOption("done");
  await expect(file).toHaveText(`${NAME} · unsaved changes`);
  await app.download(page.getByRole("button", { name: "Export", exact: true }));
  await expect(file).toHaveText(`${NAME} · unsaved changes`);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Worked example" })).toBeVisible();
  await expect(file).toHaveText(`${NAME} · unsaved changes`);

  // Another editor changes the file behind the app's back; then the app saves.
  const onDisk = JSON.parse(saved);
  onDisk.gaps.find((g) => g.id === "g2").status = "missing";
  await writeFile(page, JSON.stringify(onDisk, null, 2));
  await status(page, "g3").selectOption("done");
  await page.getByRole("button", { name: "Save to file" }).click();
  const changed = page.getByRole("dialog", { name: "The file changed on disk" });
  await expect(changed).toBeVisible();
  await expect(changed.getByRole("button", { name: "Overwrite" })).toBeVisible();
  await expect(changed.getByRole("button", { name: "Cancel" })).toBeVisible();
  await app.expectAccessible("the offer to merge a file changed on disk");
  await app.screenshot("file-changed-on-disk");
  // The file is as the other editor left it until the user chooses.
  expect(JSON.parse(await readFile(page)).gaps.find((g) => g.id === "g3").status).not.toBe("done");

  await changed.getByRole("button", { name: "Merge" }).click();
  const merge = page.getByRole("dialog", { name: "Merge" });
  await expect(merge).toBeVisible();
  await expect(merge.getByRole("region", { name: /Came in from/ })).toContainText("g2");
  await merge.getByRole("button", { name: "Apply merge" }).click();
  await expect(merge).toBeHidden();
  await expect(file).toHaveText(`${NAME} · saved`);
  const merged = JSON.parse(await readFile(page));
  expect(merged.gaps.find((g) => g.id === "g2").status).toBe("missing");
  expect(merged.gaps.find((g) => g.id === "g3").status).toBe("done");
  expect(merged.gaps.find((g) => g.id === "g4").status).toBe("done");
  await expect(status(page, "g2")).toHaveValue("missing");
  app.expectNoErrors();
});

test("where the browser cannot write files in place, Save downloads a copy and says so", async ({ app, page }) => {
  await page.addInitScript(() => {
    delete window.showOpenFilePicker;
    delete window.showSaveFilePicker;
  });
  await app.openLibrary();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open file…" })).toHaveCount(0);
  await app.importFiles(fixture(NAME));
  await app.open("Worked example");
  const copy = await app.download(page.getByRole("button", { name: "Save", exact: true }));
  expect(copy.name).toBe(NAME);
  expect(copy.text).toBe(read(fixture(NAME)));
  await expect(page.getByRole("status").filter({ hasText: "a copy was downloaded" })).toBeVisible();
  await expect(page.getByTestId("file-status")).toHaveCount(0);
  app.expectNoErrors();
});
