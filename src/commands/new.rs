//! `rel new`: start a relationship.

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::cadence::CADENCE_HINT;
use crate::model::date::{DATE_HINT, Toward, parse_date_toward, parse_iso, with_weekday};
use crate::model::relationship::Agreement;
use crate::model::{Cadence, Handle, Kind, Relationship, Role};
use crate::text::sanitize;

/// Start a relationship
///
/// Records who the other person is, which kind of relationship it is and
/// your side of it, and as much of the kickoff conversation as you have:
/// the purpose, what they want, how often you will meet, your goals.
/// Sponsoring adds the destination, why, and the protégé's opt-in;
/// reverse-mentoring a topic and a time box (an end date and/or a number of
/// sessions). On a terminal, rel asks for whatever required value is left out.
///
/// Examples:
///   rel new --person "Ada Lovelace" --kind mentoring --role mentor --cadence biweekly
///   rel new grace --person "Grace Hopper" --role sponsor --destination "Staff engineer by 2027"
///   rel new --person "Linus Berg" --role learner --topic "kernel reviews" --until "in 3m"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship's handle (a-z, 0-9, '-'); made from the name when left out
    pub handle: Option<String>,

    /// The other person's name
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// The kind of relationship [inferred from --role when left out]
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,

    /// Your side of it: mentor or mentee, sponsor or protege, learner or expert
    #[arg(long, value_enum)]
    pub role: Option<Role>,

    /// A goal of the relationship (repeat for several)
    #[arg(long = "goal", value_name = "TEXT")]
    pub goals: Vec<String>,

    /// The first waypoint on the way (with --waypoint-due)
    #[arg(long, value_name = "TEXT", requires = "waypoint_due")]
    pub waypoint: Option<String>,

    /// When the first waypoint should be reached
    #[arg(
        long = "waypoint-due",
        value_name = "DATE",
        allow_hyphen_values = true,
        requires = "waypoint"
    )]
    pub waypoint_due: Option<String>,

    /// A strength of theirs, to reinforce (repeat for several)
    #[arg(long = "strength", value_name = "TEXT")]
    pub strengths: Vec<String>,

    #[command(flatten)]
    pub fields: Fields,
}

/// Every field of a relationship that `rel new` sets and `rel set` changes.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct Fields {
    /// What the relationship is for
    #[arg(long, value_name = "TEXT")]
    pub purpose: Option<String>,

    /// What the other person wants out of it (reverse-mentoring: what the expert gets)
    #[arg(long = "their-aims", value_name = "TEXT")]
    pub their_aims: Option<String>,

    /// How often you meet: weekly, biweekly, monthly, quarterly, or 10d, 3w, 2m
    #[arg(long, value_name = "CADENCE", allow_hyphen_values = true)]
    pub cadence: Option<String>,

    /// The day it started [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub started: Option<String>,

    /// You had the kickoff conversation, on DATE [default: today]
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "today")]
    pub agreed: Option<String>,

    /// How you agreed to work together
    #[arg(long, value_name = "TEXT")]
    pub how: Option<String>,

    /// Sponsoring: where the sponsor will help the protégé get to
    #[arg(long, value_name = "TEXT", help_heading = "Sponsoring")]
    pub destination: Option<String>,

    /// Sponsoring: why this protégé, and why sponsoring rather than mentoring;
    /// reverse-mentoring: why this expert was approached (and what that says
    /// about how the organization sees them)
    #[arg(long, value_name = "TEXT", help_heading = "Sponsoring")]
    pub why: Option<String>,

    /// Sponsoring: the protégé opted in to the shared vision, on DATE [default: today]
    #[arg(long = "opted-in", value_name = "DATE", num_args = 0..=1, default_missing_value = "today", help_heading = "Sponsoring")]
    pub opted_in: Option<String>,

    /// Reverse-mentoring: what the learner wants to understand
    #[arg(long, value_name = "TEXT", help_heading = "Reverse-mentoring")]
    pub topic: Option<String>,

    /// Reverse-mentoring: the last day of the time box
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        help_heading = "Reverse-mentoring"
    )]
    pub until: Option<String>,

    /// Reverse-mentoring: the number of sessions agreed
    #[arg(long, value_name = "N", help_heading = "Reverse-mentoring")]
    pub sessions: Option<u32>,
}

impl Fields {
    /// True when no field was given at all.
    pub fn is_empty(&self) -> bool {
        self.purpose.is_none()
            && self.their_aims.is_none()
            && self.cadence.is_none()
            && self.started.is_none()
            && self.agreed.is_none()
            && self.how.is_none()
            && self.destination.is_none()
            && self.why.is_none()
            && self.opted_in.is_none()
            && self.topic.is_none()
            && self.until.is_none()
            && self.sessions.is_none()
    }

    /// The kind-specific flags given, each with the kind it belongs to.
    pub fn kind_flags(&self) -> Vec<(&'static str, Kind)> {
        let mut flags = Vec::new();
        let sponsoring = [
            ("--destination", self.destination.is_some()),
            ("--why", self.why.is_some()),
            ("--opted-in", self.opted_in.is_some()),
        ];
        let reverse = [
            ("--topic", self.topic.is_some()),
            ("--until", self.until.is_some()),
            ("--sessions", self.sessions.is_some()),
        ];
        flags.extend(
            sponsoring
                .iter()
                .filter(|(_, given)| *given)
                .map(|(f, _)| (*f, Kind::Sponsoring)),
        );
        flags.extend(
            reverse
                .iter()
                .filter(|(_, given)| *given)
                .map(|(f, _)| (*f, Kind::ReverseMentoring)),
        );
        flags
    }

    /// What each relative date given resolved to, to echo back.
    pub fn resolved_dates(&self, rel: &Relationship) -> Vec<String> {
        let dates = [
            ("--started", &self.started, Some(rel.started)),
            (
                "--agreed",
                &self.agreed,
                rel.agreement.as_ref().map(|a| a.date),
            ),
            ("--opted-in", &self.opted_in, rel.opted_in),
            ("--until", &self.until, rel.until),
        ];
        dates
            .into_iter()
            .filter_map(|(flag, text, date)| resolved(flag, text.as_deref()?, date?))
            .collect()
    }

    /// Refuses flags that belong to another kind of relationship.
    pub fn check_kind(&self, kind: Kind, what: &str) -> Result<()> {
        // Why this protégé, or why this expert was approached.
        let why_fits = |flag: &str| flag == "--why" && kind == Kind::ReverseMentoring;
        if let Some((flag, belongs)) = self
            .kind_flags()
            .into_iter()
            .find(|(flag, k)| *k != kind && !why_fits(flag))
        {
            if flag == "--why" {
                return Err(Error::user(format!(
                    "--why is for sponsoring (why this protégé) and reverse-mentoring (why this expert) relationships; {what} is {kind}"
                ))
                .with_hint("leave --why out, or keep the reason in --purpose"));
            }
            return Err(Error::user(format!(
                "{flag} is for {belongs} relationships; {what} is {kind}"
            ))
            .with_hint(format!("leave {flag} out, or use --kind {belongs}")));
        }
        Ok(())
    }

    /// Applies the given fields to `rel`. Empty text clears a field.
    pub fn apply(&self, rel: &mut Relationship, today: NaiveDate) -> Result<()> {
        let text = |value: &Option<String>, current: &mut Option<String>| {
            if let Some(value) = value {
                let value = value.trim();
                *current = (!value.is_empty()).then(|| value.to_string());
            }
        };
        text(&self.purpose, &mut rel.purpose);
        text(&self.their_aims, &mut rel.their_aims);
        text(&self.destination, &mut rel.destination);
        text(&self.why, &mut rel.why);
        text(&self.topic, &mut rel.topic);
        if let Some(cadence) = &self.cadence {
            rel.cadence = if cadence.trim().is_empty() {
                None
            } else {
                Some(parse_cadence(cadence)?)
            };
        }
        if let Some(started) = &self.started {
            rel.started = date("--started", started, today)?;
        }
        if let Some(agreed) = &self.agreed {
            if agreed.trim().is_empty() {
                rel.agreement = None;
            } else {
                let date = not_ahead("--agreed", date("--agreed", agreed, today)?, today)?;
                let how = rel.agreement.take().and_then(|a| a.how);
                rel.agreement = Some(Agreement { date, how });
            }
        }
        if let Some(how) = &self.how {
            let how = how.trim();
            let how = (!how.is_empty()).then(|| how.to_string());
            match &mut rel.agreement {
                Some(agreement) => agreement.how = how,
                None => {
                    rel.agreement = Some(Agreement {
                        date: rel.started,
                        how,
                    });
                }
            }
        }
        if let Some(opted_in) = &self.opted_in {
            rel.opted_in = match opted_in.trim() {
                "" => None,
                text => Some(not_ahead(
                    "--opted-in",
                    date("--opted-in", text, today)?,
                    today,
                )?),
            };
        }
        if self.until.as_deref().is_some_and(|u| u.trim().is_empty()) {
            rel.until = None;
        } else if let Some(until) = &self.until {
            let until = date_ahead("--until", until, today)?;
            if until < rel.started {
                return Err(Error::user(format!(
                    "--until {until} is before the relationship started ({})",
                    rel.started
                ))
                .with_hint("the time box ends after it starts"));
            }
            rel.until = Some(until);
        }
        if let Some(sessions) = self.sessions {
            if sessions == 0 {
                return Err(Error::user("--sessions must be at least 1")
                    .with_hint("the number of sessions agreed, like --sessions 6"));
            }
            rel.sessions = Some(sessions);
        }
        Ok(())
    }
}

/// An agreement or an opt-in records what happened: not a day to come.
fn not_ahead(flag: &str, day: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if day > today {
        return Err(Error::user(format!(
            "{flag} {day} is in the future; record it once it has happened"
        ))
        .with_hint(format!(
            "leave the date out for today ({flag}), or give a day that has passed"
        )));
    }
    Ok(day)
}

pub fn parse_cadence(text: &str) -> Result<Cadence> {
    text.parse()
        .map_err(|e| Error::user(format!("--cadence: {e}")).with_hint(CADENCE_HINT))
}

/// A date flag's value (day names lean to the past), or a one-line error
/// naming the flag.
pub fn date(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    date_toward(flag, text, today, Toward::Past)
}

/// A date flag for something still to come (`--due friday` is the coming one).
pub fn date_ahead(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    date_toward(flag, text, today, Toward::Future)
}

fn date_toward(flag: &str, text: &str, today: NaiveDate, toward: Toward) -> Result<NaiveDate> {
    parse_date_toward(text, today, toward).map_err(|e| {
        Error::user(format!("{flag}: {}", sanitize(&e.to_string()))).with_hint(DATE_HINT)
    })
}

/// `--due in 2w: Thu 2026-12-10`, when the date was not written as
/// YYYY-MM-DD, so a person sees what a relative date meant.
pub fn resolved(flag: &str, text: &str, date: NaiveDate) -> Option<String> {
    parse_iso(text).is_none().then(|| {
        format!(
            "{flag} {}: {}",
            crate::text::echo(text.trim()),
            with_weekday(date)
        )
    })
}

pub fn run(ctx: &Ctx, mut args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    let asking = ctx.prompt.allowed()
        && (args.person.is_none()
            || (args.kind.is_none() && args.role.is_none())
            || args.role.is_none());
    if asking {
        ask(ctx, &mut args)?;
    }
    let (person, kind, role) = required(&args)?;
    args.fields.check_kind(kind, "this relationship")?;
    let handle = match &args.handle {
        Some(text) => Handle::parse(text).map_err(|why| {
            Error::user(format!(
                "'{}' cannot be a handle: {why}",
                crate::text::echo(text)
            ))
            .with_hint("handles are lowercase letters, digits and '-', like ada-lovelace")
        })?,
        None => Handle::from_name(&person).ok_or_else(|| {
            Error::user(format!(
                "cannot make a handle from '{}'",
                crate::text::echo(&person)
            ))
            .with_hint("give one: rel new HANDLE --person …")
        })?,
    };
    if ctx.journal.listing()?.handles.contains(&handle) {
        return Err(Error::user(format!("a relationship named '{handle}' already exists"))
            .with_hint(format!("pick another handle: rel new {handle}-2 --person …  (rel show {handle} shows the existing one)")));
    }

    let started = match &args.fields.started {
        Some(text) => date("--started", text, ctx.today)?,
        None => ctx.today,
    };
    let mut rel = Relationship::new(person, role, started);
    if args.fields.cadence.is_none() {
        rel.cadence = ctx.config.default_cadence.clone();
    }
    args.fields.apply(&mut rel, ctx.today)?;
    for goal in args
        .goals
        .iter()
        .map(|g| g.trim())
        .filter(|g| !g.is_empty())
    {
        rel.add_goal(goal.to_string(), started, None);
    }
    if let (Some(text), Some(due)) = (&args.waypoint, &args.waypoint_due) {
        let text = super::item_text(text, "waypoint")?;
        let due = date_ahead("--waypoint-due", due, ctx.today)?;
        if due < started {
            return Err(Error::user(format!(
                "--waypoint-due {due} is before the relationship starts ({started})"
            ))
            .with_hint("give a day still to come"));
        }
        rel.add_waypoint(text, due, started);
    }
    for strength in args
        .strengths
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        rel.add_strength(strength.to_string(), started);
    }

    let txn = ctx.journal.begin()?;
    let path = txn.create(&handle, &rel)?;
    drop(txn);
    for line in args.fields.resolved_dates(&rel) {
        ctx.say(&format!("({line})"));
    }

    ctx.changed(format!(
        "new {handle} ({}, {})",
        rel.kind,
        rel.role.as_str()
    ));
    let p = ctx.paint_err;
    let mut lines = vec![format!(
        "Started {}: {} with {}, you are the {}.",
        p.bold(handle.as_str()),
        rel.kind,
        sanitize(&rel.person),
        rel.role.label()
    )];
    lines.push(p.dim(&format!("  {}", path.display())));
    if let Some(line) = created_line(&rel) {
        lines.push(format!("  {line}"));
    }
    if rel.agreement.is_none() {
        lines.push(format!(
            "Next: have the kickoff conversation, then record it with `rel set {handle} --agreed --how TEXT`."
        ));
    } else {
        lines.push(format!("Next: after each meeting, `rel checkin {handle}`; `rel status` shows where things stand."));
    }
    ctx.say(&lines.join("\n"));
    Ok(())
}

/// The items a new relationship starts with, each with its id and words:
/// `goals: g1 Run a design review · g2 Mentor an intern`.
fn created_line(rel: &Relationship) -> Option<String> {
    let mut said: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    let mut group = |label: &str, items: Vec<(crate::model::ItemId, &str)>| {
        if !items.is_empty() {
            let words: Vec<String> = items
                .iter()
                .map(|(id, text)| format!("{id} {}", sanitize(&crate::text::clip(text, 50))))
                .collect();
            groups.push(format!("{label}: {}", words.join(" · ")));
        }
    };
    group(
        if rel.goals.len() == 1 {
            "goal"
        } else {
            "goals"
        },
        rel.goals.iter().map(|g| (g.id, g.text.as_str())).collect(),
    );
    group(
        if rel.waypoints.len() == 1 {
            "waypoint"
        } else {
            "waypoints"
        },
        rel.waypoints
            .iter()
            .map(|w| (w.id, w.text.as_str()))
            .collect(),
    );
    group(
        if rel.strengths.len() == 1 {
            "strength"
        } else {
            "strengths"
        },
        rel.strengths
            .iter()
            .map(|s| (s.id, s.text.as_str()))
            .collect(),
    );
    said.append(&mut groups);
    (!said.is_empty()).then(|| said.join("\n  "))
}

/// The person, kind and role, or an error naming what is missing.
fn required(args: &Args) -> Result<(String, Kind, Role)> {
    let person = args
        .person
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let kind = args.kind.or(args.role.map(Role::kind));
    let mut missing = Vec::new();
    if person.is_none() {
        missing.push("--person NAME");
    }
    if kind.is_none() {
        missing.push("--kind KIND");
    }
    if args.role.is_none() {
        missing.push("--role ROLE");
    }
    if args.person.is_some() && person.is_none() {
        return Err(Error::user("the person's name cannot be empty")
            .with_hint("rel new --person \"Ada Lovelace\" …"));
    }
    if let (Some(p), Some(k), Some(r)) = (person, kind, args.role) {
        if r.kind() != k {
            let [a, b] = k.roles();
            return Err(Error::user(format!(
                "a {k} relationship has a {} and a {}, not a {}",
                a.label(),
                b.label(),
                r.label()
            ))
            .with_hint(format!(
                "use --role {} or --role {}, or --kind {}",
                a.as_str(),
                b.as_str(),
                r.kind()
            )));
        }
        return Ok((p.to_string(), k, r));
    }
    let hint = match kind {
        Some(k) if args.role.is_none() => {
            let [a, b] = k.roles();
            format!(
                "for {k}, your role is --role {} or --role {}",
                a.as_str(),
                b.as_str()
            )
        }
        _ => "rel new --person NAME --kind mentoring|sponsoring|reverse-mentoring --role ROLE"
            .to_string(),
    };
    Err(Error::user(format!("missing {}", missing.join(", "))).with_hint(hint))
}

/// The first waypoint on the way to the destination, and its day.
pub fn ask_first_waypoint(
    ctx: &Ctx,
    text: &mut Option<String>,
    due: &mut Option<String>,
) -> Result<()> {
    let prompt = &ctx.prompt;
    *text = prompt.text("The first waypoint on the way (Enter to skip)", None, false)?;
    if text.is_some() {
        let today = ctx.today;
        *due = prompt.parsed("When should it be reached?", None, |s| {
            parse_date_toward(s, today, Toward::Future)
                .map(|_| s.to_string())
                .map_err(|e| format!("{e}: {DATE_HINT}"))
        })?;
        if due.is_none() {
            *text = None;
        }
    }
    Ok(())
}

/// Walks a person through starting a relationship on a terminal.
fn ask(ctx: &Ctx, args: &mut Args) -> Result<()> {
    let prompt = &ctx.prompt;
    if args.person.as_deref().is_none_or(|p| p.trim().is_empty()) {
        args.person = prompt.text("Who is it with? (their name)", None, true)?;
    }
    let kind = match args.kind.or(args.role.map(Role::kind)) {
        Some(kind) => kind,
        None => {
            let items = vec![
                "mentoring — a more experienced person guides a less experienced one".to_string(),
                "sponsoring — a sponsor actively advances a protégé toward a destination"
                    .to_string(),
                "reverse-mentoring — a senior learns a topic from a junior expert, time-boxed"
                    .to_string(),
            ];
            Kind::ALL[prompt.select("What kind of relationship?", &items, 0)?]
        }
    };
    args.kind = Some(kind);
    if args.role.is_none() {
        let [a, b] = kind.roles();
        let items = vec![
            format!("I am the {} (they are the {})", a.label(), b.label()),
            format!("I am the {} (they are the {})", b.label(), a.label()),
        ];
        args.role = Some(
            if prompt.select("Which side are you on?", &items, 0)? == 0 {
                a
            } else {
                b
            },
        );
    }
    let f = &mut args.fields;
    if f.purpose.is_none() {
        f.purpose = prompt.text("What is it for? (purpose, Enter to skip)", None, false)?;
    }
    if f.their_aims.is_none() {
        let label = if args.role == Some(Role::Learner) {
            "What does the expert want out of it? (Enter to skip)"
        } else {
            "What do they want out of it? (Enter to skip)"
        };
        f.their_aims = prompt.text(label, None, false)?;
    }
    if f.cadence.is_none() {
        let default = ctx
            .config
            .default_cadence
            .as_ref()
            .map_or("biweekly".to_string(), ToString::to_string);
        f.cadence = prompt.parsed("How often will you meet?", Some(&default), |s| {
            s.parse::<Cadence>()
                .map(|_| s.to_string())
                .map_err(|e| format!("{e}: {CADENCE_HINT}"))
        })?;
    }
    match kind {
        Kind::Sponsoring => {
            if f.destination.is_none() {
                f.destination = prompt.text(
                    "Where is the protégé headed? (destination, Enter to skip)",
                    None,
                    false,
                )?;
            }
            if f.why.is_none() {
                f.why = prompt.text(
                    "Why this protégé, and why sponsoring? (Enter to skip)",
                    None,
                    false,
                )?;
            }
            let protege = args.role == Some(Role::Protege);
            if f.opted_in.is_none() {
                let label = if protege {
                    "Have you opted in to this destination, committed to it?"
                } else {
                    "Has the protégé opted in to this destination, committed to it?"
                };
                if prompt.confirm(label, false)? {
                    f.opted_in = Some("today".to_string());
                }
            }
            if args.waypoint.is_none() {
                ask_first_waypoint(ctx, &mut args.waypoint, &mut args.waypoint_due)?;
            }
            if args.strengths.is_empty() {
                let label = if protege {
                    "A strength of yours that got you here, to reinforce"
                } else {
                    "A strength of theirs that sets them apart, to reinforce"
                };
                args.strengths = prompt.lines(label)?;
            }
        }
        Kind::ReverseMentoring => {
            if f.topic.is_none() {
                f.topic = prompt.text("What is the topic? (Enter to skip)", None, false)?;
            }
            if f.why.is_none() {
                let label = if args.role == Some(Role::Expert) {
                    "Why were you approached, and what does it say about how they see you? (Enter to skip)"
                } else {
                    "Why this expert, and what does it say about how the organization sees them? (Enter to skip)"
                };
                f.why = prompt.text(label, None, false)?;
            }
            if f.until.is_none() && f.sessions.is_none() {
                let today = ctx.today;
                f.until = prompt.parsed(
                    "Until when? (time box, e.g. in 3m; Enter to skip)",
                    None,
                    |s| {
                        parse_date_toward(s, today, Toward::Future)
                            .map(|_| s.to_string())
                            .map_err(|e| format!("{e}: {DATE_HINT}"))
                    },
                )?;
            }
        }
        Kind::Mentoring => {}
    }
    if args.goals.is_empty() {
        args.goals = prompt.lines("A goal")?;
    }
    let f = &mut args.fields;
    if f.agreed.is_none()
        && f.how.is_none()
        && prompt.confirm("Have you had the kickoff conversation already?", false)?
    {
        f.agreed = Some("today".to_string());
        f.how = prompt.text(
            "How did you agree to work together? (Enter to skip)",
            None,
            false,
        )?;
    }
    Ok(())
}
