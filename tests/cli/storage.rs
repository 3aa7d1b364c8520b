//! How the journal is stored: resolution, formats, hand edits.

use crate::env::TestEnv;
use crate::fixtures;

#[test]
fn journal_resolution_prefers_flag_then_env_then_config_then_data_dir() {
    let env = TestEnv::new();
    let flag = env.tmp().join("by-flag");
    let config_dir = env.tmp().join("config/rel");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "journal_dir = \"../../by-config\"\n",
    )
    .unwrap();
    let new = ["new", "--person", "Ada", "--role", "mentor"];

    env.run_with(env.cmd().arg("--dir").arg(&flag).args(new));
    assert!(flag.join("relationships/ada").is_dir());

    env.run_with(env.cmd().args(new));
    assert!(env.journal.join("relationships/ada").is_dir(), "REL_DIR");

    env.run_with(env.cmd().env_remove("REL_DIR").args(new));
    assert!(
        env.tmp().join("by-config/relationships/ada").is_dir(),
        "config journal_dir"
    );

    std::fs::remove_file(config_dir.join("config.toml")).unwrap();
    env.run_with(env.cmd().env_remove("REL_DIR").args(new));
    assert!(
        env.tmp().join("data/rel/relationships/ada").is_dir(),
        "data dir"
    );
}

#[test]
fn a_hand_edited_file_keeps_its_comments_order_and_unknown_keys() {
    let env = TestEnv::new();
    let hand = r#"# Ada — I keep this by hand.
person = "Ada Lovelace"   # she prefers Ada
kind = "mentoring"
role = "mentor"
status = "active"
started = "2026-09-01"    # a date typed as a string
cadence = "14d"
favourite_tea = "earl grey"

[[action]]
id = "a1"
text = "Send the doc"
owner = "me"
added = 2026-09-01
mood = "keen"   # rel does not know this key
"#;
    env.write("relationships/ada/relationship.toml", hand);
    env.ok(&["checkin", "ada", "--done", "a1", "--action", "Next thing"]);
    let after = env.read("relationships/ada/relationship.toml");
    insta::assert_snapshot!(after);
    assert!(
        after.starts_with(&hand[..hand.find("[[action]]").unwrap()]),
        "the head is byte-identical"
    );
}

#[test]
fn a_newer_format_is_read_only() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.write("journal.toml", "format = 99\n");
    let run = env.run(&["status"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("written by a newer rel (format 99 > 2)"),
        "{}",
        run.stderr
    );
    let run = env.refuses(2, &["checkin", "ada-lovelace", "-m", "x"]);
    assert!(run.stderr.contains("upgrade rel"), "{}", run.stderr);
}

#[test]
fn an_interrupted_checkin_is_completed_by_the_next_write() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-11-01",
        "--action",
        "Send the doc",
    ]);
    let run = env.run_with(
        env.cmd()
            .env("REL_TEST_FAILPOINT", "between-checkin-and-relationship")
            .args(["checkin", "ada-lovelace", "--done", "a1", "-m", "done it"]),
    );
    assert_ne!(run.code, 0);
    assert!(env.path(".pending.toml").exists());
    assert!(
        !env.read("relationships/ada-lovelace/relationship.toml")
            .contains("done =")
    );
    // Reports already count it ...
    let value: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(value["relationships"][0]["open_actions"]["mine"], 0);
    // ... and the next write completes it.
    env.ok(&["checkin", "ada-lovelace", "-m", "next"]);
    assert!(!env.path(".pending.toml").exists());
    assert!(
        env.read("relationships/ada-lovelace/relationship.toml")
            .contains("done = 2026-11-26")
    );
}

#[test]
fn every_broken_file_is_named_with_its_place() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "syntax",
            b"person = \"Ada\nkind = 1\n",
            "relationship.toml:1:",
        ),
        (
            "merge",
            b"person = \"Ada\"\n<<<<<<< HEAD\nkind = \"mentoring\"\n",
            "relationship.toml:2:1: unresolved merge conflict",
        ),
        (
            "nul",
            b"person = \"Ada\"\0\n",
            "relationship.toml:1:15: contains a NUL byte",
        ),
        (
            "utf8",
            b"person = \"Ad\xffa\"\n",
            "relationship.toml:1:13: is not valid UTF-8",
        ),
        ("missing", b"person = \"Ada\"\n", "missing field `kind`"),
        (
            "role",
            b"person = \"Ada\"\nkind = \"mentoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\n",
            "relationship.toml:3:1: role 'sponsor' does not belong to kind 'mentoring'",
        ),
        ("empty", b"", "missing field `person`"),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(
            env.path("relationships/ada-lovelace/relationship.toml"),
            bytes,
        )
        .unwrap();
        let run = env.fails(2, &["status"]);
        assert!(
            run.stderr.contains(message),
            "{name}: expected {message:?} in\n{}",
            run.stderr
        );
        let run = env.refuses(2, &["checkin", "ada-lovelace"]);
        assert!(run.stderr.contains(message), "{name}: {}", run.stderr);
        assert_eq!(
            std::fs::read(env.path("relationships/ada-lovelace/relationship.toml")).unwrap(),
            *bytes,
            "{name}"
        );
    }
}
