//! Two machines, one journal: merging what each changed, with no conflict
//! in any file rel wrote.
//!
//! - [`files`]: the merge of one file of each kind rel keeps (a
//!   relationship, a check-in, `journal.toml`), from the three versions
//!   git hands over: generic (see [`super::merge3`]) but for what only rel
//!   knows (ids that collide, counters, dates that only move forward);
//! - [`renumber`]: new items both machines gave the same id;
//! - [`driver`]: the merge as git's merge driver, for `git pull` and
//!   `git merge`, and as `rel sync` runs it;
//! - [`setup`]: registering the driver in a clone, and `.gitattributes`;
//! - [`remote`]: commit, fetch, merge, push;
//! - [`modes`]: 0700 and 0600 again after git wrote files its way.

pub mod driver;
pub mod files;
pub mod modes;
pub mod remote;
pub mod renumber;
pub mod setup;

pub use files::{FileMerge, Recorded};
pub use remote::{SyncError, Synced};
pub use renumber::Renumbered;
