//! The three kinds of relationship, the user's side of each, and the
//! small enums that go with them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Which of the essay's three relationships this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Mentoring,
    Sponsoring,
    #[value(alias = "reverse")]
    ReverseMentoring,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Mentoring, Kind::Sponsoring, Kind::ReverseMentoring];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Mentoring => "mentoring",
            Kind::Sponsoring => "sponsoring",
            Kind::ReverseMentoring => "reverse-mentoring",
        }
    }

    /// A short label for narrow table columns.
    pub fn short(self) -> &'static str {
        match self {
            Kind::Mentoring => "mentoring",
            Kind::Sponsoring => "sponsoring",
            Kind::ReverseMentoring => "reverse",
        }
    }

    /// The two sides of this kind: the senior side first.
    pub fn roles(self) -> [Role; 2] {
        match self {
            Kind::Mentoring => [Role::Mentor, Role::Mentee],
            Kind::Sponsoring => [Role::Sponsor, Role::Protege],
            Kind::ReverseMentoring => [Role::Learner, Role::Expert],
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The user's side of the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Mentor,
    Mentee,
    Sponsor,
    #[value(alias = "protégé")]
    #[serde(alias = "protégé")]
    Protege,
    Learner,
    Expert,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Sponsor => "sponsor",
            Role::Protege => "protege",
            Role::Learner => "learner",
            Role::Expert => "expert",
        }
    }

    /// The role as a person would write it.
    pub fn label(self) -> &'static str {
        match self {
            Role::Protege => "protégé",
            other => other.as_str(),
        }
    }

    /// The kind this role belongs to.
    pub fn kind(self) -> Kind {
        match self {
            Role::Mentor | Role::Mentee => Kind::Mentoring,
            Role::Sponsor | Role::Protege => Kind::Sponsoring,
            Role::Learner | Role::Expert => Kind::ReverseMentoring,
        }
    }

    /// The other person's role.
    pub fn other(self) -> Role {
        match self {
            Role::Mentor => Role::Mentee,
            Role::Mentee => Role::Mentor,
            Role::Sponsor => Role::Protege,
            Role::Protege => Role::Sponsor,
            Role::Learner => Role::Expert,
            Role::Expert => Role::Learner,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where a relationship is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Active,
    Paused,
    Ended,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Ended => "ended",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whose action item it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    #[default]
    Me,
    Them,
}

impl Owner {
    pub fn as_str(self) -> &'static str {
        match self {
            Owner::Me => "me",
            Owner::Them => "them",
        }
    }
}
