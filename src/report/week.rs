//! `rel week`: the days ahead as an agenda, a day at a time, quiet days
//! left out. Each meeting comes with the one thing to raise and the
//! question to ask (the prep's own choice of them).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::needs::{fix, sentence};
use super::prep::{the_question, top_need};
use super::show::Page;
use super::style::Paint;
use super::words::plural;
use crate::model::agenda::{Entry, Item, Meeting, Source};
use crate::model::date::days_between;
use crate::model::{ItemId, Need, Owner, Period};
use crate::problem::Problem;
use crate::text::{clip, sanitize};

/// Everything the agenda shows.
pub struct Input<'a> {
    pub window: Period,
    pub today: NaiveDate,
    pub sources: &'a [Source<'a>],
    pub entries: &'a [Entry<'a>],
}

/// The label column: `  meet      `.
const LABEL: usize = 9;

pub fn text(input: &Input<'_>, width: usize, paint: Paint) -> String {
    let mut page = Page::new(width, paint);
    let (from, to) = (input.window.since, input.window.until);
    page.line(&paint.bold(&format!("Agenda: {} to {}", day_words(from), day_words(to))));
    if input.entries.is_empty() {
        page.out.push('\n');
        page.line("Nothing planned or due: a quiet stretch.");
        return page.out;
    }
    let mut last_day = None;
    for entry in input.entries {
        if last_day != Some(entry.day) {
            page.out.push('\n');
            let relative = match days_between(input.today, entry.day) {
                0 => " · today".to_string(),
                1 => " · tomorrow".to_string(),
                _ => String::new(),
            };
            page.line(&paint.bold(&format!("{}{relative}", day_words(entry.day))));
            last_day = Some(entry.day);
        }
        line(&mut page, input, entry);
    }
    page.out
}

/// `Thu 2026-11-26`.
fn day_words(day: NaiveDate) -> String {
    format!("{} {day}", day.weekday())
}

fn line(page: &mut Page, input: &Input<'_>, entry: &Entry<'_>) {
    let p = page.paint;
    let source = &input.sources[entry.source];
    let (handle, rel, a) = (source.handle.as_str(), source.rel, source.assessment);
    let label = |word: &str, late: bool| {
        let padded = format!("{word:<LABEL$}");
        let shown = if late {
            p.red(&padded)
        } else {
            p.cyan(&padded)
        };
        format!("  {shown} ")
    };
    let late = entry.item.is_late();
    let indent = " ".repeat(LABEL + 3);
    match entry.item {
        Item::Meeting(meeting) => {
            let when = match meeting {
                Meeting::Planned(_) => "planned".to_string(),
                Meeting::Due(_) => match &rel.cadence {
                    Some(c) => format!("due by your {c} cadence"),
                    None => "due".to_string(),
                },
                Meeting::Late(due) => format!(
                    "was due {due} ({} late)",
                    plural(days_between(due, input.today).max(0) as usize, "day")
                ),
                Meeting::Missed(planned) => format!("planned for {planned}, not recorded"),
            };
            page.item(
                &label("meet", late),
                &format!(
                    "{} {} · {when}",
                    p.bold(&sanitize(&rel.person)),
                    p.dim(&format!("({handle})"))
                ),
            );
            if let Some(need) = top_need(a) {
                page.item(
                    &format!("{indent}{} ", p.dim("raise")),
                    &sanitize(&sentence(need)),
                );
            }
            page.item(
                &format!("{indent}{}   ", p.dim("ask")),
                the_question(rel, a),
            );
        }
        Item::Action { action, .. } => {
            let word = if action.owner == Owner::Me {
                "mine"
            } else {
                "theirs"
            };
            page.item(
                &label(word, late),
                &item_words(handle, action.id, &action.text, action.due, input.today),
            );
        }
        Item::Waypoint { waypoint, .. } => page.item(
            &label("waypoint", late),
            &item_words(
                handle,
                waypoint.id,
                &waypoint.text,
                Some(waypoint.due),
                input.today,
            ),
        ),
        Item::Goal { goal, .. } => page.item(
            &label("goal", late),
            &item_words(handle, goal.id, &goal.text, goal.due, input.today),
        ),
        Item::TimeBoxEnds => {
            let held = match rel.sessions {
                Some(n) => format!("{} of {n} sessions held", a.held),
                None => plural(a.held, "session") + " held",
            };
            page.item(
                &label("time box", false),
                &format!(
                    "{handle}: the reverse-mentoring time box ends ({held}) — conclude, extend or evolve into mentoring"
                ),
            );
        }
        Item::Owed(need) => {
            let word = match need {
                Need::AdvocacyDue { .. } => "advocate",
                _ => "time box",
            };
            page.item(
                &label(word, true),
                &format!("{handle}: {}", sanitize(&sentence(need))),
            );
            if let Some(fix) = fix(need, handle) {
                page.item(&indent, &p.dim(&format!("→ {}", sanitize(&fix))));
            }
        }
    }
}

/// `ada-lovelace a3 Book the room · due 2026-12-01`, or `was due …` for
/// one already late.
fn item_words(
    handle: &str,
    id: ItemId,
    text: &str,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
    let when = match due {
        Some(due) if due < today => format!(
            " · was due {due} ({} late)",
            plural(days_between(due, today) as usize, "day")
        ),
        Some(due) => format!(" · due {due}"),
        None => String::new(),
    };
    format!("{handle} {id} {}{when}", sanitize(&clip(text, 60)))
}

// ---------------------------------------------------------------------------
// JSON.

/// `rel week --json`.
#[derive(Serialize)]
pub struct Json<'a> {
    pub as_of: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<DayJson<'a>>,
    pub problems: &'a [Problem],
}

#[derive(Serialize)]
pub struct DayJson<'a> {
    pub date: NaiveDate,
    pub entries: Vec<EntryJson<'a>>,
}

#[derive(Serialize)]
pub struct EntryJson<'a> {
    /// `meeting`, `action`, `waypoint`, `goal`, `time-box-end`,
    /// `advocacy-due`, `time-box-over`.
    pub kind: &'static str,
    pub handle: &'a str,
    pub person: &'a str,
    /// Due before the agenda's first day.
    pub late: bool,
    #[serde(flatten)]
    pub what: WhatJson<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum WhatJson<'a> {
    Meeting {
        /// `planned`, `due`, `late` or `missed`.
        how: &'static str,
        /// The planned day, or the day the cadence made it due.
        date: NaiveDate,
        /// The thing to raise first, as `status --json` gives a need.
        raise: Option<super::json::AttentionJson<'a>>,
        ask: &'static str,
    },
    Item {
        id: ItemId,
        text: &'a str,
        /// `me` or `them`, for an action.
        #[serde(skip_serializing_if = "Option::is_none")]
        owner: Option<Owner>,
        due: Option<NaiveDate>,
    },
    TimeBox {
        until: Option<NaiveDate>,
        held: usize,
        sessions: Option<u32>,
    },
    Need {
        need: super::json::AttentionJson<'a>,
    },
}

pub fn json<'a>(input: &'a Input<'a>, problems: &'a [Problem]) -> Json<'a> {
    let mut days: Vec<DayJson<'a>> = Vec::new();
    for entry in input.entries {
        let source = &input.sources[entry.source];
        let a = source.assessment;
        let attention = |need: &Need| {
            a.attention
                .iter()
                .find(|item| item.need == *need)
                .map(super::json::attention)
        };
        let (kind, what) = match entry.item {
            Item::Meeting(meeting) => {
                let (how, date) = match meeting {
                    Meeting::Planned(d) => ("planned", d),
                    Meeting::Due(d) => ("due", d),
                    Meeting::Late(d) => ("late", d),
                    Meeting::Missed(d) => ("missed", d),
                };
                let raise = top_need(a).and_then(attention);
                (
                    "meeting",
                    WhatJson::Meeting {
                        how,
                        date,
                        raise,
                        ask: the_question(source.rel, a),
                    },
                )
            }
            Item::Action { action, .. } => (
                "action",
                WhatJson::Item {
                    id: action.id,
                    text: &action.text,
                    owner: Some(action.owner),
                    due: action.due,
                },
            ),
            Item::Waypoint { waypoint, .. } => (
                "waypoint",
                WhatJson::Item {
                    id: waypoint.id,
                    text: &waypoint.text,
                    owner: None,
                    due: Some(waypoint.due),
                },
            ),
            Item::Goal { goal, .. } => (
                "goal",
                WhatJson::Item {
                    id: goal.id,
                    text: &goal.text,
                    owner: None,
                    due: goal.due,
                },
            ),
            Item::TimeBoxEnds => (
                "time-box-end",
                WhatJson::TimeBox {
                    until: source.rel.until,
                    held: a.held,
                    sessions: source.rel.sessions,
                },
            ),
            Item::Owed(need) => {
                let kind = match need {
                    Need::AdvocacyDue { .. } => "advocacy-due",
                    _ => "time-box-over",
                };
                match attention(need) {
                    Some(need) => (kind, WhatJson::Need { need }),
                    None => continue,
                }
            }
        };
        let line = EntryJson {
            kind,
            handle: source.handle.as_str(),
            person: &source.rel.person,
            late: entry.item.is_late(),
            what,
        };
        match days.last_mut() {
            Some(day) if day.date == entry.day => day.entries.push(line),
            _ => days.push(DayJson {
                date: entry.day,
                entries: vec![line],
            }),
        }
    }
    Json {
        as_of: input.today,
        from: input.window.since,
        to: input.window.until,
        days,
        problems,
    }
}
