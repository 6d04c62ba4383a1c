//! Decoding a gap's acceptance: why, by whom, and until when it holds.
//! Whether `expires` is a date is for validation to say.

use super::{Decoder, Object, Place};
use crate::core::model::Acceptance;

impl Decoder<'_, '_> {
    /// A gap's acceptance: its reason, who gave it, and when it expires.
    pub(super) fn acceptance(&mut self, o: &mut Object) -> Option<Acceptance> {
        let value = o.get("acceptance")?;
        let mut a = self.object(value, Place::Key(&o.place, "acceptance"))?;
        Some(Acceptance {
            reason: self.text(&mut a, "reason"),
            by: self.text(&mut a, "by"),
            expires: self.optional_text(&mut a, "expires"),
            extra: a.rest(),
        })
    }
}
