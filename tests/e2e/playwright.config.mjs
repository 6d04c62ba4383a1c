// End-to-end tests: the built app (dist/, from `make dist`) served under
// /gapmap/ and driven in Debian's headless Chromium the way a user would.
import { defineConfig } from "@playwright/test";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM ?? execSync("command -v chromium || command -v chromium-browser").toString().trim();
// GAPMAP_DIST and E2E_PORT let several builds be tested side by side.
const port = Number(process.env.E2E_PORT ?? 8090);
const dist = process.env.GAPMAP_DIST ?? "../../dist";

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  // Budgets for a loaded machine, not an idle one: on two cores shared with
  // builds, a journey that takes 10 s alone takes 30 s or more (the longest
  // ones set their own: reliability.spec.mjs, report.spec.mjs).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/gapmap/`,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node serve.mjs ${port} ${dist}`,
    url: `http://127.0.0.1:${port}/gapmap/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
