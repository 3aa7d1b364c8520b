//! One relationship as every view sees it on a day: read, and assessed
//! once. The overview reads a brief of it, a report the whole of it; both
//! hand the assessment the same snapshot — the newest check-in held by the
//! day and the last review by the day, found in all of its history — so
//! every view tells the same story.

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::assess::{last_review, review_needs_checkins};
use crate::model::{
    Assessment, CheckIn, CheckinId, Handle, Meetings, Relationship, Snapshot, assess,
};
use crate::problem::Problem;
use crate::store::{Loaded, Read, Words};

/// One relationship, read and assessed as of today.
pub struct View {
    pub handle: Handle,
    /// The relationship: whole, or (in an overview) its open items only.
    pub rel: Relationship,
    /// How many check-ins it has, on any day.
    pub checkins: usize,
    /// The newest check-ins held by today, read, oldest first (in an
    /// overview, only what it reads of the newest).
    pub recent: Vec<(CheckinId, CheckIn)>,
    pub assessment: Assessment,
    /// Check-ins that could not be read.
    pub problems: Vec<Problem>,
}

/// Reads a relationship, the names of its check-ins and the newest
/// `recent` of them (at least the last one), and assesses it. `words` says
/// whether the words of its closed items and history are wanted.
pub fn load_view(ctx: &Ctx, handle: &Handle, recent: usize, words: Words) -> Result<View, Problem> {
    let read = Read { words, ..Read::ALL };
    let Loaded {
        mut rel, checkins, ..
    } = ctx.journal.read(handle, read.with_checkins())?;
    // A day before an item was closed, it was open, and a view shows an
    // open item's words.
    if words == Words::Open && rel.closed_after(ctx.today) {
        rel = ctx.journal.read(handle, Read::ALL)?.rel;
    }
    // As it stood on the day (the same relationship unless something was
    // recorded after it): what every part of a view shows.
    let rel = as_of(rel, ctx.today);
    let meetings = Meetings::of(&checkins);
    let (recent, problems) = read_recent(ctx, handle, &meetings, recent, &[]);
    let assessment = assess_whole(ctx, handle, &rel, &meetings, &recent);
    Ok(View {
        handle: handle.clone(),
        rel,
        checkins: meetings.len(),
        recent,
        assessment,
        problems,
    })
}

impl View {
    /// A report of one relationship needs it started by the day: as of
    /// an earlier day (`--as-of`) there is nothing yet to judge or to
    /// prepare for, and the overview lists it as not started.
    pub fn started(&self, ctx: &Ctx) -> Result<&View> {
        if self.assessment.started {
            return Ok(self);
        }
        let (handle, started) = (&self.handle, self.rel.started);
        Err(Error::user(format!(
            "{handle} starts on {started}: on {} it had not started yet",
            ctx.today
        ))
        .with_hint(format!(
            "use --as-of {started} or a later day, or leave --as-of out for today"
        )))
    }
}

/// Assesses a whole relationship whose newest check-ins held by today are
/// `recent` (oldest first).
fn assess_whole(
    ctx: &Ctx,
    handle: &Handle,
    rel: &Relationship,
    meetings: &Meetings,
    recent: &[(CheckinId, CheckIn)],
) -> Assessment {
    let review = review_by(ctx, handle, rel, meetings, recent);
    let last = recent.last().map(|(_, c)| c);
    let snapshot = Snapshot::whole(handle, rel, meetings, last, review, ctx.today);
    assess(&snapshot, ctx.today, &ctx.settings)
}

/// The assessment of a relationship just written, from what the write had
/// in hand — the relationship, the check-in it filed — and the names of its
/// check-ins: what every view will say of it from now on, without reading
/// the relationship again.
pub fn assess_written(
    ctx: &Ctx,
    handle: &Handle,
    rel: &Relationship,
    checkins: &[CheckinId],
    written: (CheckinId, &CheckIn),
) -> Assessment {
    let meetings = Meetings::of(checkins);
    let known = [(written.0, written.1.clone())];
    let (recent, _) = read_recent(ctx, handle, &meetings, 1, &known);
    assess_whole(ctx, handle, rel, &meetings, &recent)
}

/// Reads what an overview of every relationship shows of one: its
/// [`Brief`](crate::model::Brief), which holds no closed item and eight
/// bytes a meeting, and what it reads of its newest check-in (see
/// [`Journal::newest_checkin`](crate::store::Journal::newest_checkin)).
/// The view holds only the open items, and the brief's meetings are let
/// go once counted.
pub fn load_overview(ctx: &Ctx, handle: &Handle) -> Result<View, Problem> {
    let mut brief = ctx.journal.brief(handle)?;
    // An item reopened after the day was closed on it: what the brief's
    // tally counts as open, only the whole relationship can count right.
    let reopened_later = brief
        .rel
        .revisions()
        .iter()
        .any(|(_, _, r)| r.date > ctx.today && r.reopened.is_some());
    if reopened_later {
        return load_view(ctx, handle, 1, Words::Open);
    }
    brief.rel = as_of(brief.rel, ctx.today);
    let (recent, problems) = match ctx.journal.newest_checkin(handle, &brief, ctx.today) {
        None => (Vec::new(), Vec::new()),
        Some(Ok(newest)) => (vec![newest], Vec::new()),
        Some(Err(problem)) => (Vec::new(), vec![problem]),
    };
    let review = review_by(ctx, handle, &brief.rel, &brief.meetings, &recent);
    let last = recent.last().map(|(_, c)| c);
    let Some(snapshot) = Snapshot::brief(handle, &brief, last, review, ctx.today) else {
        // As of a day before something the brief leaves out was done:
        // only the whole relationship can tell.
        return load_view(ctx, handle, 1, Words::Open);
    };
    let assessment = assess(&snapshot, ctx.today, &ctx.settings);
    Ok(View {
        handle: handle.clone(),
        rel: brief.rel,
        checkins: brief.meetings.len(),
        recent,
        assessment,
        problems,
    })
}

/// The relationship as it stood on `day`: itself, unless something was
/// recorded after that day.
fn as_of(rel: Relationship, day: NaiveDate) -> Relationship {
    match rel.as_of(day) {
        std::borrow::Cow::Owned(earlier) => earlier,
        std::borrow::Cow::Borrowed(_) => rel,
    }
}

/// The last review by today: the relationship's stamp, or, for a day
/// before it, the newest review among all the check-ins held by then —
/// those already read first, the rest read newest first until one is a
/// review.
fn review_by(
    ctx: &Ctx,
    handle: &Handle,
    rel: &Relationship,
    meetings: &Meetings,
    recent: &[(CheckinId, CheckIn)],
) -> Option<NaiveDate> {
    if !review_needs_checkins(rel, ctx.today) {
        return last_review(rel, ctx.today, []);
    }
    let held = meetings.newest_by(ctx.today, meetings.len());
    let earlier =
        held.into_iter()
            .rev()
            .filter_map(|id| match recent.iter().find(|(read, _)| *read == id) {
                Some((_, checkin)) => Some(checkin.clone()),
                None => ctx.journal.load_checkin(handle, id).ok(),
            });
    last_review(rel, ctx.today, earlier)
}

/// The newest `n` check-ins held by today (at least one), read (unless
/// `known` has them), oldest first, and the problems of any that would
/// not read.
fn read_recent(
    ctx: &Ctx,
    handle: &Handle,
    meetings: &Meetings,
    n: usize,
    known: &[(CheckinId, CheckIn)],
) -> (Vec<(CheckinId, CheckIn)>, Vec<Problem>) {
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for id in meetings.newest_by(ctx.today, n.max(1)) {
        if let Some(known) = known.iter().find(|(k, _)| *k == id) {
            loaded.push(known.clone());
            continue;
        }
        match ctx.journal.load_checkin(handle, id) {
            Ok(checkin) => loaded.push((id, checkin)),
            Err(problem) => problems.push(problem),
        }
    }
    (loaded, problems)
}
