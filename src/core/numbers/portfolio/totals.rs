//! The portfolio's totals: blockers and remaining effort over every chosen
//! system, and money per currency (never summed across currencies), with
//! labor and total unknown once a system of that currency lacks a rate, and
//! the systems without a roadmap named apart (they plan no cost yet).

use serde::Serialize;

use crate::core::numbers::portfolio::PortfolioEntry;
use crate::core::numbers::summary::Bounds;

/// What the chosen systems add up to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub systems: usize,
    pub blockers: usize,
    /// Remaining effort in person-days, one decimal.
    pub effort_days: Bounds,
    /// One line per currency, in the order the currencies first appear.
    pub money: Vec<MoneyTotals>,
}

/// The money of the systems in one currency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MoneyTotals {
    pub currency: String,
    pub systems: usize,
    /// `None` when any of these systems lacks a rate its labor needs.
    pub labor: Option<Bounds>,
    pub one_off: Bounds,
    pub annual: Bounds,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Bounds>,
    /// The labor of the systems whose labor is known: a lower bound when
    /// `labor` is unknown.
    #[serde(skip)]
    pub known_labor: Bounds,
    /// The total of the systems whose total is known: a lower bound when
    /// `total` is unknown.
    #[serde(skip)]
    pub known_total: Bounds,
    /// The names of the systems whose rates are missing.
    #[serde(skip)]
    pub unknown: Vec<String>,
    /// The names of the systems without a roadmap: no plan, so no cost to
    /// count (not a cost of 0); left out of the sums.
    #[serde(skip)]
    pub no_roadmap: Vec<String>,
}

fn plus(a: Bounds, b: Bounds) -> Bounds {
    Bounds { min: a.min + b.min, max: a.max + b.max }
}

fn point(value: f64) -> Bounds {
    Bounds { min: value, max: value }
}

impl Totals {
    /// The totals of `rows`.
    pub fn of(rows: &[PortfolioEntry]) -> Totals {
        let mut totals = Totals { systems: rows.len(), ..Totals::default() };
        for entry in rows {
            totals.blockers += entry.blockers.len();
            totals.effort_days = plus(totals.effort_days, entry.effort_days);
            let index = match totals.money.iter().position(|m| m.currency == entry.currency) {
                Some(i) => i,
                None => {
                    totals.money.push(MoneyTotals {
                        currency: entry.currency.clone(),
                        systems: 0,
                        labor: Some(Bounds::default()),
                        one_off: Bounds::default(),
                        annual: Bounds::default(),
                        total: Some(Bounds::default()),
                        known_labor: Bounds::default(),
                        known_total: Bounds::default(),
                        unknown: Vec::new(),
                        no_roadmap: Vec::new(),
                    });
                    totals.money.len() - 1
                }
            };
            let money = &mut totals.money[index];
            money.systems += 1;
            if !entry.has_roadmap {
                money.no_roadmap.push(entry.name().to_string());
                continue;
            }
            if let Some(labor) = entry.labor {
                money.known_labor = plus(money.known_labor, labor);
            }
            money.labor = money.labor.zip(entry.labor).map(|(a, b)| plus(a, b));
            money.total = money.total.zip(entry.total).map(|(a, b)| plus(a, b));
            money.one_off = plus(money.one_off, point(entry.one_off));
            money.annual = plus(money.annual, point(entry.annual));
            match entry.total {
                Some(total) => money.known_total = plus(money.known_total, total),
                None => money.unknown.push(entry.name().to_string()),
            }
        }
        // Effort is summed from tenths; money from whole amounts, which f64 adds exactly.
        let tenths = |v: f64| (v * 10.0).round() / 10.0;
        totals.effort_days = Bounds { min: tenths(totals.effort_days.min), max: tenths(totals.effort_days.max) };
        totals
    }
}
