//! Acceptances that expire: an accepted gap whose acceptance has an
//! `expires` day before the day the numbers are computed for counts as
//! missing again, in every score (credit, category, overall, projection,
//! blockers, gains), and is listed as "acceptance expired".
//!
//! The day is an input: the app passes today, the command `--as-of` (today
//! by default), and a milestone is scored as of the day it was saved
//! (`Milestone::as_of`). Without one (`summarize`), no acceptance expires. The rule
//! is applied once, here, by giving the scoring an assessment in which each
//! expired gap is missing; nothing else in the numbers knows of it.

use std::borrow::Cow;

use crate::core::model::{Assessment, Gap, Status};
use crate::core::present::date::day_number;

/// Whether `gap` is accepted with an acceptance that expired before `as_of`
/// (a day number). An `expires` that is not a date never expires (validation
/// reports it); no `as_of`, nothing expires.
pub fn is_expired(gap: &Gap, as_of: Option<i64>) -> bool {
    let (Some(as_of), Status::Accepted) = (as_of, gap.status) else {
        return false;
    };
    let expires = gap.acceptance.as_ref().and_then(|a| a.expires.as_deref()).and_then(day_number);
    expires.is_some_and(|last_day| last_day < as_of)
}

/// The gaps whose acceptance expired before `as_of`, in file order.
pub fn expired(assessment: &Assessment, as_of: Option<i64>) -> impl Iterator<Item = &Gap> {
    assessment.gaps.iter().filter(move |gap| is_expired(gap, as_of))
}

/// The assessment as the numbers see it on day `as_of`: each gap whose
/// acceptance expired is missing. Borrowed as it is when none expired.
pub fn as_of(assessment: &Assessment, as_of: Option<i64>) -> Cow<'_, Assessment> {
    if expired(assessment, as_of).next().is_none() {
        return Cow::Borrowed(assessment);
    }
    let mut counted = assessment.clone();
    for gap in counted.gaps.iter_mut().filter(|gap| is_expired(gap, as_of)) {
        gap.status = Status::Missing;
    }
    Cow::Owned(counted)
}
