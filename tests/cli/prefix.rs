//! A handle given in part: a unique prefix, or a unique word of it.

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// Four relationships whose handles share beginnings and words.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    let journal = Journal::new(&env);
    for (handle, person) in [
        ("grace-hopper", "Grace Hopper"),
        ("hedy-lamarr", "Hedy Lamarr"),
        ("ken", "Ken Adeyemi"),
        ("kenji-sato", "Kenji Sato"),
        ("priya-natarajan", "Priya Natarajan"),
    ] {
        journal.relationship(
            handle,
            &format!(
                r#"
                person = "{person}"
                kind = "mentoring"
                role = "mentor"
                status = "active"
                started = 2026-09-01
                cadence = "biweekly"

                [last_id]
                action = 1

                [[action]]
                id = "a1"
                text = "Read the RFC"
                owner = "me"
                added = 2026-09-01
                "#
            ),
        );
    }
    env
}

#[test]
fn reads_take_a_unique_prefix_or_word() {
    let env = journal();
    for (input, person) in [
        ("pri", "Priya Natarajan (priya-natarajan)"),
        ("hopper", "Grace Hopper (grace-hopper)"),
        ("gracehop", "Grace Hopper (grace-hopper)"),
        ("kenji", "Kenji Sato (kenji-sato)"),
        // A handle in full is that one, even when it begins another.
        ("ken", "Ken Adeyemi (ken)"),
    ] {
        let out = env.ok(&["status", input]);
        assert!(out.starts_with(person), "{input}: {out}");
        let run = env.run(&["show", input]);
        assert!(
            run.stderr.is_empty(),
            "reads say nothing more: {}",
            run.stderr
        );
    }
    assert!(env.ok(&["prep", "natarajan"]).contains("Priya Natarajan"));
    let log = env.run(&["log", "lamarr"]);
    assert!(
        log.code == 0 && log.stderr.contains("hedy-lamarr"),
        "{}",
        log.transcript()
    );
    assert!(env.ok(&["actions", "hop"]).contains("Read the RFC"));
    assert!(env.ok(&["report", "gr", "pri"]).contains("Priya Natarajan"));
}

#[test]
fn writes_say_the_full_handle_first() {
    let env = journal();
    let run = env.run(&["action", "add", "pri", "Book the room"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "action add priya-natarajan\nAction a2 added to priya-natarajan: Book the room\n"
    );
    let run = env.run(&["--no-input", "checkin", "lamarr", "-m", "Met"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.starts_with("checkin hedy-lamarr\n"),
        "{}",
        run.stderr
    );
    assert_eq!(env.checkins("hedy-lamarr"), ["2026-11-26-1-wqhz.toml"]);
    // A handle typed in full is not said again.
    let run = env.run(&["goal", "add", "grace-hopper", "Chair a review"]);
    assert!(run.stderr.starts_with("Goal g1 added"), "{}", run.stderr);
    // Re-planning, and an evolution (before its kickoff), alike.
    for (args, said) in [
        (
            &["action", "move", "kenji", "a1", "--due", "2026-12-24"][..],
            "action move kenji-sato\n",
        ),
        (
            &["action", "rename", "hop", "a1", "Read the RFC twice"],
            "action rename grace-hopper\n",
        ),
        (
            &["action", "done", "pri", "a1"],
            "action done priya-natarajan\n",
        ),
        (
            &["action", "reopen", "pri", "a1"],
            "action reopen priya-natarajan\n",
        ),
        (
            &["--no-input", "evolve", "lamarr", "--into", "sponsoring"],
            "evolve hedy-lamarr\n",
        ),
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stderr.starts_with(said), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn an_ambiguous_part_lists_the_candidates() {
    let env = journal();
    for args in [
        &["show", "h"][..],
        &["checkin", "h", "-m", "which?"],
        &["action", "done", "h", "a1"],
    ] {
        let run = env.refuses(1, args);
        assert_eq!(
            run.stderr,
            "error: 'h' could be any of 2 relationships: grace-hopper, hedy-lamarr\n\
             hint: type more of the handle (rel list shows them all)\n",
            "{args:?}"
        );
    }
    let run = env.refuses(1, &["show", "nobody"]);
    assert!(
        run.stderr
            .starts_with("error: no relationship named 'nobody'"),
        "{}",
        run.stderr
    );
}
