//! `rel new`.

use crate::env::TestEnv;
use crate::fixtures;

#[test]
fn starts_a_mentoring_relationship_with_every_field() {
    let env = TestEnv::new();
    let run = env.run(&[
        "new",
        "--person",
        "Ada Lovelace",
        "--kind",
        "mentoring",
        "--role",
        "mentor",
        "--purpose",
        "Grow into a tech lead",
        "--their-aims",
        "Lead a cross-team project",
        "--cadence",
        "2w",
        "--started",
        "2026-09-01",
        "--agreed",
        "2026-09-03",
        "--how",
        "Fortnightly, 45 minutes; she sets the agenda",
        "--goal",
        "Run a design review",
        "--goal",
        "Mentor an intern",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, "", "messages go to stderr");
    assert!(
        run.stderr.contains("Started ada-lovelace"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!(env.read("relationships/ada-lovelace/relationship.toml"));
}

#[test]
fn kind_specific_fields_for_sponsoring_and_reverse_mentoring() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "grace",
        "--person",
        "Grace Hopper",
        "--role",
        "sponsor",
        "--destination",
        "Staff engineer by 2027",
        "--why",
        "Calm in every incident",
        "--opted-in",
    ]);
    let grace = env.relationship("grace");
    assert_eq!(
        grace["kind"].as_str(),
        Some("sponsoring"),
        "the kind follows from the role"
    );
    assert_eq!(
        grace["opted_in"].as_datetime().unwrap().to_string(),
        "2026-11-26"
    );
    assert_eq!(
        grace["destination"].as_str(),
        Some("Staff engineer by 2027")
    );

    env.ok(&[
        "new",
        "--person",
        "Linus",
        "--kind",
        "reverse-mentoring",
        "--role",
        "learner",
        "--topic",
        "Kernel review",
        "--until",
        "in 3m",
        "--sessions",
        "6",
    ]);
    let linus = env.relationship("linus");
    assert_eq!(
        linus["until"].as_datetime().unwrap().to_string(),
        "2027-02-26"
    );
    assert_eq!(linus["sessions"].as_integer(), Some(6));
    assert_eq!(linus["topic"].as_str(), Some("Kernel review"));
}

#[test]
fn handles_are_made_from_names() {
    let env = TestEnv::new();
    env.ok(&["new", "--person", "Zoë O'Brien", "--role", "mentee"]);
    env.ok(&["new", "--person", "李小龙", "--role", "expert"]);
    env.ok(&["new", "--person", "José Martí-Pérez", "--role", "protege"]);
    let listing: Vec<String> = std::fs::read_dir(env.path("relationships"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(listing, ["jose-marti-perez", "li-xiao-long", "zoe-obrien"]);
    assert_eq!(
        env.relationship("zoe-obrien")["person"].as_str(),
        Some("Zoë O'Brien")
    );
}

#[test]
fn refusals_write_nothing() {
    let env = TestEnv::new();
    env.ok(&fixtures::NEW_ADA);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "new",
                "--person",
                "X",
                "--kind",
                "mentoring",
                "--role",
                "sponsor",
            ],
            "a mentoring relationship has a mentor and a mentee, not a sponsor",
        ),
        (
            &["new", "--person", "Ada Lovelace", "--role", "mentor"],
            "a relationship named 'ada-lovelace' already exists",
        ),
        (
            &[
                "new",
                "--person",
                "X",
                "--role",
                "mentor",
                "--started",
                "someday",
            ],
            "--started: 'someday' is not a date",
        ),
        (
            &[
                "new",
                "--person",
                "X",
                "--role",
                "mentor",
                "--cadence",
                "often",
            ],
            "--cadence: 'often' is not a cadence",
        ),
        (
            &[
                "new",
                "--person",
                "X",
                "--role",
                "mentor",
                "--destination",
                "Staff",
            ],
            "--destination is for sponsoring relationships",
        ),
        (
            &[
                "new", "--person", "X", "--role", "sponsor", "--until", "in 2w",
            ],
            "--until is for reverse-mentoring relationships",
        ),
        (
            &["new", "--person", "   ", "--role", "mentor"],
            "the person's name cannot be empty",
        ),
        (
            &[
                "new",
                "--person",
                "X",
                "--role",
                "learner",
                "--sessions",
                "0",
            ],
            "--sessions must be at least 1",
        ),
        (
            &["new", "Bad/Handle", "--person", "X", "--role", "mentor"],
            "'Bad/Handle' cannot be a handle",
        ),
        (
            &["new", "--person", "!!!", "--role", "mentor"],
            "cannot make a handle from '!!!'",
        ),
    ];
    for (args, message) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("\nhint: "),
            "{args:?}: no hint in\n{}",
            run.stderr
        );
        assert_eq!(
            run.stderr.lines().count(),
            2,
            "{args:?}: one error line and one hint:\n{}",
            run.stderr
        );
    }
}

#[test]
fn missing_values_are_named_without_a_terminal() {
    let env = TestEnv::new();
    let run = env.refuses(1, &["new"]);
    insta::assert_snapshot!(run.transcript());
    let run = env.refuses(1, &["new", "--person", "Ada", "--kind", "sponsoring"]);
    assert!(run.stderr.contains("missing --role ROLE"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--role sponsor or --role protege"),
        "{}",
        run.stderr
    );
    assert!(
        !env.journal.exists(),
        "a refused first command does not even create the journal"
    );
}

#[test]
fn bad_flags_are_user_errors() {
    let env = TestEnv::new();
    let run = env.fails(1, &["new", "--person", "X", "--role", "boss"]);
    assert!(
        run.stderr.contains("invalid value 'boss'"),
        "{}",
        run.stderr
    );
    env.fails(1, &["new", "--frobnicate"]);
}

#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.ok(&fixtures::NEW_ADA);
    for (path, mode) in [
        ("", 0o700),
        ("relationships", 0o700),
        ("relationships/ada-lovelace", 0o700),
        ("relationships/ada-lovelace/relationship.toml", 0o600),
        ("journal.toml", 0o600),
    ] {
        let meta = std::fs::metadata(env.path(path)).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, mode, "{path}");
    }
}

#[test]
fn new_says_each_goal_it_created() {
    let env = TestEnv::new();
    let run = env.run(&[
        "new",
        "--person",
        "Ada Lovelace",
        "--role",
        "mentor",
        "--goal",
        "Run a design review",
        "--goal",
        "Mentor an intern",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("\n  goals: g1 Run a design review · g2 Mentor an intern\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn one_handle_rule_for_new_and_import() {
    let env = TestEnv::new();
    for handle in ["eve-", "-eve"] {
        let run = env.refuses(
            1,
            &["new", "--person", "Eve", "--role", "mentor", "--", handle],
        );
        assert!(
            run.stderr
                .contains("a handle starts with a letter or a digit")
                || run
                    .stderr
                    .contains("a handle ends with a letter or a digit"),
            "{handle}: {}",
            run.stderr
        );
    }
    // A name with a dash at either end makes a handle by the same rule.
    env.ok(&["new", "--person=-Eve-", "--role", "mentor"]);
    assert!(env.path("relationships/eve").is_dir());
    // An import may not bring in what rel new refuses.
    let (text, _) = crate::export::exported(&env, &[]);
    let doc = env.tmp().join("doc.json");
    std::fs::write(
        &doc,
        text.replace("\"handle\": \"eve\"", "\"handle\": \"eve-\""),
    )
    .unwrap();
    let other = TestEnv::new();
    let run = other.refuses(1, &["import", doc.to_str().unwrap()]);
    assert!(
        run.stderr.contains("relationships[0].handle: 'eve-' is not a handle: a handle ends with a letter or a digit"),
        "{}",
        run.stderr
    );
}
