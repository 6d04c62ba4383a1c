// Playwright configuration of the browser benchmark (make bench-app): the same
// browser and server as the end-to-end tests, one worker, nothing else running,
// and no trace: recording one snapshots the whole page at every action, inside
// the time measured (tens of milliseconds on a page of thousands of elements).
import base from "./playwright.config.mjs";

export default {
  ...base,
  testDir: "./bench",
  testMatch: /.*\.bench\.mjs/,
  workers: 1,
  fullyParallel: false,
  use: { ...base.use, trace: "off", screenshot: "off" },
};
