//! Re-contracting when the relationship changes, reverse-mentoring both
//! ways, and the dates an agreement or an opt-in may have.

use crate::env::TestEnv;

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&env.ok(args)).unwrap()
}

/// The needs of a relationship, by key.
fn keys(env: &TestEnv, handle: &str) -> Vec<String> {
    json(env, &["show", handle, "--json"])["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["key"].as_str().unwrap().to_string())
        .collect()
}

fn linus(env: &TestEnv) {
    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--started",
        "2026-09-01",
        "--agreed",
        "2026-09-01",
        "--how",
        "Eight sessions, his agenda",
        "--purpose",
        "Learn how on-call works now",
        "--their-aims",
        "A mentor",
        "--why",
        "He wrote the best incident write-up of the year",
        "--topic",
        "on-call",
        "--until",
        "2027-01-31",
        "--cadence",
        "biweekly",
    ]);
}

#[test]
fn an_evolution_asks_for_a_new_kickoff_until_it_is_agreed() {
    let env = TestEnv::new();
    linus(&env);
    assert!(!keys(&env, "linus").contains(&"re-contract".to_string()));
    let run = env.run(&["evolve", "linus", "--into", "mentoring"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "  agreed on 2026-09-01, before it evolved into mentoring on 2026-11-26: agree again → rel set linus --agreed DATE --how TEXT"
        ),
        "{}",
        run.stderr
    );
    let report = json(&env, &["show", "linus", "--json"]);
    let need = report["attention"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "re-contract")
        .unwrap()
        .clone();
    assert_eq!(
        need,
        serde_json::json!({
            "handle": "linus", "key": "re-contract", "changed": "2026-11-26", "reason": "evolved",
            "into": "mentoring", "agreement": true, "opt_in": false, "you": false,
            "urgency": 54, "informational": false,
            "message": "re-contract: the relationship changed on 2026-11-26 (evolved into mentoring) — agree again on what you hope for and how you will work",
            "fix": "rel set linus --agreed DATE --how TEXT"
        })
    );
    assert_eq!(report["understandings"]["how"]["level"], "partly");
    // A day before it evolved, there was nothing to re-contract.
    let before = json(&env, &["show", "linus", "--json", "--as-of", "2026-11-25"]);
    assert_eq!(before["understandings"]["how"]["level"], "met");
    // The agreement renewed clears it; the fact says it was re-agreed.
    env.ok(&["set", "linus", "--agreed", "--how", "Monthly, his agenda"]);
    assert!(!keys(&env, "linus").contains(&"re-contract".to_string()));
    let report = json(&env, &["show", "linus", "--json"]);
    let facts = report["understandings"]["how"]["facts"].as_array().unwrap();
    let fact = facts.iter().find(|f| f["key"] == "re-contract").unwrap();
    assert_eq!(fact["ok"], true);
    assert_eq!(
        fact["text"],
        "re-agreed after it evolved into mentoring on 2026-11-26"
    );
}

#[test]
fn a_new_destination_asks_for_the_agreement_and_the_opt_in_again() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "grace",
        "--person",
        "Grace Hopper",
        "--role",
        "sponsor",
        "--started",
        "2026-03-01",
        "--destination",
        "Staff engineer by 2027",
        "--agreed",
        "2026-03-02",
        "--opted-in",
        "2026-03-02",
    ]);
    let run = env.run(&[
        "set",
        "grace",
        "--destination",
        "Principal engineer by 2028",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.ends_with(
            "re-contract: the relationship changed on 2026-11-26 (got a new destination) — agree again, and the protégé opts in again\n  → rel set grace --agreed DATE --how TEXT --opted-in DATE\n"
        ),
        "{}",
        run.stderr
    );
    let report = json(&env, &["show", "grace", "--json"]);
    assert_eq!(report["understandings"]["them"]["level"], "partly");
    env.ok(&["set", "grace", "--opted-in"]);
    let report = json(&env, &["show", "grace", "--json"]);
    let need = report["attention"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "re-contract")
        .unwrap()
        .clone();
    assert_eq!(
        (need["agreement"].clone(), need["opt_in"].clone()),
        (true.into(), false.into())
    );
    env.ok(&["set", "grace", "--agreed"]);
    assert!(!keys(&env, "grace").contains(&"re-contract".to_string()));
    // A role changed asks again too; a destination cleared does not.
    let run = env.run(&["set", "grace", "--destination", ""]);
    assert!(!run.stderr.contains("re-contract"), "{}", run.stderr);
    let run = env.run(&["set", "grace", "--role", "protege"]);
    assert!(
        run.stderr
            .contains("(changed roles) — agree again, and opt in again"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_agreement_or_an_opt_in_in_the_future_is_refused() {
    let env = TestEnv::new();
    env.ok(&["new", "grace", "--person", "Grace", "--role", "sponsor"]);
    for (flag, date) in [("--opted-in", "tomorrow"), ("--agreed", "2026-12-01")] {
        let run = env.refuses(1, &["set", "grace", flag, date]);
        assert!(
            run.stderr.contains(&format!("error: {flag} 2026-1"))
                && run
                    .stderr
                    .contains("is in the future; record it once it has happened"),
            "{}",
            run.stderr
        );
    }
    let run = env.refuses(
        1,
        &[
            "new", "ada", "--person", "Ada", "--role", "mentor", "--agreed", "in 2w",
        ],
    );
    assert!(
        run.stderr.contains("--agreed 2026-12-10 is in the future"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_evolution_with_its_kickoff_as_flags_keeps_every_word() {
    let env = TestEnv::new();
    linus(&env);
    let long = "Help Linus grow from the engineer everyone calls during an incident into the person who designs how we do on-call, across every team that carries a pager.";
    let run = env.run(&[
        "evolve",
        "linus",
        "--into",
        "mentoring",
        "--purpose",
        long,
        "--agreed",
        "--how",
        "Monthly, his agenda",
        "--cadence",
        "monthly",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("linus evolved from reverse-mentoring into mentoring: you are the mentor.\n  purpose: Learn how on-call works now → Help Linus grow from the engineer"),
        "{}",
        run.stderr
    );
    let rel = env.relationship("linus");
    let events = rel["event"].as_array().unwrap();
    let what: Vec<(&str, Option<&str>)> = events
        .iter()
        .map(|e| {
            (
                e["what"].as_str().unwrap(),
                e.get("field").and_then(|f| f.as_str()),
            )
        })
        .collect();
    assert_eq!(
        what,
        [
            ("evolved", None),
            ("changed", Some("purpose")),
            ("changed", Some("cadence")),
            ("changed", Some("how")),
            ("changed", Some("agreed")),
        ]
    );
    assert_eq!(events[1]["new"].as_str(), Some(long));
    assert_eq!(
        events[1]["old"].as_str(),
        Some("Learn how on-call works now")
    );
    assert!(!keys(&env, "linus").contains(&"re-contract".to_string()));
    // Every word, in the log and the history.
    let log = env.ok(&["log", "linus"]).replace("\n               ", " ");
    assert!(log.contains(long), "{log}");
    // A sponsoring field for a relationship becoming mentoring is refused.
    env.ok(&["new", "ken", "--person", "Ken", "--role", "learner"]);
    let run = env.refuses(
        1,
        &[
            "evolve",
            "ken",
            "--into",
            "mentoring",
            "--destination",
            "Staff",
        ],
    );
    assert!(
        run.stderr
            .contains("--destination is for sponsoring relationships; ken, evolved, is mentoring"),
        "{}",
        run.stderr
    );
}

#[test]
fn reverse_mentoring_says_why_this_expert_and_asks_what_they_got() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "ken",
        "--person",
        "Ken",
        "--role",
        "expert",
        "--until",
        "2027-01-31",
    ]);
    let report = json(&env, &["show", "ken", "--json"]);
    let facts = report["understandings"]["want"]["facts"]
        .as_array()
        .unwrap();
    let why = facts.iter().find(|f| f["key"] == "expert-why").unwrap();
    assert_eq!(
        why["text"],
        "why you were approached is not recorded: ask, and what it says about how the organization sees you"
    );
    let missing = &report["attention"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "not-recorded")
        .unwrap()["missing"];
    assert!(
        missing.as_array().unwrap().contains(&"expert-why".into()),
        "{missing}"
    );
    env.ok(&[
        "set",
        "ken",
        "--why",
        "He wants the cloud bill explained by someone who runs it",
    ]);
    assert!(
        env.ok(&["show", "ken"])
            .contains("  Why          He wants the cloud bill explained")
    );
    // --why is for sponsoring and reverse-mentoring only.
    env.ok(&["new", "ada", "--person", "Ada", "--role", "mentor"]);
    let run = env.refuses(1, &["set", "ada", "--why", "because"]);
    assert!(run.stderr.contains("--why is for sponsoring (why this protégé) and reverse-mentoring (why this expert) relationships; ada is mentoring"), "{}", run.stderr);
    // The end records whether the expert got what they wanted.
    let run = env.refuses(
        1,
        &["end", "ada", "--as", "completed", "--expert-outcome", "yes"],
    );
    assert!(
        run.stderr
            .contains("--expert-outcome is for reverse-mentoring; ada is mentoring"),
        "{}",
        run.stderr
    );
    env.ok(&[
        "end",
        "ken",
        "--as",
        "completed",
        "--outcome",
        "He defended the budget himself",
        "--expert-outcome",
        "A line to finance, and practice explaining infrastructure",
    ]);
    let rel = env.relationship("ken");
    assert_eq!(
        rel["ending"]["expert_outcome"].as_str(),
        Some("A line to finance, and practice explaining infrastructure")
    );
    assert!(
        env.ok(&["show", "ken"])
            .contains("  You got      A line to finance, and practice explaining infrastructure"),
    );
    let report = env.ok(&["report", "ken"]);
    assert!(report.contains("— the expert: A line"), "{report}");
}
