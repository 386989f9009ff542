//! Attribution: who said what in a story body. (Being written.)

use chrono::NaiveDate;

use crate::article::{Quote, Speaker};

/// The speakers, organisations and quotes found in one body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// People quoted, canonical name first seen order.
    pub speakers: Vec<Speaker>,
    /// Organisations quoted.
    pub organisations: Vec<Speaker>,
    /// Every attributed statement in body order.
    pub quotes: Vec<Quote>,
}

/// Finds every attributed statement in `body`. `published` resolves "said on Thursday".
pub fn attribute(_body: &str, _published: Option<NaiveDate>) -> Attribution {
    Attribution::default()
}
