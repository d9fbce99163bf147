//! Time expressions (TIMEX3), as the time stage writes them into a [`crate::Doc`].

use crate::Span;
use serde::Serialize;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// TIMEX3 `mod` attribute: "début 2021" is 2021 with START, "plus de deux ans" P2Y MORE_THAN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Before,
    After,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Approx,
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte range in the text given to `veille_time::find_times`.
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (see the crate documentation).
    pub value: String,
    /// The value was computed from the anchor (article date): "hier", "vendredi", "30
    /// septembre" (its year). False for explicit dates and for values left with X digits.
    pub anchored: bool,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// Name of the grammar rule that matched, for debugging and evaluation reports.
    pub rule: &'static str,
}
