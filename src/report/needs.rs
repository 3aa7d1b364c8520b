//! Needs and facts in words: the sentence a person reads, and the command
//! that deals with it. The model says what is missing or late; this is
//! the only place that says it in English.

use crate::model::Assessment;
use crate::model::assess::{Fact, Health, Level, Need, Setup, Timing, What};
use crate::model::kind::Owner;
use crate::model::recontract::Reason;
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

/// Why a relationship has the health it has, in a line: what makes it
/// amber or red, or how long it has been paused. None once it has ended.
pub fn health_reason(a: &Assessment) -> Option<String> {
    let titles = |level: Level| {
        let names: Vec<String> = a
            .understandings
            .iter()
            .filter(|u| u.level == level)
            .map(|u| title(u.which).to_lowercase())
            .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        }
    };
    Some(match a.health {
        Health::Green => "green: all four understandings are met".to_string(),
        Health::Red if matches!(a.timing, Timing::Overdue { .. }) => {
            "red: losing touch — twice the cadence has passed without a meeting (see Needs you)"
                .to_string()
        }
        Health::Red => format!(
            "red: two or more understandings are missing — {} (see Needs you)",
            titles(Level::Missing)
        ),
        Health::Amber => {
            let missing = titles(Level::Missing);
            let partly = titles(Level::Partly);
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(format!("{missing} missing"));
            }
            if !partly.is_empty() {
                parts.push(format!("{partly} partly met"));
            }
            format!("amber: {} (see Needs you)", parts.join("; "))
        }
        Health::Paused => match &a.paused {
            Some(pause) => format!(
                "paused since {}: no nudges until it resumes{}",
                pause.since,
                pause
                    .note
                    .as_deref()
                    .map(|n| format!(" — {}", crate::text::clip(n, 60)))
                    .unwrap_or_default()
            ),
            None => "paused: no nudges until it resumes".to_string(),
        },
        Health::Ended => return None,
    })
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
        Need::Recontract {
            changed,
            reason,
            into,
            agreement,
            opt_in,
            you,
        } => {
            let tail = match (agreement, opt_in, you) {
                (true, false, _) => "agree again on what you hope for and how you will work",
                (false, _, true) => "opt in again to where it is going",
                (false, _, false) => "the protégé has not opted in to it yet",
                (true, true, true) => "agree again, and opt in again",
                (true, true, false) => "agree again, and the protégé opts in again",
            };
            format!(
                "re-contract: the relationship changed on {changed} ({}) — {tail}",
                changed_words(*reason, *into)
            )
        }
        Need::PausedLong { since, days } => format!(
            "paused {} (since {since}) — resume or end?",
            weeks_or_days(*days)
        ),
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
        Need::GrowthAreaQuiet {
            id,
            text,
            meetings_since,
            last_discussed,
        } => {
            let last = match last_discussed {
                Some(date) => format!("last discussed {date}"),
                None => "never discussed yet".to_string(),
            };
            format!(
                "growth area {id} \"{}\" has not come up in {} ({last})",
                clip(text),
                plural(*meetings_since, "meeting")
            )
        }
        Need::MergeConflict { field, on } => format!(
            "{} was changed on two machines on {on} — which stands?",
            super::merged::field_words(field)
        ),
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
        Need::WaypointLate { id, .. } => replan_fixes("waypoint", "reach", h, *id),
        Need::GoalLate { id, .. } => replan_fixes("goal", "done", h, *id),
        Need::Drift { .. } | Need::ReviewDue { .. } => format!("rel checkin {h} --review"),
        Need::NotOptedIn { .. } => format!("rel set {h} --opted-in DATE"),
        Need::NoAgreement { .. } => format!("rel set {h} --agreed DATE --how TEXT"),
        Need::Recontract {
            agreement, opt_in, ..
        } => match (agreement, opt_in) {
            (true, false) => format!("rel set {h} --agreed DATE --how TEXT"),
            (false, _) => format!("rel set {h} --opted-in DATE"),
            (true, true) => format!("rel set {h} --agreed DATE --how TEXT --opted-in DATE"),
        },
        Need::PausedLong { .. } => format!("rel resume {h} · rel end {h}"),
        Need::AdvocacyDue { .. } => format!("rel advocate {h} TEXT"),
        Need::ActionLate { id, .. } => replan_fixes("action", "done", h, *id),
        Need::ActionStale { id, .. } => {
            format!("rel action done {h} {id} · rel action drop {h} {id}")
        }
        Need::GrowthAreaQuiet { id, .. } => format!("rel checkin {h} --about {id}"),
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
                    Setup::TheirActions => {
                        commands.push(format!("rel action add {h} TEXT --theirs"));
                    }
                    _ => {}
                }
            }
            commands.join(" · ")
        }
        Need::MergeConflict { field, .. } => {
            let keep = format!("rel set {h} --settle {field}");
            match crate::model::merged::settable(field) {
                true => format!(
                    "rel set {h} --{} {} · {keep}",
                    field.replace('_', "-"),
                    value_placeholder(field)
                ),
                false => format!("rel edit {h} · {keep}"),
            }
        }
    })
}

/// What a `rel set` flag takes, as its help names it.
fn value_placeholder(field: &str) -> &'static str {
    match field {
        "started" | "agreed" | "opted_in" | "until" => "DATE",
        "cadence" | "review_every" => "CADENCE",
        "sessions" => "N",
        "role" => "ROLE",
        "person" => "NAME",
        _ => "TEXT",
    }
}

/// What changed, for a re-contract: `evolved into mentoring`, `got a new
/// destination`, `changed roles`.
fn changed_words(reason: Reason, into: Option<crate::model::Kind>) -> String {
    match (reason, into) {
        (Reason::Evolved, Some(kind)) => format!("evolved into {kind}"),
        (Reason::Evolved, None) => "evolved".to_string(),
        (Reason::Destination, _) => "got a new destination".to_string(),
        (Reason::Role, _) => "changed roles".to_string(),
    }
}

/// What to do about an item past its date: close it, move it, or drop it.
fn replan_fixes(key: &str, done: &str, h: &str, id: crate::model::ItemId) -> String {
    format!(
        "rel {key} {done} {h} {id} · rel {key} move {h} {id} --due DATE · rel {key} drop {h} {id}"
    )
}

/// `9 weeks`, or `12 days` under three weeks.
fn weeks_or_days(days: i64) -> String {
    if days >= 21 {
        plural((days / 7) as usize, "week")
    } else {
        plural(days.max(0) as usize, "day")
    }
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
        Setup::ExpertWhy => "why this expert was approached",
        Setup::Topic => "topic",
        Setup::TimeBox => "time box",
        Setup::Goals => "goals",
        Setup::Waypoints => "waypoints",
        Setup::TheirActions => "their actions",
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
        Setup::Why | Setup::ExpertWhy => "--why TEXT",
        Setup::Topic => "--topic TEXT",
        Setup::TimeBox => "--until DATE",
        Setup::Goals | Setup::Waypoints | Setup::TheirActions => return None,
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
        What::ExpertWhy { you: false } if ok => "why this expert was approached is recorded".to_string(),
        What::ExpertWhy { you: true } if ok => "why you were approached is recorded".to_string(),
        What::ExpertWhy { you: false } => {
            "why this expert was approached is not recorded: tell them, and what it says about how the organization sees them"
                .to_string()
        }
        What::ExpertWhy { you: true } => {
            "why you were approached is not recorded: ask, and what it says about how the organization sees you"
                .to_string()
        }
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
        What::TimeBox {
            until: Some(until),
            sessions,
            held,
            ended: true,
            ..
        } => format!(
            "time box ended {until} ({}) — {TIME_BOX_CHOICE}",
            sessions_held(*held, *sessions)
        ),
        What::TimeBox {
            sessions: Some(n),
            over: true,
            ..
        } => format!("all {n} sessions held — {TIME_BOX_CHOICE}"),
        What::TimeBox {
            until, sessions, ..
        } => match (until, sessions) {
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
        What::Movement {
            last_movement,
            meetings_since_movement: n,
        } => match (ok, last_movement) {
            (true, Some(date)) if *n == 0 => format!("moved on {date}"),
            (true, Some(date)) => format!("last moved on {date}, {} ago", plural(*n, "meeting")),
            (true, None) if *n == 0 => "nothing to move yet".to_string(),
            (true, None) => format!("{}, nothing moved yet", plural(*n, "meeting")),
            (false, Some(_)) => format!("{} since anything moved", plural(*n, "meeting")),
            (false, None) => format!("{} and nothing has moved yet", plural(*n, "meeting")),
        },
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
        What::Recontract {
            changed,
            reason,
            into,
            since,
            opt_in,
        } => {
            let what = changed_words(*reason, *into);
            match (ok, opt_in) {
                (true, false) => format!("re-agreed after it {what} on {changed}"),
                (false, false) => {
                    format!("agreed on {since}, before it {what} on {changed}: agree again")
                }
                (true, true) => format!("opted in again after it {what} on {changed}"),
                (false, true) => format!(
                    "opted in on {since}, before it {what} on {changed}: to be re-confirmed"
                ),
            }
        }
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
        Timing::TimeBoxOver => "time box over: no meeting is due".to_string(),
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
        What::ExpertWhy { .. } => format!("rel set {h} --why TEXT"),
        What::Topic { .. } => format!("rel set {h} --topic TEXT"),
        What::Goals { .. } => format!("rel goal add {h} TEXT"),
        What::Agreement { .. } => format!("rel set {h} --agreed DATE --how TEXT"),
        What::Cadence { .. } => format!("rel set {h} --cadence biweekly"),
        What::Waypoints { .. } => format!("rel waypoint add {h} TEXT --due DATE"),
        What::TimeBox { .. } => format!("rel set {h} --until DATE --sessions N"),
        What::Checkin { .. } => format!("rel checkin {h}"),
        What::WaypointLate {
            late: Some((id, _)),
        } => replan_fixes("waypoint", "reach", h, *id),
        What::WaypointLate { late: None } => return None,
        What::GoalLate { id, .. } => replan_fixes("goal", "done", h, *id),
        What::Movement { .. } => format!("rel checkin {h} --review"),
        What::Review { .. } => format!("rel checkin {h} --review"),
        What::TheirAims { .. } => format!("rel set {h} --their-aims TEXT"),
        What::OptIn { .. } => format!("rel set {h} --opted-in DATE"),
        What::Advocacy { .. } => format!("rel advocate {h} TEXT"),
        What::TheirActions { .. } => format!("rel action add {h} TEXT --theirs"),
        What::Recontract { opt_in: false, .. } => format!("rel set {h} --agreed DATE --how TEXT"),
        What::Recontract { opt_in: true, .. } => format!("rel set {h} --opted-in DATE"),
    })
}

/// The fact of an understanding that a need is the other face of, if any.
pub fn fact_key(need: &Need) -> Option<&'static str> {
    Some(match need {
        Need::CheckinOverdue { .. } | Need::CheckinDue { .. } => "checkin",
        Need::TimeBoxEnded { .. } | Need::SessionsAllHeld { .. } => "time-box",
        Need::WaypointLate { .. } => "waypoint-late",
        Need::GoalLate { .. } => "goal-late",
        Need::Drift { .. } => "movement",
        Need::NotOptedIn { .. } => "opt-in",
        Need::NoAgreement { .. } => "agreement",
        Need::Recontract { .. } => "re-contract",
        Need::AdvocacyDue { .. } => "advocacy",
        Need::ReviewDue { .. } => "review",
        Need::NotRecorded { missing } => match missing.first()? {
            Setup::Purpose => "purpose",
            Setup::Cadence => "cadence",
            Setup::TheirAims | Setup::ExpertMotivation => "their-aims",
            Setup::Destination => "destination",
            Setup::Why => "why",
            Setup::ExpertWhy => "expert-why",
            Setup::Topic => "topic",
            Setup::TimeBox => "time-box",
            Setup::Goals => "goals",
            Setup::Waypoints => "waypoints",
            Setup::TheirActions => "their-actions",
        },
        Need::PlannedMeetingMissing { .. }
        | Need::TimeBoxEnding { .. }
        | Need::LastSession { .. }
        | Need::PausedLong { .. }
        | Need::ActionLate { .. }
        | Need::ActionStale { .. }
        | Need::GrowthAreaQuiet { .. }
        | Need::MergeConflict { .. } => return None,
    })
}

/// A question to ask at the meeting about a need.
pub fn need_question(rel: &Relationship, need: &Need) -> &'static str {
    if let Some(key) = fact_key(need) {
        return fact_question(rel, key);
    }
    match need {
        Need::PlannedMeetingMissing { .. } => {
            "The meeting you planned did not happen, or is not written down: what got in the way?"
        }
        Need::TimeBoxEnding { .. } | Need::LastSession { .. } => {
            "The time box is nearly up: conclude, extend, or evolve into mentoring — what does each of you want?"
        }
        Need::PausedLong { .. } => "Is now the time to pick this up again, or to end it well?",
        Need::ActionLate { .. } | Need::ActionStale { .. } => {
            "An action has been open a while: is it still worth doing, and what is in the way?"
        }
        Need::GrowthAreaQuiet { .. } => {
            "A growth area has not come up lately: where does it stand, and what would move it toward a strength?"
        }
        Need::MergeConflict { .. } => "Two machines recorded different things: which one is true?",
        _ => "What matters most to talk about this time?",
    }
}

/// A question to ask at the meeting about a fact that is missing or late.
pub fn question(rel: &Relationship, fact: &Fact) -> &'static str {
    fact_question(rel, fact.key())
}

fn fact_question(rel: &Relationship, key: &str) -> &'static str {
    match (key, rel.kind, rel.role) {
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
        ("expert-why", _, Role::Expert) => {
            "Why were you approached — and what does that say about how the organization sees you?"
        }
        ("expert-why", _, _) => {
            "Why did you approach them, and what does that tell them about how the organization sees them? Say it."
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
        ("time-box", _, _) => {
            "How much time does this need — until when, or how many sessions? If it is up: conclude, extend, or evolve into mentoring?"
        }
        ("checkin", _, _) => "It has been a while: what has happened since you last met?",
        ("waypoint-late", _, _) => {
            "A waypoint slipped: is it still the right step, and what is in the way?"
        }
        ("goal-late", _, _) => {
            "A goal is past its date: still the right goal? What would it take, and by when?"
        }
        ("movement", _, _) => {
            "Nothing has moved in a while: is this still serving its purpose? What one thing should move before you next meet?"
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
        ("re-contract", _, Role::Protege) => {
            "The relationship has changed: is the destination still yours, and how will you work now?"
        }
        ("re-contract", _, _) => {
            "The relationship has changed: what do you each want from it now, and how will you work?"
        }
        ("advocacy", _, _) => "What door could you open for them before you next meet?",
        ("their-actions", _, _) => "What will they do before the next meeting?",
        _ => "What matters most to talk about this time?",
    }
}

#[cfg(test)]
mod tests {
    //! The wording, pinned: every need and every fact, built by hand, with
    //! the sentence and the command a person reads for it.

    use chrono::NaiveDate;

    use super::*;
    use crate::model::date::{Span, parse_iso};
    use crate::model::{Cadence, ItemId};

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn id(s: &str) -> ItemId {
        s.parse().unwrap()
    }

    fn every(cadence: &str) -> Cadence {
        cadence.parse().unwrap()
    }

    fn holds(what: What) -> Fact {
        Fact { ok: true, what }
    }

    fn lacks(what: What) -> Fact {
        Fact { ok: false, what }
    }

    /// Asserts each need's sentence, and its fix for the handle `ada`.
    fn assert_words(rows: &[(Need, &str, &str)]) {
        for (need, text, command) in rows {
            assert_eq!(sentence(need), *text, "{need:?}");
            assert_eq!(fix(need, "ada").as_deref(), Some(*command), "{need:?}");
        }
    }

    /// Asserts each fact's text, and its fix for the handle `ada`.
    fn assert_fact_words(rows: &[(Fact, &str, Option<&str>)]) {
        for (fact, text, command) in rows {
            assert_eq!(fact_text(fact), *text, "{fact:?}");
            assert_eq!(fact_fix(fact, "ada").as_deref(), *command, "{fact:?}");
        }
    }

    const CHOICE: &str = "conclude, extend or evolve into mentoring";
    const TIME_BOX_FIX: &str =
        "rel end ada · rel set ada --until DATE · rel evolve ada --into mentoring";

    // -----------------------------------------------------------------------
    // Needs.

    fn rhythm() -> Vec<(Need, &'static str, &'static str)> {
        vec![
            (
                Need::CheckinOverdue {
                    days_late: 14,
                    last_checkin: Some(day("2026-10-29")),
                    days_since: 28,
                    cadence: every("biweekly"),
                },
                "no check-in for 28 days (cadence biweekly)",
                "rel checkin ada",
            ),
            (
                Need::CheckinOverdue {
                    days_late: 31,
                    last_checkin: Some(day("2026-01-31")),
                    days_since: 59,
                    cadence: every("monthly"),
                },
                "no check-in for 59 days (cadence monthly)",
                "rel checkin ada",
            ),
            (
                Need::CheckinOverdue {
                    days_late: 14,
                    last_checkin: None,
                    days_since: 28,
                    cadence: every("biweekly"),
                },
                "no check-in since it started 28 days ago (cadence biweekly)",
                "rel checkin ada",
            ),
            (
                Need::CheckinDue {
                    days_late: 0,
                    last_checkin: Some(day("2026-11-12")),
                    days_since: Some(14),
                    cadence: every("biweekly"),
                },
                "check-in due: the last was 14 days ago (cadence biweekly)",
                "rel checkin ada",
            ),
            (
                Need::CheckinDue {
                    days_late: 0,
                    last_checkin: Some(day("2026-11-16")),
                    days_since: Some(10),
                    cadence: every("10d"),
                },
                "check-in due: the last was 10 days ago (cadence 10d)",
                "rel checkin ada",
            ),
            (
                Need::CheckinDue {
                    days_late: 11,
                    last_checkin: None,
                    days_since: None,
                    cadence: every("biweekly"),
                },
                "first check-in due (cadence biweekly)",
                "rel checkin ada",
            ),
            (
                Need::PlannedMeetingMissing {
                    planned: day("2026-11-24"),
                    days_ago: 2,
                },
                "the meeting planned for 2026-11-24 is not recorded",
                "rel checkin ada --date 2026-11-24",
            ),
        ]
    }

    #[test]
    fn the_meeting_rhythm_in_words() {
        assert_words(&rhythm());
    }

    fn time_box() -> Vec<(Need, String, &'static str)> {
        let ending =
            |until: &str, days_left: i64, held: usize, sessions: Option<u32>| Need::TimeBoxEnding {
                until: day(until),
                days_left,
                held,
                sessions,
            };
        vec![
            (
                ending("2026-12-01", 5, 4, Some(6)),
                format!("reverse-mentoring ends in 5 days (4 of 6 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                ending("2026-12-10", 14, 4, None),
                format!("reverse-mentoring ends in 14 days (4 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                ending("2026-11-27", 1, 4, None),
                format!("reverse-mentoring ends tomorrow (4 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                ending("2026-11-26", 0, 4, None),
                format!("reverse-mentoring ends today (4 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                ending("2026-12-01", 5, 2, Some(10)),
                format!("reverse-mentoring ends in 5 days (2 of 10 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                Need::TimeBoxEnded {
                    until: day("2026-11-23"),
                    days_ago: 3,
                    held: 4,
                    sessions: None,
                },
                format!("reverse-mentoring time box ended 3 days ago (4 sessions held) — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                Need::TimeBoxEnded {
                    until: day("2026-11-25"),
                    days_ago: 1,
                    held: 4,
                    sessions: Some(6),
                },
                format!(
                    "reverse-mentoring time box ended yesterday (4 of 6 sessions held) — {CHOICE}"
                ),
                TIME_BOX_FIX,
            ),
            (
                Need::SessionsAllHeld {
                    held: 4,
                    sessions: 4,
                },
                format!("all 4 reverse-mentoring sessions held — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                Need::SessionsAllHeld {
                    held: 4,
                    sessions: 3,
                },
                format!("all 3 reverse-mentoring sessions held — {CHOICE}"),
                TIME_BOX_FIX,
            ),
            (
                Need::LastSession {
                    held: 4,
                    sessions: 5,
                },
                format!("reverse-mentoring: 4 of 5 sessions held, one left — {CHOICE}"),
                TIME_BOX_FIX,
            ),
        ]
    }

    #[test]
    fn the_time_box_in_words() {
        let rows = time_box();
        let rows: Vec<(Need, &str, &str)> = rows
            .iter()
            .map(|(need, text, command)| (need.clone(), text.as_str(), *command))
            .collect();
        assert_words(&rows);
    }

    fn plans() -> Vec<(Need, &'static str, &'static str)> {
        let waypoint = |n: &str, text: &str, due: &str, days_late: i64| Need::WaypointLate {
            id: id(n),
            text: text.into(),
            due: day(due),
            days_late,
        };
        vec![
            (
                waypoint("w2", "Lead the Q1 review", "2026-10-01", 56),
                "waypoint w2 \"Lead the Q1 review\" was due 2026-10-01",
                "rel waypoint reach ada w2 · rel waypoint move ada w2 --due DATE · rel waypoint drop ada w2",
            ),
            (
                waypoint("w3", "Older", "2026-10-01", 56),
                "waypoint w3 \"Older\" was due 2026-10-01",
                "rel waypoint reach ada w3 · rel waypoint move ada w3 --due DATE · rel waypoint drop ada w3",
            ),
            (
                waypoint("w2", "Recent", "2026-11-20", 6),
                "waypoint w2 \"Recent\" was due 2026-11-20",
                "rel waypoint reach ada w2 · rel waypoint move ada w2 --due DATE · rel waypoint drop ada w2",
            ),
            (
                Need::GoalLate {
                    id: id("g2"),
                    text: "Ship the RFC".into(),
                    due: day("2026-11-01"),
                    days_late: 25,
                },
                "goal g2 \"Ship the RFC\" was due 2026-11-01",
                "rel goal done ada g2 · rel goal move ada g2 --due DATE · rel goal drop ada g2",
            ),
        ]
    }

    #[test]
    fn plans_gone_late_in_words() {
        assert_words(&plans());
    }

    #[test]
    fn long_item_text_is_clipped_to_one_line() {
        let long = "Present the migration plan to the architecture board and get sign-off";
        let goal = Need::GoalLate {
            id: id("g2"),
            text: format!("{long}\nwith notes"),
            due: day("2026-11-01"),
            days_late: 25,
        };
        assert_eq!(
            sentence(&goal),
            "goal g2 \"Present the migration plan to the architecture…\" was due 2026-11-01"
        );
    }

    fn drift() -> Vec<(Need, &'static str, &'static str)> {
        vec![
            (
                Need::Drift {
                    meetings_since_movement: 4,
                    anything_moved: true,
                },
                "4 meetings since anything moved — is the pairing still serving its purpose?",
                "rel checkin ada --review",
            ),
            (
                Need::Drift {
                    meetings_since_movement: 2,
                    anything_moved: true,
                },
                "2 meetings since anything moved — is the pairing still serving its purpose?",
                "rel checkin ada --review",
            ),
            (
                Need::Drift {
                    meetings_since_movement: 4,
                    anything_moved: false,
                },
                "4 meetings and nothing has moved yet — is the pairing still serving its purpose?",
                "rel checkin ada --review",
            ),
        ]
    }

    #[test]
    fn drift_in_words() {
        assert_words(&drift());
    }

    fn recontract(
        reason: Reason,
        into: Option<Kind>,
        (agreement, opt_in): (bool, bool),
        you: bool,
    ) -> Need {
        Need::Recontract {
            changed: day("2026-11-20"),
            reason,
            into,
            agreement,
            opt_in,
            you,
        }
    }

    fn the_relationship() -> Vec<(Need, &'static str, &'static str)> {
        vec![
            (
                Need::NotOptedIn { you: false },
                "protégé has not opted in",
                "rel set ada --opted-in DATE",
            ),
            (
                Need::NotOptedIn { you: true },
                "you have not opted in",
                "rel set ada --opted-in DATE",
            ),
            (
                Need::NoAgreement {
                    days_since_start: 86,
                },
                "no agreement recorded — have the kickoff conversation",
                "rel set ada --agreed DATE --how TEXT",
            ),
            (
                recontract(Reason::Evolved, Some(Kind::Mentoring), (true, false), false),
                "re-contract: the relationship changed on 2026-11-20 (evolved into mentoring) — agree again on what you hope for and how you will work",
                "rel set ada --agreed DATE --how TEXT",
            ),
            (
                recontract(Reason::Destination, None, (true, true), false),
                "re-contract: the relationship changed on 2026-11-20 (got a new destination) — agree again, and the protégé opts in again",
                "rel set ada --agreed DATE --how TEXT --opted-in DATE",
            ),
            (
                recontract(Reason::Role, None, (false, true), false),
                "re-contract: the relationship changed on 2026-11-20 (changed roles) — the protégé has not opted in to it yet",
                "rel set ada --opted-in DATE",
            ),
            (
                recontract(Reason::Destination, None, (false, true), true),
                "re-contract: the relationship changed on 2026-11-20 (got a new destination) — opt in again to where it is going",
                "rel set ada --opted-in DATE",
            ),
            (
                recontract(Reason::Destination, None, (true, true), true),
                "re-contract: the relationship changed on 2026-11-20 (got a new destination) — agree again, and opt in again",
                "rel set ada --agreed DATE --how TEXT --opted-in DATE",
            ),
            (
                Need::PausedLong {
                    since: day("2026-09-24"),
                    days: 63,
                },
                "paused 9 weeks (since 2026-09-24) — resume or end?",
                "rel resume ada · rel end ada",
            ),
            (
                Need::PausedLong {
                    since: day("2026-11-12"),
                    days: 14,
                },
                "paused 14 days (since 2026-11-12) — resume or end?",
                "rel resume ada · rel end ada",
            ),
            (
                Need::AdvocacyDue {
                    last_advocacy: None,
                    days_since: None,
                    window: Span::Weeks(4),
                },
                "no act of advocacy recorded (expected every 4 weeks)",
                "rel advocate ada TEXT",
            ),
            (
                Need::AdvocacyDue {
                    last_advocacy: Some(day("2026-10-29")),
                    days_since: Some(28),
                    window: Span::Weeks(4),
                },
                "no act of advocacy since 2026-10-29, 28 days ago (expected every 4 weeks)",
                "rel advocate ada TEXT",
            ),
            (
                Need::AdvocacyDue {
                    last_advocacy: Some(day("2026-09-26")),
                    days_since: Some(61),
                    window: Span::Months(2),
                },
                "no act of advocacy since 2026-09-26, 61 days ago (expected every 2 months)",
                "rel advocate ada TEXT",
            ),
            (
                Need::ReviewDue {
                    last_review: None,
                    days_since: None,
                    every: Span::Months(3),
                },
                "the relationship has not been reviewed since it started (every 3 months)",
                "rel checkin ada --review",
            ),
            (
                Need::ReviewDue {
                    last_review: Some(day("2026-08-01")),
                    days_since: Some(117),
                    every: Span::Months(3),
                },
                "last review of the relationship 117 days ago (every 3 months)",
                "rel checkin ada --review",
            ),
            (
                Need::ReviewDue {
                    last_review: Some(day("2026-08-26")),
                    days_since: Some(92),
                    every: Span::Months(3),
                },
                "last review of the relationship 92 days ago (every 3 months)",
                "rel checkin ada --review",
            ),
            (
                Need::ReviewDue {
                    last_review: Some(day("2026-10-26")),
                    days_since: Some(31),
                    every: Span::Months(1),
                },
                "last review of the relationship 31 days ago (every 1 month)",
                "rel checkin ada --review",
            ),
            (
                Need::ReviewDue {
                    last_review: Some(day("2026-10-15")),
                    days_since: Some(42),
                    every: Span::Weeks(6),
                },
                "last review of the relationship 42 days ago (every 6 weeks)",
                "rel checkin ada --review",
            ),
        ]
    }

    #[test]
    fn opt_in_agreement_advocacy_and_review_in_words() {
        assert_words(&the_relationship());
    }

    fn actions() -> Vec<(Need, &'static str, &'static str)> {
        let late = |n: &str, text: &str, owner, due: &str, days_late| Need::ActionLate {
            id: id(n),
            text: text.into(),
            owner,
            due: day(due),
            days_late,
        };
        let stale = |owner, days_open| Need::ActionStale {
            id: id("a3"),
            text: "Book the venue".into(),
            owner,
            days_open,
        };
        vec![
            (
                stale(Owner::Me, 31),
                "action a3 \"Book the venue\" open for 31 days",
                "rel action done ada a3 · rel action drop ada a3",
            ),
            (
                stale(Owner::Me, 8),
                "action a3 \"Book the venue\" open for 8 days",
                "rel action done ada a3 · rel action drop ada a3",
            ),
            (
                stale(Owner::Them, 56),
                "their action a3 \"Book the venue\" open for 56 days",
                "rel action done ada a3 · rel action drop ada a3",
            ),
            (
                late("a3", "Book the venue", Owner::Me, "2026-11-25", 1),
                "action a3 \"Book the venue\" was due 2026-11-25",
                "rel action done ada a3 · rel action move ada a3 --due DATE · rel action drop ada a3",
            ),
            (
                late("a3", "Book the venue", Owner::Them, "2026-10-01", 56),
                "their action a3 \"Book the venue\" was due 2026-10-01",
                "rel action done ada a3 · rel action move ada a3 --due DATE · rel action drop ada a3",
            ),
            (
                late("a4", "Send the slides", Owner::Them, "2026-11-20", 6),
                "their action a4 \"Send the slides\" was due 2026-11-20",
                "rel action done ada a4 · rel action move ada a4 --due DATE · rel action drop ada a4",
            ),
        ]
    }

    #[test]
    fn actions_left_open_in_words() {
        assert_words(&actions());
    }

    fn not_recorded() -> Vec<(Need, &'static str, &'static str)> {
        use Setup::*;
        let missing = |missing: &[Setup]| Need::NotRecorded {
            missing: missing.to_vec(),
        };
        vec![
            (
                missing(&[Purpose, Cadence, TheirAims, Goals]),
                "not recorded yet: purpose, cadence, their aims, goals",
                "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT · rel goal add ada TEXT",
            ),
            (
                missing(&[
                    Purpose,
                    Cadence,
                    TheirAims,
                    Destination,
                    Why,
                    Goals,
                    Waypoints,
                ]),
                "not recorded yet: purpose, cadence, their aims, destination, why this protégé, goals, waypoints",
                "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT --destination TEXT --why TEXT \
                 · rel goal add ada TEXT · rel waypoint add ada TEXT --due DATE",
            ),
            (
                missing(&[
                    Purpose,
                    Cadence,
                    ExpertMotivation,
                    ExpertWhy,
                    Topic,
                    TimeBox,
                    Goals,
                ]),
                "not recorded yet: purpose, cadence, what the expert wants out of it, why this expert was approached, topic, time box, goals",
                "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT --why TEXT --topic TEXT --until DATE \
                 · rel goal add ada TEXT",
            ),
            (
                missing(&[Purpose, Cadence, TheirAims, Topic, TimeBox, Goals]),
                "not recorded yet: purpose, cadence, their aims, topic, time box, goals",
                "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT --topic TEXT --until DATE \
                 · rel goal add ada TEXT",
            ),
            // Only items missing: no `rel set` in the fix.
            (
                missing(&[Goals]),
                "not recorded yet: goals",
                "rel goal add ada TEXT",
            ),
            (
                missing(&[Purpose]),
                "not recorded yet: purpose",
                "rel set ada --purpose TEXT",
            ),
            (
                missing(&[Goals, TheirActions]),
                "not recorded yet: goals, their actions",
                "rel goal add ada TEXT · rel action add ada TEXT --theirs",
            ),
        ]
    }

    #[test]
    fn what_is_not_recorded_yet_in_words() {
        assert_words(&not_recorded());
    }

    fn growth_threads() -> Vec<(Need, &'static str, &'static str)> {
        let quiet = |meetings_since, last: Option<&str>| Need::GrowthAreaQuiet {
            id: id("c2"),
            text: "Influence across teams".into(),
            meetings_since,
            last_discussed: last.map(day),
        };
        vec![
            (
                quiet(3, Some("2026-09-14")),
                "growth area c2 \"Influence across teams\" has not come up in 3 meetings (last discussed 2026-09-14)",
                "rel checkin ada --about c2",
            ),
            (
                quiet(5, None),
                "growth area c2 \"Influence across teams\" has not come up in 5 meetings (never discussed yet)",
                "rel checkin ada --about c2",
            ),
        ]
    }

    #[test]
    fn growth_areas_left_undiscussed_in_words() {
        assert_words(&growth_threads());
        let (need, _, _) = &growth_threads()[0];
        assert!(need.is_informational());
        assert_eq!(need.key(), "growth-area-quiet");
        assert_eq!(fact_key(need), None);
        let rel: Relationship = toml::from_str(
            "person = \"Grace\"\nkind = \"sponsoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\n",
        )
        .unwrap();
        assert!(need_question(&rel, need).starts_with("A growth area has not come up lately"));
    }

    fn merges() -> Vec<(Need, &'static str, &'static str)> {
        let on = day("2026-11-12");
        let conflict = |field: &str| Need::MergeConflict {
            field: field.into(),
            on,
        };
        vec![
            (
                conflict("purpose"),
                "purpose was changed on two machines on 2026-11-12 — which stands?",
                "rel set ada --purpose TEXT · rel set ada --settle purpose",
            ),
            (
                conflict("their_aims"),
                "their aims was changed on two machines on 2026-11-12 — which stands?",
                "rel set ada --their-aims TEXT · rel set ada --settle their_aims",
            ),
            (
                conflict("cadence"),
                "cadence was changed on two machines on 2026-11-12 — which stands?",
                "rel set ada --cadence CADENCE · rel set ada --settle cadence",
            ),
            (
                conflict("until"),
                "the time box's end was changed on two machines on 2026-11-12 — which stands?",
                "rel set ada --until DATE · rel set ada --settle until",
            ),
            (
                conflict("a1.text"),
                "a1's text was changed on two machines on 2026-11-12 — which stands?",
                "rel edit ada · rel set ada --settle a1.text",
            ),
        ]
    }

    #[test]
    fn fields_changed_on_two_machines_in_words() {
        assert_words(&merges());
        let (need, _, _) = &merges()[0];
        assert!(need.is_informational());
        assert_eq!(need.key(), "merge-conflict");
        assert_eq!(fact_key(need), None);
        let rel: Relationship = toml::from_str(
            "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2026-01-01\n",
        )
        .unwrap();
        assert!(need_question(&rel, need).starts_with("Two machines recorded"));
    }

    /// Which kind of need, as a number; a new kind does not compile here
    /// until it is given one (and a sample below).
    fn need_kind(need: &Need) -> usize {
        match need {
            Need::CheckinOverdue { .. } => 0,
            Need::CheckinDue { .. } => 1,
            Need::PlannedMeetingMissing { .. } => 2,
            Need::TimeBoxEnded { .. } => 3,
            Need::TimeBoxEnding { .. } => 4,
            Need::SessionsAllHeld { .. } => 5,
            Need::LastSession { .. } => 6,
            Need::WaypointLate { .. } => 7,
            Need::GoalLate { .. } => 8,
            Need::Drift { .. } => 9,
            Need::NotOptedIn { .. } => 10,
            Need::NoAgreement { .. } => 11,
            Need::AdvocacyDue { .. } => 12,
            Need::ReviewDue { .. } => 13,
            Need::ActionLate { .. } => 14,
            Need::ActionStale { .. } => 15,
            Need::NotRecorded { .. } => 16,
            Need::PausedLong { .. } => 17,
            Need::Recontract { .. } => 18,
            Need::GrowthAreaQuiet { .. } => 19,
            Need::MergeConflict { .. } => 20,
        }
    }

    const NEED_KINDS: usize = 21;

    /// One need of every kind.
    fn one_of_each_need() -> Vec<Need> {
        let mut samples: Vec<Need> = Vec::new();
        let all = [
            rhythm(),
            plans(),
            drift(),
            the_relationship(),
            actions(),
            not_recorded(),
            growth_threads(),
            merges(),
        ];
        let time_box = time_box().into_iter().map(|(need, _, _)| need);
        for need in all
            .into_iter()
            .flatten()
            .map(|(need, _, _)| need)
            .chain(time_box)
        {
            if !samples.iter().any(|s| need_kind(s) == need_kind(&need)) {
                samples.push(need);
            }
        }
        samples.sort_by_key(need_kind);
        samples
    }

    #[test]
    fn every_kind_of_need_has_a_kebab_case_key_of_its_own_and_a_fix() {
        let samples = one_of_each_need();
        let kinds: Vec<usize> = samples.iter().map(need_kind).collect();
        assert_eq!(
            kinds,
            (0..NEED_KINDS).collect::<Vec<_>>(),
            "a kind of need has no sample"
        );
        let mut keys = Vec::new();
        for need in &samples {
            let key = need.key();
            assert!(
                !key.is_empty()
                    && key.split('-').all(|word| {
                        !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
                    }),
                "{key:?} is not kebab-case"
            );
            assert!(!keys.contains(&key), "{key:?} twice");
            keys.push(key);
            assert!(fix(need, "ada").is_some(), "{key}: no fix");
            assert!(!sentence(need).is_empty(), "{key}: no sentence");
        }
    }

    // -----------------------------------------------------------------------
    // Facts.

    fn want_facts() -> Vec<(Fact, &'static str, Option<&'static str>)> {
        vec![
            (holds(What::Purpose), "purpose recorded", None),
            (
                lacks(What::Purpose),
                "no purpose recorded",
                Some("rel set ada --purpose TEXT"),
            ),
            (
                holds(What::Destination {
                    destination: Some("staff engineer by Q3".into()),
                }),
                "destination: staff engineer by Q3",
                None,
            ),
            (
                lacks(What::Destination { destination: None }),
                "no destination: where is the sponsor taking the protégé?",
                Some("rel set ada --destination TEXT"),
            ),
            (holds(What::Why), "why this protégé is recorded", None),
            (
                lacks(What::Why),
                "why this protégé, and why sponsoring, is not recorded",
                Some("rel set ada --why TEXT"),
            ),
            (
                holds(What::ExpertWhy { you: false }),
                "why this expert was approached is recorded",
                None,
            ),
            (
                holds(What::ExpertWhy { you: true }),
                "why you were approached is recorded",
                None,
            ),
            (
                lacks(What::ExpertWhy { you: false }),
                "why this expert was approached is not recorded: tell them, and what it says about how the organization sees them",
                Some("rel set ada --why TEXT"),
            ),
            (
                lacks(What::ExpertWhy { you: true }),
                "why you were approached is not recorded: ask, and what it says about how the organization sees you",
                Some("rel set ada --why TEXT"),
            ),
            (
                holds(What::Topic {
                    topic: Some("how teams use generative AI".into()),
                }),
                "topic: how teams use generative AI",
                None,
            ),
            (
                lacks(What::Topic { topic: None }),
                "no topic recorded",
                Some("rel set ada --topic TEXT"),
            ),
            (
                holds(What::Goals {
                    live: 1,
                    achieved: 0,
                }),
                "1 goal (0 achieved)",
                None,
            ),
            (
                holds(What::Goals {
                    live: 2,
                    achieved: 1,
                }),
                "2 goals (1 achieved)",
                None,
            ),
            (
                lacks(What::Goals {
                    live: 0,
                    achieved: 0,
                }),
                "no goals",
                Some("rel goal add ada TEXT"),
            ),
        ]
    }

    #[test]
    fn what_you_want_in_words() {
        assert_fact_words(&want_facts());
    }

    fn how_facts() -> Vec<(Fact, &'static str, Option<&'static str>)> {
        let time_box = |until: Option<&str>, sessions| What::TimeBox {
            until: until.map(day),
            sessions,
            held: 2,
            ended: false,
            over: false,
        };
        let agree_again = |reason, since: &str| What::Recontract {
            changed: day("2026-05-06"),
            reason,
            into: (reason == Reason::Evolved).then_some(Kind::Mentoring),
            since: day(since),
            opt_in: false,
        };
        vec![
            (
                holds(agree_again(Reason::Evolved, "2026-05-06")),
                "re-agreed after it evolved into mentoring on 2026-05-06",
                None,
            ),
            (
                lacks(agree_again(Reason::Evolved, "2026-01-21")),
                "agreed on 2026-01-21, before it evolved into mentoring on 2026-05-06: agree again",
                Some("rel set ada --agreed DATE --how TEXT"),
            ),
            (
                lacks(agree_again(Reason::Role, "2026-01-21")),
                "agreed on 2026-01-21, before it changed roles on 2026-05-06: agree again",
                Some("rel set ada --agreed DATE --how TEXT"),
            ),
            (
                holds(What::Agreement {
                    agreed: Some(day("2026-09-01")),
                }),
                "agreed on 2026-09-01",
                None,
            ),
            (
                lacks(What::Agreement { agreed: None }),
                "no agreement: have the kickoff conversation about what you hope for and how you will work",
                Some("rel set ada --agreed DATE --how TEXT"),
            ),
            (
                holds(What::Cadence {
                    cadence: Some(every("biweekly")),
                }),
                "meeting biweekly",
                None,
            ),
            (
                holds(What::Cadence {
                    cadence: Some(every("10d")),
                }),
                "meeting 10d",
                None,
            ),
            (
                lacks(What::Cadence { cadence: None }),
                "no cadence",
                Some("rel set ada --cadence biweekly"),
            ),
            (
                holds(What::Waypoints {
                    live: 1,
                    reached: 0,
                }),
                "0 of 1 waypoint reached",
                None,
            ),
            (
                holds(What::Waypoints {
                    live: 2,
                    reached: 1,
                }),
                "1 of 2 waypoints reached",
                None,
            ),
            (
                lacks(What::Waypoints {
                    live: 0,
                    reached: 0,
                }),
                "no waypoints on the way to the destination",
                Some("rel waypoint add ada TEXT --due DATE"),
            ),
            (
                lacks(time_box(None, None)),
                "no time box: reverse-mentoring needs an end date or a number of sessions",
                Some("rel set ada --until DATE --sessions N"),
            ),
            (
                holds(time_box(Some("2027-03-01"), None)),
                "time-boxed until 2027-03-01",
                None,
            ),
            (
                holds(time_box(None, Some(6))),
                "time-boxed to 6 sessions",
                None,
            ),
            (
                holds(time_box(None, Some(1))),
                "time-boxed to 1 session",
                None,
            ),
            (
                holds(time_box(Some("2027-03-01"), Some(6))),
                "time-boxed until 2027-03-01, 6 sessions",
                None,
            ),
            (
                lacks(What::TimeBox {
                    until: Some(day("2026-11-20")),
                    sessions: Some(8),
                    held: 6,
                    ended: true,
                    over: true,
                }),
                "time box ended 2026-11-20 (6 of 8 sessions held) — conclude, extend or evolve into mentoring",
                Some("rel set ada --until DATE --sessions N"),
            ),
            (
                lacks(What::TimeBox {
                    until: Some(day("2027-03-01")),
                    sessions: Some(8),
                    held: 8,
                    ended: false,
                    over: true,
                }),
                "all 8 sessions held — conclude, extend or evolve into mentoring",
                Some("rel set ada --until DATE --sessions N"),
            ),
            (
                holds(time_box(Some("2027-03-01"), Some(10))),
                "time-boxed until 2027-03-01, 10 sessions",
                None,
            ),
        ]
    }

    #[test]
    fn how_you_get_there_in_words() {
        assert_fact_words(&how_facts());
    }

    fn where_facts() -> Vec<(Fact, &'static str, Option<&'static str>)> {
        let checkin =
            |timing, last: Option<&str>, days_since, cadence: Option<&str>| What::Checkin {
                timing,
                last_checkin: last.map(day),
                days_since,
                cadence: cadence.map(every),
            };
        let review = |last: Option<&str>, days_since, due: &str, every| What::Review {
            last_review: last.map(day),
            days_since,
            due: day(due),
            every,
        };
        let three_months = Span::Months(3);
        let movement = |last: Option<&str>, n| What::Movement {
            last_movement: last.map(day),
            meetings_since_movement: n,
        };
        vec![
            (
                lacks(movement(Some("2026-09-01"), 4)),
                "4 meetings since anything moved",
                Some("rel checkin ada --review"),
            ),
            (
                lacks(movement(None, 3)),
                "3 meetings and nothing has moved yet",
                Some("rel checkin ada --review"),
            ),
            // The model states movement only when it is drift; the words
            // for it holding are there all the same.
            (
                holds(movement(Some("2026-11-19"), 0)),
                "moved on 2026-11-19",
                None,
            ),
            (
                holds(checkin(
                    Timing::OnTrack,
                    Some("2026-11-19"),
                    7,
                    Some("biweekly"),
                )),
                "last check-in 7 days ago",
                None,
            ),
            (
                holds(checkin(Timing::OnTrack, None, 13, Some("biweekly"))),
                "no check-in yet, the first is not due",
                None,
            ),
            (
                lacks(checkin(
                    Timing::Due { days_late: 0 },
                    Some("2026-11-12"),
                    14,
                    Some("biweekly"),
                )),
                "last check-in 14 days ago (cadence biweekly)",
                Some("rel checkin ada"),
            ),
            (
                lacks(checkin(
                    Timing::Due { days_late: 11 },
                    None,
                    25,
                    Some("biweekly"),
                )),
                "no check-in since it started 25 days ago (cadence biweekly)",
                Some("rel checkin ada"),
            ),
            (
                lacks(checkin(
                    Timing::Overdue { days_late: 14 },
                    Some("2026-10-29"),
                    28,
                    Some("biweekly"),
                )),
                "last check-in 28 days ago (cadence biweekly)",
                Some("rel checkin ada"),
            ),
            (
                lacks(checkin(
                    Timing::Overdue { days_late: 14 },
                    None,
                    28,
                    Some("biweekly"),
                )),
                "no check-in since it started 28 days ago (cadence biweekly)",
                Some("rel checkin ada"),
            ),
            (
                holds(checkin(Timing::NoCadence, Some("2026-10-27"), 30, None)),
                "last check-in 30 days ago",
                None,
            ),
            (
                lacks(checkin(Timing::NoCadence, Some("2026-10-26"), 31, None)),
                "last check-in 31 days ago and no cadence to keep",
                Some("rel checkin ada"),
            ),
            (
                lacks(checkin(Timing::NoCadence, None, 0, None)),
                "no check-in yet",
                Some("rel checkin ada"),
            ),
            (
                holds(checkin(
                    Timing::Snoozed {
                        until: day("2026-11-26"),
                    },
                    Some("2026-10-01"),
                    56,
                    Some("biweekly"),
                )),
                "snoozed until 2026-11-26",
                None,
            ),
            (
                holds(checkin(
                    Timing::Paused,
                    Some("2026-01-01"),
                    329,
                    Some("biweekly"),
                )),
                "paused",
                None,
            ),
            (
                holds(checkin(
                    Timing::Ended,
                    Some("2026-01-01"),
                    329,
                    Some("biweekly"),
                )),
                "ended",
                None,
            ),
            (
                holds(What::WaypointLate { late: None }),
                "no waypoint overdue",
                None,
            ),
            (
                lacks(What::WaypointLate {
                    late: Some((id("w2"), day("2026-10-01"))),
                }),
                "waypoint w2 was due 2026-10-01",
                Some(
                    "rel waypoint reach ada w2 · rel waypoint move ada w2 --due DATE · rel waypoint drop ada w2",
                ),
            ),
            (
                lacks(What::WaypointLate {
                    late: Some((id("w3"), day("2026-10-01"))),
                }),
                "waypoint w3 was due 2026-10-01",
                Some(
                    "rel waypoint reach ada w3 · rel waypoint move ada w3 --due DATE · rel waypoint drop ada w3",
                ),
            ),
            (
                lacks(What::GoalLate {
                    id: id("g2"),
                    due: day("2026-11-01"),
                }),
                "goal g2 was due 2026-11-01",
                Some(
                    "rel goal done ada g2 · rel goal move ada g2 --due DATE · rel goal drop ada g2",
                ),
            ),
            // The model never says a late goal holds; were it to, the
            // words stay the same and there is nothing to fix.
            (
                holds(What::GoalLate {
                    id: id("g2"),
                    due: day("2026-11-01"),
                }),
                "goal g2 was due 2026-11-01",
                None,
            ),
            (
                holds(review(
                    Some("2026-11-01"),
                    Some(25),
                    "2027-02-01",
                    three_months,
                )),
                "relationship reviewed 25 days ago",
                None,
            ),
            (
                holds(review(
                    Some("2026-08-27"),
                    Some(91),
                    "2026-11-27",
                    three_months,
                )),
                "relationship reviewed 91 days ago",
                None,
            ),
            (
                holds(review(
                    Some("2026-11-19"),
                    Some(7),
                    "2027-02-19",
                    three_months,
                )),
                "relationship reviewed 7 days ago",
                None,
            ),
            (
                holds(review(None, None, "2026-12-01", three_months)),
                "first review of the relationship due 2026-12-01",
                None,
            ),
            (
                lacks(review(None, None, "2026-11-26", three_months)),
                "the relationship has not been reviewed since it started (every 3 months)",
                Some("rel checkin ada --review"),
            ),
            (
                lacks(review(
                    Some("2026-08-26"),
                    Some(92),
                    "2026-11-26",
                    three_months,
                )),
                "last review of the relationship 92 days ago (every 3 months)",
                Some("rel checkin ada --review"),
            ),
        ]
    }

    #[test]
    fn where_you_are_in_words() {
        assert_fact_words(&where_facts());
    }

    fn them_facts() -> Vec<(Fact, &'static str, Option<&'static str>)> {
        let advocacy = |last: Option<&str>, days_since, window| What::Advocacy {
            last_advocacy: last.map(day),
            days_since,
            window,
        };
        let opt_in_again = |since: &str| What::Recontract {
            changed: day("2026-11-20"),
            reason: Reason::Destination,
            into: None,
            since: day(since),
            opt_in: true,
        };
        vec![
            (
                holds(opt_in_again("2026-11-21")),
                "opted in again after it got a new destination on 2026-11-20",
                None,
            ),
            (
                lacks(opt_in_again("2026-03-02")),
                "opted in on 2026-03-02, before it got a new destination on 2026-11-20: to be re-confirmed",
                Some("rel set ada --opted-in DATE"),
            ),
            (
                holds(What::TheirAims { expert: false }),
                "their aims recorded",
                None,
            ),
            (
                holds(What::TheirAims { expert: true }),
                "their aims recorded",
                None,
            ),
            (
                lacks(What::TheirAims { expert: false }),
                "what they want is not recorded",
                Some("rel set ada --their-aims TEXT"),
            ),
            (
                lacks(What::TheirAims { expert: true }),
                "what the expert wants out of it is not recorded",
                Some("rel set ada --their-aims TEXT"),
            ),
            (
                holds(What::OptIn {
                    opted_in: Some(day("2026-09-01")),
                    you: false,
                }),
                "opted in on 2026-09-01",
                None,
            ),
            (
                lacks(What::OptIn {
                    opted_in: None,
                    you: false,
                }),
                "protégé has not opted in",
                Some("rel set ada --opted-in DATE"),
            ),
            (
                lacks(What::OptIn {
                    opted_in: None,
                    you: true,
                }),
                "you have not opted in to the shared vision",
                Some("rel set ada --opted-in DATE"),
            ),
            (
                holds(advocacy(Some("2026-11-10"), Some(16), Span::Weeks(4))),
                "last act of advocacy 16 days ago",
                None,
            ),
            (
                holds(advocacy(Some("2026-10-30"), Some(27), Span::Weeks(4))),
                "last act of advocacy 27 days ago",
                None,
            ),
            (
                holds(advocacy(None, None, Span::Weeks(4))),
                "no act of advocacy yet; none expected so soon",
                None,
            ),
            (
                lacks(advocacy(None, None, Span::Weeks(4))),
                "no act of advocacy recorded",
                Some("rel advocate ada TEXT"),
            ),
            (
                lacks(advocacy(Some("2026-10-29"), Some(28), Span::Weeks(4))),
                "no act of advocacy since 2026-10-29, 28 days ago",
                Some("rel advocate ada TEXT"),
            ),
            (
                holds(What::TheirActions { open: 1, done: 0 }),
                "1 action of theirs open, 0 done",
                None,
            ),
            (
                holds(What::TheirActions { open: 0, done: 2 }),
                "0 actions of theirs open, 2 done",
                None,
            ),
            (
                lacks(What::TheirActions { open: 0, done: 0 }),
                "none of their actions tracked",
                Some("rel action add ada TEXT --theirs"),
            ),
        ]
    }

    #[test]
    fn where_they_are_in_words() {
        assert_fact_words(&them_facts());
    }

    /// Which kind of fact, as a number; a new kind does not compile here
    /// until it is given one (and its words above).
    fn fact_kind(what: &What) -> usize {
        match what {
            What::Purpose => 0,
            What::Destination { .. } => 1,
            What::Why => 2,
            What::Topic { .. } => 3,
            What::Goals { .. } => 4,
            What::Agreement { .. } => 5,
            What::Cadence { .. } => 6,
            What::Waypoints { .. } => 7,
            What::TimeBox { .. } => 8,
            What::Checkin { .. } => 9,
            What::WaypointLate { .. } => 10,
            What::GoalLate { .. } => 11,
            What::Review { .. } => 12,
            What::TheirAims { .. } => 13,
            What::OptIn { .. } => 14,
            What::Advocacy { .. } => 15,
            What::TheirActions { .. } => 16,
            What::Movement { .. } => 17,
            What::Recontract { .. } => 18,
            What::ExpertWhy { .. } => 19,
        }
    }

    const FACT_KINDS: usize = 20;

    #[test]
    fn every_kind_of_fact_is_worded_both_holding_and_not_and_only_a_missing_one_has_a_fix() {
        let rows: Vec<_> = [want_facts(), how_facts(), where_facts(), them_facts()]
            .into_iter()
            .flatten()
            .collect();
        for ok in [true, false] {
            let mut kinds: Vec<usize> = rows
                .iter()
                .filter(|(fact, _, _)| fact.ok == ok)
                .map(|(fact, _, _)| fact_kind(&fact.what))
                .collect();
            kinds.sort_unstable();
            kinds.dedup();
            assert_eq!(kinds, (0..FACT_KINDS).collect::<Vec<_>>(), "ok: {ok}");
        }
        let mut keys: Vec<&str> = Vec::new();
        for (fact, _, command) in &rows {
            assert_eq!(fact.ok, command.is_none(), "{fact:?}");
            let key = fact.key();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        assert_eq!(
            keys.len(),
            FACT_KINDS,
            "a key of its own for each kind: {keys:?}"
        );
    }

    #[test]
    fn each_understanding_has_its_title() {
        assert_eq!(
            Which::ALL.map(title),
            [
                "What you want",
                "How you get there",
                "Where you are",
                "Where they are"
            ]
        );
    }
}
