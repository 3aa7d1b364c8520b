//! `rel search`.

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// Two relationships with words to find, one check-in written by hand
/// with TOML escapes in it.
fn journal() -> TestEnv {
    let env = crate::log::journal();
    Journal::new(&env)
        .relationship(
            "grace",
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "active"
            started = 2026-08-01
            destination = "Staff engineer by 2027"
            why = "She already leads the compiler RFC process"
            "#,
        )
        .checkin(
            "grace",
            "2026-11-10-1",
            r#"
            date = 2026-11-10
            notes = """
            Planning went well.
            We talked about Zoë's team and the
            design review she will chair.
            Nothing else."""
            working = ["Her calm in the incident review"]
            "#,
        );
    env.write(
        "relationships/grace/checkins/2026-11-12-1.toml",
        "# written by hand\ndate = 2026-11-12\nnotes = \"Caf\\u00e9 with the VP: \\\"sponsor her\\\" came up.\"\nchanges = [\"Ask ZOE\\u0308 to pair\"]\n",
    );
    env
}

/// The hits' places, in the order shown.
fn places(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let value: serde_json::Value = serde_json::from_str(&env.ok(&all)).unwrap();
    value["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            format!(
                "{} {} {}",
                h["date"].as_str().unwrap(),
                h["handle"].as_str().unwrap(),
                h["place"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn finds_every_kind_of_text_newest_first() {
    let env = journal();
    let run = env.run(&["search", "rfc"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
    assert_eq!(
        places(&env, &["review"]),
        [
            "2026-11-10 grace checkin 2026-11-10-1 notes",
            "2026-11-10 grace checkin 2026-11-10-1 working",
            "2026-10-15 ada-lovelace checkin 2026-10-15-1 notes",
            "2026-10-01 ada-lovelace action a1",
            "2026-09-01 ada-lovelace goal g1",
            "2026-09-01 ada-lovelace waypoint w1",
        ]
    );
}

#[test]
fn case_and_accents_are_ignored() {
    let env = journal();
    for query in ["zoe", "ZOË", "Zoë", "zoë's team"] {
        let places = places(&env, &[query]);
        assert!(
            places.contains(&"2026-11-10 grace checkin 2026-11-10-1 notes".to_string()),
            "{query}: {places:?}"
        );
    }
    // The hand-written file spells Zoë with a combining mark, as an escape:
    // the whole of it is the match.
    let value: serde_json::Value =
        serde_json::from_str(&env.ok(&["search", "zoë", "--json", "--since", "2026-11-12"]))
            .unwrap();
    assert_eq!(value["hits"][0]["place"], "checkin 2026-11-12-1 changes");
    assert_eq!(value["hits"][0]["line"], "Ask ZOE\u{308} to pair");
    assert_eq!(value["hits"][0]["matches"], serde_json::json!([[4, 8]]));
    assert_eq!(places(&env, &["GROWS INTO"]), Vec::<String>::new());
    assert_eq!(
        places(&env, &["GROW INTO"]),
        ["2026-09-01 ada-lovelace purpose"]
    );
}

#[test]
fn multi_line_notes_show_the_matching_line() {
    let env = journal();
    let out = env.ok(&["search", "chair"]);
    assert_eq!(
        out,
        "2026-11-10  grace  checkin 2026-11-10-1 notes\n    design review she will chair.\n"
    );
    // A phrase wrapped over two lines is found, and both lines shown.
    let out = env.ok(&["search", "the design review"]);
    assert!(
        out.contains("    We talked about Zoë's team and the design review she will chair.\n"),
        "{out}"
    );
}

#[test]
fn escaped_toml_text_is_found_as_it_reads() {
    let env = journal();
    let out = env.ok(&["search", "café"]);
    assert_eq!(
        out,
        "2026-11-12  grace  checkin 2026-11-12-1 notes\n    Café with the VP: \"sponsor her\" came up.\n"
    );
    assert_eq!(
        places(&env, &["\"sponsor her\""]),
        ["2026-11-12 grace checkin 2026-11-12-1 notes"]
    );
    assert_eq!(
        places(&env, &["cafe with"]),
        ["2026-11-12 grace checkin 2026-11-12-1 notes"]
    );
}

#[test]
fn handles_and_dates_narrow_the_search() {
    let env = journal();
    assert_eq!(
        places(&env, &["review", "--handle", "grace"]),
        [
            "2026-11-10 grace checkin 2026-11-10-1 notes",
            "2026-11-10 grace checkin 2026-11-10-1 working",
        ]
    );
    let both = places(&env, &["rfc", "--handle", "grace,ada-lovelace"]);
    assert_eq!(
        both,
        places(
            &env,
            &["rfc", "--handle", "grace", "--handle", "ada-lovelace"]
        )
    );
    assert_eq!(both, places(&env, &["rfc"]));
    assert_eq!(
        places(
            &env,
            &["review", "--since", "2026-10-15", "--until", "2026-11-10"]
        ),
        [
            "2026-11-10 grace checkin 2026-11-10-1 notes",
            "2026-11-10 grace checkin 2026-11-10-1 working",
            "2026-10-15 ada-lovelace checkin 2026-10-15-1 notes",
        ]
    );
    assert_eq!(
        places(&env, &["rfc", "--since", "1w ago"]),
        [
            "2026-11-20 ada-lovelace checkin 2026-11-20-1 notes",
            "2026-11-20 ada-lovelace action a3",
        ]
    );
}

#[test]
fn json_names_the_place_and_the_matches() {
    let env = journal();
    let value: serde_json::Value =
        serde_json::from_str(&env.ok(&["search", "zoë's", "--json"])).unwrap();
    assert_eq!(value["query"], "zoë's");
    assert_eq!(value["problems"], serde_json::json!([]));
    assert_eq!(
        value["hits"][0],
        serde_json::json!({
            "handle": "grace",
            "date": "2026-11-10",
            "place": "checkin 2026-11-10-1 notes",
            "field": "notes",
            "checkin": "2026-11-10-1",
            "item": null,
            "line": "We talked about Zoë's team and the",
            "matches": [[16, 21]],
        })
    );
    let value: serde_json::Value = serde_json::from_str(&env.ok(&[
        "search",
        "design review",
        "--json",
        "--handle",
        "ada-lovelace",
    ]))
    .unwrap();
    let goal = value["hits"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(goal["field"], "goal");
    assert_eq!(goal["item"], "g1");
    assert_eq!(goal["checkin"], serde_json::Value::Null);
    assert_eq!(goal["line"], "Run a design review");
    assert_eq!(goal["matches"], serde_json::json!([[6, 19]]));
}

#[test]
fn matches_are_highlighted_when_colour_is_on() {
    let env = journal();
    let out = env.ok(&["--color", "always", "search", "chair"]);
    assert!(
        out.contains("she will \u{1b}[1m\u{1b}[31mchair\u{1b}[0m."),
        "{out:?}"
    );
}

#[test]
fn no_match_is_not_an_error() {
    let env = journal();
    let run = env.run(&["search", "quantum", "computing"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "No match for 'quantum computing' (case and accents are ignored).\n"
    );
    let run = env.run(&[
        "search",
        "rfc",
        "--since",
        "2026-11-21",
        "--handle",
        "grace",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "No match for 'rfc' since 2026-11-21 in grace (case and accents are ignored).\n"
        )
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["search", "quantum", "--json"])).unwrap();
    assert_eq!(json["hits"], serde_json::json!([]));
}

#[test]
fn bad_input_is_a_user_error() {
    let env = journal();
    let run = env.refuses(1, &["search", "rfc", "--handle", "grase"]);
    assert_eq!(
        run.stderr,
        "error: no relationship named 'grase'\nhint: did you mean 'grace'? (rel list shows them all)\n"
    );
    let run = env.refuses(1, &["search", "  "]);
    assert!(
        run.stderr.starts_with("error: nothing to search for\n"),
        "{}",
        run.stderr
    );
    env.refuses(1, &["search"]);
    env.refuses(
        1,
        &[
            "search",
            "rfc",
            "--until",
            "2026-01-01",
            "--since",
            "2026-02-01",
        ],
    );
}

#[test]
fn a_broken_checkin_is_located_and_the_rest_still_shows() {
    let env = journal();
    env.write(
        "relationships/ada-lovelace/checkins/2026-10-29-1.toml",
        "date = 2026-10-29\nnotes = \"the RFC, unfinished\n",
    );
    let run = env.refuses(2, &["search", "rfc"]);
    assert!(
        run.stdout.contains("checkin 2026-11-20-1 notes"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("grace  why"), "{}", run.stdout);
    assert!(
        run.stderr.starts_with(
            "error: [TMP]/journal/relationships/ada-lovelace/checkins/2026-10-29-1.toml:2:29: "
        ),
        "{}",
        run.stderr
    );
}
