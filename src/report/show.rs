//! `rel status HANDLE`: the full progress report of one relationship.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::kind_sentence;
use super::style::Paint;
use super::table::sparkline;
use super::words::{ago, in_days, plural};
use crate::model::assess::Timing;
use crate::model::date::days_between;
use crate::model::{
    Assessment, CheckIn, CheckinId, Kind, Level, Owner, Relationship, Role, Status, Which,
};
use crate::text::{self, sanitize, wrap, wrap_styled};

/// Everything the report shows.
pub struct Input<'a> {
    pub handle: &'a str,
    pub rel: &'a Relationship,
    /// How many check-ins there are, on any day.
    pub checkins: usize,
    /// The newest check-ins, oldest first.
    pub recent: &'a [(CheckinId, CheckIn)],
    pub assessment: &'a Assessment,
    pub today: NaiveDate,
    /// With `--history`: every change between meetings, newest first.
    pub history: Option<&'a [crate::model::history::Change<'a>]>,
    /// The last weeks of meetings, for the picture of its rhythm.
    pub weeks: &'a [crate::model::rhythm::Week],
}

pub(crate) const LABEL: usize = 13;

/// A page of labelled fields and marked items, wrapped to the terminal.
pub(crate) struct Page {
    pub out: String,
    pub width: usize,
    pub paint: Paint,
    /// Whether to suggest commands (not for an ended relationship).
    pub hints: bool,
}

impl Page {
    pub fn new(width: usize, paint: Paint) -> Page {
        Page {
            out: String::new(),
            width,
            paint,
            hints: true,
        }
    }

    pub fn heading(&mut self, title: &str) {
        let _ = write!(self.out, "\n{}\n", self.paint.bold(title));
    }

    /// `  Label        value that wraps under itself`.
    pub fn field(&mut self, label: &str, value: &str) {
        let indent = " ".repeat(LABEL + 2);
        let body = wrap(value, LABEL + 2, self.width, &indent);
        let _ = writeln!(
            self.out,
            "  {}{body}",
            self.paint.dim(&format!("{label:<LABEL$}"))
        );
    }

    /// A line with a marker, then text wrapped under itself.
    pub fn item(&mut self, marker: &str, text: &str) {
        let used = text::width(marker);
        let indent = " ".repeat(used);
        let line = format!("{marker}{}", wrap_styled(text, used, self.width, &indent));
        let _ = writeln!(self.out, "{}", line.trim_end());
    }

    /// `  none yet → rel …`, the suggestion left out once it has ended.
    fn empty(&mut self, what: &str, command: String) {
        if self.hints {
            let hint = self.paint.dim(&format!("→ {command}"));
            self.item("  ", &format!("{what} {hint}"));
        } else {
            self.line(&format!("  {what}"));
        }
    }

    pub fn line(&mut self, text: &str) {
        self.out.push_str(text.trim_end());
        self.out.push('\n');
    }
}

pub fn render(input: &Input<'_>, width: usize, paint: Paint) -> String {
    let mut page = Page::new(width, paint);
    page.hints = input.rel.status != Status::Ended;
    let rel = input.rel;
    let a = input.assessment;
    title(&mut page, input);
    facts(&mut page, input);
    understandings(&mut page, a, input.handle);
    if rel.kind == Kind::Sponsoring || !rel.waypoints.is_empty() {
        waypoints(&mut page, input);
    } else if !rel.advocacy.is_empty() {
        advocacy(&mut page, input);
    }
    goals(&mut page, input);
    qualities(&mut page, rel, input.today);
    actions(&mut page, input);
    rhythm(&mut page, input.weeks);
    checkins(&mut page, input);
    if let Some(changes) = input.history {
        history(&mut page, changes);
    }
    if !a.attention.is_empty() {
        page.out.push('\n');
        page.out
            .push_str(&super::status::attention(&a.attention, width, paint));
    }
    page.out
}

fn title(page: &mut Page, input: &Input<'_>) {
    let rel = input.rel;
    let p = page.paint;
    page.item(
        "",
        &format!(
            "{} {}",
            p.bold(&sanitize(&rel.person)),
            p.dim(&format!("({})", input.handle))
        ),
    );
    let status = match rel.status {
        Status::Active => format!("active since {}", rel.started),
        Status::Paused => format!("paused · started {}", rel.started),
        Status::Ended => match &rel.ending {
            Some(e) => format!(
                "ended {} ({}) · started {}",
                e.date,
                e.result.as_str(),
                rel.started
            ),
            None => format!("ended · started {}", rel.started),
        },
    };
    page.item(
        "",
        &format!(
            "{} · {status} · health {}",
            kind_sentence(rel),
            p.health(input.assessment.health)
        ),
    );
    if let Some(why) = super::needs::health_reason(input.assessment) {
        page.line(&p.dim(&wrap(&why, 0, page.width, "  ")));
    }
}

fn facts(page: &mut Page, input: &Input<'_>) {
    let rel = input.rel;
    let a = input.assessment;
    let today = input.today;
    page.out.push('\n');
    let missing = "—";
    page.field("Purpose", rel.purpose.as_deref().unwrap_or(missing));
    let aims_label = if rel.role == Role::Learner {
        "Expert wants"
    } else {
        "Their aims"
    };
    page.field(aims_label, rel.their_aims.as_deref().unwrap_or(missing));
    if rel.kind == Kind::Sponsoring {
        page.field("Destination", rel.destination.as_deref().unwrap_or(missing));
        page.field("Why", rel.why.as_deref().unwrap_or(missing));
        let opted = match rel.opted_in {
            Some(date) => format!("opted in {date}"),
            None if rel.role == Role::Protege => "you have not opted in yet".to_string(),
            None => "the protégé has not opted in yet".to_string(),
        };
        page.field("Opt-in", &opted);
    }
    if rel.kind == Kind::ReverseMentoring {
        page.field("Topic", rel.topic.as_deref().unwrap_or(missing));
        page.field("Why", rel.why.as_deref().unwrap_or(missing));
        page.field("Time box", &time_box(rel, a, today));
    }
    let agreement = match &rel.agreement {
        Some(ag) => match &ag.how {
            Some(how) => format!("{} — {how}", ag.date),
            None => ag.date.to_string(),
        },
        None => "not recorded: have the kickoff conversation".to_string(),
    };
    page.field("Agreement", &agreement);
    page.field("Meetings", &meetings(rel, a, today));
    for event in rel
        .events
        .iter()
        .filter(|e| e.what == crate::model::relationship::EventKind::Evolved)
    {
        if let (Some(from), Some(role)) = (event.from, event.from_role) {
            page.field(
                "Evolved",
                &format!(
                    "from {from} (you were the {}) on {}",
                    role.label(),
                    event.date
                ),
            );
        }
    }
    if let Some(ending) = &rel.ending {
        let outcome = ending
            .outcome
            .as_deref()
            .map(|o| format!(" — {o}"))
            .unwrap_or_default();
        page.field(
            "Ended",
            &format!("{} ({}){outcome}", ending.date, ending.result.as_str()),
        );
        if let Some(got) = &ending.expert_outcome {
            let label = if rel.role == Role::Expert {
                "You got"
            } else {
                "Expert got"
            };
            page.field(label, got);
        }
    }
}

fn time_box(rel: &Relationship, a: &Assessment, today: NaiveDate) -> String {
    let mut parts = Vec::new();
    if let Some(until) = rel.until {
        let left = days_between(today, until);
        parts.push(if left >= 0 {
            format!("until {until} ({} left)", plural(left as usize, "day"))
        } else {
            format!("ended {until} ({})", ago(-left))
        });
    }
    match rel.sessions {
        Some(n) => parts.push(format!("{} of {n} sessions held", a.held)),
        None => parts.push(format!("{} held", plural(a.held, "session"))),
    }
    if rel.until.is_none() && rel.sessions.is_none() {
        parts.insert(0, "not set".to_string());
    }
    parts.join(" · ")
}

fn meetings(rel: &Relationship, a: &Assessment, today: NaiveDate) -> String {
    let mut parts = vec![match &rel.cadence {
        Some(c) => c.to_string(),
        None => "no cadence".to_string(),
    }];
    parts.push(match a.last_checkin {
        Some(last) => format!("last check-in {} ({last})", ago(days_between(last, today))),
        None => "no check-in yet".to_string(),
    });
    match (a.timing, a.next_due) {
        (Timing::Snoozed { until }, _) => parts.push(format!("snoozed until {until}")),
        (Timing::TimeBoxOver, _) => parts.push("time box over: no meeting due".to_string()),
        (Timing::Paused | Timing::Ended, _) => {}
        (_, Some(due)) => {
            let when = days_between(today, due);
            parts.push(if when >= 0 {
                format!("next due {due} ({})", in_days(when))
            } else {
                format!("was due {due} ({} late)", plural(-when as usize, "day"))
            });
        }
        _ => {}
    }
    if let Some(planned) = a.planned {
        parts.push(format!("planned {planned}"));
    }
    parts.push(plural(a.held, "check-in"));
    parts.join(" · ")
}

fn understandings(page: &mut Page, a: &Assessment, handle: &str) {
    page.heading("Understanding");
    let p = page.paint;
    for which in Which::ALL {
        let u = a.understanding(which);
        let ok: Vec<String> = u
            .facts
            .iter()
            .filter(|f| f.ok)
            .map(super::needs::fact_text)
            .collect();
        let summary = match (u.level, ok.is_empty()) {
            (Level::Met, _) => ok.join(" · "),
            (_, true) => String::new(),
            (_, false) => ok.join(" · "),
        };
        let head = format!("  {} {:<18} ", p.level(u.level), super::needs::title(which));
        page.item(&head, &sanitize(&summary));
        for fact in u.facts.iter().filter(|f| !f.ok) {
            let text = super::needs::fact_text(fact);
            page.item(&format!("      {} ", p.red("✗")), &sanitize(&text));
            if let Some(fix) = super::needs::fact_fix(fact, handle).filter(|_| page.hints) {
                page.item("        ", &p.dim(&sanitize(&format!("→ {fix}"))));
            }
        }
    }
}

fn waypoints(page: &mut Page, input: &Input<'_>) {
    let rel = input.rel;
    let today = input.today;
    let p = page.paint;
    page.heading("Waypoints");
    let live: Vec<_> = rel
        .waypoints_by_due()
        .into_iter()
        .filter(|w| w.dropped.is_none())
        .collect();
    if live.is_empty() {
        page.empty(
            "none yet",
            format!("rel waypoint add {} TEXT --due DATE", input.handle),
        );
        if !rel.advocacy.is_empty() {
            advocacy(page, input);
        }
        return;
    }
    let reached = live.iter().filter(|w| w.reached.is_some()).count();
    let start = rel.opted_in.unwrap_or(rel.started);
    if let Some(end) = live.iter().map(|w| w.due).max().filter(|end| *end > start) {
        let span = days_between(start, end).max(1) as f64;
        let elapsed = (days_between(start, today) as f64 / span).clamp(0.0, 1.0);
        let done = reached as f64 / live.len() as f64;
        page.line(&format!(
            "  {} {} {:>3.0}% of the time from {start} to {end}",
            p.dim("time   "),
            fraction_bar(elapsed),
            elapsed * 100.0
        ));
        page.line(&format!(
            "  {} {} {reached} of {} waypoints",
            p.dim("reached"),
            fraction_bar(done),
            live.len()
        ));
        let verdict = if done + 0.1 < elapsed {
            p.yellow("behind your own plan")
        } else if done > elapsed + 0.1 {
            p.green("ahead of your own plan")
        } else {
            "on plan".to_string()
        };
        page.line(&format!("  {verdict}"));
    }

    // One timeline: waypoints at the day they were reached (or are due),
    // acts of advocacy at the day they happened, and today between them.
    let next = live.iter().find(|w| w.is_open()).map(|w| w.id);
    let mut entries: Vec<(NaiveDate, u8, String, String)> = Vec::new();
    for w in &live {
        let (marker, when) = match w.reached {
            Some(date) => (p.green("✓"), format!("reached {date} (due {})", w.due)),
            None if w.due < today => (
                p.red("!"),
                format!(
                    "due {} · {} late",
                    w.due,
                    plural(days_between(w.due, today) as usize, "day")
                ),
            ),
            None => (
                if Some(w.id) == next {
                    p.cyan("▸")
                } else {
                    "·".to_string()
                },
                format!("due {} · {}", w.due, in_days(days_between(today, w.due))),
            ),
        };
        let date = w.reached.unwrap_or(w.due);
        let when = format!("{when}{}", slip_note(rel, w.id));
        entries.push((
            date,
            1,
            format!("  {marker} {:<4}", w.id.to_string()),
            format!("{}  {}", sanitize(&w.text), p.dim(&when)),
        ));
    }
    for v in &rel.advocacy {
        let for_waypoint = v
            .waypoint
            .map(|w| format!(" · for {w}"))
            .unwrap_or_default();
        entries.push((
            v.date,
            0,
            format!("  {} {:<4}", p.cyan("★"), v.id.to_string()),
            format!(
                "{}  {}",
                sanitize(&v.text),
                p.dim(&format!("advocacy {}{for_waypoint}", v.date))
            ),
        ));
    }
    entries.sort_by_key(|a| (a.0, a.1));
    let mut today_shown = false;
    for (date, _, marker, text) in &entries {
        if !today_shown && *date > today {
            page.line(&format!("  {}", p.dim(&format!("── today, {today} ──"))));
            today_shown = true;
        }
        page.item(marker, text);
    }
    chart(page, &live, today);
}

/// The waypoints on one time axis, planned against actual.
fn chart(page: &mut Page, live: &[&crate::model::items::Waypoint], today: NaiveDate) {
    page.heading("Waypoints, planned against actual");
    for line in super::waypoint_chart::chart(live, today, page.width, page.paint) {
        page.line(&line);
    }
}

/// ` · slipped twice, 92 days in all (first due 2026-10-31)`, for an item
/// whose due date moved later; nothing otherwise.
fn slip_note(rel: &Relationship, id: crate::model::ItemId) -> String {
    super::replan::slipped(&rel.slips(id))
        .map(|s| format!(" · {s}"))
        .unwrap_or_default()
}

fn fraction_bar(fraction: f64) -> String {
    const SLOTS: usize = 20;
    let filled = ((fraction * SLOTS as f64).round() as usize).min(SLOTS);
    format!("{}{}", "▓".repeat(filled), "░".repeat(SLOTS - filled))
}

fn goals(page: &mut Page, input: &Input<'_>) {
    let rel = input.rel;
    let p = page.paint;
    page.heading("Goals");
    if rel.goals.is_empty() {
        page.empty("none yet", format!("rel goal add {} TEXT", input.handle));
        return;
    }
    for g in &rel.goals {
        let (marker, when) = match (g.achieved, g.dropped) {
            (Some(date), _) => (p.green("✓"), format!("achieved {date}")),
            (None, Some(date)) => (p.dim("✗"), format!("dropped {date}")),
            (None, None) => match g.due {
                Some(due) if due < input.today => (p.red("!"), format!("due {due} · late")),
                Some(due) => ("·".to_string(), format!("open · due {due}")),
                None => ("·".to_string(), format!("open since {}", g.added)),
            },
        };
        let assessed = g
            .assessment
            .map(|x| format!(" · final: {}", x.as_str()))
            .unwrap_or_default();
        let unassessed = if rel.status == Status::Ended && g.is_open() && g.assessment.is_none() {
            " · not assessed"
        } else {
            ""
        };
        let slipped = slip_note(rel, g.id);
        page.item(
            &format!("  {marker} {:<4}", g.id.to_string()),
            &format!(
                "{}  {}",
                sanitize(&g.text),
                p.dim(&format!("{when}{assessed}{unassessed}{slipped}"))
            ),
        );
    }
}

fn qualities(page: &mut Page, rel: &Relationship, today: NaiveDate) {
    if rel.strengths.is_empty() && rel.growth.is_empty() {
        return;
    }
    let p = page.paint;
    page.heading("Strengths and growth areas");
    for s in &rel.strengths {
        let from = s
            .from
            .map(|c| format!(" · promoted from {c}"))
            .unwrap_or_default();
        page.item(
            &format!("  {} {:<4}", p.green("+"), s.id.to_string()),
            &format!(
                "{}  {}",
                sanitize(&s.text),
                p.dim(&format!(
                    "since {}{from}{}",
                    s.added,
                    thread(&s.discussed, today, false)
                ))
            ),
        );
    }
    for c in &rel.growth {
        let note = match (c.promoted, c.strength) {
            (Some(date), Some(s)) => format!("became strength {s} on {date}"),
            (Some(date), None) => format!("became a strength on {date}"),
            _ => format!(
                "working on it since {}{}",
                c.added,
                thread(&c.discussed, today, true)
            ),
        };
        let marker = if c.promoted.is_some() {
            p.dim("↑")
        } else {
            p.yellow("~")
        };
        page.item(
            &format!("  {marker} {:<4}", c.id.to_string()),
            &format!("{}  {}", sanitize(&c.text), p.dim(&note)),
        );
    }
}

/// How often and when the meetings discussed a strength or growth area
/// (check-ins `--about` it): ` · discussed 3 times: 2026-09-14, …`.
/// `quiet`: say so when it never came up.
fn thread(discussed: &[NaiveDate], today: NaiveDate, quiet: bool) -> String {
    const SHOWN: usize = 4;
    let days: Vec<&NaiveDate> = discussed.iter().filter(|d| **d <= today).collect();
    if days.is_empty() {
        return if quiet {
            " · not discussed yet".to_string()
        } else {
            String::new()
        };
    }
    // The first and the latest, when there are many.
    let latest = days.len().saturating_sub(SHOWN - 1);
    let listed = if days.len() > SHOWN {
        let tail: Vec<String> = days[latest..].iter().map(|d| d.to_string()).collect();
        format!("{} … {}", days[0], tail.join(", "))
    } else {
        let all: Vec<String> = days.iter().map(|d| d.to_string()).collect();
        all.join(", ")
    };
    let times = match days.len() {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    format!(" · discussed {times}: {listed}")
}

fn actions(page: &mut Page, input: &Input<'_>) {
    let rel = input.rel;
    let p = page.paint;
    page.heading("Open actions");
    let open: Vec<_> = rel.open_actions().collect();
    if open.is_empty() {
        page.empty(
            "none",
            format!("rel action add {} TEXT [--theirs]", input.handle),
        );
        return;
    }
    for owner in [Owner::Me, Owner::Them] {
        for x in open.iter().filter(|x| x.owner == owner) {
            let due = match x.due {
                Some(due) if due < input.today => p.red(&format!(" · was due {due}")),
                Some(due) => format!(" · due {due}"),
                None => String::new(),
            };
            let who = if owner == Owner::Me {
                "mine  "
            } else {
                "theirs"
            };
            page.item(
                &format!("  {} {:<4}", p.dim(who), x.id.to_string()),
                &format!(
                    "{}  {}",
                    sanitize(&x.text),
                    p.dim(&format!(
                        "{}{due}{}",
                        super::age(x.added, input.today),
                        slip_note(rel, x.id)
                    ))
                ),
            );
        }
    }
}

/// The last weeks as a strip of marks, ratings under them.
fn rhythm(page: &mut Page, weeks: &[crate::model::rhythm::Week]) {
    use crate::model::rhythm::WeekState;
    if weeks.iter().all(|w| w.state == WeekState::NotStarted) {
        return;
    }
    page.heading(&format!("Last {} weeks", weeks.len()));
    page.item("  ", &super::pictures::strip_summary(weeks));
    for line in super::pictures::meeting_strip(weeks, page.width, page.paint) {
        page.line(&line);
    }
}

fn advocacy(page: &mut Page, input: &Input<'_>) {
    let p = page.paint;
    page.heading("Advocacy");
    let mut acts: Vec<_> = input.rel.advocacy.iter().collect();
    acts.sort_by_key(|v| std::cmp::Reverse((v.date, v.id)));
    for v in acts {
        let for_waypoint = v
            .waypoint
            .map(|w| format!(" · for {w}"))
            .unwrap_or_default();
        page.item(
            &format!("  {} {:<4}", v.date, v.id.to_string()),
            &format!("{}{}", sanitize(&v.text), p.dim(&for_waypoint)),
        );
    }
}

fn checkins(page: &mut Page, input: &Input<'_>) {
    let p = page.paint;
    page.heading(&format!("Last check-ins ({} in all)", input.checkins));
    if input.recent.is_empty() {
        page.empty("none yet", format!("rel checkin {}", input.handle));
        return;
    }
    for (id, c) in input.recent.iter().rev().take(3) {
        let stars = c.rating.map(|r| stars(r.get())).unwrap_or_default();
        let review = if c.review {
            p.cyan(" review")
        } else {
            String::new()
        };
        page.line(&format!(
            "  {} {}{review}",
            p.bold(&id.date.to_string()),
            stars
        ));
        if let Some(notes) = &c.notes {
            let lines: Vec<&str> = notes.lines().filter(|l| !l.trim().is_empty()).collect();
            for line in lines.iter().take(3) {
                page.item("    ", &sanitize(line));
            }
            if lines.len() > 3 {
                page.line(&format!(
                    "    {}",
                    p.dim(&format!(
                        "… {} more (rel log {})",
                        plural(lines.len() - 3, "line"),
                        input.handle
                    ))
                ));
            }
        }
        for (sign, list) in [("+", &c.working), ("−", &c.not_working), ("→", &c.changes)] {
            for entry in list {
                page.item(&format!("    {} ", p.dim(sign)), &sanitize(entry));
            }
        }
        let mut moved = Vec::new();
        if !c.closed.is_empty() {
            moved.push(format!("closed {}", ids(&c.closed)));
        }
        if !c.reached.is_empty() {
            moved.push(format!("reached {}", ids(&c.reached)));
        }
        if !c.opened.is_empty() {
            let opened: Vec<String> = c
                .opened
                .iter()
                .filter_map(|x| x.id)
                .map(|x| x.to_string())
                .collect();
            moved.push(format!("opened {}", opened.join(", ")));
        }
        if !c.about.is_empty() {
            moved.push(format!("about {}", ids(&c.about)));
        }
        if let Some(next) = c.next {
            moved.push(format!("next {next}"));
        }
        if !moved.is_empty() {
            page.line(&format!("    {}", p.dim(&moved.join(" · "))));
        }
    }
    let ratings: Vec<u8> = input
        .recent
        .iter()
        .filter_map(|(_, c)| c.rating.map(|r| r.get()))
        .collect();
    if !ratings.is_empty() {
        let mean = ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64;
        page.out.push('\n');
        page.field(
            "Rating trend",
            &format!(
                "{} average {mean:.1} over the last {}",
                sparkline(&ratings),
                plural(ratings.len(), "rated meeting")
            ),
        );
    }
}

/// Every change between meetings, newest first, every word of it.
fn history(page: &mut Page, changes: &[crate::model::history::Change<'_>]) {
    let p = page.paint;
    page.heading(&format!("History ({})", plural(changes.len(), "change")));
    if changes.is_empty() {
        page.line("  nothing has changed since it started");
        return;
    }
    for change in changes {
        let told = super::history::tell(change);
        let marker = format!("  {} {:<12} ", change.date(), told.label);
        page.item(&p.dim(&marker), &sanitize(&told.text));
        let indent = " ".repeat(text::width(&marker));
        for under in &told.under {
            page.item(&indent, &p.dim(&sanitize(under)));
        }
    }
}

pub fn stars(n: u8) -> String {
    let n = usize::from(n.min(5));
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}

fn ids(list: &[crate::model::ItemId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
