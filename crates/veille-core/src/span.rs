//! Byte ranges into a document's original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original text of a [`crate::Doc`].
///
/// `u32` keeps tokens small (the tokenizer writes millions per second); documents over 4 GiB are
/// rejected at ingestion long before they reach a `Span`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// The text this span covers. Panics only if the span is not from `text` (a programming
    /// error that [`crate::validate_doc`] catches in tests).
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}
