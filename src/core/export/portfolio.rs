//! The portfolio written out: as CSV (one row per system, the table's
//! columns and the money behind them, every cell escaped against formulas
//! as `export::csv` does) and as a Markdown report (the table, totals, the
//! money of each system, heat map, weakest categories, blockers and
//! category mismatches). Both are
//! made from the same [`Portfolio`], cell for cell as the app shows it.

use crate::core::numbers::portfolio::{Column, Portfolio, PortfolioEntry, Totals};
use crate::core::numbers::summary::Bounds;
use crate::core::present::display;

/// The columns of the CSV after the table's own.
const MONEY_HEADERS: [&str; 9] =
    ["Id", "Title", "Tags", "Currency", "Labor", "One-off", "Annual", "Rates missing for", "Open blocker ids"];

/// The portfolio as CSV: the table's columns, then the money and ids
/// behind them (UTF-8 with a byte order mark, as the gaps' spreadsheet).
pub fn csv(portfolio: &Portfolio) -> String {
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.label()).chain(MONEY_HEADERS).collect();
    let rows: Vec<Vec<String>> = portfolio.rows.iter().map(row).collect();
    crate::core::export::csv::table(&header, &rows, true)
}

/// One system's CSV row.
fn row(entry: &PortfolioEntry) -> Vec<String> {
    let mut cells: Vec<String> = Column::ALL.iter().map(|c| c.text(entry)).collect();
    cells.extend([
        entry.id.clone(),
        entry.title.clone(),
        entry.tags.join("; "),
        entry.currency.clone(),
        money_cell(entry, |e| display::money_or_unknown(e.labor, &e.unknown_rates, &e.currency)),
        money_cell(entry, |e| display::money(e.one_off, &e.currency)),
        money_cell(entry, |e| display::money(e.annual, &e.currency)),
        entry.unknown_rates.join("; "),
        entry.blockers.iter().map(|b| b.id.as_str()).collect::<Vec<_>>().join("; "),
    ]);
    cells
}

/// A money cell of `entry`: "no roadmap" when it has none (no plan, so no
/// cost yet, which is not a cost of 0).
fn money_cell(entry: &PortfolioEntry, text: impl Fn(&PortfolioEntry) -> String) -> String {
    if entry.has_roadmap {
        text(entry)
    } else {
        "no roadmap".to_string()
    }
}

/// The money of each system, as the CSV has it.
const MONEY_COLUMNS: [&str; 6] = ["System", "Labor", "One-off", "Annual", "Total cost", "Rates missing for"];

fn money_row(entry: &PortfolioEntry) -> Vec<String> {
    vec![
        entry.name().to_string(),
        money_cell(entry, |e| display::money_or_unknown(e.labor, &e.unknown_rates, &e.currency)),
        money_cell(entry, |e| display::money(e.one_off, &e.currency)),
        money_cell(entry, |e| display::money(e.annual, &e.currency)),
        Column::Total.text(entry),
        if entry.unknown_rates.is_empty() { "—".to_string() } else { entry.unknown_rates.join(", ") },
    ]
}

/// Text made safe inside a Markdown table cell: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.replace(['\r', '\n'], " ").replace('|', "\\|")
}

/// A Markdown table.
fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&line(header));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&line(row));
    }
}

/// The totals as lines of words, one per figure (and per currency): what
/// the report, the app and `gapmap portfolio` say.
pub fn totals_lines(totals: &Totals) -> Vec<String> {
    let mut lines = vec![
        format!("Systems: {}", totals.systems),
        format!("Open blockers: {}", totals.blockers),
        format!("Remaining effort: {} person-days", display::range(totals.effort_days.min, totals.effort_days.max)),
    ];
    for money in &totals.money {
        let c = &money.currency;
        let unknown = |known_part: Bounds| {
            format!(
                "unknown: {} lack{} rates (known part {})",
                display::plural(money.unknown.len(), "system", "systems"),
                if money.unknown.len() == 1 { "s" } else { "" },
                display::money_range(known_part.min, known_part.max, c)
            )
        };
        let known = |b: Option<Bounds>, known_part: Bounds| {
            b.map_or_else(|| unknown(known_part), |b| display::money_range(b.min, b.max, c))
        };
        let label = if totals.money.len() > 1 { format!(" ({c})") } else { String::new() };
        lines.push(format!("Labor{label}: {}", known(money.labor, money.known_labor)));
        lines.push(format!("One-off{label}: {}", display::money_range(money.one_off.min, money.one_off.max, c)));
        lines.push(format!("Annual{label}: {}", display::money_range(money.annual.min, money.annual.max, c)));
        lines.push(format!("Total{label}: {}", known(money.total, money.known_total)));
        if !money.no_roadmap.is_empty() {
            lines.push(format!(
                "Not counted{label}: {} without a roadmap, so without a cost yet ({})",
                display::plural(money.no_roadmap.len(), "system", "systems"),
                money.no_roadmap.join(", ")
            ));
        }
    }
    lines
}

/// The portfolio as a Markdown report.
pub fn markdown(portfolio: &Portfolio) -> String {
    let mut out = String::from("# Portfolio\n\n");
    if portfolio.rows.is_empty() {
        out.push_str("No assessment is chosen.\n");
        return out;
    }
    let header: Vec<String> = Column::ALL.iter().map(|c| c.label().to_string()).collect();
    let rows: Vec<Vec<String>> =
        portfolio.rows.iter().map(|e| Column::ALL.iter().map(|c| c.text(e)).collect()).collect();
    table(&mut out, &header, &rows);

    out.push_str("\n## Totals\n\n");
    for line in totals_lines(&portfolio.totals) {
        out.push_str(&format!("- {line}\n"));
    }

    out.push_str("\n## Money by system\n\n");
    let header = MONEY_COLUMNS.map(str::to_string);
    let rows: Vec<Vec<String>> = portfolio.rows.iter().map(money_row).collect();
    table(&mut out, &header, &rows);

    out.push_str("\n## Categories by system\n\n");
    let map = &portfolio.heat_map;
    let header: Vec<String> =
        std::iter::once("System".to_string()).chain(map.columns.iter().map(|c| c.name.clone())).collect();
    let rows: Vec<Vec<String>> = portfolio
        .rows
        .iter()
        .zip(&map.cells)
        .map(|(entry, cells)| {
            std::iter::once(entry.name().to_string())
                .chain(cells.iter().map(|c| c.map_or_else(|| "—".to_string(), display::score)))
                .collect()
        })
        .collect();
    table(&mut out, &header, &rows);
    if !map.mismatches.is_empty() {
        out.push_str("\nCategories matched imperfectly:\n\n");
        for mismatch in &map.mismatches {
            out.push_str(&format!("- {}\n", cell(&mismatch.text())));
        }
    }

    out.push_str("\n## Weakest categories\n\n");
    let header = ["Category", "Holds back", "Systems", "Mean score", "Lowest"].map(str::to_string);
    let rows: Vec<Vec<String>> = portfolio
        .weakest
        .iter()
        .map(|w| {
            vec![
                w.column.name.clone(),
                display::plural(w.held_back, "system", "systems"),
                w.systems.to_string(),
                display::score(w.mean),
                display::score(w.lowest),
            ]
        })
        .collect();
    table(&mut out, &header, &rows);

    out.push_str("\n## Open blockers\n\n");
    if portfolio.blockers.is_empty() {
        out.push_str("None.\n");
    } else {
        let header = ["System", "Gap", "Title", "Priority", "Owner", "Phase"].map(str::to_string);
        let rows: Vec<Vec<String>> = portfolio
            .blockers
            .iter()
            .map(|b| {
                let or_dash = |t: &str| if t.is_empty() { "—".to_string() } else { t.to_string() };
                vec![
                    b.system.clone(),
                    b.blocker.id.clone(),
                    b.blocker.title.clone(),
                    b.blocker.priority.clone(),
                    or_dash(&b.blocker.owner),
                    or_dash(b.blocker.phase.as_deref().unwrap_or("")),
                ]
            })
            .collect();
        table(&mut out, &header, &rows);
    }
    out
}
