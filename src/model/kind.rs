//! The three kinds of relationship, the user's side of each, and the
//! small enums that go with them.

word_enum! {
    /// Which of the essay's three relationships this is.
    #[derive(clap::ValueEnum)]
    pub enum Kind("kind") {
        Mentoring = "mentoring",
        Sponsoring = "sponsoring",
        #[value(alias = "reverse")]
        ReverseMentoring = "reverse-mentoring" | "reverse",
    }
}

impl Kind {
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

word_enum! {
    /// The user's side of the relationship.
    #[derive(clap::ValueEnum)]
    pub enum Role("role") {
        Mentor = "mentor",
        Mentee = "mentee",
        Sponsor = "sponsor",
        #[value(alias = "protégé")]
        Protege = "protege" | "protégé",
        Learner = "learner",
        Expert = "expert",
    }
}

impl Role {
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

word_enum! {
    /// Where a relationship is in its life.
    #[derive(Default)]
    pub enum Status("status") {
        #[default]
        Active = "active",
        Paused = "paused",
        Ended = "ended",
    }
}

word_enum! {
    /// Whose action item it is.
    #[derive(Default)]
    pub enum Owner("owner") {
        #[default]
        Me = "me",
        Them = "them",
    }
}
