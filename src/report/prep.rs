//! `rel prep HANDLE`: the one-screen brief to read before the next meeting.

use chrono::NaiveDate;

use super::needs::{fact_key, fact_text, fix, need_question, question, sentence};
use super::show::stars;
use super::style::Paint;
use super::words::{ago, in_days, plural};
use crate::model::assess::{Fact, Level, Need, Timing, Understanding};
use crate::model::date::{days_between, with_weekday};
use crate::model::{Assessment, CheckIn, CheckinId, Kind, Owner, Relationship, Role, Which};
use crate::text::{self, clip, sanitize, wrap, wrap_styled};

pub struct Input<'a> {
    pub handle: &'a str,
    pub rel: &'a Relationship,
    /// The last check-ins, oldest first (the brief uses the last two).
    pub recent: &'a [(CheckinId, CheckIn)],
    pub assessment: &'a Assessment,
    pub today: NaiveDate,
}

/// At most this many actions of each side are listed.
const ACTIONS: usize = 5;

pub fn render(input: &Input<'_>, width: usize, paint: Paint) -> String {
    let mut brief = Brief {
        out: String::new(),
        width,
        paint,
    };
    heading(&mut brief, input);
    raise_first(&mut brief, input);
    weakest_understanding(&mut brief, input);
    last_time(&mut brief, input);
    open_actions(&mut brief, input);
    growth_areas(&mut brief, input);
    facts(&mut brief, input);
    ask(&mut brief, input);
    brief.out
}

/// The brief as it is written, a line at a time.
struct Brief {
    out: String,
    width: usize,
    paint: Paint,
}

impl Brief {
    fn line(&mut self, text: &str) {
        self.out.push_str(text.trim_end());
        self.out.push('\n');
    }
}

/// Who, which meeting, and when it is due.
fn heading(b: &mut Brief, input: &Input<'_>) {
    let (rel, a, today, width, paint) =
        (input.rel, input.assessment, input.today, b.width, b.paint);
    let title = format!(
        "{} {} · {} · meeting {}",
        paint.bold(&format!("Prep: {}", sanitize(&rel.person))),
        paint.dim(&format!("({})", input.handle)),
        super::kind_sentence(rel),
        a.held + 1
    );
    b.line(&wrap_styled(&title, 0, width, "  "));
    b.line(&wrap(&when(rel, a, today), 0, width, "  "));
}

/// What the last meeting said and agreed, and the changes of the one before.
fn last_time(b: &mut Brief, input: &Input<'_>) {
    let (width, paint) = (b.width, b.paint);
    let mut last_two = input.recent.iter().rev().take(2);
    if let Some((id, last)) = last_two.next() {
        b.line("");
        let rating = last
            .rating
            .map(|r| format!(" {}", stars(r.get())))
            .unwrap_or_default();
        b.line(&paint.bold(&format!("Last time ({}{rating})", id.date)));
        let mut shown = 0;
        for (sign, list) in [
            ("→", &last.changes),
            ("+", &last.working),
            ("−", &last.not_working),
        ] {
            for entry in list.iter().take(3) {
                b.line(&format!(
                    "  {} {}",
                    paint.dim(sign),
                    clip(entry, width.saturating_sub(6))
                ));
                shown += 1;
            }
        }
        if let Some(notes) = &last.notes {
            b.line(&format!(
                "  {} {}",
                paint.dim("notes:"),
                clip(notes, width.saturating_sub(10))
            ));
            shown += 1;
        }
        let mut moved = Vec::new();
        if !last.closed.is_empty() {
            moved.push(format!("done {}", ids(&last.closed)));
        }
        if !last.reached.is_empty() {
            moved.push(format!("reached {}", ids(&last.reached)));
        }
        if last.review {
            moved.push("reviewed the relationship".to_string());
        }
        if !moved.is_empty() {
            b.line(&format!("  {}", paint.dim(&moved.join(" · "))));
            shown += 1;
        }
        if !last.opened.is_empty() {
            let ids: Vec<String> = last
                .opened
                .iter()
                .filter_map(|x| x.id)
                .map(|x| x.to_string())
                .collect();
            b.line(&format!(
                "  {} {}",
                paint.dim("actions agreed:"),
                ids.join(", ")
            ));
            shown += 1;
        }
        if shown == 0 {
            b.line(&format!("  {}", paint.dim("nothing written down")));
        }
        if let Some((id, before)) = last_two.next()
            && !before.changes.is_empty()
        {
            b.line(&paint.dim(&format!("The time before ({}):", id.date)));
            for change in before.changes.iter().take(2) {
                b.line(&format!(
                    "  {} {}",
                    paint.dim("→"),
                    clip(change, width.saturating_sub(6))
                ));
            }
        }
    }
}

/// Open actions, theirs then mine, with their ages.
fn open_actions(b: &mut Brief, input: &Input<'_>) {
    let (rel, today, width, paint) = (input.rel, input.today, b.width, b.paint);
    let mut open: Vec<_> = rel.open_actions().collect();
    open.sort_by_key(|x| (x.added, x.id));
    if !open.is_empty() {
        b.line("");
        b.line(&paint.bold("Open actions"));
        for owner in [Owner::Them, Owner::Me] {
            let mine: Vec<_> = open.iter().filter(|x| x.owner == owner).collect();
            for x in mine.iter().take(ACTIONS) {
                let due = match x.due {
                    Some(d) if d < today => paint.red(&format!(" · was due {d}")),
                    Some(d) => format!(" · due {d}"),
                    None => String::new(),
                };
                let who = if owner == Owner::Me {
                    "mine  "
                } else {
                    "theirs"
                };
                let head = format!("  {} {:<4} ", paint.dim(who), x.id.to_string());
                let tail = paint.dim(&format!(" · {}", super::age(x.added, today))) + &due;
                let room = width.saturating_sub(text::width(&head) + text::width(&tail));
                b.line(&format!("{head}{}{tail}", clip(&x.text, room.max(12))));
            }
            if mine.len() > ACTIONS {
                b.line(&paint.dim(&format!(
                    "  … and {} more (rel actions {})",
                    mine.len() - ACTIONS,
                    input.handle
                )));
            }
        }
    }
}

/// The next waypoint, goals, and per kind the destination, the last act of
/// advocacy, the time box.
fn facts(b: &mut Brief, input: &Input<'_>) {
    let (rel, a, today, width, paint) =
        (input.rel, input.assessment, input.today, b.width, b.paint);
    let mut facts: Vec<(&str, String)> = Vec::new();
    let live: Vec<_> = rel
        .waypoints_by_due()
        .into_iter()
        .filter(|w| w.dropped.is_none())
        .collect();
    if let Some(next) = live.iter().find(|w| w.is_open()) {
        let reached = live.iter().filter(|w| w.reached.is_some()).count();
        let left = days_between(today, next.due);
        let when = if left < 0 {
            paint.red(&format!(
                "was due {} ({} late)",
                next.due,
                plural((-left) as usize, "day")
            ))
        } else {
            format!("due {} ({})", next.due, in_days(left))
        };
        let slipped = super::replan::slipped(&crate::model::replan::Planned::slips(*next))
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        facts.push((
            "Next waypoint",
            format!(
                "{} {} — {when}{slipped} · {reached} of {} reached",
                next.id,
                clip(&next.text, 40),
                live.len()
            ),
        ));
    }
    let open_goals: Vec<_> = rel.goals.iter().filter(|g| g.is_open()).collect();
    let achieved = rel.goals.iter().filter(|g| g.achieved.is_some()).count();
    if !rel.goals.is_empty() {
        let mut goals: Vec<String> = open_goals
            .iter()
            .take(3)
            .map(|g| format!("{} {}", g.id, clip(&g.text, 32)))
            .collect();
        if open_goals.len() > 3 {
            goals.push(format!("+{} more", open_goals.len() - 3));
        }
        goals.push(format!("{achieved} achieved"));
        facts.push(("Goals", goals.join(" · ")));
    }
    if rel.kind == Kind::Sponsoring {
        if let Some(destination) = &rel.destination {
            facts.push(("Destination", clip(destination, 70)));
        }
        if rel.role == Role::Sponsor {
            let last = rel
                .advocacy
                .iter()
                .filter(|v| v.date <= today)
                .max_by_key(|v| v.date);
            facts.push((
                "Advocacy",
                match last {
                    Some(v) => format!(
                        "last {} ({}): {}",
                        v.date,
                        ago(days_between(v.date, today)),
                        clip(&v.text, 40)
                    ),
                    None => "none logged yet — rel advocate".to_string(),
                },
            ));
        }
    }
    if rel.kind == Kind::ReverseMentoring {
        let mut parts = Vec::new();
        match rel.sessions {
            Some(n) => parts.push(format!(
                "{} of {n} sessions held, {} left",
                a.held,
                n.saturating_sub(a.held as u32)
            )),
            None => parts.push(format!("{} held", plural(a.held, "session"))),
        }
        if let Some(until) = rel.until {
            let left = days_between(today, until);
            parts.push(if left >= 0 {
                format!("{} left (until {until})", plural(left as usize, "day"))
            } else {
                format!("ended {until}")
            });
        }
        facts.push(("Time box", parts.join(" · ")));
    }
    if !facts.is_empty() {
        b.line("");
        for (label, value) in facts {
            // Each value is made of clipped (safe) text and rel's colours.
            let body = wrap_styled(&value, 16, width, &" ".repeat(16));
            b.line(&format!("{} {body}", paint.dim(&format!("{label:<15}"))));
        }
    }
}

/// The most urgent need of the relationship, the one thing to raise: a
/// need that makes it amber or red first, else a heads-up.
pub fn top_need(a: &Assessment) -> Option<&Need> {
    let needs = || a.attention.iter().map(|item| &item.need);
    needs()
        .find(|need| !need.is_informational())
        .or_else(|| needs().next())
}

/// What to raise first: the most urgent need, and the command for it.
fn raise_first(b: &mut Brief, input: &Input<'_>) {
    let Some(need) = top_need(input.assessment) else {
        return;
    };
    let (width, paint) = (b.width, b.paint);
    b.line("");
    let label = "Raise first:";
    let text = wrap(&sentence(need), label.len() + 1, width, "  ");
    b.line(&format!("{} {text}", paint.bold(label)));
    if let Some(fix) = fix(need, input.handle) {
        b.line(&format!(
            "  {}",
            paint.dim(&wrap(&format!("→ {fix}"), 2, width, "    "))
        ));
    }
}

/// The weakest understanding, with the first fact that is missing.
fn weakest_understanding(b: &mut Brief, input: &Input<'_>) {
    let (a, width, paint) = (input.assessment, b.width, b.paint);
    let (u, fact) = weakest(a);
    let top = top_need(a);
    if top.is_none() {
        b.line("");
    }
    // Said already, as the thing to raise first.
    if fact.is_some_and(|f| top.and_then(fact_key) == Some(f.key())) {
        return;
    }
    let title = format!("{} {}", paint.level(u.level), super::needs::title(u.which));
    match fact {
        Some(fact) => {
            let text = wrap(&fact_text(fact), 11 + text::width(&title), width, "  ");
            b.line(&format!("{} {title}: {text}", paint.bold("Weakest:")));
        }
        None => b.line(&format!(
            "{} all four understandings hold.",
            paint.bold("Strong:")
        )),
    }
}

/// Growth areas being worked on (not yet strengths), newest last.
fn growth_areas(b: &mut Brief, input: &Input<'_>) {
    let rel = input.rel;
    let working: Vec<_> = rel.growth.iter().filter(|g| g.promoted.is_none()).collect();
    if working.is_empty() {
        return;
    }
    let (width, paint) = (b.width, b.paint);
    let shown: Vec<String> = working
        .iter()
        .take(3)
        .map(|g| format!("{} {}", g.id, clip(&g.text, 36)))
        .collect();
    let more = working.len().saturating_sub(3);
    let mut value = shown.join(" · ");
    if more > 0 {
        value.push_str(&format!(" · +{more} more"));
    }
    b.line("");
    let body = wrap(&value, 16, width, &" ".repeat(16));
    b.line(&format!(
        "{} {body}",
        paint.dim(&format!("{:<15}", "Growing"))
    ));
}

/// One question to ask: drawn from the thing to raise first, else from the
/// weakest understanding.
fn ask(b: &mut Brief, input: &Input<'_>) {
    let (width, paint) = (b.width, b.paint);
    let question = the_question(input.rel, input.assessment);
    b.line("");
    b.line(&format!(
        "{} {}",
        paint.cyan("Ask:"),
        wrap(question, 5, width, "     ")
    ));
}

/// The one question to ask at the next meeting: about the thing to raise
/// first, else the weakest understanding.
pub fn the_question(rel: &Relationship, a: &Assessment) -> &'static str {
    match (top_need(a), weakest(a).1) {
        (Some(need), _) => need_question(rel, need),
        (None, Some(fact)) => question(rel, fact),
        (None, None) => "What would make the next stretch of this relationship even more useful?",
    }
}

fn when(rel: &Relationship, a: &Assessment, today: NaiveDate) -> String {
    let mut parts = Vec::new();
    parts.push(match a.last_checkin {
        Some(last) => format!(
            "Last met {} ({})",
            ago(days_between(last, today)),
            with_weekday(last)
        ),
        None => "You have not met yet".to_string(),
    });
    match (a.timing, a.next_due, &rel.cadence) {
        (Timing::Paused, _, _) => parts.push("paused".to_string()),
        (Timing::Snoozed { until }, _, _) => parts.push(format!("snoozed until {until}")),
        (_, Some(due), Some(c)) => {
            let d = days_between(today, due);
            parts.push(if d >= 0 {
                format!("next due {due} by your {c} cadence ({})", in_days(d))
            } else {
                format!(
                    "was due {due} by your {c} cadence ({} late)",
                    plural((-d) as usize, "day")
                )
            });
        }
        _ => {}
    }
    if let Some(planned) = a.planned {
        parts.push(format!("planned for {}", with_weekday(planned)));
    }
    parts.join(" · ")
}

/// The understanding that is weakest, and its first missing fact.
fn weakest(a: &Assessment) -> (&Understanding, Option<&Fact>) {
    let rank = |u: &Understanding| match u.level {
        Level::Missing => 0,
        Level::Partly => 1,
        Level::Met => 2,
    };
    let worst = Which::ALL
        .iter()
        .map(|w| a.understanding(*w))
        .min_by_key(|u| {
            (
                rank(u),
                usize::MAX - u.facts.iter().filter(|f| !f.ok).count(),
            )
        })
        .unwrap_or_else(|| a.understanding(Which::Want));
    (worst, worst.facts.iter().find(|f| !f.ok))
}

fn ids(list: &[crate::model::ItemId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
