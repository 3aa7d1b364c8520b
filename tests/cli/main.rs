//! End-to-end tests: the real `rel` binary against temporary journals, with
//! today fixed, colour off and a fixed width. One test binary, a module per
//! command.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod checkin;
mod env;
mod export;
mod import;
mod new;
mod status;
mod storage;
