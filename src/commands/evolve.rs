//! `rel evolve`: reverse-mentoring into mentoring, mentoring into sponsoring.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{Cadence, Handle, Kind, Role};
use crate::report::{change_line, needs};
use crate::store::Words;
use crate::text::{clip, sanitize};

use super::new::{Fields, ask_first_waypoint, date_ahead};
use super::{change, day, life_error};

/// Turn a relationship into the next kind, keeping its history
///
/// Reverse-mentoring may evolve into mentoring, and mentoring into
/// sponsoring. Everything recorded stays; the change is kept in the
/// relationship's history, and what the new kind still needs shows up in
/// `rel status`. Without --role your side carries over: a learner becomes
/// the mentor, an expert the mentee, a mentor the sponsor, a mentee the
/// protégé.
///
/// A new kind of relationship asks for a new kickoff: until an agreement
/// (and, for sponsoring, the protégé's opt-in) is recorded on or after the
/// day it evolved, `rel status` asks to re-contract. On a terminal, rel
/// walks you through it — the purpose, their aims, the cadence, the
/// agreement; for sponsoring the destination, why, the opt-in and the first
/// waypoint — and every field it changes is kept in the history, every
/// word of the old value and the new.
///
/// Examples:
///   rel evolve linus --into mentoring
///   rel evolve linus --into mentoring --purpose "Grow into a staff engineer" --agreed --how "Monthly, her agenda"
///   rel evolve ada-lovelace --into sponsoring --destination "Staff by 2027" --opted-in --waypoint "Lead the Q1 review" --waypoint-due 2027-03-31
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The kind it becomes
    #[arg(long, value_enum)]
    pub into: Kind,
    /// Your side in the new kind
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// The day it changed [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,

    /// What the relationship is for now
    #[arg(long, value_name = "TEXT", help_heading = "The new kickoff")]
    pub purpose: Option<String>,
    /// What the other person wants out of it now
    #[arg(
        long = "their-aims",
        value_name = "TEXT",
        help_heading = "The new kickoff"
    )]
    pub their_aims: Option<String>,
    /// How often you meet now
    #[arg(long, value_name = "CADENCE", help_heading = "The new kickoff")]
    pub cadence: Option<String>,
    /// You had the new kickoff conversation, on DATE [default: today]
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "today", help_heading = "The new kickoff")]
    pub agreed: Option<String>,
    /// How you agreed to work together now
    #[arg(long, value_name = "TEXT", help_heading = "The new kickoff")]
    pub how: Option<String>,
    /// Sponsoring: where the sponsor will help the protégé get to
    #[arg(long, value_name = "TEXT", help_heading = "The new kickoff")]
    pub destination: Option<String>,
    /// Sponsoring: why this protégé, and why sponsoring rather than mentoring
    #[arg(long, value_name = "TEXT", help_heading = "The new kickoff")]
    pub why: Option<String>,
    /// Sponsoring: the protégé opted in to the destination, on DATE [default: today]
    #[arg(long = "opted-in", value_name = "DATE", num_args = 0..=1, default_missing_value = "today", help_heading = "The new kickoff")]
    pub opted_in: Option<String>,
    /// Sponsoring: the first waypoint on the way (with --waypoint-due)
    #[arg(
        long,
        value_name = "TEXT",
        requires = "waypoint_due",
        help_heading = "The new kickoff"
    )]
    pub waypoint: Option<String>,
    /// When the first waypoint should be reached
    #[arg(
        long = "waypoint-due",
        value_name = "DATE",
        allow_hyphen_values = true,
        requires = "waypoint",
        help_heading = "The new kickoff"
    )]
    pub waypoint_due: Option<String>,
}

impl Args {
    /// The kickoff as the fields `rel new` and `rel set` take.
    fn fields(&self) -> Fields {
        Fields {
            purpose: self.purpose.clone(),
            their_aims: self.their_aims.clone(),
            cadence: self.cadence.clone(),
            agreed: self.agreed.clone(),
            how: self.how.clone(),
            destination: self.destination.clone(),
            why: self.why.clone(),
            opted_in: self.opted_in.clone(),
            ..Fields::default()
        }
    }

    fn has_kickoff(&self) -> bool {
        !self.fields().is_empty() || self.waypoint.is_some()
    }
}

/// What the evolution did, to say.
struct Evolved {
    from: Kind,
    role: Role,
    /// The fields changed, a line each.
    said: Vec<String>,
    waypoint: Option<crate::model::ItemId>,
}

pub fn run(ctx: &Ctx, mut args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    // Said in full before the kickoff's first question, when given in part.
    let handle = super::find_to_change(ctx, &args.handle)?;
    let on = day(ctx, args.date.as_deref())?;
    if ctx.prompt.allowed() && !args.has_kickoff() {
        kickoff(ctx, &handle, &mut args, on)?;
    }
    let fields = args.fields();
    fields.check_kind(args.into, &format!("{handle}, evolved,"))?;
    let waypoint = match (&args.waypoint, &args.waypoint_due) {
        (Some(text), Some(due)) => Some((
            super::item_text(text, "waypoint")?,
            date_ahead("--waypoint-due", due, ctx.today)?,
        )),
        _ => None,
    };
    let today = ctx.today;
    let changed = change(ctx, handle.as_str(), |rel, handle| {
        let from = rel.kind;
        let role = rel
            .evolve(args.into, args.role, on)
            .map_err(|e| life_error(&e, handle))?;
        // What the kickoff changes, every word of it, on the day it evolved.
        let before = rel.clone();
        fields.apply(rel, today)?;
        let changes = rel.changes_from(&before);
        let said = changes
            .iter()
            .map(|c| change_line(c.field, c.old.as_deref(), c.new.as_deref()))
            .collect();
        rel.record_changes(changes, on);
        let waypoint = match &waypoint {
            Some((_, due)) if *due < on => {
                return Err(Error::user(format!(
                    "--waypoint-due {due} is before the day it evolved ({on})"
                ))
                .with_hint("give the waypoint a day still to come"));
            }
            Some((text, due)) => Some(rel.add_waypoint(text.clone(), *due, on)),
            None => None,
        };
        Ok(Evolved {
            from,
            role,
            said,
            waypoint,
        })
    })?;
    for line in fields.resolved_dates(&changed.rel) {
        ctx.say(&format!("({line})"));
    }
    let Evolved {
        from,
        role,
        said,
        waypoint,
    } = changed.value;
    ctx.changed(format!(
        "evolve {} into {}",
        changed.handle, changed.rel.kind
    ));
    let mut lines = vec![format!(
        "{} evolved from {from} into {}: you are the {}.",
        changed.handle,
        changed.rel.kind,
        role.label()
    )];
    lines.extend(said.iter().map(|line| format!("  {}", sanitize(line))));
    if let Some(id) = waypoint {
        lines.push(format!(
            "  new waypoint: {id} {}",
            super::item_line(&changed.rel, id)
        ));
    }
    ctx.say(&lines.join("\n"));
    let Ok(view) = super::load_view(ctx, &changed.handle, 1, Words::Open) else {
        return Ok(());
    };
    let missing: Vec<String> = view
        .assessment
        .understandings
        .iter()
        .flat_map(|u| u.facts.iter().filter(|f| !f.ok))
        .filter_map(|f| {
            needs::fact_fix(f, changed.handle.as_str())
                .map(|fix| format!("  {} → {fix}", needs::fact_text(f)))
        })
        .collect();
    if !missing.is_empty() {
        ctx.say(&format!("What {} still needs:", changed.rel.kind));
        for line in missing {
            ctx.say(&line);
        }
    }
    Ok(())
}

/// The new kickoff, on a terminal: what the relationship is for now and
/// how the pair will work, each answer starting from what it says today.
fn kickoff(ctx: &Ctx, handle: &Handle, args: &mut Args, on: chrono::NaiveDate) -> Result<()> {
    let rel = ctx
        .journal
        .load(handle)
        .map_err(|p| super::problems_error(&[p]))?;
    // Refuse before asking anything.
    let mut probe = rel.clone();
    let role = probe
        .evolve(args.into, args.role, on)
        .map_err(|e| life_error(&e, handle))?;
    let prompt = &ctx.prompt;
    ctx.say(&format!(
        "Evolving {} from {} into {} (you will be the {}): the new kickoff — what you both want now, and how you will work.",
        ctx.paint_err.bold(handle.as_str()),
        rel.kind,
        args.into,
        role.label()
    ));
    let keep = |label: &str, current: &Option<String>| match current {
        Some(text) => format!("{label} (Enter keeps: {})", clip(&sanitize(text), 40)),
        None => format!("{label} (Enter to skip)"),
    };
    let ask = |label: &str, current: &Option<String>| -> Result<Option<String>> {
        let answer = prompt.text(&keep(label, current), None, false)?;
        Ok(answer.or_else(|| current.clone()))
    };
    args.purpose = ask("What is it for now?", &rel.purpose)?;
    let aims = if role == Role::Mentee || role == Role::Protege {
        "What does your mentor or sponsor want out of it now?"
    } else {
        "What do they want out of it now?"
    };
    args.their_aims = ask(aims, &rel.their_aims)?;
    if args.into == Kind::Sponsoring {
        args.destination = ask(
            "Where is the protégé headed? (destination)",
            &rel.destination,
        )?;
        args.why = ask(
            "Why this protégé, and why sponsoring rather than mentoring?",
            &rel.why,
        )?;
    }
    let cadence = rel
        .cadence
        .clone()
        .or_else(|| ctx.config.default_cadence.clone())
        .map(|c| c.to_string());
    args.cadence = prompt.parsed(&keep("How often will you meet?", &cadence), None, |s| {
        s.parse::<Cadence>()
            .map(|_| s.to_string())
            .map_err(|e| format!("{e}: {}", crate::model::cadence::CADENCE_HINT))
    })?;
    if prompt.confirm(
        "Have you had the new kickoff conversation (what you hope for, how you will work)?",
        false,
    )? {
        args.agreed = Some("today".to_string());
        let how = rel.agreement.as_ref().and_then(|a| a.how.clone());
        args.how = ask("How will you work together now?", &how)?;
    }
    if args.into == Kind::Sponsoring {
        let label = if role == Role::Protege {
            "Have you opted in to this destination, committed to it?"
        } else {
            "Has the protégé opted in to this destination, committed to it?"
        };
        if prompt.confirm(label, false)? {
            args.opted_in = Some("today".to_string());
        }
        ask_first_waypoint(ctx, &mut args.waypoint, &mut args.waypoint_due)?;
    }
    if !prompt.confirm(
        &format!("Evolve {handle} into {} on {on}?", args.into),
        true,
    )? {
        return Err(Error::user("not evolved; nothing was written"));
    }
    Ok(())
}
