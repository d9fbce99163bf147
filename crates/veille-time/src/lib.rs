//! TIMEX3 detection and normalization (work in progress).
