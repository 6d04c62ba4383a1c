// Playwright configuration of the browser benchmark (make bench-app): the same
// browser and server as the end-to-end tests, one worker, nothing else running.
import base from "./playwright.config.mjs";

export default { ...base, testDir: "./bench", testMatch: /.*\.bench\.mjs/, workers: 1, fullyParallel: false };
