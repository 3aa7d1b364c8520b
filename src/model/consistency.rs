//! Facts in a relationship or a check-in that cannot all be true: ids that
//! clash, references to items that do not exist, dates out of order. The
//! rules `rel check` and `rel edit` apply once a file has parsed.

use chrono::NaiveDate;

use super::checkin::{CheckIn, CheckinId};
use super::id::{ItemId, ItemKind};
use super::items::{Closable, Item};
use super::relationship::{Place, Relationship};
use super::replan::Planned;

/// One step of the way to a value in a file: a key, or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// Something wrong, where it is written, and whether rel works around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where in the file, from the top: `goal`, 2, `achieved`.
    pub place: Vec<Step>,
    pub message: String,
    /// rel works around it (a warning, not an error).
    pub harmless: bool,
}

impl Finding {
    fn error(place: Vec<Step>, message: String) -> Finding {
        Finding {
            place,
            message,
            harmless: false,
        }
    }

    fn warning(place: Vec<Step>, message: String) -> Finding {
        Finding {
            place,
            message,
            harmless: true,
        }
    }
}

/// Everything in a relationship that contradicts something else in it.
pub fn relationship(rel: &Relationship) -> Vec<Finding> {
    let mut found: Vec<Finding> = rel
        .contradictions()
        .into_iter()
        .filter_map(|(place, message)| match place {
            // Ids in the wrong list are told below too, with their place.
            Place::Key(key) if ItemKind::ALL.iter().any(|k| k.key() == key) => None,
            Place::Key(key) => Some(Finding::error(vec![Step::Key(key)], message)),
            // Told below, with the id to use instead.
            Place::SecondId(_) => None,
        })
        .collect();
    ids(rel, &mut found);
    references(rel, &mut found);
    last_ids(rel, &mut found);
    dates(rel, &mut found);
    found
}

/// Each list of items, with the kind of id its items carry.
fn lists(rel: &Relationship) -> [(ItemKind, Vec<ItemId>); 6] {
    fn ids<T: Item>(items: &[T]) -> Vec<ItemId> {
        items.iter().map(Item::id).collect()
    }
    [
        (ItemKind::Goal, ids(&rel.goals)),
        (ItemKind::Waypoint, ids(&rel.waypoints)),
        (ItemKind::Action, ids(&rel.actions)),
        (ItemKind::Strength, ids(&rel.strengths)),
        (ItemKind::Growth, ids(&rel.growth)),
        (ItemKind::Advocacy, ids(&rel.advocacy)),
    ]
}

/// The id the next item of `kind` gets.
fn next_free(rel: &Relationship, kind: ItemKind) -> ItemId {
    rel.clone().next_id(kind)
}

/// Ids are of their list's kind and unique within the relationship.
fn ids(rel: &Relationship, found: &mut Vec<Finding>) {
    let mut seen: Vec<ItemId> = Vec::new();
    for (kind, ids) in lists(rel) {
        for (i, id) in ids.into_iter().enumerate() {
            let place = vec![Step::Key(kind.key()), Step::Index(i), Step::Key("id")];
            if id.kind != kind {
                found.push(Finding::error(
                    place,
                    format!(
                        "{} id {id} does not start with '{}' ({} ids look like {}1); give it the next free id, {}",
                        kind.noun(),
                        kind.prefix(),
                        kind.noun(),
                        kind.prefix(),
                        next_free(rel, kind)
                    ),
                ));
            } else if seen.contains(&id) {
                found.push(Finding::error(
                    place,
                    format!(
                        "id {id} is used twice; ids are never shared or reused — give this {} the next free id, {}",
                        kind.noun(),
                        next_free(rel, kind)
                    ),
                ));
            } else {
                seen.push(id);
            }
        }
    }
}

/// Items that name other items name ones that exist.
fn references(rel: &Relationship, found: &mut Vec<Finding>) {
    let has = |id: ItemId| rel.ids().any(|x| x == id);
    for (i, v) in rel.advocacy.iter().enumerate() {
        if let Some(w) = v
            .waypoint
            .filter(|w| w.kind != ItemKind::Waypoint || !has(*w))
        {
            found.push(Finding::error(
                vec![Step::Key("advocacy"), Step::Index(i), Step::Key("waypoint")],
                missing(v.id, "serves", w, ItemKind::Waypoint),
            ));
        }
    }
    for (i, s) in rel.strengths.iter().enumerate() {
        if let Some(c) = s.from.filter(|c| c.kind != ItemKind::Growth || !has(*c)) {
            found.push(Finding::error(
                vec![Step::Key("strength"), Step::Index(i), Step::Key("from")],
                missing(s.id, "was promoted from", c, ItemKind::Growth),
            ));
        }
    }
    for (i, c) in rel.growth.iter().enumerate() {
        if let Some(s) = c
            .strength
            .filter(|s| s.kind != ItemKind::Strength || !has(*s))
        {
            found.push(Finding::error(
                vec![Step::Key("growth"), Step::Index(i), Step::Key("strength")],
                missing(c.id, "became", s, ItemKind::Strength),
            ));
        }
    }
}

/// `v1 serves waypoint w9, which does not exist`.
fn missing(from: ItemId, verb: &str, to: ItemId, expected: ItemKind) -> String {
    if to.kind == expected {
        format!(
            "{} {from} {verb} {} {to}, which is not in this file",
            from.kind.noun(),
            expected.noun()
        )
    } else {
        format!(
            "{} {from} {verb} {to}, which is a {} id; it takes a {} id ({}1, {}2, …)",
            from.kind.noun(),
            to.kind.noun(),
            expected.noun(),
            expected.prefix(),
            expected.prefix()
        )
    }
}

/// `[last_id]` is at least every id in the file. Harmless: rel never hands
/// out an id lower than one in the file.
fn last_ids(rel: &Relationship, found: &mut Vec<Finding>) {
    if rel.last_id.is_empty() {
        return;
    }
    for kind in ItemKind::ALL {
        let highest = rel.ids().filter(|id| id.kind == kind).max_by_key(|id| id.n);
        if let Some(highest) = highest.filter(|h| h.n > rel.last_id.get(kind)) {
            found.push(Finding::warning(
                vec![Step::Key("last_id"), Step::Key(kind.key())],
                format!(
                    "[last_id] {} is {}, lower than {highest} in this file; harmless — rel counts from {highest} and the next {} is {}",
                    kind.key(),
                    rel.last_id.get(kind),
                    kind.noun(),
                    next_free(rel, kind)
                ),
            ));
        }
    }
}

/// Nothing is closed before it was added, nor ends before it started.
fn dates(rel: &Relationship, found: &mut Vec<Finding>) {
    closed_in_order(&rel.goals, "goal", "achieved", found);
    closed_in_order(&rel.waypoints, "waypoint", "reached", found);
    closed_in_order(&rel.actions, "action", "done", found);
    revised_in_order(&rel.goals, "goal", found);
    revised_in_order(&rel.waypoints, "waypoint", found);
    revised_in_order(&rel.actions, "action", found);
    for (i, w) in rel.waypoints.iter().enumerate() {
        if w.due < w.added {
            found.push(Finding::warning(
                vec![Step::Key("waypoint"), Step::Index(i), Step::Key("due")],
                format!(
                    "waypoint {} is due on {}, before it was added on {}",
                    w.id, w.due, w.added
                ),
            ));
        }
    }
    for (i, c) in rel.growth.iter().enumerate() {
        if let Some(on) = c.promoted.filter(|on| *on < c.added) {
            found.push(before_added("growth", i, "promoted", c.id, on, c.added));
        }
    }
    if let Some(ending) = rel.ending.as_ref().filter(|e| e.date < rel.started) {
        found.push(Finding::error(
            vec![Step::Key("ending"), Step::Key("date")],
            format!(
                "the relationship ended on {}, before it started on {}",
                ending.date, rel.started
            ),
        ));
    }
}

fn closed_in_order<T: Closable>(
    items: &[T],
    key: &'static str,
    done: &'static str,
    found: &mut Vec<Finding>,
) {
    for (i, item) in items.iter().enumerate() {
        for (word, date) in [(done, item.done()), ("dropped", item.dropped())] {
            if let Some(on) = date.filter(|on| *on < item.added()) {
                found.push(before_added(key, i, word, item.id(), on, item.added()));
            }
        }
    }
}

/// A revision dated before its item was added is odd, but harmless:
/// views of an earlier day would rewind it.
fn revised_in_order<T: Planned>(items: &[T], key: &'static str, found: &mut Vec<Finding>) {
    for (i, item) in items.iter().enumerate() {
        for (n, r) in item.history().iter().enumerate() {
            if r.date < item.added() {
                found.push(Finding::warning(
                    vec![
                        Step::Key(key),
                        Step::Index(i),
                        Step::Key("history"),
                        Step::Index(n),
                        Step::Key("date"),
                    ],
                    format!(
                        "{} {} was re-planned on {}, before it was added on {}",
                        item.id().kind.noun(),
                        item.id(),
                        r.date,
                        item.added()
                    ),
                ));
            }
        }
    }
}

fn before_added(
    key: &'static str,
    i: usize,
    word: &'static str,
    id: ItemId,
    on: NaiveDate,
    added: NaiveDate,
) -> Finding {
    Finding::error(
        vec![Step::Key(key), Step::Index(i), Step::Key(word)],
        format!(
            "{} {id} was {word} on {on}, before it was added on {added}",
            id.kind.noun()
        ),
    )
}

/// What a check-in file needs to agree with: its name, today, and the
/// relationship it belongs to (when that could be read).
pub struct CheckinContext<'a> {
    pub id: CheckinId,
    pub rel: Option<&'a Relationship>,
    pub today: NaiveDate,
    /// Its effects on the relationship may not be written yet (an
    /// interrupted write rel completes on the next change).
    pub pending: bool,
}

/// Everything in a check-in that disagrees with its name, the calendar or
/// its relationship.
pub fn checkin(c: &CheckIn, cx: &CheckinContext<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    let date = vec![Step::Key("date")];
    if c.date != cx.id.date {
        found.push(Finding::error(
            date.clone(),
            format!(
                "date {} disagrees with the file name {}; the file name orders check-ins, so make them agree (rename the file to move the meeting)",
                c.date,
                cx.id.file_name()
            ),
        ));
    }
    if cx.id.date > cx.today {
        found.push(Finding::warning(
            date,
            format!(
                "dated {}, in the future (today is {}); a check-in records a meeting that happened",
                cx.id.date, cx.today
            ),
        ));
    }
    let Some(rel) = cx.rel else {
        return found;
    };
    if cx.id.date < rel.started {
        found.push(Finding::warning(
            vec![Step::Key("date")],
            format!(
                "dated {}, before the relationship started on {}; if the meeting was real, move started back (rel set --started), else fix the date",
                cx.id.date, rel.started
            ),
        ));
    }
    named(rel, &c.closed, "closed", ItemKind::Action, &mut found);
    named(rel, &c.reached, "reached", ItemKind::Waypoint, &mut found);
    named(rel, &c.achieved, "achieved", ItemKind::Goal, &mut found);
    let moved: Vec<ItemId> = c.moved.iter().map(|m| m.id).collect();
    planned(rel, &moved, "moved", true, &mut found);
    planned(rel, &c.dropped, "dropped", false, &mut found);
    about(rel, c, cx.pending, &mut found);
    for (i, new) in c.opened.iter().enumerate() {
        let place = vec![Step::Key("opened"), Step::Index(i)];
        match new.id {
            None => found.push(Finding::warning(
                place,
                format!(
                    "this new action has no id, so rel does not track it; give it id = \"{}\"",
                    next_free(rel, ItemKind::Action)
                ),
            )),
            Some(id) if id.kind != ItemKind::Action => found.push(Finding::error(
                [place, vec![Step::Key("id")]].concat(),
                format!(
                    "{id} is a {} id; a new action takes an action id (a1, a2, …)",
                    id.kind.noun()
                ),
            )),
            Some(id) if !cx.pending && !rel.actions.iter().any(|a| a.id == id) => {
                found.push(Finding::warning(
                    [place, vec![Step::Key("id")]].concat(),
                    format!("action {id}, opened here, is not in relationship.toml"),
                ));
            }
            Some(_) => {}
        }
    }
    found
}

/// The ids a check-in moved or dropped are goals, waypoints or actions that
/// exist. `tables`: they are in `[[key]]` tables, under `id`.
fn planned(
    rel: &Relationship,
    ids: &[ItemId],
    key: &'static str,
    tables: bool,
    found: &mut Vec<Finding>,
) {
    for (i, id) in ids.iter().enumerate() {
        let mut place = vec![Step::Key(key), Step::Index(i)];
        if tables {
            place.push(Step::Key("id"));
        }
        if !matches!(
            id.kind,
            ItemKind::Goal | ItemKind::Waypoint | ItemKind::Action
        ) {
            found.push(Finding::error(
                place,
                format!(
                    "{key} lists {id}, a {} id; only goals, waypoints and actions are {key}",
                    id.kind.noun()
                ),
            ));
        } else if !rel.ids().any(|x| x == *id) {
            found.push(Finding::error(
                place,
                format!(
                    "{key} lists {} {id}, which is not in relationship.toml",
                    id.kind.noun()
                ),
            ));
        }
    }
}

/// The ids a check-in names under `key` are items of `kind` that exist.
fn named(
    rel: &Relationship,
    ids: &[ItemId],
    key: &'static str,
    kind: ItemKind,
    found: &mut Vec<Finding>,
) {
    for (i, id) in ids.iter().enumerate() {
        let place = vec![Step::Key(key), Step::Index(i)];
        if id.kind != kind {
            found.push(Finding::error(
                place,
                format!(
                    "{key} lists {id}, a {} id; it takes {} ids ({}1, {}2, …)",
                    id.kind.noun(),
                    kind.noun(),
                    kind.prefix(),
                    kind.prefix()
                ),
            ));
        } else if !rel.ids().any(|x| x == *id) {
            found.push(Finding::error(
                place,
                format!(
                    "{key} lists {} {id}, which is not in relationship.toml",
                    kind.noun()
                ),
            ));
        }
    }
}

/// The ids a check-in's `about` names are strengths or growth areas that
/// exist and record the meeting as one that discussed them.
fn about(rel: &Relationship, c: &CheckIn, pending: bool, found: &mut Vec<Finding>) {
    for (i, id) in c.about.iter().enumerate() {
        let place = vec![Step::Key("about"), Step::Index(i)];
        let discussed = match id.kind {
            ItemKind::Strength => rel
                .strengths
                .iter()
                .find(|s| s.id == *id)
                .map(|s| &s.discussed),
            ItemKind::Growth => rel
                .growth
                .iter()
                .find(|g| g.id == *id)
                .map(|g| &g.discussed),
            _ => {
                found.push(Finding::error(
                    place,
                    format!(
                        "about lists {id}, which is not a strength or growth area; it takes their ids (s1, c2, …)"
                    ),
                ));
                continue;
            }
        };
        match discussed {
            None => found.push(Finding::error(
                place,
                format!(
                    "about lists {} {id}, which is not in relationship.toml",
                    id.kind.noun()
                ),
            )),
            Some(days) if !pending && !days.contains(&c.date) => found.push(Finding::warning(
                place,
                format!(
                    "{} {id} does not list {} among the days it was discussed; open this check-in with rel edit and save it to record that",
                    id.kind.noun(),
                    c.date
                ),
            )),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::kind::Role;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn messages(found: &[Finding]) -> Vec<String> {
        found.iter().map(|f| f.message.clone()).collect()
    }

    #[test]
    fn a_relationship_rel_wrote_is_consistent() {
        let mut rel = Relationship::new("Ada".into(), Role::Sponsor, day("2026-01-01"));
        let w1 = rel.add_waypoint("Lead".into(), day("2026-03-01"), day("2026-01-02"));
        rel.advocate("Nominated".into(), day("2026-01-03"), Some(w1))
            .unwrap();
        let c1 = rel.add_growth("Writing".into(), day("2026-01-02"));
        rel.promote_growth(c1, day("2026-02-01")).unwrap();
        assert_eq!(relationship(&rel), Vec::new());
    }

    #[test]
    fn clashing_ids_and_missing_references_are_found() {
        let mut rel = Relationship::new("Ada".into(), Role::Sponsor, day("2026-01-01"));
        rel.add_goal("one".into(), day("2026-01-01"), None);
        rel.add_goal("two".into(), day("2026-01-01"), None);
        rel.goals[1].id = rel.goals[0].id;
        rel.add_waypoint("w".into(), day("2026-01-01"), day("2026-02-01"));
        rel.advocacy.push(crate::model::items::Advocacy {
            id: ItemId::new(ItemKind::Advocacy, 1),
            date: day("2026-01-05"),
            text: "x".into(),
            waypoint: Some(ItemId::new(ItemKind::Waypoint, 9)),
        });
        rel.last_id.advocacy = 0;
        rel.last_id.goal = 1;
        assert_eq!(
            messages(&relationship(&rel)),
            [
                "id g1 is used twice; ids are never shared or reused — give this goal the next free id, g2",
                "act of advocacy v1 serves waypoint w9, which is not in this file",
                "[last_id] advocacy is 0, lower than v1 in this file; harmless — rel counts from v1 and the next act of advocacy is v2",
                "waypoint w1 is due on 2026-01-01, before it was added on 2026-02-01",
            ]
        );
        let places: Vec<bool> = relationship(&rel).iter().map(|f| f.harmless).collect();
        assert_eq!(places, [false, false, true, true]);
    }

    #[test]
    fn a_checkin_agrees_with_its_name_and_relationship() {
        let rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        let mut c = CheckIn::new(day("2026-12-02"));
        c.closed = vec![ItemId::new(ItemKind::Action, 4)];
        c.reached = vec![ItemId::new(ItemKind::Goal, 1)];
        let cx = CheckinContext {
            id: CheckinId::new(day("2026-12-01"), 1),
            rel: Some(&rel),
            today: day("2026-11-26"),
            pending: false,
        };
        let found = checkin(&c, &cx);
        assert_eq!(
            messages(&found),
            [
                "date 2026-12-02 disagrees with the file name 2026-12-01-1.toml; the file name orders check-ins, so make them agree (rename the file to move the meeting)",
                "dated 2026-12-01, in the future (today is 2026-11-26); a check-in records a meeting that happened",
                "closed lists action a4, which is not in relationship.toml",
                "reached lists g1, a goal id; it takes waypoint ids (w1, w2, …)",
            ]
        );
        assert_eq!(found[2].place, [Step::Key("closed"), Step::Index(0)]);
    }

    #[test]
    fn a_checkin_before_the_start_is_a_warning() {
        let rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-05"));
        let c = CheckIn::new(day("0000-01-01"));
        let cx = CheckinContext {
            id: CheckinId::new(day("0000-01-01"), 1),
            rel: Some(&rel),
            today: day("2026-11-26"),
            pending: false,
        };
        let found = checkin(&c, &cx);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].harmless);
        assert_eq!(found[0].place, [Step::Key("date")]);
        assert!(
            found[0]
                .message
                .starts_with("dated 0000-01-01, before the relationship started on 2026-01-05"),
            "{}",
            found[0].message
        );
    }
}
