//! End-to-end tests: the real `rel` binary against temporary journals, with
//! today fixed, colour off and a fixed width. One test binary, a module per
//! command.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bad_files;
mod cache;
mod calendar;
mod check;
mod checkin;
mod durability;
mod edit;
mod env;
mod escapes;
mod export;
mod fixtures;
mod git;
mod history;
mod hostile;
mod import;
mod interactive;
mod items;
mod judgement;
mod layers;
mod lifecycle;
mod log;
mod new;
mod pager;
mod pictures;
mod prefix;
mod prep;
mod recap;
mod recontract;
mod replan;
mod report;
mod scaling;
mod schema;
mod search;
mod shell;
mod status;
mod storage;
mod threads;
mod tour;
mod undo;
mod week;
mod wide;
