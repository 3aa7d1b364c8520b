//! The domain: relationships, their items and check-ins, and what they
//! add up to. Pure: no I/O, no clock.

#[macro_use]
mod words;

pub mod assess;
pub mod cadence;
pub mod checkin;
pub mod consistency;
pub mod date;
pub mod handle;
pub mod id;
pub mod items;
pub mod kind;
pub mod relationship;

pub use assess::{Assessment, Attention, Health, Level, Settings, Snapshot, Which, assess};
pub use cadence::Cadence;
pub use checkin::{CheckIn, CheckinId, Rating};
pub use handle::Handle;
pub use id::{ItemId, ItemKind};
pub use kind::{Kind, Owner, Role, Status};
pub use relationship::Relationship;
