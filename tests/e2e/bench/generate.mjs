// Generates a large assessment for the browser benchmark: `gaps` gaps over 12
// categories and 4 phases, with roles, teams, costs, checklists and every
// status and priority, written as a Gapmap file (the app canonicalises it).
export function largeAssessment(gaps = 2000) {
  const statuses = ["missing", "partial", "done", "accepted", "not_applicable"];
  const priorities = ["P0", "P1", "P2", "P3"];
  const units = ["hours", "days", "weeks"];
  const categories = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, name: `Category ${i + 1}`, weight: 1 + (i % 3) }));
  const phases = Array.from({ length: 4 }, (_, i) => ({
    id: `p${i}`,
    name: `Phase ${i + 1}`,
    duration_weeks: { min: 2 + i, max: 4 + i },
    team: [
      { role: "eng", fte: { min: 2, max: 4 } },
      { role: "sre", fte: { min: 0.5, max: 1 } },
    ],
    costs: [
      { name: "Tooling", amount: 5000 * (i + 1), kind: "one_off" },
      { name: "Hosting", amount: 1200 * (i + 1), kind: "annual" },
    ],
    exit_criteria: [`Exit criterion of phase ${i + 1}`],
  }));
  return {
    format: "gapmap",
    version: 1,
    id: "benchmark",
    title: `Benchmark with ${gaps} gaps`,
    categories,
    roles: [
      { id: "eng", name: "Engineer", weekly_rate: 4000 },
      { id: "sre", name: "SRE", weekly_rate: 5000 },
    ],
    phases,
    gaps: Array.from({ length: gaps }, (_, i) => ({
      id: `g${i}`,
      category: `c${i % 12}`,
      title: `Gap number ${i} of the benchmark`,
      description: "A gap generated for the benchmark.",
      status: statuses[i % 5],
      priority: priorities[i % 4],
      effort: { min: 1 + (i % 3), max: 1 + (i % 3) + (i % 5), unit: units[i % 3] },
      owner: `Owner ${i % 7}`,
      phase: i % 6 === 5 ? null : `p${i % 4}`,
      items: i % 4 === 0 ? [{ text: "first", done: true }, { text: "second", done: false }] : [],
      tags: [`tag${i % 9}`],
    })),
  };
}
