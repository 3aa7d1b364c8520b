//! `rel report`: the period report as text, and the words it shares with
//! the Markdown form.

use chrono::NaiveDate;

use super::kind_sentence;
use super::show::{LABEL, Page};
use super::style::Paint;
use super::table::sparkline;
use super::words::one_line;
use super::words::plural;
use crate::model::activity::{Activity, ByOwner, Correction, Expected, Totals};
use crate::model::items::Verdict;
use crate::model::relationship::{Event, EventKind};
use crate::model::{Owner, Period, Status};
use crate::text::{sanitize, wrap_styled};

/// Everything the report shows.
pub struct Input<'a> {
    /// The period asked for.
    pub period: Period,
    /// The part of it that has happened: up to today.
    pub covered: Period,
    pub today: NaiveDate,
    pub activities: &'a [Activity<'a>],
    pub totals: &'a Totals,
}

/// The most ratings a sparkline shows (the latest ones).
const SPARK_MAX: usize = 40;

pub fn text(input: &Input<'_>, width: usize, paint: Paint) -> String {
    let mut page = Page::new(width, paint);
    page.line(&paint.bold(&format!("Period report: {}", period_words(input))));
    for a in input.activities {
        page.out.push('\n');
        relationship(&mut page, a, input.covered);
    }
    if input.activities.is_empty() {
        page.out.push('\n');
        page.line("No relationship ran in this period.");
    } else {
        totals(&mut page, input.totals);
    }
    page.out
}

fn relationship(page: &mut Page, a: &Activity<'_>, covered: Period) {
    let p = page.paint;
    let head = format!(
        "{} {} · {}{}",
        p.bold(&sanitize(&a.rel.person)),
        p.dim(&format!("({})", a.handle)),
        kind_sentence(a.rel),
        status_words(a)
    );
    if a.is_quiet() {
        let line = format!("{head} · {}", p.dim(&quiet_words(a)));
        page.line(&wrap_styled(&line, 0, page.width, "  "));
        return;
    }
    page.line(&wrap_styled(&head, 0, page.width, "  "));
    let mut checkins = checkin_words(a, covered);
    if let Some(mean) = a.average_rating() {
        let room = page.width.saturating_sub(LABEL + 3).clamp(5, SPARK_MAX);
        let skip = a.ratings.len().saturating_sub(room);
        let more = if skip > 0 { "…" } else { "" };
        checkins.push_str(&format!(
            " · average {mean:.1} {more}{}",
            sparkline(&a.ratings[skip..])
        ));
    }
    match a.expected.as_ref().filter(|e| e.count > 0) {
        // Held against expected, as a bar before the words.
        Some(e) => {
            let bar = super::pictures::cadence_bar(a.checkins.len(), e.count, p);
            let label = p.dim(&format!("{:<LABEL$}", "Check-ins"));
            page.item(
                &format!("  {label}"),
                &format!("{bar} {}", sanitize(&checkins)),
            );
        }
        None => page.field("Check-ins", &checkins),
    }

    let mut list = List::new(page);
    list.label("Waypoints");
    for w in &a.waypoints_reached {
        list.item(p.green("✓"), w.id, &w.text, &when("reached", w.reached));
    }
    for w in &a.waypoints_dropped {
        list.item(p.dim("✗"), w.id, &w.text, &when("dropped", w.dropped));
    }
    list.label("Goals");
    for g in &a.goals_achieved {
        list.item(p.green("✓"), g.id, &g.text, &when("achieved", g.achieved));
    }
    for g in &a.goals_dropped {
        list.item(p.dim("✗"), g.id, &g.text, &when("dropped", g.dropped));
    }
    for g in &a.goals_assessed {
        let mark = match g.assessment {
            Some(Verdict::Partly) => p.yellow("◐"),
            _ => p.red("○"),
        };
        list.item(mark, g.id, &g.text, &verdict_words(g.assessment));
    }
    list.label("Actions");
    if let Some(summary) = action_words(a) {
        list.field(&summary);
    }
    for x in &a.actions_closed {
        let done = when("done", x.done);
        list.item(
            p.green("✓"),
            x.id,
            &x.text,
            &format!("{} · {done}", whose(x.owner)),
        );
    }
    list.label("Advocacy");
    for v in &a.advocacy {
        let served = v
            .waypoint
            .map(|w| format!(" · for {w}"))
            .unwrap_or_default();
        list.item(p.cyan("★"), v.id, &v.text, &format!("{}{served}", v.date));
    }
    list.label("Strengths");
    for s in &a.strengths {
        list.item(p.green("+"), s.id, &s.text, &format!("added {}", s.added));
    }
    for c in &a.promoted {
        list.item(p.green("↑"), c.id, &c.text, &promoted_words(c));
    }
    list.label("Reviews");
    for c in a.corrections.iter().filter(|c| c.review) {
        list.field(&format!("{}  {}", c.date, correction_words(c, &sanitize)));
    }
    list.label("Agreed");
    for c in a.corrections.iter().filter(|c| !c.review) {
        list.field(&format!("{}  {}", c.date, correction_words(c, &sanitize)));
    }
    list.label("Re-planned");
    for (id, text, r) in &a.replanned {
        let what = format!("{} {}", r.date, super::replan::line(r));
        list.item(p.yellow("↷"), *id, text, &one_line(&what));
    }
    list.label("Changes");
    for (date, words) in changes(a, &sanitize) {
        list.field(&format!("{date}  {words}"));
    }
}

/// Labelled lists: the label shows on the first line under it only, and
/// a label with nothing under it shows not at all.
struct List<'p> {
    page: &'p mut Page,
    label: &'static str,
}

impl<'p> List<'p> {
    fn new(page: &'p mut Page) -> List<'p> {
        List { page, label: "" }
    }

    fn label(&mut self, label: &'static str) {
        self.label = label;
    }

    fn take_label(&mut self) -> &'static str {
        std::mem::take(&mut self.label)
    }

    fn field(&mut self, value: &str) {
        let label = self.take_label();
        self.page.field(label, value);
    }

    fn item(&mut self, mark: String, id: crate::model::ItemId, text: &str, when: &str) {
        let label = self.take_label();
        let p = self.page.paint;
        let marker = format!(
            "  {}{mark} {:<4}",
            p.dim(&format!("{label:<LABEL$}")),
            id.to_string()
        );
        self.page.item(
            &marker,
            &format!("{}  {}", sanitize(&one_line(text)), p.dim(when)),
        );
    }
}

fn totals(page: &mut Page, t: &Totals) {
    page.heading("Totals");
    let mut reported = vec![plural(t.relationships, "relationship")];
    if t.started > 0 {
        reported.push(format!("{} started", t.started));
    }
    if t.ended > 0 {
        reported.push(format!("{} ended", t.ended));
    }
    if t.quiet > 0 {
        reported.push(format!("{} with nothing in the period", t.quiet));
    }
    page.field("Reported", &reported.join(" · "));
    let mut checkins = total_checkin_words(t);
    if let Some(mean) = t.average_rating {
        checkins.push_str(&format!(
            " · average rating {mean:.1} over {}",
            plural(t.rated, "rated meeting")
        ));
    }
    page.field("Check-ins", &checkins);
    page.field(
        "Waypoints",
        &counted(&[
            (t.waypoints_reached, "reached"),
            (t.waypoints_dropped, "dropped"),
        ]),
    );
    page.field(
        "Goals",
        &counted(&[(t.goals_achieved, "achieved"), (t.goals_dropped, "dropped")]),
    );
    page.field("Actions", &total_action_words(t));
    page.field("Advocacy", &plural(t.advocacy, "act"));
    page.field(
        "Strengths",
        &format!(
            "{} added · {} promoted from a growth area",
            t.strengths, t.promoted
        ),
    );
}

/// `2 reached · 1 dropped`, leaving out all but the first zero.
fn counted(parts: &[(usize, &str)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .enumerate()
        .filter(|(i, (n, _))| *i == 0 || *n > 0)
        .map(|(_, (n, what))| format!("{n} {what}"))
        .collect();
    shown.join(" · ")
}

/// `2026-08-29 to 2026-11-26 (90 days)`, or, for a period still running,
/// how much of it has passed.
pub fn period_words(input: &Input<'_>) -> String {
    let (period, covered) = (input.period, input.covered);
    if covered == period {
        format!(
            "{} to {} ({})",
            period.since,
            period.until,
            plural(period.days() as usize, "day")
        )
    } else {
        format!(
            "{} to {} (so far: {} to today, {})",
            period.since,
            period.until,
            plural(covered.days() as usize, "day"),
            input.today
        )
    }
}

/// ` · paused`, ` · ended`: how it stands now, when not active.
fn status_words(a: &Activity<'_>) -> String {
    match a.rel.status {
        Status::Active => String::new(),
        other => format!(" · {}", other.as_str()),
    }
}

/// The one line a relationship with nothing in the period gets.
pub fn quiet_words(a: &Activity<'_>) -> String {
    let what = if a.running {
        "nothing in this period"
    } else {
        "not running in this period"
    };
    match &a.expected {
        Some(e) if e.count > 0 => format!(
            "{what} (~{} expected, {})",
            plural(e.count as usize, "check-in"),
            cadences(e)
        ),
        _ => what.to_string(),
    }
}

/// `5 of ~6 expected (biweekly)`, with the days counted when pauses,
/// snoozes, a start or an end left fewer than the whole period.
pub fn checkin_words(a: &Activity<'_>, covered: Period) -> String {
    let held = a.checkins.len();
    let Some(e) = &a.expected else {
        return format!("{held} held (no cadence)");
    };
    let over = if e.days < covered.days() {
        format!(
            ", in {} of the {}",
            e.days,
            plural(covered.days() as usize, "day")
        )
    } else {
        String::new()
    };
    if e.count == 0 {
        format!("{held} held (none expected: {}{over})", cadences(e))
    } else {
        format!("{held} of ~{} expected ({}{over})", e.count, cadences(e))
    }
}

/// `biweekly`, or `weekly, then monthly` when the cadence changed.
pub fn cadences(e: &Expected) -> String {
    let names: Vec<String> = e.cadences.iter().map(ToString::to_string).collect();
    names.join(", then ")
}

/// A meeting that reviewed the relationship or agreed course corrections:
/// `reviewed the relationship — agreed: timebox to 45 minutes; …`.
pub fn correction_words(c: &Correction, show: &dyn Fn(&str) -> String) -> String {
    let agreed: Vec<String> = c.changes.iter().map(|x| show(&one_line(x))).collect();
    match (c.review, agreed.is_empty()) {
        (true, true) => "reviewed the relationship".to_string(),
        (true, false) => format!("reviewed the relationship — agreed: {}", agreed.join("; ")),
        (false, _) => format!("agreed: {}", agreed.join("; ")),
    }
}

/// `4 opened (1 mine, 3 theirs) · 2 closed (1 mine, 1 theirs) · 1 dropped`.
pub fn action_words(a: &Activity<'_>) -> Option<String> {
    let words = actions(
        ByOwner::of(&a.actions_opened),
        ByOwner::of(&a.actions_closed),
        ByOwner::of(&a.actions_dropped),
    );
    (!words.is_empty()).then_some(words)
}

pub fn total_action_words(t: &Totals) -> String {
    let words = actions(t.actions_opened, t.actions_closed, t.actions_dropped);
    if words.is_empty() {
        "none opened or closed".to_string()
    } else {
        words
    }
}

fn actions(opened: ByOwner, closed: ByOwner, dropped: ByOwner) -> String {
    let mut parts = Vec::new();
    for (what, n) in [("opened", opened), ("closed", closed)] {
        if n.total() > 0 {
            parts.push(format!("{} {what} ({})", n.total(), owners(n)));
        }
    }
    if dropped.total() > 0 {
        parts.push(format!("{} dropped", dropped.total()));
    }
    parts.join(" · ")
}

/// `mine` or `theirs`.
pub fn whose(owner: Owner) -> &'static str {
    match owner {
        Owner::Me => "mine",
        Owner::Them => "theirs",
    }
}

/// `1 mine, 3 theirs`.
pub fn owners(n: ByOwner) -> String {
    format!("{} mine, {} theirs", n.mine, n.theirs)
}

/// `12 of ~15 expected`, saying which relationships expect nothing.
pub fn total_checkin_words(t: &Totals) -> String {
    let with_cadence = t.relationships - t.without_cadence;
    match (with_cadence, t.without_cadence) {
        (0, 1..) => format!("{} held (no cadence set)", t.checkins),
        _ if t.expected == 0 => format!("{} held (none expected)", t.checkins),
        (_, 0) => format!("{} of ~{} expected", t.checkins, t.expected),
        (_, _) => format!(
            "{} held · ~{} expected by the {} with a cadence",
            t.checkins,
            t.expected,
            plural(with_cadence, "relationship")
        ),
    }
}

pub fn when(what: &str, date: Option<NaiveDate>) -> String {
    date.map_or_else(|| what.to_string(), |d| format!("{what} {d}"))
}

pub fn verdict_words(verdict: Option<Verdict>) -> String {
    match verdict {
        Some(Verdict::Partly) => "final assessment: partly achieved".to_string(),
        Some(Verdict::Achieved) => "final assessment: achieved".to_string(),
        _ => "final assessment: not achieved".to_string(),
    }
}

pub fn promoted_words(c: &crate::model::items::Growth) -> String {
    match (c.strength, c.promoted) {
        (Some(s), Some(date)) => format!("became strength {s} on {date}"),
        (_, date) => when("became a strength", date),
    }
}

/// The changes to the relationship itself in the period, in date order:
/// its start, then each event, in words; user text through `show`.
pub fn changes(a: &Activity<'_>, show: &dyn Fn(&str) -> String) -> Vec<(NaiveDate, String)> {
    let mut list = Vec::new();
    if a.started {
        list.push((a.rel.started, "started".to_string()));
    }
    for event in &a.events {
        list.push((event.date, event_words(a, event, show)));
    }
    list
}

fn event_words(a: &Activity<'_>, event: &Event, show: &dyn Fn(&str) -> String) -> String {
    let note = event
        .note
        .as_deref()
        .map(|n| format!(" — {}", show(&one_line(n))))
        .unwrap_or_default();
    match event.what {
        EventKind::Paused => format!("paused{note}"),
        EventKind::Resumed => format!("resumed{note}"),
        EventKind::Snoozed => match event.until {
            Some(until) => format!("snoozed until {until}{note}"),
            None => format!("snooze lifted{note}"),
        },
        EventKind::Ended => {
            let ending = a.ending.filter(|e| e.date == event.date);
            let result = ending
                .map(|e| format!(" ({})", e.result.as_str()))
                .unwrap_or_default();
            let outcome = ending
                .and_then(|e| e.outcome.as_deref())
                .map(|o| format!(" — {}", show(&one_line(o))))
                .unwrap_or_default();
            let expert = ending
                .and_then(|e| e.expert_outcome.as_deref())
                .map(|o| format!(" — the expert: {}", show(&one_line(o))))
                .unwrap_or_default();
            format!("ended{result}{outcome}{expert}{note}")
        }
        EventKind::Evolved => match (event.from, event.from_role) {
            (Some(kind), Some(role)) => {
                format!("evolved from {kind} (you were the {}){note}", role.label())
            }
            (Some(kind), None) => format!("evolved from {kind}{note}"),
            _ => format!("evolved{note}"),
        },
        EventKind::Changed => match (&event.field, &event.note) {
            (Some(field), _) => format!(
                "changed {}",
                show(&one_line(&super::change_line(
                    field,
                    event.old.as_deref(),
                    event.new.as_deref()
                )))
            ),
            (None, Some(n)) => format!("changed {}", show(&one_line(n))),
            (None, None) => "changed".to_string(),
        },
        EventKind::Conflict | EventKind::Settled => super::merged::event_words(event, show),
    }
}
