//! Dependency parser (work in progress by the parser engineer; see issue #3).
