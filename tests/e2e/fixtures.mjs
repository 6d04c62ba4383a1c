// Shared steps for the journeys: a page object over the app that finds
// controls by role and accessible name, an accessibility check with axe-core,
// screenshots kept as artifacts, and the `gapmap` command for reference numbers.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, "..", "..");
export const screenshots = join(here, "screenshots");
mkdirSync(screenshots, { recursive: true });

/** Runs the `gapmap` command over the same core, for the numbers the app must show. */
export function gapmap(...args) {
  const binary = join(repo, "target", "debug", "gapmap");
  if (existsSync(binary)) return execFileSync(binary, args, { encoding: "utf8" });
  return execFileSync("cargo", ["run", "-q", "--bin", "gapmap", "--", ...args], { cwd: repo, encoding: "utf8" });
}

export function fixture(name) {
  return join(repo, "tests", "fixtures", name);
}

export function read(path) {
  return readFileSync(path, "utf8");
}

export class App {
  constructor(page) {
    this.page = page;
    this.errors = [];
    this.cspViolations = [];
    page.on("pageerror", (error) => this.errors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") this.errors.push(message.text());
      if (/Content Security Policy/i.test(message.text())) this.cspViolations.push(message.text());
    });
  }

  /**
   * Records every Content-Security-Policy violation on this page, on every
   * view and across reloads (the `securitypolicyviolation` event, besides
   * the console's report above). The `app` fixture calls it and fails the
   * journey on any violation; pages made by a journey itself may call it.
   */
  async watchCsp() {
    await this.page.exposeFunction("__gapmapCspViolation", (text) => this.cspViolations.push(text));
    await this.page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const where = `${event.sourceFile || "page"}:${event.lineNumber}`;
        window.__gapmapCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
      });
    });
  }

  expectNoCspViolations() {
    expect(this.cspViolations, "Content-Security-Policy violations").toEqual([]);
  }

  async openLibrary() {
    await this.page.goto("./");
    await expect(this.page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  }

  async open(title) {
    await this.page.getByRole("link", { name: title, exact: true }).click();
    await expect(this.page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  }

  async tab(name) {
    await this.page.getByRole("tab", { name, exact: true }).click();
    await expect(this.page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
  }

  overall() {
    return this.page.getByTestId("overall-score");
  }

  /** Imports files through the "Import" button's file chooser. */
  async importFiles(...paths) {
    const chooser = this.page.waitForEvent("filechooser");
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
    await (await chooser).setFiles(paths);
  }

  /** Drops files on the page, as a user dragging them from a file manager. */
  async dropFiles(...paths) {
    const files = paths.map((path) => ({ name: basename(path), base64: readFileSync(path).toString("base64") }));
    const dataTransfer = await this.page.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of files) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      return transfer;
    }, files);
    for (const type of ["dragenter", "dragover", "drop"]) {
      await this.page.dispatchEvent("main", type, { dataTransfer });
    }
  }

  /** Clicks a control that downloads a file; returns the file's text and name. */
  async download(control) {
    const pending = this.page.waitForEvent("download");
    await control.click();
    const download = await pending;
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
  }

  /** No axe-core violation on the page as it is now. */
  async expectAccessible(what) {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(summary, `accessibility violations on ${what}`).toEqual([]);
  }

  async screenshot(name) {
    await this.page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  expectNoErrors() {
    expect(this.errors, "errors in the page").toEqual([]);
  }
}

export const test = base.extend({
  app: async ({ page }, use) => {
    const app = new App(page);
    await app.watchCsp();
    await use(app);
    app.expectNoCspViolations();
  },
  /** A second tab of the same browser (its storage shared), held to the same CSP check. */
  secondTab: async ({ context }, use) => {
    const app = new App(await context.newPage());
    await app.watchCsp();
    await use(app);
    app.expectNoCspViolations();
  },
});

export { expect };
