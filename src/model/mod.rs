//! The domain: relationships, their items and check-ins, and what they
//! add up to. Pure: no I/O, no clock.

#[macro_use]
mod words;

pub mod activity;
pub mod agenda;
pub mod assess;
pub mod brief;
pub mod cadence;
pub mod checkin;
pub mod consistency;
pub mod date;
pub mod fold;
pub mod handle;
pub mod history;
pub mod id;
pub mod items;
pub mod kind;
pub mod merged;
pub mod period;
pub mod range;
pub mod recontract;
pub mod relationship;
pub mod replan;
pub mod revision;
pub mod rhythm;
pub mod search;

pub use activity::{Activity, Totals};
pub use assess::{Assessment, Attention, Health, Level, Need, Settings, Snapshot, Which, assess};
pub use brief::{Brief, Meetings, Tally};
pub use cadence::Cadence;
pub use checkin::{CheckIn, CheckinId, Rating};
pub use handle::Handle;
pub use id::{ItemId, ItemKind};
pub use kind::{Kind, Owner, Role, Status};
pub use period::Period;
pub use range::DateRange;
pub use relationship::Relationship;
