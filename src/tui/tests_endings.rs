//! Endings tests (filled below).
