//! Needs and facts in words: the sentence a person reads, and the command
//! that deals with it. The model says what is missing or late; this is
//! the only place that says it in English.

use crate::model::assess::{Fact, Need, Setup, Timing, What};
use crate::model::kind::Owner;
use crate::model::{Kind, Relationship, Role, Which};

use super::words::{ago, in_days, plural, span};

/// The understanding's title: `What you want`, …
pub fn title(which: Which) -> &'static str {
    match which {
        Which::Want => "What you want",
        Which::How => "How you get there",
        Which::Where => "Where you are",
        Which::Them => "Where they are",
    }
}

/// Item text cut to fit on one attention line.
fn clip(text: &str) -> String {
    crate::text::clip(text, 48)
}

/// `3 of 6 sessions held`, `4 sessions held`.
fn sessions_held(held: usize, sessions: Option<u32>) -> String {
    match sessions {
        Some(n) => format!("{held} of {n} sessions held"),
        None => plural(held, "session") + " held",
    }
}

const TIME_BOX_CHOICE: &str = "conclude, extend or evolve into mentoring";

/// The need in one line, without the handle.
pub fn sentence(need: &Need) -> String {
    match need {
        Need::CheckinOverdue {
            last_checkin: Some(_),
            days_since,
            cadence,
            ..
        } => format!("no check-in for {days_since} days (cadence {cadence})"),
        Need::CheckinOverdue {
            last_checkin: None,
            days_since,
            cadence,
            ..
        } => format!("no check-in since it started {days_since} days ago (cadence {cadence})"),
        Need::CheckinDue {
            days_since: Some(days),
            cadence,
            ..
        } => format!("check-in due: the last was {days} days ago (cadence {cadence})"),
        Need::CheckinDue {
            days_since: None,
            cadence,
            ..
        } => format!("first check-in due (cadence {cadence})"),
        Need::PlannedMeetingMissing { planned, .. } => {
            format!("the meeting planned for {planned} is not recorded")
        }
        Need::TimeBoxEnded {
            days_ago,
            held,
            sessions,
            ..
        } => format!(
            "reverse-mentoring time box ended {} ({}) — {TIME_BOX_CHOICE}",
            ago(*days_ago),
            sessions_held(*held, *sessions)
        ),
        Need::TimeBoxEnding {
            days_left,
            held,
            sessions,
            ..
        } => format!(
            "reverse-mentoring ends {} ({}) — {TIME_BOX_CHOICE}",
            in_days(*days_left),
            sessions_held(*held, *sessions)
        ),
        Need::SessionsAllHeld { sessions, .. } => {
            format!("all {sessions} reverse-mentoring sessions held — {TIME_BOX_CHOICE}")
        }
        Need::LastSession { held, sessions } => format!(
            "reverse-mentoring: {}, one left — {TIME_BOX_CHOICE}",
            sessions_held(*held, Some(*sessions))
        ),
        Need::WaypointLate { id, text, due, .. } => {
            format!("waypoint {id} \"{}\" was due {due}", clip(text))
        }
        Need::GoalLate { id, text, due, .. } => {
            format!("goal {id} \"{}\" was due {due}", clip(text))
        }
        Need::Drift {
            meetings_since_movement,
            anything_moved,
        } => {
            let what = if *anything_moved {
                "since anything moved"
            } else {
                "and nothing has moved yet"
            };
            format!(
                "{} {what} — is the pairing still serving its purpose?",
                plural(*meetings_since_movement, "meeting")
            )
        }
        Need::NotOptedIn { you: true } => "you have not opted in".to_string(),
        Need::NotOptedIn { you: false } => "protégé has not opted in".to_string(),
        Need::NoAgreement { .. } => {
            "no agreement recorded — have the kickoff conversation".to_string()
        }
        Need::AdvocacyDue {
            last_advocacy,
            days_since,
            window,
        } => format!(
            "{} (expected every {})",
            no_advocacy(*last_advocacy, *days_since),
            span(*window)
        ),
        Need::ReviewDue {
            days_since, every, ..
        } => review_missing(*days_since, *every),
        Need::ActionLate {
            id,
            text,
            owner,
            due,
            ..
        } => format!("{} {id} \"{}\" was due {due}", whose(*owner), clip(text)),
        Need::ActionStale {
            id,
            text,
            owner,
            days_open,
        } => format!(
            "{} {id} \"{}\" open for {days_open} days",
            whose(*owner),
            clip(text)
        ),
        Need::NotRecorded { missing } => {
            let names: Vec<&str> = missing.iter().map(|s| setup_name(*s)).collect();
            format!("not recorded yet: {}", names.join(", "))
        }
    }
}

/// The command (or commands, joined by ` · `) that deals with the need.
pub fn fix(need: &Need, h: &str) -> Option<String> {
    Some(match need {
        Need::CheckinOverdue { .. } | Need::CheckinDue { .. } => format!("rel checkin {h}"),
        Need::PlannedMeetingMissing { planned, .. } => format!("rel checkin {h} --date {planned}"),
        Need::TimeBoxEnded { .. }
        | Need::TimeBoxEnding { .. }
        | Need::SessionsAllHeld { .. }
        | Need::LastSession { .. } => {
            format!("rel end {h} · rel set {h} --until DATE · rel evolve {h} --into mentoring")
        }
        Need::WaypointLate { id, .. } => format!("rel waypoint reach {h} {id}"),
        Need::GoalLate { id, .. } => format!("rel goal done {h} {id}"),
        Need::Drift { .. } | Need::ReviewDue { .. } => format!("rel checkin {h} --review"),
        Need::NotOptedIn { .. } => format!("rel set {h} --opted-in DATE"),
        Need::NoAgreement { .. } => format!("rel set {h} --agreed DATE --how TEXT"),
        Need::AdvocacyDue { .. } => format!("rel advocate {h} TEXT"),
        Need::ActionLate { id, .. } | Need::ActionStale { id, .. } => {
            format!("rel action done {h} {id}")
        }
        Need::NotRecorded { missing } => {
            let flags: Vec<&str> = missing.iter().filter_map(|s| setup_flag(*s)).collect();
            let mut commands = Vec::new();
            if !flags.is_empty() {
                commands.push(format!("rel set {h} {}", flags.join(" ")));
            }
            for setup in missing {
                match setup {
                    Setup::Goals => commands.push(format!("rel goal add {h} TEXT")),
                    Setup::Waypoints => {
                        commands.push(format!("rel waypoint add {h} TEXT --due DATE"));
                    }
                    _ => {}
                }
            }
            commands.join(" · ")
        }
    })
}

fn whose(owner: Owner) -> &'static str {
    match owner {
        Owner::Them => "their action",
        Owner::Me => "action",
    }
}

fn setup_name(setup: Setup) -> &'static str {
    match setup {
        Setup::Purpose => "purpose",
        Setup::Cadence => "cadence",
        Setup::TheirAims => "their aims",
        Setup::ExpertMotivation => "what the expert wants out of it",
        Setup::Destination => "destination",
        Setup::Why => "why this protégé",
        Setup::Topic => "topic",
        Setup::TimeBox => "time box",
        Setup::Goals => "goals",
        Setup::Waypoints => "waypoints",
    }
}

/// The `rel set` flag that records a setup fact (goals and waypoints are
/// items, added with their own commands).
fn setup_flag(setup: Setup) -> Option<&'static str> {
    Some(match setup {
        Setup::Purpose => "--purpose TEXT",
        Setup::Cadence => "--cadence biweekly",
        Setup::TheirAims | Setup::ExpertMotivation => "--their-aims TEXT",
        Setup::Destination => "--destination TEXT",
        Setup::Why => "--why TEXT",
        Setup::Topic => "--topic TEXT",
        Setup::TimeBox => "--until DATE",
        Setup::Goals | Setup::Waypoints => return None,
    })
}

fn no_advocacy(last: Option<chrono::NaiveDate>, days_since: Option<i64>) -> String {
    match (last, days_since) {
        (Some(date), Some(days)) => format!("no act of advocacy since {date}, {}", ago(days)),
        _ => "no act of advocacy recorded".to_string(),
    }
}

fn review_missing(days_since: Option<i64>, every: crate::model::date::Span) -> String {
    match days_since {
        Some(days) => format!(
            "last review of the relationship {} (every {})",
            ago(days),
            span(every)
        ),
        None => format!(
            "the relationship has not been reviewed since it started (every {})",
            span(every)
        ),
    }
}

/// A fact in words: what holds, or what is missing or late.
pub fn fact_text(fact: &Fact) -> String {
    let ok = fact.ok;
    match &fact.what {
        What::Purpose if ok => "purpose recorded".to_string(),
        What::Purpose => "no purpose recorded".to_string(),
        What::Destination {
            destination: Some(d),
        } => format!("destination: {d}"),
        What::Destination { destination: None } => {
            "no destination: where is the sponsor taking the protégé?".to_string()
        }
        What::Why if ok => "why this protégé is recorded".to_string(),
        What::Why => "why this protégé, and why sponsoring, is not recorded".to_string(),
        What::Topic { topic: Some(t) } => format!("topic: {t}"),
        What::Topic { topic: None } => "no topic recorded".to_string(),
        What::Goals { live, achieved } if ok => {
            format!("{} ({achieved} achieved)", plural(*live, "goal"))
        }
        What::Goals { .. } => "no goals".to_string(),
        What::Agreement { agreed: Some(date) } => format!("agreed on {date}"),
        What::Agreement { agreed: None } => {
            "no agreement: have the kickoff conversation about what you hope for and how you will work"
                .to_string()
        }
        What::Cadence { cadence: Some(c) } => format!("meeting {c}"),
        What::Cadence { cadence: None } => "no cadence".to_string(),
        What::Waypoints { live, reached } if ok => {
            format!("{reached} of {} reached", plural(*live, "waypoint"))
        }
        What::Waypoints { .. } => "no waypoints on the way to the destination".to_string(),
        What::TimeBox { until, sessions } => match (until, sessions) {
            (None, None) => {
                "no time box: reverse-mentoring needs an end date or a number of sessions"
                    .to_string()
            }
            (Some(until), None) => format!("time-boxed until {until}"),
            (None, Some(n)) => format!("time-boxed to {}", plural(*n as usize, "session")),
            (Some(until), Some(n)) => format!(
                "time-boxed until {until}, {}",
                plural(*n as usize, "session")
            ),
        },
        What::Checkin {
            timing,
            last_checkin,
            days_since,
            cadence,
        } => checkin_text(ok, *timing, last_checkin.is_some(), *days_since, cadence),
        What::WaypointLate { late: Some((id, due)) } => format!("waypoint {id} was due {due}"),
        What::WaypointLate { late: None } => "no waypoint overdue".to_string(),
        What::GoalLate { id, due } => format!("goal {id} was due {due}"),
        What::Review {
            days_since, due, every, ..
        } => match days_since {
            Some(days) if ok => format!("relationship reviewed {}", ago(*days)),
            None if ok => format!("first review of the relationship due {due}"),
            _ => review_missing(*days_since, *every),
        },
        What::TheirAims { .. } if ok => "their aims recorded".to_string(),
        What::TheirAims { expert: true } => {
            "what the expert wants out of it is not recorded".to_string()
        }
        What::TheirAims { expert: false } => "what they want is not recorded".to_string(),
        What::OptIn {
            opted_in: Some(date),
            ..
        } => format!("opted in on {date}"),
        What::OptIn {
            opted_in: None,
            you: true,
        } => "you have not opted in to the shared vision".to_string(),
        What::OptIn {
            opted_in: None,
            you: false,
        } => "protégé has not opted in".to_string(),
        What::Advocacy {
            last_advocacy,
            days_since,
            ..
        } => match days_since {
            Some(days) if ok => format!("last act of advocacy {}", ago(*days)),
            None if ok => "no act of advocacy yet; none expected so soon".to_string(),
            _ => no_advocacy(*last_advocacy, *days_since),
        },
        What::TheirActions { open, done } if ok => {
            format!("{} of theirs open, {done} done", plural(*open, "action"))
        }
        What::TheirActions { .. } => "none of their actions tracked".to_string(),
    }
}

fn checkin_text(
    ok: bool,
    timing: Timing,
    met_before: bool,
    days_since: i64,
    cadence: &Option<crate::model::Cadence>,
) -> String {
    let since = ago(days_since);
    match timing {
        Timing::Ended => "ended".to_string(),
        Timing::Paused => "paused".to_string(),
        Timing::Snoozed { until } => format!("snoozed until {until}"),
        Timing::OnTrack if met_before => format!("last check-in {since}"),
        Timing::OnTrack => "no check-in yet, the first is not due".to_string(),
        Timing::Due { .. } | Timing::Overdue { .. } => {
            let cadence = cadence
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            if met_before {
                format!("last check-in {since} (cadence {cadence})")
            } else {
                format!("no check-in since it started {since} (cadence {cadence})")
            }
        }
        Timing::NoCadence if met_before && ok => format!("last check-in {since}"),
        Timing::NoCadence if met_before => {
            format!("last check-in {since} and no cadence to keep")
        }
        Timing::NoCadence => "no check-in yet".to_string(),
    }
}

/// The command that makes a missing fact hold; none for one that holds.
pub fn fact_fix(fact: &Fact, h: &str) -> Option<String> {
    if fact.ok {
        return None;
    }
    Some(match &fact.what {
        What::Purpose => format!("rel set {h} --purpose TEXT"),
        What::Destination { .. } => format!("rel set {h} --destination TEXT"),
        What::Why => format!("rel set {h} --why TEXT"),
        What::Topic { .. } => format!("rel set {h} --topic TEXT"),
        What::Goals { .. } => format!("rel goal add {h} TEXT"),
        What::Agreement { .. } => format!("rel set {h} --agreed DATE --how TEXT"),
        What::Cadence { .. } => format!("rel set {h} --cadence biweekly"),
        What::Waypoints { .. } => format!("rel waypoint add {h} TEXT --due DATE"),
        What::TimeBox { .. } => format!("rel set {h} --until DATE --sessions N"),
        What::Checkin { .. } => format!("rel checkin {h}"),
        What::WaypointLate {
            late: Some((id, _)),
        } => format!("rel waypoint reach {h} {id}"),
        What::WaypointLate { late: None } => return None,
        What::GoalLate { id, .. } => format!("rel goal done {h} {id}"),
        What::Review { .. } => format!("rel checkin {h} --review"),
        What::TheirAims { .. } => format!("rel set {h} --their-aims TEXT"),
        What::OptIn { .. } => format!("rel set {h} --opted-in DATE"),
        What::Advocacy { .. } => format!("rel advocate {h} TEXT"),
        What::TheirActions { .. } => format!("rel action add {h} TEXT --theirs"),
    })
}

/// A question to ask at the meeting about a fact that is missing or late.
pub fn question(rel: &Relationship, fact: &Fact) -> &'static str {
    match (fact.key(), rel.kind, rel.role) {
        ("purpose", _, _) => "What do you both want this relationship to achieve?",
        ("destination", _, Role::Protege) => {
            "Where exactly is your sponsor helping you get to, and by when?"
        }
        ("destination", _, _) => {
            "Where exactly are you taking them, and by when? Say it out loud together."
        }
        ("why", _, Role::Protege) => {
            "Why did your sponsor pick you — and why sponsoring, not mentoring?"
        }
        ("why", _, _) => {
            "Why this protégé — what sets them apart, and why sponsoring rather than mentoring?"
        }
        ("topic", _, _) => "What exactly do you want to understand by the end?",
        ("goals", _, _) => "What would success look like six months from now?",
        ("agreement", _, _) => {
            "How do you want to work together: how often, in what format, who sets the agenda?"
        }
        ("cadence", _, _) => "How often should you meet to keep this moving?",
        ("waypoints", _, _) => {
            "What are the steps between here and the destination, and when should each be reached?"
        }
        ("time-box", _, _) => "How much time does this need — until when, or how many sessions?",
        ("checkin", _, _) => "It has been a while: what has happened since you last met?",
        ("waypoint-late", _, _) => {
            "A waypoint slipped: is it still the right step, and what is in the way?"
        }
        ("goal-late", _, _) => {
            "A goal is past its date: still the right goal? What would it take, and by when?"
        }
        ("review", _, _) => {
            "Step back: is this pairing still serving its purpose? What should change?"
        }
        ("their-aims", Kind::ReverseMentoring, Role::Learner) => {
            "What would make this worth their time — what do they want out of it?"
        }
        ("their-aims", _, _) => "What do they want out of this, now? Ask them directly.",
        ("opt-in", _, Role::Protege) => {
            "Do you share the destination, and are you ready to commit to it?"
        }
        ("opt-in", _, _) => "Do they share the destination, and do they want to commit to it?",
        ("advocacy", _, _) => "What door could you open for them before you next meet?",
        ("their-actions", _, _) => "What will they do before the next meeting?",
        _ => "What matters most to talk about this time?",
    }
}
