//! `rel import`: what it refuses (writing nothing), and where taken
//! handles go.

use serde_json::Value;

use crate::env::TestEnv;
use crate::export::{exported, relationship_files, rich_journal};
use crate::fixtures;

/// A journal exported to `<tmp>/backup.json`; returns the path.
fn backup(from: &TestEnv) -> String {
    let (text, _) = exported(from, &[]);
    let path = from.tmp().join("backup.json");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Writes an edited copy of an export beside it; returns the path.
fn edited(from: &TestEnv, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let (_, mut doc) = exported(from, &[]);
    edit(&mut doc);
    let path = from.tmp().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_bad_document_is_refused_whole_naming_the_place() {
    let from = TestEnv::new();
    rich_journal(&from);
    let good = backup(&from);
    let text = std::fs::read_to_string(&good).unwrap();
    let write = |name: &str, text: &str| {
        let path = from.tmp().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let cases = [
        write(
            "syntax.json",
            &text.replacen("\"version\": 4,", "\"version\": 4,,", 1),
        ),
        write("cut.json", &text[..text.len() / 2]),
        write(
            "other.json",
            &text.replacen("\"rel-export\"", "\"jrnl\"", 1),
        ),
        write(
            "newer.json",
            &text.replacen("\"version\": 4", "\"version\": 5", 1),
        ),
        edited(&from, "date.json", |doc| {
            doc["relationships"][0]["checkins"][1]["date"] = "2026-11-31".into();
        }),
        edited(&from, "role.json", |doc| {
            doc["relationships"][1]["relationship"]["role"] = "mentor".into();
        }),
        edited(&from, "handle.json", |doc| {
            doc["relationships"][2]["handle"] = "../../etc".into();
        }),
        edited(&from, "twice.json", |doc| {
            doc["relationships"][3]["handle"] = "ken".into();
        }),
        edited(&from, "id.json", |doc| {
            doc["relationships"][0]["checkins"][2]["id"] = "2026-11-20-1".into();
        }),
        edited(&from, "goal.json", |doc| {
            doc["relationships"][0]["relationship"]["goal"][1]["id"] = "g1".into();
        }),
        edited(&from, "typo.json", |doc| {
            doc["relationships"][0]["checkins"][0]["ratin"] = 3.into();
        }),
        edited(&from, "toml.json", |doc| {
            doc["relationships"][1]["toml"] = "person = \"Grace\nkind = 1\n".into();
        }),
        write("nothing.json", "{}"),
        // What rel check would call an error: each refused too.
        edited(&from, "checkin-date.json", |doc| {
            doc["relationships"][0]["checkins"][1]["date"] = "2026-11-19".into();
        }),
        edited(&from, "closed.json", |doc| {
            doc["relationships"][0]["checkins"][1]["closed"] = serde_json::json!(["a9"]);
        }),
        edited(&from, "achieved.json", |doc| {
            doc["relationships"][0]["relationship"]["goal"][0]["achieved"] = "2026-08-01".into();
        }),
        edited(&from, "advocacy.json", |doc| {
            doc["relationships"][1]["relationship"]["advocacy"][0]["waypoint"] = "w7".into();
        }),
    ];
    let to = TestEnv::new();
    to.ok(&["new", "--person", "Someone", "--role", "mentor"]);
    let mut transcript = String::new();
    for path in &cases {
        let run = to.refuses(1, &["import", path]);
        transcript.push_str(&run.stderr.replace(from.tmp().to_str().unwrap(), "[FROM]"));
    }
    assert_eq!(to.ok(&["list"]).lines().count(), 3, "only 'someone'");
    insta::assert_snapshot!(transcript);
}

/// Every older version still imports: version 1 (before growth-area
/// threads), version 2 (with them, before items' history) and this one
/// read a document that holds only what they knew the same way.
#[test]
fn older_export_versions_still_import() {
    let from = TestEnv::new();
    fixtures::ada(&from);
    from.ok(&["growth", "add", "ada-lovelace", "Saying no"]);
    from.ok(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "Practised saying no",
        "--about",
        "c1",
        "--shared",
        "Well done on the review",
    ]);
    let (text, _) = exported(&from, &[]);
    for version in [2, 3] {
        let doc = text.replacen("\"version\": 4,", &format!("\"version\": {version},"), 1);
        let to = TestEnv::new();
        let path = to.tmp().join("doc.json");
        std::fs::write(&path, doc).unwrap();
        to.ok(&["import", path.to_str().unwrap()]);
        assert_eq!(
            relationship_files(&to),
            relationship_files(&from),
            "{version}"
        );
    }
    let plain = TestEnv::new();
    fixtures::ada(&plain);
    let (text, _) = exported(&plain, &[]);
    let doc = text.replacen("\"version\": 4,", "\"version\": 1,", 1);
    let to = TestEnv::new();
    let path = to.tmp().join("doc.json");
    std::fs::write(&path, doc).unwrap();
    to.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(relationship_files(&to), relationship_files(&plain));
}

#[test]
fn a_taken_handle_is_refused_and_nothing_written() {
    let env = TestEnv::new();
    rich_journal(&env);
    let path = backup(&env);
    env.ok(&["goal", "add", "grace", "Something new"]);
    let run = env.refuses(1, &["import", &path]);
    insta::assert_snapshot!(run.stderr, @r"
    error: 4 relationships are already in the journal: ada-lovelace, grace, ken, linus
    hint: nothing was imported; --rename imports them under new handles (HANDLE-2), --replace puts the imported ones in place of yours
    ");

    let fresh = TestEnv::new();
    fixtures::ada(&fresh);
    let one = edited(&env, "one.json", |doc| {
        doc["relationships"].as_array_mut().unwrap().truncate(1);
    });
    let run = fresh.refuses(1, &["import", &one]);
    insta::assert_snapshot!(run.stderr, @r"
    error: 'ada-lovelace' is already in the journal
    hint: nothing was imported; --rename imports it as ada-lovelace-2, --replace puts the imported one in place of yours
    ");
    let run = fresh.fails(1, &["import", &one, "--rename", "--replace"]);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

#[test]
fn rename_imports_under_the_next_free_handle() {
    let from = TestEnv::new();
    rich_journal(&from);
    let path = backup(&from);
    let to = TestEnv::new();
    fixtures::ada(&to);
    to.ok(&[
        "new",
        "ada-lovelace-2",
        "--person",
        "Another Ada",
        "--role",
        "mentee",
    ]);
    let run = to.run(&["import", &path, "--rename"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr.replace(from.tmp().to_str().unwrap(), "[FROM]"),
        "ada-lovelace is already in the journal: imported as ada-lovelace-3.\n\
         Imported 4 relationships and 4 check-ins from [FROM]/backup.json (exported 2026-11-26).\n"
    );
    let (_, doc) = exported(&to, &["ada-lovelace-3"]);
    assert_eq!(
        doc["relationships"][0]["relationship"]["person"],
        "Ada Lovelace"
    );
    assert_eq!(
        doc["relationships"][0]["checkins"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(to.checkins("ada-lovelace-3"), from.checkins("ada-lovelace"));
    // The one that was there is untouched.
    assert!(to.checkins("ada-lovelace").is_empty());
}

#[test]
fn replace_puts_the_imported_folder_in_place_of_the_old() {
    let from = TestEnv::new();
    rich_journal(&from);
    let path = backup(&from);
    let to = TestEnv::new();
    fixtures::ada(&to);
    to.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-09-10",
        "-m",
        "only here",
    ]);
    let run = to.run(&["import", &path, "--replace"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .starts_with("Replaced ada-lovelace with the imported one (3 check-ins).\n"),
        "{}",
        run.stderr
    );
    assert_eq!(relationship_files(&from), relationship_files(&to));
    assert_eq!(
        to.checkins("ada-lovelace"),
        [
            "2026-10-01-1.toml",
            "2026-11-20-1.toml",
            "2026-11-20-2.toml"
        ]
    );
    let leftovers: Vec<String> = to
        .files()
        .into_keys()
        .filter(|k| k.contains(".rel-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_crash_during_replace_leaves_the_old_folder_or_the_new() {
    let from = TestEnv::new();
    rich_journal(&from);
    let one = edited(&from, "one.json", |doc| {
        doc["relationships"].as_array_mut().unwrap().truncate(1);
    });
    let to = TestEnv::new();
    fixtures::ada(&to);
    to.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-09-10",
        "-m",
        "only here",
    ]);

    let crash = |point: &str| {
        let run = to.run_with(to.cmd().env("REL_TEST_FAILPOINT", point).args([
            "import",
            &one,
            "--replace",
        ]));
        assert_ne!(run.code, 0, "{point}: the process died");
    };
    let ada = |env: &TestEnv| {
        relationship_files(env)
            .into_iter()
            .filter(|(k, _)| k.starts_with("relationships/ada-lovelace/"))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let old = ada(&to);
    crash("before-folder-move");
    assert_eq!(ada(&to), old, "the old folder, whole");
    assert_eq!(to.ok(&["list"]).lines().count(), 3);

    crash("after-folder-swap");
    assert_eq!(ada(&to), ada(&from), "the new folder, whole");
    // What the crash left behind is hidden from every command.
    to.ok(&["status"]);
    assert_eq!(to.ok(&["export"]), from.ok(&["export", "ada-lovelace"]));
}

#[test]
fn stdin_is_read_for_dash() {
    let from = TestEnv::new();
    rich_journal(&from);
    let (text, _) = exported(&from, &["grace"]);
    let to = TestEnv::new();
    let run = to.run_with(to.cmd().args(["import", "-"]).write_stdin(text.clone()));
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "Imported 1 relationship and 0 check-ins from stdin (exported 2026-11-26).\n"
    );
    assert_eq!(to.ok(&["export"]), text);
}

#[test]
fn a_document_without_file_texts_is_written_as_rel_writes_files() {
    let from = TestEnv::new();
    rich_journal(&from);
    let bare = edited(&from, "bare.json", |doc| {
        for rel in doc["relationships"].as_array_mut().unwrap() {
            rel.as_object_mut().unwrap().remove("toml");
            for checkin in rel["checkins"].as_array_mut().unwrap() {
                checkin.as_object_mut().unwrap().remove("toml");
            }
        }
    });
    let to = TestEnv::new();
    to.ok(&["import", &bare]);
    // The same data, in files as rel writes them afresh: check-ins, which
    // rel writes once, are byte for byte the same.
    let data = |env: &TestEnv| {
        let (_, mut doc) = exported(env, &[]);
        for rel in doc["relationships"].as_array_mut().unwrap() {
            rel.as_object_mut().unwrap().remove("toml");
            for checkin in rel["checkins"].as_array_mut().unwrap() {
                checkin.as_object_mut().unwrap().remove("toml");
            }
        }
        doc
    };
    assert_eq!(data(&from), data(&to));
    let checkins = |env: &TestEnv| {
        relationship_files(env)
            .into_iter()
            .filter(|(k, _)| k.contains("/checkins/"))
            .collect::<Vec<_>>()
    };
    assert_eq!(checkins(&from), checkins(&to));
    insta::assert_snapshot!(to.read("relationships/linus/relationship.toml"));
}

#[test]
fn a_journal_a_newer_rel_wrote_is_not_imported_into() {
    let from = TestEnv::new();
    fixtures::ada(&from);
    let path = backup(&from);
    let to = TestEnv::new();
    to.ok(&["new", "--person", "Someone", "--role", "mentor"]);
    to.write("journal.toml", "format = 99\n");
    let run = to.refuses(2, &["import", &path]);
    assert!(
        run.stderr.contains("written by a newer rel"),
        "{}",
        run.stderr
    );
}

#[test]
fn unreadable_input_is_a_user_error() {
    let env = TestEnv::new();
    let run = env.refuses(1, &["import", "missing.json"]);
    assert_eq!(
        run.stderr,
        "error: cannot read missing.json: no such file or folder\nhint: name a file written by rel export, or '-' to read stdin\n"
    );
    let run = env.run_with(
        env.cmd()
            .args(["import", "-"])
            .write_stdin(vec![0xff, 0xfe]),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: stdin: is not UTF-8 text"),
        "{}",
        run.stderr
    );
    assert!(!env.journal.exists(), "nothing was created");
}

#[test]
fn a_replacement_cut_short_between_two_moves_is_healed() {
    // Where a file system cannot swap two folders, --replace moves the old
    // one aside first. A crash then leaves it there, and the next write
    // puts it back (or, if the new one made it, removes it).
    let env = TestEnv::new();
    fixtures::ada(&env);
    let old = env.read("relationships/ada-lovelace/relationship.toml");
    std::fs::rename(
        env.path("relationships/ada-lovelace"),
        env.path("relationships/.rel-old-ada-lovelace.tmp"),
    )
    .unwrap();
    env.ok(&["new", "--person", "Grace", "--role", "sponsor"]);
    assert_eq!(
        env.read("relationships/ada-lovelace/relationship.toml"),
        old
    );

    std::fs::create_dir(env.path("relationships/.rel-old-grace.tmp")).unwrap();
    env.ok(&["goal", "add", "grace", "Lead"]);
    assert!(!env.path("relationships/.rel-old-grace.tmp").exists());
    assert!(env.path("relationships/grace/relationship.toml").exists());
}

/// Documents made to trip `rel check`: items with clashing ids, dates out
/// of order, references to items that may not be there, check-ins whose
/// date may not be their id's. Whatever `import` accepts, `check` then
/// finds no error in.
mod accepted_means_checked {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use proptest::option;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    use serde_json::{Map, Value, json};

    use crate::env::TestEnv;

    /// The n-th of a dozen days, ten apart, around the journal's start.
    fn date(n: i64) -> Value {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
            + chrono::TimeDelta::days(10 * n.clamp(0, 11));
        day.to_string().into()
    }

    /// A day, as its number.
    fn day() -> impl Strategy<Value = i64> {
        0i64..12
    }

    /// Now and then, a day after (or, less often, before) `n`.
    fn later() -> impl Strategy<Value = Option<i64>> {
        option::weighted(0.4, prop_oneof![12 => 0i64..4, 1 => Just(-1)])
    }

    /// The `n`-th id of a list, now and then one already taken or skipped.
    fn id(prefix: char, n: usize) -> impl Strategy<Value = Value> {
        prop_oneof![
            30 => Just(n as i64),
            1 => Just(n as i64 - 1),
            1 => Just(n as i64 + 2),
        ]
        .prop_map(move |k| format!("{prefix}{}", k.max(1)).into())
    }

    /// A reference to an item that is there, or (now and then) not.
    fn reference(prefix: char) -> impl Strategy<Value = Option<Value>> {
        option::weighted(0.3, prop_oneof![12 => 1u32..3, 1 => 3u32..9])
            .prop_map(move |n| n.map(|n| format!("{prefix}{n}").into()))
    }

    /// An object of the fields that are there.
    fn object(fields: Vec<(&str, Option<Value>)>) -> Value {
        let mut map = Map::new();
        for (key, value) in fields {
            if let Some(value) = value {
                map.insert(key.to_string(), value);
            }
        }
        Value::Object(map)
    }

    /// Up to `max` items, the `i`-th made by `item(i)`.
    fn items<S: Strategy<Value = Value>>(
        max: usize,
        item: impl Fn(usize) -> S + Copy + 'static,
    ) -> impl Strategy<Value = Vec<Value>> {
        (0..=max).prop_flat_map(move |n| (1..=n).map(item).collect::<Vec<_>>())
    }

    fn goal(i: usize) -> impl Strategy<Value = Value> {
        (id('g', i), day(), later(), later()).prop_map(|(id, added, achieved, dropped)| {
            object(vec![
                ("id", Some(id)),
                ("text", Some("a goal".into())),
                ("added", Some(date(added))),
                ("achieved", achieved.map(|d| date(added + d))),
                (
                    "dropped",
                    dropped
                        .filter(|_| achieved.is_none())
                        .map(|d| date(added + d)),
                ),
            ])
        })
    }

    fn waypoint(i: usize) -> impl Strategy<Value = Value> {
        (id('w', i), day(), -1i64..4, later()).prop_map(|(id, added, due, reached)| {
            object(vec![
                ("id", Some(id)),
                ("text", Some("a waypoint".into())),
                ("due", Some(date(added + due))),
                ("added", Some(date(added))),
                ("reached", reached.map(|d| date(added + d))),
            ])
        })
    }

    fn action(i: usize) -> impl Strategy<Value = Value> {
        (id('a', i), day(), later(), any::<bool>()).prop_map(|(id, added, done, mine)| {
            object(vec![
                ("id", Some(id)),
                ("text", Some("an action".into())),
                ("owner", Some(if mine { "me" } else { "them" }.into())),
                ("added", Some(date(added))),
                ("done", done.map(|d| date(added + d))),
            ])
        })
    }

    fn advocacy(i: usize) -> impl Strategy<Value = Value> {
        (id('v', i), day(), reference('w')).prop_map(|(id, on, waypoint)| {
            object(vec![
                ("id", Some(id)),
                ("date", Some(date(on))),
                ("text", Some("a word".into())),
                ("waypoint", waypoint),
            ])
        })
    }

    fn strength(i: usize) -> impl Strategy<Value = Value> {
        (id('s', i), day(), reference('c')).prop_map(|(id, added, from)| {
            object(vec![
                ("id", Some(id)),
                ("text", Some("a strength".into())),
                ("added", Some(date(added))),
                ("from", from),
            ])
        })
    }

    fn growth(i: usize) -> impl Strategy<Value = Value> {
        (id('c', i), day(), later(), reference('s')).prop_map(|(id, added, promoted, strength)| {
            object(vec![
                ("id", Some(id)),
                ("text", Some("a growth area".into())),
                ("added", Some(date(added))),
                ("promoted", promoted.map(|d| date(added + d))),
                ("strength", strength.filter(|_| promoted.is_some())),
            ])
        })
    }

    fn checkin(i: usize) -> impl Strategy<Value = Value> {
        (
            day(),
            option::weighted(0.1, day()),
            prop::collection::vec(reference('a'), 0..2),
            prop::collection::vec(reference('w'), 0..2),
            prop::collection::vec(option::of(reference('a')), 0..2),
        )
            .prop_map(move |(on, other, closed, reached, opened)| {
                let opened: Vec<Value> = opened
                    .into_iter()
                    .map(|id| object(vec![("id", id.flatten()), ("text", Some("new".into()))]))
                    .collect();
                let date_of_id = date(on);
                json!({
                    "id": format!("{}-{i}", date_of_id.as_str().unwrap_or_default()),
                    "date": other.map_or(date_of_id, date),
                    "notes": "met",
                    "closed": closed.into_iter().flatten().collect::<Vec<_>>(),
                    "reached": reached.into_iter().flatten().collect::<Vec<_>>(),
                    "opened": opened,
                })
            })
    }

    fn document() -> impl Strategy<Value = Value> {
        let lists = (
            items(3, goal),
            items(3, waypoint),
            items(3, action),
            items(2, advocacy),
            items(2, strength),
            items(2, growth),
        );
        (0usize..3, day(), lists, items(4, checkin)).prop_map(
            |(
                kind,
                started,
                (goals, waypoints, actions, advocacy, strengths, growth),
                checkins,
            )| {
                let (kind, role) = [
                    ("mentoring", "mentor"),
                    ("sponsoring", "sponsor"),
                    ("reverse-mentoring", "expert"),
                ][kind];
                json!({
                    "format": "rel-export",
                    "version": 1,
                    "exported_at": "2026-11-26",
                    "relationships": [{
                        "handle": "ada",
                        "relationship": {
                            "person": "Ada", "kind": kind, "role": role,
                            "started": date(started),
                            "goal": goals, "waypoint": waypoints, "action": actions,
                            "advocacy": advocacy, "strength": strengths, "growth": growth,
                        },
                        "checkins": checkins,
                    }],
                })
            },
        )
    }

    #[test]
    fn whatever_import_accepts_check_finds_no_error_in() {
        let accepted = AtomicUsize::new(0);
        // The same documents every run: a test that passes passes again.
        let config = Config {
            cases: 96,
            failure_persistence: None,
            ..Config::default()
        };
        let rng = TestRng::deterministic_rng(config.rng_algorithm);
        let mut runner = TestRunner::new_with_rng(config, rng);
        runner
            .run(&document(), |doc| {
                let env = TestEnv::new();
                let path = env.tmp().join("doc.json");
                std::fs::write(&path, doc.to_string()).unwrap();
                let import = env.run(&["import", path.to_str().unwrap()]);
                prop_assert!(
                    import.code == 0 || import.code == 1,
                    "import: {}",
                    import.transcript()
                );
                if import.code == 0 {
                    accepted.fetch_add(1, Ordering::Relaxed);
                    let check = env.run(&["check"]);
                    prop_assert_eq!(
                        check.code,
                        0,
                        "imported {} but check says:\n{}",
                        doc,
                        check.transcript()
                    );
                } else {
                    prop_assert!(!env.path("relationships").exists(), "a refusal wrote");
                }
                Ok(())
            })
            .unwrap();
        let accepted = accepted.into_inner();
        // Enough of each: the property is about the ones accepted, and
        // the refusals show the documents do trip the checks.
        assert!(
            (20..=80).contains(&accepted),
            "{accepted} of 96 documents imported"
        );
    }
}
