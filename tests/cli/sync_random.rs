//! Random work on three clones of one journal (check-ins, goals, actions
//! added, done, dropped and moved, waypoints, purposes, advocacy, pauses,
//! an evolve), synced in random orders:
//! however it goes, every clone ends byte-identical, every word written on
//! any clone is there exactly once, ids are unique, `rel check` is clean
//! and no file holds a conflict marker.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::env::TestEnv;
use crate::sync::{clone, git, ok, rel, same_and_clean, tree};

/// One step on one machine.
#[derive(Debug, Clone)]
enum Op {
    Checkin {
        handle: u8,
        day: u8,
        action: bool,
        done: bool,
    },
    GoalAdd(u8),
    GoalDone(u8),
    ActionAdd(u8),
    ActionDone(u8, u8),
    ActionDrop(u8, u8),
    ActionMove(u8, u8, u8),
    WaypointAdd,
    WaypointReach(u8),
    Purpose(u8),
    Advocate(bool),
    PauseOrResume(u8),
    Evolve,
    Sync,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u8..3, 0u8..3, any::<bool>(), any::<bool>())
            .prop_map(|(handle, day, action, done)| Op::Checkin { handle, day, action, done }),
        1 => (0u8..3).prop_map(Op::GoalAdd),
        1 => (0u8..3).prop_map(Op::GoalDone),
        2 => (0u8..3).prop_map(Op::ActionAdd),
        1 => (0u8..3, any::<u8>()).prop_map(|(h, p)| Op::ActionDone(h, p)),
        1 => (0u8..3, any::<u8>()).prop_map(|(h, p)| Op::ActionDrop(h, p)),
        1 => (0u8..3, any::<u8>(), 1u8..28).prop_map(|(h, p, d)| Op::ActionMove(h, p, d)),
        1 => Just(Op::WaypointAdd),
        1 => any::<u8>().prop_map(Op::WaypointReach),
        2 => (0u8..3).prop_map(Op::Purpose),
        1 => any::<bool>().prop_map(Op::Advocate),
        1 => (0u8..3).prop_map(Op::PauseOrResume),
        1 => Just(Op::Evolve),
        2 => Just(Op::Sync),
    ]
}

const HANDLES: [&str; 3] = ["ada-lovelace", "grace", "linus"];

/// The three relationships, in git, pushed; and two more clones.
fn machines(env: &TestEnv) -> Vec<PathBuf> {
    let remote = crate::sync::first_machine(env);
    let laptop = env.journal.clone();
    for args in [
        &[
            "new",
            "grace",
            "--person",
            "Grace Hopper",
            "--kind",
            "sponsoring",
            "--role",
            "sponsor",
            "--started",
            "2026-09-01",
        ][..],
        &[
            "new",
            "linus",
            "--person",
            "Linus",
            "--kind",
            "reverse-mentoring",
            "--role",
            "learner",
            "--started",
            "2026-09-01",
        ],
    ] {
        ok(env, &laptop, args);
    }
    ok(env, &laptop, &["sync"]);
    vec![
        laptop,
        clone(env, &remote, "desktop"),
        clone(env, &remote, "office"),
    ]
}

/// The open items of a kind in a machine's copy of a relationship.
fn open(dir: &Path, handle: &str, list: &str, closing: &[&str]) -> Vec<String> {
    let path = dir.join(format!("relationships/{handle}/relationship.toml"));
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table
        .get(list)
        .and_then(|a| a.as_array())
        .map(|items| {
            items
                .iter()
                .filter(|i| closing.iter().all(|k| i.get(*k).is_none()))
                .map(|i| i["id"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn pick(ids: &[String], p: u8) -> Option<String> {
    (!ids.is_empty()).then(|| ids[usize::from(p) % ids.len()].clone())
}

/// Runs one step; notes each word it wrote and how often it must appear.
fn run(env: &TestEnv, dir: &Path, op: &Op, n: &mut u32, words: &mut BTreeMap<String, usize>) {
    let mut word = |times: usize, words: &mut BTreeMap<String, usize>| {
        *n += 1;
        let w = format!("w{:04}x", *n);
        words.insert(w.clone(), times);
        w
    };
    let owned: Vec<String> = match op {
        Op::Checkin {
            handle,
            day,
            action,
            done,
        } => {
            let h = HANDLES[usize::from(*handle)];
            let mut args = vec![
                "checkin".into(),
                h.into(),
                "--date".into(),
                format!("2026-11-{}", 24 + day),
                "-m".into(),
                word(1, words),
            ];
            if *action {
                args.extend(["--action".into(), word(2, words)]);
            }
            if *done && let Some(id) = pick(&open(dir, h, "action", &["done", "dropped"]), 0) {
                args.extend(["--done".into(), id]);
            }
            args
        }
        Op::GoalAdd(h) => vec![
            "goal".into(),
            "add".into(),
            HANDLES[usize::from(*h)].into(),
            word(1, words),
        ],
        Op::GoalDone(h) => {
            let h = HANDLES[usize::from(*h)];
            match pick(&open(dir, h, "goal", &["achieved", "dropped"]), 0) {
                Some(id) => vec!["goal".into(), "done".into(), h.into(), id],
                None => return,
            }
        }
        Op::ActionAdd(h) => vec![
            "action".into(),
            "add".into(),
            HANDLES[usize::from(*h)].into(),
            word(1, words),
        ],
        Op::ActionDone(h, p) | Op::ActionDrop(h, p) => {
            let h = HANDLES[usize::from(*h)];
            let verb = if matches!(op, Op::ActionDone(..)) {
                "done"
            } else {
                "drop"
            };
            match pick(&open(dir, h, "action", &["done", "dropped"]), *p) {
                Some(id) => vec!["action".into(), verb.into(), h.into(), id],
                None => return,
            }
        }
        Op::ActionMove(h, p, d) => {
            let h = HANDLES[usize::from(*h)];
            match pick(&open(dir, h, "action", &["done", "dropped"]), *p) {
                Some(id) => {
                    let due = format!("2027-01-{d:02}");
                    let because = word(1, words);
                    vec![
                        "action".into(),
                        "move".into(),
                        h.into(),
                        id,
                        "--due".into(),
                        due,
                        "--because".into(),
                        because,
                    ]
                }
                None => return,
            }
        }
        Op::WaypointAdd => vec![
            "waypoint".into(),
            "add".into(),
            "grace".into(),
            word(1, words),
            "--due".into(),
            "2027-01-31".into(),
        ],
        Op::WaypointReach(p) => {
            match pick(&open(dir, "grace", "waypoint", &["reached", "dropped"]), *p) {
                Some(id) => vec!["waypoint".into(), "reach".into(), "grace".into(), id],
                None => return,
            }
        }
        Op::Purpose(h) => {
            // Its words may be in the history as well: present, not once.
            let w = word(0, words);
            vec![
                "set".into(),
                HANDLES[usize::from(*h)].into(),
                "--purpose".into(),
                w,
            ]
        }
        Op::Advocate(for_waypoint) => {
            let mut args = vec!["advocate".into(), "grace".into(), word(1, words)];
            if *for_waypoint
                && let Some(id) = pick(&open(dir, "grace", "waypoint", &["dropped"]), 0)
            {
                args.extend(["--waypoint".into(), id]);
            }
            args
        }
        Op::PauseOrResume(h) => {
            let h = HANDLES[usize::from(*h)];
            let text =
                std::fs::read_to_string(dir.join(format!("relationships/{h}/relationship.toml")))
                    .unwrap();
            let verb = if text.contains("status = \"paused\"") {
                "resume"
            } else {
                "pause"
            };
            vec![verb.into(), h.into()]
        }
        Op::Evolve => vec![
            "evolve".into(),
            "linus".into(),
            "--into".into(),
            "mentoring".into(),
        ],
        Op::Sync => vec!["sync".into()],
    };
    let args: Vec<&str> = owned.iter().map(String::as_str).collect();
    let run = rel(env, dir, &args);
    // A step a machine's state refuses (evolving twice, say) is a user
    // error that writes nothing; nothing else may fail.
    assert!(
        run.code == 0 || (run.code == 1 && args[0] != "sync"),
        "rel {args:?}:\n{}",
        run.transcript()
    );
    if run.code != 0 {
        for w in &owned {
            words.remove(w);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6,
        max_shrink_iters: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_work_on_three_machines_ends_the_same_everywhere_with_every_word_once(
        steps in prop::collection::vec((0usize..3, op()), 8..28),
        last in prop::collection::vec(0usize..3, 3),
    ) {
        let env = TestEnv::new();
        let dirs = machines(&env);
        let mut n = 0;
        let mut words = BTreeMap::new();
        for (machine, op) in &steps {
            run(&env, &dirs[*machine], op, &mut n, &mut words);
        }
        // Everyone syncs, in a random order, then in order: after the
        // third, the remote holds everyone's work, and the first two take
        // it too.
        for machine in last.iter().chain(&[0, 1, 2, 0, 1]) {
            ok(&env, &dirs[*machine], &["sync"]);
        }
        let paths: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
        same_and_clean(&env, &paths);
        let all: String = tree(&dirs[0])
            .into_values()
            .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
            .collect();
        for (word, times) in &words {
            let found = all.matches(word.as_str()).count();
            match times {
                0 => prop_assert!(found >= 1, "{} is gone", word),
                _ => prop_assert_eq!(found, *times, "{}", word),
            }
        }
        for handle in HANDLES {
            let path = dirs[0].join(format!("relationships/{handle}/relationship.toml"));
            let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
            let mut ids = BTreeSet::new();
            for list in ["goal", "waypoint", "action", "strength", "growth", "advocacy"] {
                for item in table.get(list).and_then(|a| a.as_array()).into_iter().flatten() {
                    let id = item["id"].as_str().unwrap().to_string();
                    prop_assert!(ids.insert(id.clone()), "{} {} twice", handle, id);
                }
            }
        }
        prop_assert_eq!(git(&env, &dirs[0], &["rev-parse", "HEAD"]), git(&env, &dirs[2], &["rev-parse", "HEAD"]));
    }
}
