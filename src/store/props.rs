//! Properties of the store, tried on generated input: whatever the model
//! can hold survives a write and a read; no bytes panic the loader; any
//! sequence of changes keeps ids unique and every file valid.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::doc::{RELATIONSHIP, checkin_doc, new_relationship_doc, relationship_table};
use super::file::{parse, text_of};
use super::merge::merge_document;
use super::{Journal, parse_relationship};
use crate::model::items::{Closing, NewAction, Verdict};
use crate::model::relationship::{Agreement, EndResult, FieldChange};
use crate::model::{
    Cadence, CheckIn, CheckinId, Handle, ItemKind, Owner, Rating, Relationship, Role,
};

fn day(offset: u16) -> NaiveDate {
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    base.checked_add_days(Days::new(u64::from(offset)))
        .unwrap_or(base)
}

/// Any text a person could type or paste: Unicode, new lines, quotes,
/// backslashes, triple quotes, control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 éßø李🙂\"'\\\\\\n\\t]{0,40}",
        Just("\"\"\" a \\ b ''' c".to_string()),
        Just("line one\nline two\n\n\"quoted\"\n".to_string()),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

fn cadence() -> impl Strategy<Value = Option<Cadence>> {
    prop::option::of(prop::sample::select(vec![
        "weekly",
        "biweekly",
        "monthly",
        "quarterly",
        "10d",
        "3w",
        "2m",
    ]))
    .prop_map(|c| c.and_then(|c| c.parse().ok()))
}

prop_compose! {
    pub(super) fn relationship()(
        person in text().prop_filter("a person has a name", |p| !p.trim().is_empty()),
        role in role(),
        started in 0u16..3000,
        cadence in cadence(),
        purpose in opt_text(),
        their_aims in opt_text(),
        destination in opt_text(),
        how in opt_text(),
        agreed in prop::option::of(0u16..3000),
        goals in prop::collection::vec((text(), 0u16..3000, prop::option::of(0u16..3000)), 0..4),
        actions in prop::collection::vec((text(), any::<bool>(), prop::option::of(0u16..3000)), 0..4),
        waypoints in prop::collection::vec((text(), 0u16..3000), 0..3),
        closing in prop::collection::vec((0u8..3, 0usize..4, any::<bool>(), 2900u16..3000), 0..4),
        advocacy in prop::collection::vec((text(), 0u16..3000), 0..3),
        changes in prop::collection::vec((0usize..4, opt_text(), opt_text(), 0u16..3000), 0..3),
        paused in prop::option::of((0u16..3000, opt_text())),
        ended in prop::option::of((any::<bool>(), opt_text())),
    ) -> Relationship {
        let mut rel = Relationship::new(person, role, day(started));
        rel.cadence = cadence;
        rel.purpose = purpose;
        rel.their_aims = their_aims;
        rel.destination = destination;
        rel.agreement = agreed.map(|d| Agreement { date: day(d), how });
        for (text, added, due) in goals {
            rel.add_goal(text, day(added), due.map(day));
        }
        for (text, theirs, due) in actions {
            let owner = if theirs { Owner::Them } else { Owner::Me };
            rel.add_action(NewAction { id: None, text, owner, due: due.map(day) }, day(started), None);
        }
        for (text, due) in waypoints {
            rel.add_waypoint(text, day(due), day(started));
        }
        for (kind, index, drop, on) in closing {
            let kind = [ItemKind::Goal, ItemKind::Waypoint, ItemKind::Action][usize::from(kind)];
            let how = if drop { Closing::Dropped } else { Closing::Done };
            let _ = rel.close(crate::model::ItemId::new(kind, index as u32 + 1), how, day(on));
        }
        for (text, on) in advocacy {
            let _ = rel.advocate(text, day(on), None);
        }
        for (field, old, new, on) in changes {
            let field = ["purpose", "cadence", "their_aims", "until"][field];
            rel.record_changes(vec![FieldChange { field, old, new }], day(on));
        }
        if let Some((on, note)) = paused {
            let _ = rel.pause(day(on), note);
        }
        if let Some((completed, outcome)) = ended {
            let result = if completed { EndResult::Completed } else { EndResult::ConcludedEarly };
            let verdicts: Vec<_> = rel.goals.iter().filter(|g| g.is_open()).map(|g| (g.id, Verdict::Partly)).collect();
            let _ = rel.end(day(3001), result, outcome, &verdicts);
        }
        rel
    }
}

prop_compose! {
    fn checkin()(
        date in 0u16..3000,
        rating in prop::option::of(1u8..=5),
        review in any::<bool>(),
        notes in opt_text(),
        working in prop::collection::vec(text(), 0..3),
        not_working in prop::collection::vec(text(), 0..3),
        changes in prop::collection::vec(text(), 0..3),
        opened in prop::collection::vec((text(), any::<bool>()), 0..3),
    ) -> CheckIn {
        let mut c = CheckIn::new(day(date));
        c.rating = rating.and_then(Rating::new);
        c.review = review;
        c.notes = notes;
        c.working = working;
        c.not_working = not_working;
        c.changes = changes;
        c.opened = opened
            .into_iter()
            .enumerate()
            .map(|(i, (text, theirs))| NewAction {
                id: Some(crate::model::ItemId::new(ItemKind::Action, i as u32 + 1)),
                text,
                owner: if theirs { Owner::Them } else { Owner::Me },
                due: None,
            })
            .collect();
        c
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_relationship_reads_back_as_written(rel in relationship()) {
        let text = new_relationship_doc(&rel).to_string();
        let path = std::path::Path::new("relationship.toml");
        let read = parse_relationship(path, &text);
        prop_assert_eq!(read.as_ref().ok(), Some(&rel), "{}\n{:?}", text, read.as_ref().err());
    }

    #[test]
    fn a_rewrite_over_any_file_says_exactly_the_new_model(old in relationship(), new in relationship()) {
        let mut doc: toml_edit::DocumentMut = new_relationship_doc(&old).to_string().parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        merge_document(&mut doc, &relationship_table(&new), &RELATIONSHIP);
        let text = doc.to_string();
        let read = parse_relationship(std::path::Path::new("relationship.toml"), &text);
        prop_assert_eq!(read.as_ref().ok(), Some(&new), "{}", text);
    }

    #[test]
    fn the_cache_gives_back_what_it_was_given(rel in relationship()) {
        use super::cache::codec::tests::{open_words, round_trip};
        use super::cache::Words;
        prop_assert_eq!(round_trip(&rel, Words::All), Some(rel.clone()));
        prop_assert_eq!(round_trip(&rel, Words::Open), Some(open_words(&rel)));
    }

    /// An overview assesses a relationship from its brief (through the
    /// cache) whenever the brief can stand for the day, and then says
    /// exactly what the whole relationship would.
    #[test]
    fn the_brief_says_what_the_whole_says(
        rel in relationship(),
        held in prop::collection::vec((2800u16..3100, 1u32..3), 0..12),
        today in 2850u16..3050,
    ) {
        use super::cache::codec::{Code, In, Out};
        use super::cache::Words;
        use crate::model::{Brief, Meetings, Settings, Snapshot, assess};
        let ids: Vec<CheckinId> = held.iter().map(|(d, n)| CheckinId::new(day(*d), *n)).collect();
        let meetings = Meetings::of(&ids);
        let brief = Brief::of(rel.clone(), meetings.clone());
        let mut out = Out::new(Words::Open);
        brief.put(&mut out);
        let mut input = In::new(&out.bytes);
        let back = Brief::get(&mut input);
        prop_assert_eq!(back.as_ref(), Some(&brief));
        prop_assert!(input.is_empty());

        let handle = Handle::parse("ada").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let (today, settings) = (day(today), Settings::default());
        let review = crate::model::assess::last_review(&rel, today, []);
        let whole = assess(&Snapshot::whole(&handle, &rel, &meetings, None, review, today), today, &settings);
        // Every colour explained: not green means a need that says why;
        // green means nothing beyond a heads-up.
        if rel.status == crate::model::Status::Active {
            let reasons = whole.attention.iter().filter(|i| !i.need.is_informational()).count();
            prop_assert_eq!(
                whole.health != crate::model::Health::Green,
                reasons > 0,
                "{:?} with {:#?}", whole.health, whole.attention
            );
        }
        match Snapshot::brief(&handle, &brief, None, review, today) {
            Some(snap) => {
                let from_brief = assess(&snap, today, &settings);
                prop_assert_eq!(format!("{from_brief:?}"), format!("{whole:?}"));
            }
            // Only a day before something the brief left out.
            None => prop_assert!(brief.tally.latest.is_some_and(|d| d > today)),
        }
    }

    #[test]
    fn a_checkin_reads_back_as_written(c in checkin()) {
        let text = checkin_doc(&c).to_string();
        let read: Result<CheckIn, _> = parse(std::path::Path::new("c.toml"), &text);
        prop_assert_eq!(read.as_ref().ok(), Some(&c), "{}", text);
    }

    #[test]
    fn no_bytes_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..400), tomlish in "[a-z_=\"\\[\\]. 0-9\\n-]{0,200}") {
        let path = std::path::Path::new("f.toml");
        for input in [bytes.clone(), tomlish.into_bytes()] {
            if let Ok(text) = text_of(path, input) {
                let _ = parse_relationship(path, &text);
                let _ = parse::<CheckIn>(path, &text);
                let _ = text.parse::<toml_edit::DocumentMut>();
            }
        }
    }
}

/// One step a person (or a hand edit) might take.
#[derive(Debug, Clone)]
enum Step {
    Add(ItemKind, String),
    Close(ItemKind, u32, bool),
    Checkin(Vec<String>, Vec<u32>),
    Promote(u32),
    HandRemoveLast(ItemKind),
}

fn step() -> impl Strategy<Value = Step> {
    let kind = prop::sample::select(vec![
        ItemKind::Goal,
        ItemKind::Waypoint,
        ItemKind::Action,
        ItemKind::Growth,
        ItemKind::Strength,
    ]);
    prop_oneof![
        (
            kind.clone(),
            text().prop_filter("items have words", |t| !t.trim().is_empty())
        )
            .prop_map(|(k, t)| Step::Add(k, t)),
        (
            prop::sample::select(vec![ItemKind::Goal, ItemKind::Waypoint, ItemKind::Action]),
            1u32..8,
            any::<bool>()
        )
            .prop_map(|(k, n, d)| Step::Close(k, n, d)),
        (
            prop::collection::vec("[a-z ]{1,10}", 0..3),
            prop::collection::vec(1u32..8, 0..3)
        )
            .prop_map(|(a, c)| Step::Checkin(a, c)),
        (1u32..5).prop_map(Step::Promote),
        kind.prop_map(Step::HandRemoveLast),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_changes_keeps_ids_unique_and_files_valid(steps in prop::collection::vec(step(), 1..25)) {
        let tmp = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let journal = Journal::new(tmp.path().join("j"));
        let handle = Handle::parse("ada").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let today = day(2000);
        {
            let txn = journal.begin().map_err(|e| TestCaseError::fail(e.to_string()))?;
            txn.create(&handle, &Relationship::new("Ada".into(), Role::Mentor, day(1000))).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let mut ever: BTreeSet<crate::model::ItemId> = BTreeSet::new();
        for step in steps {
            let txn = journal.begin().map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut ed = txn.load(&handle).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut rel = ed.rel.clone();
            match &step {
                Step::Add(ItemKind::Goal, t) => { rel.add_goal(t.clone(), today, None); }
                Step::Add(ItemKind::Waypoint, t) => { rel.add_waypoint(t.clone(), today, today); }
                Step::Add(ItemKind::Growth, t) => { rel.add_growth(t.clone(), today); }
                Step::Add(ItemKind::Strength, t) => { rel.add_strength(t.clone(), today); }
                Step::Add(_, t) => { rel.add_action(NewAction { id: None, text: t.clone(), owner: Owner::Me, due: None }, today, None); }
                Step::Close(k, n, drop) => {
                    let how = if *drop { Closing::Dropped } else { Closing::Done };
                    let _ = rel.close(crate::model::ItemId::new(*k, *n), how, today);
                }
                Step::Promote(n) => { let _ = rel.promote_growth(crate::model::ItemId::new(ItemKind::Growth, *n), today); }
                Step::HandRemoveLast(k) => match k {
                    ItemKind::Goal => { rel.goals.pop(); }
                    ItemKind::Waypoint => { rel.waypoints.pop(); }
                    ItemKind::Growth => { rel.growth.pop(); }
                    ItemKind::Strength => { rel.strengths.pop(); }
                    _ => { rel.actions.pop(); }
                },
                Step::Checkin(new, closed) => {
                    let mut c = CheckIn::new(today);
                    c.opened = new.iter().map(|t| NewAction { id: None, text: t.clone(), owner: Owner::Them, due: None }).collect();
                    c.closed = closed.iter().map(|n| crate::model::ItemId::new(ItemKind::Action, *n))
                        .filter(|id| rel.actions.iter().any(|a| a.id == *id && a.is_open()))
                        .collect::<BTreeSet<_>>().into_iter().collect();
                    txn.record_checkin(&mut ed, &c).map_err(|e| TestCaseError::fail(e.error.to_string()))?;
                    rel = ed.rel.clone();
                }
            }
            txn.save(&mut ed, &rel).map_err(|e| TestCaseError::fail(e.to_string()))?;
            drop(txn);
            let read = journal.load(&handle).map_err(|p| TestCaseError::fail(p.to_string()))?;
            let ids: Vec<_> = read.ids().collect();
            let unique: BTreeSet<_> = ids.iter().copied().collect();
            prop_assert_eq!(ids.len(), unique.len(), "duplicate ids after {:?}", step);
            // An id, once given, is never given to something else.
            for id in &unique {
                ever.insert(*id);
            }
            let checkins = journal.checkin_ids(&handle).map_err(|p| TestCaseError::fail(p.to_string()))?;
            for id in checkins {
                let _: CheckIn = journal.load_checkin(&handle, id).map_err(|p| TestCaseError::fail(p.to_string()))?;
            }
            let _ = CheckinId::parse("2026-01-01-1");
        }
        // Every id handed out stays below the recorded counters.
        let read = journal.load(&handle).map_err(|p| TestCaseError::fail(p.to_string()))?;
        for id in ever {
            prop_assert!(read.last_id.get(id.kind) >= id.n, "{} above the counter", id);
        }
    }
}

/// A re-plan, a close to reopen, or an undo.
#[derive(Debug, Clone)]
enum Replanning {
    Move(ItemKind, u32, u16),
    Rename(ItemKind, u32, String),
    Reopen(ItemKind, u32),
    Close(ItemKind, u32, bool),
    Undo,
}

fn replanning() -> impl Strategy<Value = Replanning> {
    let kind = prop::sample::select(vec![ItemKind::Goal, ItemKind::Waypoint, ItemKind::Action]);
    prop_oneof![
        (kind.clone(), 1u32..4, 0u16..400).prop_map(|(k, n, d)| Replanning::Move(k, n, d)),
        (kind.clone(), 1u32..4, text()).prop_map(|(k, n, t)| Replanning::Rename(k, n, t)),
        (kind.clone(), 1u32..4).prop_map(|(k, n)| Replanning::Reopen(k, n)),
        (kind, 1u32..4, any::<bool>()).prop_map(|(k, n, d)| Replanning::Close(k, n, d)),
        Just(Replanning::Undo),
        Just(Replanning::Undo),
    ]
}

/// Every file of the journal that is not rel's scratch, with its bytes.
fn journal_files(root: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(
        root: &std::path::Path,
        dir: &std::path::Path,
        out: &mut std::collections::BTreeMap<String, Vec<u8>>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            // The relationships: rel's scratch and journal.toml are not
            // what a change changes.
            if name.starts_with('.') || name == super::JOURNAL_FILE {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(name, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(root, root, &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Any sequence of moves, renames, reopens and undos, each by a process
    /// of its own: every file stays valid, and each undo gives back the
    /// files byte for byte as they were before the change it undoes (the
    /// last [`super::undo::KEEP`] changes are kept).
    #[test]
    fn replans_and_undos_keep_files_valid_and_undo_restores_bytes(steps in prop::collection::vec(replanning(), 1..30)) {
        use crate::model::replan::Replan;
        let fail = |e: &dyn std::fmt::Display| TestCaseError::fail(e.to_string());
        let tmp = tempfile::tempdir().map_err(|e| fail(&e))?;
        let root = tmp.path().join("j");
        let handle = Handle::parse("ada").map_err(|e| fail(&e))?;
        let today = day(2000);
        {
            let journal = Journal::new(&root);
            let mut rel = Relationship::new("Ada".into(), Role::Sponsor, day(1000));
            for n in 0..3u16 {
                rel.add_goal(format!("goal {n}"), day(1000), (n > 0).then(|| day(1500 + n)));
                rel.add_waypoint(format!("waypoint {n}"), day(1600 + n), day(1000));
                rel.add_action(NewAction { id: None, text: format!("action {n}"), owner: Owner::Them, due: (n == 1).then(|| day(1700)) }, day(1000), None);
            }
            let txn = journal.begin().map_err(|e| fail(&e))?;
            txn.create(&handle, &rel).map_err(|e| fail(&e))?;
        }
        // What the files were before each change still kept, oldest first.
        let mut kept: Vec<std::collections::BTreeMap<String, Vec<u8>>> = vec![std::collections::BTreeMap::new()];
        for step in steps {
            // Each step is a process of its own: a journal of its own.
            let journal = Journal::new(&root);
            let before = journal_files(&root);
            match &step {
                Replanning::Undo => {
                    let undone = journal.undo().map_err(|e| fail(&e))?;
                    match kept.pop() {
                        Some(expected) => {
                            prop_assert!(undone.is_some(), "nothing undone");
                            prop_assert_eq!(journal_files(&root), expected, "undo did not restore every byte");
                        }
                        None => prop_assert!(undone.is_none(), "undid a change that was not kept"),
                    }
                }
                change => {
                    let txn = journal.begin().map_err(|e| fail(&e))?;
                    // Its creation undone, there is nothing left to change.
                    let Ok(mut ed) = txn.load(&handle) else { continue };
                    let mut rel = ed.rel.clone();
                    let id = |k: &ItemKind, n: &u32| crate::model::ItemId::new(*k, *n);
                    let _ = match change {
                        Replanning::Move(k, n, d) => rel.replan(id(k, n), &Replan::Move(day(2000 + d)), today, Some("later".into()), None).map(|_| ()),
                        Replanning::Rename(k, n, t) if !t.trim().is_empty() => rel.replan(id(k, n), &Replan::Rename(t.clone()), today, None, None).map(|_| ()),
                        Replanning::Reopen(k, n) => rel.replan(id(k, n), &Replan::Reopen, today, None, None).map(|_| ()),
                        Replanning::Close(k, n, drop) => {
                            let how = if *drop { Closing::Dropped } else { Closing::Done };
                            let _ = rel.close(id(k, n), how, today);
                            Ok(())
                        }
                        _ => Ok(()),
                    };
                    let wrote = txn.save(&mut ed, &rel).map_err(|e| fail(&e))?;
                    drop(txn);
                    if wrote {
                        kept.push(before);
                        if kept.len() > super::undo::KEEP {
                            kept.remove(0);
                        }
                    }
                }
            }
            // Whatever happened, the file reads, and says nothing rel check
            // calls an error.
            let path = journal.relationship_path(&handle);
            if let Ok(text) = std::fs::read_to_string(&path) {
                let found = super::check::content::relationship(&path, &text);
                prop_assert!(
                    found.problems.iter().all(|p| p.severity != crate::problem::Severity::Error),
                    "{:?} after {:?}", found.problems, step
                );
            }
        }
    }
}
