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
            &text.replacen("\"version\": 2,", "\"version\": 2,,", 1),
        ),
        write("cut.json", &text[..text.len() / 2]),
        write(
            "other.json",
            &text.replacen("\"rel-export\"", "\"jrnl\"", 1),
        ),
        write(
            "newer.json",
            &text.replacen("\"version\": 2", "\"version\": 3", 1),
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
