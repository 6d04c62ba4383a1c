//! The assessment model: what a Gapmap file holds, as plain Rust types.
//!
//! These types are the file format (version [`VERSION`]): their field names and
//! their order are the public contract that users' files, other tools and the
//! JSON Schema rely on. Serialization is derived, so the declaration order here
//! is the key order of every saved file. Reading goes the other way through
//! `decode`, which checks every field and collects every problem; that is why
//! these types derive `Serialize` but not `Deserialize`.
//!
//! It runs past ~500 lines on purpose: the public format is read in one
//! place, type after type in the order a file holds them.
//!
//! `serde(default)` marks the keys a file may leave out, with the default that
//! `decode` gives them: the JSON Schema lists them as optional with that
//! default (`tests/schema.rs` checks that the two agree).
//!
//! **API Boundary**: add optional fields freely; never rename or reorder one.
//! Every object keeps the keys it does not know in `extra`, so a file written
//! by a newer tool survives a round trip through this one.

use std::collections::BTreeMap;

use serde::Serialize;

/// The value of the `format` key of every Gapmap file.
pub const FORMAT: &str = "gapmap";

/// The newest file format version this build reads and the one it writes.
pub const VERSION: u32 = 2;

/// Keys of an object that this version does not know, kept as they were.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// A closed set of words, spelled in files exactly as listed: the enums below.
pub trait Keyword: Copy + 'static {
    /// Every value, in the order users see them.
    const ALL: &'static [Self];
    /// The keyword as it is written in files.
    fn as_str(self) -> &'static str;
    /// Reads the keyword as it is written in files; `None` for anything else.
    fn parse(text: &str) -> Option<Self>;
}

/// Declares a closed set of keywords as a Rust enum, spelled in files exactly
/// as given, with `ALL`, `as_str` and `parse` for decoders and select lists.
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in the order users see them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The keyword as it is written in files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the keyword as it is written in files; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl Keyword for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum! {
    /// Where a gap stands.
    pub enum Status {
        /// Nothing of it is in place.
        Missing = "missing",
        /// Some of it is in place; credit comes from its checklist or `partial_credit`.
        Partial = "partial",
        /// Closed.
        Done = "done",
        /// A risk knowingly accepted: not scored.
        Accepted = "accepted",
        /// Does not apply to this system: not scored.
        NotApplicable = "not_applicable",
    }
}

/// A gap without a status is missing.
impl Default for Status {
    fn default() -> Self {
        Status::Missing
    }
}

impl Status {
    /// Whether a gap with this status counts in scores.
    pub fn is_scored(self) -> bool {
        matches!(self, Status::Missing | Status::Partial | Status::Done)
    }

    /// Whether work on a gap with this status remains (it counts in effort and demand).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Missing | Status::Partial)
    }
}

keyword_enum! {
    /// How urgent closing a gap is; P0 blocks readiness.
    pub enum Priority {
        P0 = "P0",
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
    }
}

/// A gap without a priority is P2.
impl Default for Priority {
    fn default() -> Self {
        Priority::P2
    }
}

keyword_enum! {
    /// How bad the consequences of a gap are, as a review states it.
    pub enum Severity {
        Critical = "critical",
        High = "high",
        Medium = "medium",
        Low = "low",
    }
}

keyword_enum! {
    /// The unit an effort range is written in.
    pub enum EffortUnit {
        Hours = "hours",
        Days = "days",
        Weeks = "weeks",
    }
}

keyword_enum! {
    /// Whether a phase cost is paid once or every year from that phase on.
    pub enum CostKind {
        OneOff = "one_off",
        Annual = "annual",
    }
}

/// A cost without a kind is paid once.
impl Default for CostKind {
    fn default() -> Self {
        CostKind::OneOff
    }
}

keyword_enum! {
    /// Which direction of a KPI is an improvement.
    pub enum Better {
        Higher = "higher",
        Lower = "lower",
    }
}

/// A KPI without a direction is better higher.
impl Default for Better {
    fn default() -> Self {
        Better::Higher
    }
}

keyword_enum! {
    /// How likely a risk is to happen.
    pub enum Probability {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// A risk without a probability is of medium probability.
impl Default for Probability {
    fn default() -> Self {
        Probability::Medium
    }
}

keyword_enum! {
    /// How much harm a risk does when it happens.
    pub enum Impact {
        Low = "low",
        Medium = "medium",
        High = "high",
        Critical = "critical",
    }
}

/// A risk without an impact is of medium impact.
impl Default for Impact {
    fn default() -> Self {
        Impact::Medium
    }
}

keyword_enum! {
    /// Where the handling of a risk stands.
    pub enum RiskStatus {
        /// Nobody is acting on it yet.
        Open = "open",
        /// Work that lowers it is under way.
        Mitigating = "mitigating",
        /// It can no longer happen, or its mitigation is in place.
        Closed = "closed",
        /// Knowingly taken as it is.
        Accepted = "accepted",
    }
}

/// A risk without a status is open.
impl Default for RiskStatus {
    fn default() -> Self {
        RiskStatus::Open
    }
}

/// Serializes as the constant `"gapmap"`: the marker of a Gapmap file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT)
    }
}

/// Serializes as [`VERSION`]: a saved file is always of the newest version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VersionTag;

impl Serialize for VersionTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(VERSION)
    }
}

/// A readiness assessment of one system: the whole content of a Gapmap file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Assessment {
    /// Always `"gapmap"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::core::format::schema::format_tag"))]
    pub format: FormatTag,
    /// The file format version; this build writes 2.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::core::format::schema::version_tag"))]
    pub version: VersionTag,
    /// Stable identity, kept across renames; never empty.
    pub id: String,
    pub title: String,
    /// The system under review.
    #[serde(default)]
    pub system: String,
    /// The day of the review, `YYYY-MM-DD`.
    pub assessed_on: Option<String>,
    #[serde(default)]
    pub assessors: Vec<String>,
    /// Words that group assessments in the portfolio (a team, a product
    /// line, a customer tier). Left out of the file when there is none, so
    /// that files written before tags existed save byte for byte as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub tags: Vec<String>,
    /// Free text in Markdown.
    #[serde(default)]
    pub summary: String,
    /// The overall score a source document stated (0–100), shown beside the computed one.
    pub stated_overall: Option<f64>,
    /// What a source document states the whole roadmap costs, shown beside
    /// the computed total. Left out when none is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<Range>,
    /// ISO 4217 code of every amount in the file.
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub gaps: Vec<Gap>,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The day the roadmap starts, `YYYY-MM-DD`: week n of the roadmap
    /// starts n × 7 days later (weekends are not special). Left out when
    /// none is given; the roadmap then counts weeks only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Named, dated copies of earlier states, in the order they were saved.
    /// Left out of the file when there is none, so that a file written
    /// before milestones existed saves byte for byte as it was.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub milestones: Vec<Milestone>,
    /// The name of the active roadmap (the one in `phases`) when the
    /// assessment holds alternatives; absent when it holds none. See
    /// [`Scenario`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The alternative roadmaps that are not active, in the order they were
    /// added. Left out of the file when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub scenarios: Vec<Scenario>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Assessment {
    /// An empty assessment with default settings.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Assessment {
            format: FormatTag,
            version: VersionTag,
            id: id.into(),
            title: title.into(),
            system: String::new(),
            assessed_on: None,
            assessors: Vec::new(),
            tags: Vec::new(),
            summary: String::new(),
            stated_overall: None,
            stated_total: None,
            currency: DEFAULT_CURRENCY.to_string(),
            settings: Settings::default(),
            categories: Vec::new(),
            gaps: Vec::new(),
            roles: Vec::new(),
            start_date: None,
            phases: Vec::new(),
            kpis: Vec::new(),
            risks: Vec::new(),
            milestones: Vec::new(),
            scenario: None,
            scenarios: Vec::new(),
            extra: Extra::new(),
        }
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn gap(&self, id: &str) -> Option<&Gap> {
        self.gaps.iter().find(|g| g.id == id)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }
}

/// The currency of an assessment that names none.
pub const DEFAULT_CURRENCY: &str = "USD";

/// The currency of an assessment that names none, as a `String`.
pub(crate) fn default_currency() -> String {
    DEFAULT_CURRENCY.to_string()
}

/// The weight of a category that states none.
pub(crate) fn default_weight() -> f64 {
    1.0
}

/// How scores, levels, effort and cost are computed; every key has a default.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Settings {
    pub priority_weights: PriorityWeights,
    /// Credit of a partial gap without checklist items, 0–1.
    pub partial_credit: f64,
    /// Readiness levels; the level of an overall score is the highest `min` it reaches.
    pub levels: Vec<Level>,
    /// Overall score from which (with no blocker open) the system is production-ready.
    pub ready_threshold: f64,
    pub hours_per_day: f64,
    pub days_per_week: f64,
    /// Cost of one person-day for the bottom-up estimate; when null, the mean
    /// of the roles' weekly rates divided by `days_per_week`.
    pub blended_daily_rate: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            priority_weights: PriorityWeights::default(),
            partial_credit: 0.5,
            levels: default_levels(),
            ready_threshold: 75.0,
            hours_per_day: 8.0,
            days_per_week: 5.0,
            blended_daily_rate: None,
            extra: Extra::new(),
        }
    }
}

/// The default readiness levels, highest first.
pub fn default_levels() -> Vec<Level> {
    [(90.0, "Enterprise-ready"), (75.0, "Production-ready"), (50.0, "MVP"), (0.0, "Prototype")]
        .into_iter()
        .map(|(min, label)| Level { min, label: label.to_string(), extra: Extra::new() })
        .collect()
}

/// The weight each priority gives a gap in its category's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PriorityWeights {
    #[serde(rename = "P0")]
    pub p0: f64,
    #[serde(rename = "P1")]
    pub p1: f64,
    #[serde(rename = "P2")]
    pub p2: f64,
    #[serde(rename = "P3")]
    pub p3: f64,
    #[serde(flatten)]
    pub extra: Extra,
}

impl PriorityWeights {
    pub fn get(&self, priority: Priority) -> f64 {
        match priority {
            Priority::P0 => self.p0,
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
        }
    }

    pub fn get_mut(&mut self, priority: Priority) -> &mut f64 {
        match priority {
            Priority::P0 => &mut self.p0,
            Priority::P1 => &mut self.p1,
            Priority::P2 => &mut self.p2,
            Priority::P3 => &mut self.p3,
        }
    }
}

impl Default for PriorityWeights {
    fn default() -> Self {
        PriorityWeights { p0: 8.0, p1: 4.0, p2: 2.0, p3: 1.0, extra: Extra::new() }
    }
}

/// A named readiness level that an overall score of at least `min` reaches.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Level {
    pub min: f64,
    pub label: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An area of readiness (security, reliability …) that gaps belong to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Category {
    pub id: String,
    pub name: String,
    /// Weight in the overall score; default 1.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// An assessor's score (0–100) that overrides the computed one everywhere.
    pub manual_score: Option<f64>,
    /// The score (0–100) this category should reach.
    pub target_score: Option<f64>,
    #[serde(default)]
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Category {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Category {
            id: id.into(),
            name: name.into(),
            weight: 1.0,
            manual_score: None,
            target_score: None,
            notes: String::new(),
            extra: Extra::new(),
        }
    }
}

/// Something the system is missing: the unit of assessment and of work.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Gap {
    pub id: String,
    /// The id of its category.
    pub category: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub priority: Priority,
    pub severity: Option<Severity>,
    pub effort: Option<Effort>,
    #[serde(default)]
    pub owner: String,
    /// What shows where the gap stands: each entry a text and, when there
    /// is one, where to see it. A version 1 file's single string is read as
    /// one entry (none when it was empty).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// The id of the roadmap phase that closes it.
    pub phase: Option<String>,
    /// Its checklist; a partial gap with items earns the share of items done.
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The day it should be closed by, `YYYY-MM-DD`; left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The ids of the gaps that must be closed before this one; left out
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub depends_on: Vec<String>,
    /// Why, by whom and until when the gap is accepted: read when its status
    /// is `accepted`. Past `expires`, the gap counts as missing again in
    /// every score (`core::numbers::acceptance`). Left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The terms on which a gap is accepted rather than closed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Acceptance {
    /// Why the risk is accepted; left out when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "")))]
    pub reason: String,
    /// Who accepted it; left out when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "")))]
    pub by: String,
    /// The last day the acceptance holds, `YYYY-MM-DD`; none: it never
    /// expires. Left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Gap {
    pub fn new(id: impl Into<String>, category: impl Into<String>, title: impl Into<String>) -> Self {
        Gap {
            id: id.into(),
            category: category.into(),
            title: title.into(),
            description: String::new(),
            status: Status::Missing,
            priority: Priority::P2,
            severity: None,
            effort: None,
            owner: String::new(),
            evidence: Vec::new(),
            phase: None,
            items: Vec::new(),
            tags: Vec::new(),
            due: None,
            depends_on: Vec::new(),
            acceptance: None,
            extra: Extra::new(),
        }
    }
}

/// One piece of a gap's evidence: what it shows, and where to see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Evidence {
    #[serde(default)]
    pub text: String,
    /// Where to see it: an address, shown as a link only when it is
    /// `http:`, `https:` or relative (`present::link`), else as text. Left
    /// out when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Evidence {
    pub fn new(text: impl Into<String>, url: Option<String>) -> Self {
        Evidence { text: text.into(), url, extra: Extra::new() }
    }
}

/// One line of a gap's checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Item {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub done: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Item {
    pub fn new(text: impl Into<String>, done: bool) -> Self {
        Item { text: text.into(), done, extra: Extra::new() }
    }
}

/// How much work closing a gap takes, as a range in one unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Effort {
    pub min: f64,
    pub max: f64,
    pub unit: EffortUnit,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Effort {
    pub fn new(min: f64, max: f64, unit: EffortUnit) -> Self {
        Effort { min, max, unit, extra: Extra::new() }
    }
}

/// A range of two numbers, `min` ≤ `max`: durations, FTEs and stated costs
/// are estimates, not points.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Range {
    pub min: f64,
    pub max: f64,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Range {
    pub fn new(min: f64, max: f64) -> Self {
        Range { min, max, extra: Extra::new() }
    }
}

/// A kind of team member and what one full-time person costs per week.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Role {
    pub id: String,
    pub name: String,
    /// What one full-time person costs per week. Left out when nobody has
    /// given it: unknown, which is not 0 (free), so labor that needs it is
    /// unknown too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_rate: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Role {
    /// A role whose weekly rate is known.
    pub fn new(id: impl Into<String>, name: impl Into<String>, weekly_rate: f64) -> Self {
        Role { id: id.into(), name: name.into(), weekly_rate: Some(weekly_rate), extra: Extra::new() }
    }

    /// A role whose weekly rate nobody has given yet.
    pub fn unpriced(id: impl Into<String>, name: impl Into<String>) -> Self {
        Role { id: id.into(), name: name.into(), weekly_rate: None, extra: Extra::new() }
    }
}

/// A step of the roadmap. Phases run in the order they are listed, unless
/// `after` says which phases each starts after.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Phase {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub goal: String,
    /// The week (counted from 0, the roadmap's start) the phase starts in;
    /// null: when `after` says, else right after the previous phase ends.
    /// A start week given here wins over `after`.
    pub start_week: Option<f64>,
    pub duration_weeks: Range,
    #[serde(default)]
    pub team: Vec<TeamMember>,
    #[serde(default)]
    pub costs: Vec<Cost>,
    /// What must hold for the phase to be done, each one ticked when met.
    /// A version 1 file's criteria, plain strings, are read as unmet.
    #[serde(default)]
    pub exit_criteria: Vec<Criterion>,
    /// What a source document states the phase costs, shown beside its
    /// computed total (labor and one-off costs). Left out when none is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_cost: Option<Range>,
    /// The ids of the phases it starts after: it starts when the last of
    /// them ends. An empty list: at the roadmap's start (week 0). Left out
    /// (absent): right after the previous phase in the list, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Phase {
    pub fn new(id: impl Into<String>, name: impl Into<String>, duration_weeks: Range) -> Self {
        Phase {
            id: id.into(),
            name: name.into(),
            goal: String::new(),
            start_week: None,
            duration_weeks,
            team: Vec::new(),
            costs: Vec::new(),
            exit_criteria: Vec::new(),
            stated_cost: None,
            after: None,
            extra: Extra::new(),
        }
    }
}

/// An exit criterion of a phase: what must hold, whether it does, and
/// what shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Criterion {
    #[serde(default)]
    pub text: String,
    /// Ticked when the criterion holds. Left out while it does not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub met: bool,
    /// What shows it is met: an address (shown as a link under the same
    /// rule as a gap's evidence) or a few words. Left out when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Criterion {
    /// An unmet criterion without evidence.
    pub fn new(text: impl Into<String>) -> Self {
        Criterion { text: text.into(), met: false, evidence: None, extra: Extra::new() }
    }
}

/// People of one role working in a phase, in full-time equivalents.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TeamMember {
    /// The id of the role.
    pub role: String,
    pub fte: Range,
    #[serde(flatten)]
    pub extra: Extra,
}

impl TeamMember {
    pub fn new(role: impl Into<String>, fte: Range) -> Self {
        TeamMember { role: role.into(), fte, extra: Extra::new() }
    }
}

/// A cost other than labor that a phase brings: a purchase, or a run-rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cost {
    pub name: String,
    pub amount: f64,
    /// `annual` costs are run-rate the phase adds from then on.
    #[serde(default)]
    pub kind: CostKind,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Cost {
    pub fn new(name: impl Into<String>, amount: f64, kind: CostKind) -> Self {
        Cost { name: name.into(), amount, kind, extra: Extra::new() }
    }
}

/// A measure of readiness with a target after each phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub current: Option<KpiValue>,
    #[serde(default)]
    pub better: Better,
    #[serde(default)]
    pub targets: Vec<KpiTarget>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The value a KPI should reach by the end of a phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct KpiTarget {
    /// The id of the phase.
    pub phase: String,
    pub value: KpiValue,
    /// Whether the target is met, as a person ticked it: for a target in
    /// words, or a current value in words, which no rule can compare. Two
    /// numbers are compared instead, and this is not read.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub met: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl KpiTarget {
    pub fn new(phase: impl Into<String>, value: KpiValue) -> Self {
        KpiTarget { phase: phase.into(), value, met: false, extra: Extra::new() }
    }
}

/// A KPI's value: a number, or a few words where no number says it
/// (`Manual`, `Daily`, `On-demand`). Written in files as a JSON number or a
/// JSON string, so files with numbers read and save as before.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum KpiValue {
    Number(f64),
    Text(String),
}

/// Something that could go wrong, and the gaps whose closing mitigates it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Risk {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub probability: Probability,
    #[serde(default)]
    pub impact: Impact,
    #[serde(default)]
    pub mitigation: String,
    /// Ids of the gaps that mitigate it.
    #[serde(default)]
    pub gaps: Vec<String>,
    /// Who looks after it. Left out when nobody is named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "")))]
    pub owner: String,
    /// Where its handling stands. Left out while it is open.
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "open")))]
    pub status: RiskStatus,
    /// The day it is next to be reviewed, `YYYY-MM-DD`; a review whose day
    /// has passed while the risk is not closed is overdue
    /// (`numbers::risk::review_overdue`). Left out when none is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

// Scenarios: alternative roadmaps of one assessment ("Fast track" against
// "Full hardening"), one of them active.
//
// The design keeps every view and number unchanged: the active roadmap is
// the assessment's own `phases`, with each gap's `phase` saying which of
// them closes it, exactly as in a file without scenarios. The others wait
// in `scenarios`, each with its own phases and its own assignment of gaps
// to them (`assignments`, gap id → phase id; a gap it does not name is
// unassigned there). `scenario` is the active roadmap's name, so that every
// roadmap has one. Switching (`edit::switch_scenario`) swaps the active
// phases and assignments with those of a scenario, in one edit: one undo
// step. A scenario made as a copy keeps the phase ids of the roadmap it
// copies, so that the same id names the same step in both, and KPI targets
// and a gap's assignment carry over. An `id` names a slot of the list
// (what edits are keyed by); a roadmap is known to people by its name,
// which is unique among the active one and the scenarios.

/// An alternative roadmap that is not active: its phases and which of them
/// closes each gap.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Scenario {
    /// `scenario-<n>`; unique among the assessment's scenarios.
    pub id: String,
    /// Unique among the scenarios and the active roadmap's name.
    pub name: String,
    /// Its phases, as an assessment's `phases` are.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Gap id → the id of the phase of this scenario that closes it. Gaps
    /// it does not name are unassigned in it; names of gaps that no longer
    /// exist are ignored (and dropped when it becomes active).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = {})))]
    pub assignments: BTreeMap<String, String>,
    #[serde(flatten)]
    pub extra: Extra,
}

// Milestones: named, dated states kept in the file, so that readiness can be
// followed over time and any two states compared (`numbers::compare`).
//
// A milestone does not copy the whole assessment: its `Snapshot` keeps what
// every number of that state and a comparison need, and none of the free
// text they do not. Each
// entry of a snapshot's lists leaves out the keys at their default and is
// saved on one line (`format::one_line_each`): a milestone of an assessment
// whose gaps carry a paragraph of description each is about a quarter of
// the file (docs/benchmarks.md). `core::milestone` makes snapshots and
// turns them back into assessments.

/// The most checklist items one snapshot may record, all gaps together.
/// Turning a snapshot back into an assessment makes one item per count, so
/// a file cannot ask for more memory than this much. A million is far
/// beyond any real assessment: the 10,000-gap benchmark holds about 25,000.
pub const MAX_SNAPSHOT_ITEMS: u64 = 1_000_000;

/// A named, dated copy of the assessment's state.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Milestone {
    /// `ms-<n>`; unique among the file's milestones.
    pub id: String,
    pub name: String,
    /// When it was saved: `YYYY-MM-DD`, or with a time, `YYYY-MM-DDTHH:MM`
    /// or `YYYY-MM-DDTHH:MM:SS`.
    pub saved_on: String,
    /// The state as it was then.
    pub state: Snapshot,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a milestone keeps of an assessment: every input of its numbers and
/// of a comparison, and none of its free text. That is the assessment's id,
/// title, stated overall, currency, settings and roadmap start date; its
/// categories without notes; its gaps without description, evidence,
/// severity or tags, with their checklist as two counts (a gap's credit
/// depends only on those) and their acceptance as its expiry alone; its
/// roles and KPIs; its phases without goal and exit criteria; no system,
/// assessors, summary, date, risks, scenarios or milestones.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// The id of the assessment it was taken from.
    pub id: String,
    pub title: String,
    pub stated_overall: Option<f64>,
    /// As in an assessment: what a source document states the roadmap
    /// costs; left out when none is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<Range>,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub categories: Vec<CategoryRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub gaps: Vec<GapRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub roles: Vec<Role>,
    /// As in an assessment: the day the roadmap starts; left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub phases: Vec<PhaseRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub kpis: Vec<Kpi>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot {
            id: String::new(),
            title: String::new(),
            stated_overall: None,
            stated_total: None,
            currency: DEFAULT_CURRENCY.to_string(),
            settings: Settings::default(),
            categories: Vec::new(),
            gaps: Vec::new(),
            roles: Vec::new(),
            start_date: None,
            phases: Vec::new(),
            kpis: Vec::new(),
            extra: Extra::new(),
        }
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn is_default_weight(weight: &f64) -> bool {
    *weight == default_weight()
}

/// What a snapshot keeps of a category: everything but its notes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CategoryRecord {
    pub id: String,
    pub name: String,
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = 1)))]
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_score: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a snapshot keeps of a gap: what scores, blockers, effort and a
/// comparison read, without its texts.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GapRecord {
    pub id: String,
    /// The id of its category.
    pub category: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "missing")))]
    pub status: Status,
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "P2")))]
    pub priority: Priority,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "")))]
    pub owner: String,
    /// The id of the roadmap phase that closes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// How far its checklist is; absent when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Checklist>,
    /// As in a gap: the day it should be closed by; left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// As in a gap: the ids of the gaps that must be closed first; left
    /// out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub depends_on: Vec<String>,
    /// The last day its acceptance holds (`acceptance.expires` of the gap),
    /// which decides whether an accepted gap still counts as accepted; left
    /// out when it never expires or the gap has no acceptance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_until: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A checklist's progress: how many of its items are done, of how many.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Checklist {
    pub done: u32,
    pub total: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a snapshot keeps of a phase: its timing, team and costs, without its
/// goal and exit criteria.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PhaseRecord {
    pub id: String,
    pub name: String,
    /// As in a phase: null when it starts right after the previous one ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_week: Option<f64>,
    pub duration_weeks: Range,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub team: Vec<TeamMember>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub costs: Vec<Cost>,
    /// As in a phase: what a source document states it costs; left out
    /// when none is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_cost: Option<Range>,
    /// As in a phase: the ids of the phases it starts after; absent: right
    /// after the previous one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}
