//! The prompts, walked through in a pseudo-terminal as a person would.

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

use crate::env::{TODAY, TestEnv};

// rexpect reads the terminal byte by byte, so prompts are matched on their
// ASCII parts.

pub(crate) const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

/// rel on a pseudo-terminal, with the test environment.
pub(crate) fn spawn(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rel"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.tmp().join("home"))
        .env("XDG_CONFIG_HOME", env.tmp().join("config"))
        .env("REL_DIR", &env.journal)
        .env("REL_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .args(args);
    spawn_command(cmd, Some(10_000)).unwrap()
}

/// Answers a prompt. The pause lets the prompt switch the terminal to raw
/// mode first, as a person's reading time would.
pub(crate) fn answer(p: &mut PtySession, keys: &str) {
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

pub(crate) fn finish(mut p: PtySession) -> String {
    let rest = p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "rel did not exit 0 ({status:?}):\n{rest}"
    );
    rest
}

#[test]
fn ending_walks_through_the_closing_conversation() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--until",
        "2026-12-03",
        "--started",
        "2026-09-01",
        "--goal",
        "Review a patch alone",
        "--goal",
        "Know the maintainers",
        "--goal",
        "Write a driver",
    ]);
    let mut p = spawn(&env, &["end", "linus"]);
    p.exp_string("How did it end?").unwrap();
    answer(&mut p, "\r");
    p.exp_string("What came of it?").unwrap();
    answer(&mut p, &format!("{}\r", "I can review patches on my own"));
    p.exp_string("Did the expert get what they wanted out of it?")
        .unwrap();
    answer(&mut p, "A say in the review tooling budget\r");
    p.exp_string("Goal g1: Review a patch alone").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Goal g2: Know the maintainers").unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("Goal g3: Write a driver").unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, DOWN);
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("End linus on 2026-11-26?").unwrap();
    answer(&mut p, "y");
    let rest = finish(p);
    assert!(
        rest.contains("Ended linus on 2026-11-26 (completed)."),
        "{rest}"
    );

    let rel = env.relationship("linus");
    assert_eq!(
        rel["ending"]["outcome"].as_str(),
        Some("I can review patches on my own")
    );
    assert_eq!(
        rel["ending"]["expert_outcome"].as_str(),
        Some("A say in the review tooling budget")
    );
    let goals = rel["goal"].as_array().unwrap();
    let verdicts: Vec<Option<&str>> = goals
        .iter()
        .map(|g| g.get("assessment").and_then(|a| a.as_str()))
        .collect();
    assert_eq!(verdicts, [Some("achieved"), Some("partly"), None]);
}

#[test]
fn declining_the_end_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--until",
        "2026-12-03",
    ]);
    let before = env.files();
    let mut p = spawn(
        &env,
        &[
            "end",
            "linus",
            "--as",
            "completed",
            "--outcome",
            "done",
            "--expert-outcome",
            "yes",
        ],
    );
    p.exp_string("End linus on 2026-11-26?").unwrap();
    answer(&mut p, "n");
    p.exp_string("not ended; nothing was written").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(before, env.files());
}

#[test]
fn new_asks_for_what_is_missing() {
    let env = TestEnv::new();
    let mut p = spawn(&env, &["new"]);
    p.exp_string("Who is it with?").unwrap();
    answer(&mut p, &format!("{}\r", "Grace Hopper"));
    p.exp_string("What kind of relationship?").unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("Which side are you on?").unwrap();
    answer(&mut p, "\r");
    p.exp_string("What is it for?").unwrap();
    answer(&mut p, &format!("{}\r", "Get Grace to staff"));
    p.exp_string("What do they want out of it?").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("How often will you meet?").unwrap();
    answer(&mut p, &format!("{}\r", "monthly"));
    p.exp_string("headed? (destination").unwrap();
    answer(&mut p, &format!("{}\r", "Staff engineer by 2027"));
    p.exp_string("and why sponsoring?").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("opted in to this destination").unwrap();
    answer(&mut p, "y");
    p.exp_string("The first waypoint on the way").unwrap();
    answer(&mut p, "Lead the Q1 planning review\r");
    p.exp_string("When should it be reached?").unwrap();
    answer(&mut p, "2027-03-31\r");
    p.exp_string("A strength of theirs").unwrap();
    answer(&mut p, "Calm incident command\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "\r");
    p.exp_string("A goal").unwrap();
    answer(&mut p, &format!("{}\r", "Lead a cross-team project"));
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("kickoff conversation already?").unwrap();
    answer(&mut p, "n");
    let rest = finish(p);
    assert!(rest.contains("Started grace-hopper"), "{rest}");
    let rel = env.relationship("grace-hopper");
    assert_eq!(rel["kind"].as_str(), Some("sponsoring"));
    assert_eq!(rel["role"].as_str(), Some("sponsor"));
    assert_eq!(rel["cadence"].as_str(), Some("monthly"));
    assert_eq!(rel["destination"].as_str(), Some("Staff engineer by 2027"));
    assert!(rel.get("their_aims").is_none() && rel.get("why").is_none());
    assert_eq!(rel["goal"].as_array().unwrap().len(), 1);
    assert_eq!(rel["opted_in"].as_datetime().unwrap().to_string(), TODAY);
    assert_eq!(
        rel["waypoint"][0]["text"].as_str(),
        Some("Lead the Q1 planning review")
    );
    assert_eq!(
        rel["waypoint"][0]["due"].as_datetime().unwrap().to_string(),
        "2027-03-31"
    );
    assert_eq!(
        rel["strength"][0]["text"].as_str(),
        Some("Calm incident command")
    );
    assert!(
        rest.contains("waypoint: w1 Lead the Q1 planning review"),
        "{rest}"
    );
}

#[test]
fn checkin_walks_through_the_meeting() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--cadence",
        "weekly",
        "--until",
        "2027-01-31",
    ]);
    env.ok(&["action", "add", "linus", "Read the style guide"]);
    env.ok(&["action", "add", "linus", "Send the patch", "--theirs"]);
    let mut p = spawn(&env, &["checkin", "linus"]);
    p.exp_string("When did you meet?").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("How valuable was it").unwrap();
    answer(&mut p, &format!("{}\r", "9"));
    p.exp_string("not a rating from 1 to 5").unwrap();
    answer(&mut p, &format!("{}\r", "4"));
    p.exp_string("Notes, a line at a time").unwrap();
    answer(&mut p, &format!("{}\r", "We read a real patch together."));
    p.exp_string("and (Enter when done)").unwrap();
    answer(
        &mut p,
        &format!("{}\r", "He explained the review etiquette."),
    );
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("What did you learn?").unwrap();
    answer(&mut p, &format!("{}\r", "How maintainers triage"));
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("What is still unclear").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("What will you change for next time?").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("Anything to share with them in the recap?")
        .unwrap();
    answer(&mut p, &format!("{}\r", ""));
    // Each open action in turn: done, keep (the default) or drop.
    p.exp_string("a1 Read the style guide (mine)").unwrap();
    answer(&mut p, UP);
    answer(&mut p, "\r");
    p.exp_string("a2 Send the patch (theirs)").unwrap();
    answer(&mut p, "\r");
    p.exp_string("A new action for you").unwrap();
    answer(&mut p, &format!("{}\r", "Review one patch alone"));
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("A new action for them").unwrap();
    answer(&mut p, &format!("{}\r", ""));
    p.exp_string("review the relationship itself?").unwrap();
    answer(&mut p, "n");
    p.exp_string("Next meeting?").unwrap();
    answer(&mut p, &format!("{}\r", "in 1w"));
    let rest = finish(p);
    assert!(
        rest.contains("Recorded check-in 2026-11-26-1 with Linus Berg (linus)."),
        "{rest}"
    );

    let file: toml::Table = env.checkin_text("linus", "2026-11-26-1").parse().unwrap();
    assert_eq!(file["rating"].as_integer(), Some(4));
    assert_eq!(
        file["notes"].as_str(),
        Some("We read a real patch together.\nHe explained the review etiquette.")
    );
    assert_eq!(
        file["working"].as_array().unwrap()[0].as_str(),
        Some("How maintainers triage")
    );
    assert_eq!(file["closed"].as_array().unwrap()[0].as_str(), Some("a1"));
    assert_eq!(
        file["next"].as_datetime().unwrap().to_string(),
        "2026-12-03"
    );
    let rel = env.relationship("linus");
    assert_eq!(
        rel["action"].as_array().unwrap()[0]["done"]
            .as_datetime()
            .unwrap()
            .to_string(),
        "2026-11-26"
    );
    assert_eq!(
        rel["action"].as_array().unwrap()[2]["text"].as_str(),
        Some("Review one patch alone")
    );
}

#[test]
fn checkin_walks_through_re_planning() {
    let env = crate::replan::grace();
    env.ok(&["action", "add", "grace", "Ask Dmitri for a yes or no"]);
    let mut p = spawn(&env, &["checkin", "grace"]);
    p.exp_string("When did you meet?").unwrap();
    answer(&mut p, "\r");
    p.exp_string("How valuable was it").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Notes, a line at a time").unwrap();
    answer(&mut p, "Dmitri said yes, from January\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "\r");
    p.exp_string("What is working?").unwrap();
    answer(&mut p, "\r");
    p.exp_string("What still stands between them").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Any course corrections?").unwrap();
    answer(&mut p, "Send Dmitri the charter first\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "Start the program in January\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Anything to share with them in the recap?")
        .unwrap();
    answer(&mut p, "\r");
    // A course correction becomes an action of theirs …
    p.exp_string("Send Dmitri the charter first").unwrap();
    p.exp_string("turn it into").unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    // … and another moves the waypoint it is about.
    p.exp_string("Start the program in January").unwrap();
    p.exp_string("turn it into").unwrap();
    answer(&mut p, UP);
    answer(&mut p, "\r");
    p.exp_string("Which one moves?").unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("Move w2 to when?").unwrap();
    answer(&mut p, "yesterday\r");
    p.exp_string("is before the meeting").unwrap();
    answer(&mut p, "2027-01-31\r");
    // The action past its date: keep, done, move or drop.
    p.exp_string("a1 Grace: draft the program charter (due 2026-11-20) is past its date")
        .unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("Move a1 to when?").unwrap();
    answer(&mut p, "in 2w\r");
    p.exp_string("Why?").unwrap();
    answer(&mut p, "She is waiting on the reorg\r");
    // The other open action: done, keep or drop.
    p.exp_string("a2 Ask Dmitri for a yes or no (mine)")
        .unwrap();
    answer(&mut p, DOWN);
    answer(&mut p, "\r");
    p.exp_string("A new action for you").unwrap();
    answer(&mut p, "\r");
    p.exp_string("A new action for them").unwrap();
    answer(&mut p, "\r");
    p.exp_string("review the relationship itself?").unwrap();
    answer(&mut p, "n");
    p.exp_string("Next meeting?").unwrap();
    answer(&mut p, "\r");
    let rest = finish(p);
    for said in [
        "moved w2 to 2027-01-31",
        "moved a1 to 2026-12-10",
        "dropped a2",
    ] {
        assert!(rest.contains(said), "{rest}");
    }
    assert!(
        rest.contains("new action: a3 (theirs) Send Dmitri the charter first"),
        "{rest}"
    );
    let file: toml::Table = env.checkin_text("grace", "2026-11-26-1").parse().unwrap();
    let moved = file["moved"].as_array().unwrap();
    assert_eq!(
        moved[0]["because"].as_str(),
        Some("Start the program in January")
    );
    assert_eq!(
        moved[1]["because"].as_str(),
        Some("She is waiting on the reorg")
    );
    let rel = env.relationship("grace");
    let w2 = &rel["waypoint"].as_array().unwrap()[1];
    assert_eq!(w2["due"].as_datetime().unwrap().to_string(), "2027-01-31");
    assert_eq!(
        w2["history"][0]["because"].as_str(),
        Some("Start the program in January")
    );
    assert!(rel["action"][1].get("dropped").is_some());
}

#[test]
fn evolve_walks_through_the_new_kickoff() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "ada",
        "--person",
        "Ada Lovelace",
        "--role",
        "mentor",
        "--started",
        "2026-01-05",
        "--agreed",
        "2026-01-05",
        "--how",
        "Fortnightly, her agenda",
        "--purpose",
        "Grow into a tech lead",
        "--cadence",
        "biweekly",
    ]);
    let mut p = spawn(&env, &["evolve", "ada", "--into", "sponsoring"]);
    p.exp_string("the new kickoff").unwrap();
    p.exp_string("What is it for now? (Enter keeps: Grow into a tech lead)")
        .unwrap();
    answer(&mut p, "Get Ada to staff engineer\r");
    p.exp_string("What do they want out of it now?").unwrap();
    answer(&mut p, "The staff title, and the storage decisions\r");
    p.exp_string("headed? (destination)").unwrap();
    answer(&mut p, "Staff engineer in the H1 2027 cycle\r");
    p.exp_string("and why sponsoring rather than mentoring?")
        .unwrap();
    answer(&mut p, "She already works at the next level\r");
    p.exp_string("How often will you meet? (Enter keeps: biweekly)")
        .unwrap();
    answer(&mut p, "monthly\r");
    p.exp_string("Have you had the new kickoff conversation")
        .unwrap();
    answer(&mut p, "y");
    p.exp_string("How will you work together now? (Enter keeps: Fortnightly, her agenda)")
        .unwrap();
    answer(
        &mut p,
        "Monthly, she owns the agenda; I report every act of advocacy\r",
    );
    p.exp_string("opted in to this destination").unwrap();
    answer(&mut p, "y");
    p.exp_string("The first waypoint on the way").unwrap();
    answer(&mut p, "Lead the Q1 planning review\r");
    p.exp_string("When should it be reached?").unwrap();
    answer(&mut p, "2027-03-31\r");
    p.exp_string("Evolve ada into sponsoring on 2026-11-26?")
        .unwrap();
    answer(&mut p, "y");
    let rest = finish(p);
    assert!(
        rest.contains("ada evolved from mentoring into sponsoring: you are the sponsor."),
        "{rest}"
    );
    assert!(
        rest.contains("new waypoint: w1 Lead the Q1 planning review"),
        "{rest}"
    );
    let rel = env.relationship("ada");
    assert_eq!(rel["kind"].as_str(), Some("sponsoring"));
    assert_eq!(rel["cadence"].as_str(), Some("monthly"));
    assert_eq!(rel["opted_in"].as_datetime().unwrap().to_string(), TODAY);
    let fields: Vec<&str> = rel["event"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e.get("field").and_then(|f| f.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            "purpose",
            "their_aims",
            "cadence",
            "how",
            "destination",
            "why",
            "agreed",
            "opted_in"
        ]
    );
    // The kickoff done, nothing asks to re-contract.
    let report: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "ada", "--json"])).unwrap();
    let keys: Vec<&str> = report["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["key"].as_str())
        .collect();
    assert!(!keys.contains(&"re-contract"), "{keys:?}");
}

/// A handle given in part is said in full before the first question, so
/// the person knows whose meeting they are recording.
#[test]
fn a_handle_in_part_is_said_in_full_before_the_questions() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--until",
        "2027-01-31",
    ]);
    let before = env.files();
    let mut p = spawn(&env, &["checkin", "lin"]);
    let said = p.exp_string("When did you meet?").unwrap();
    assert!(said.contains("checkin linus"), "{said:?}");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(env.files(), before, "nothing written");
}
