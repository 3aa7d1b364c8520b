//! Every `--json` document against its JSON Schema in `docs/schema/`,
//! which the README points to: the documented shapes are the shapes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures::sample_journal;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema")
}

/// The validator of `docs/schema/NAME.schema.json`, its references to
/// `common.schema.json` read from beside it, formats (dates) checked.
fn validator(name: &str) -> jsonschema::Validator {
    let dir = schema_dir();
    let text = std::fs::read_to_string(dir.join(format!("{name}.schema.json"))).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_base_uri(format!("file://{}/", dir.display()))
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}.schema.json: {e}"))
}

/// Runs rel, insists on `code`, and checks its stdout against `schema`.
fn check(env: &TestEnv, schema: &jsonschema::Validator, name: &str, args: &[&str], code: i32) {
    let run = env.run(args);
    assert_eq!(run.code, code, "{args:?}: {}", run.transcript());
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{args:?} is not JSON ({e}): {}", run.stdout));
    let errors: Vec<String> = schema
        .iter_errors(&doc)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{args:?} does not match {name}.schema.json:\n{}",
        errors.join("\n")
    );
}

#[test]
fn every_json_document_matches_its_schema() {
    let env = sample_journal();
    let handles: Vec<String> = std::fs::read_dir(env.path("relationships"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let status = validator("status");
    check(&env, &status, "status", &["status", "--json"], 0);
    check(&env, &status, "status", &["status", "--all", "--json"], 0);
    let show = validator("show");
    let log = validator("log");
    for handle in &handles {
        check(&env, &show, "show", &["show", handle, "--json"], 0);
        check(&env, &log, "log", &["log", handle, "--json"], 0);
    }
    check(
        &env,
        &validator("list"),
        "list",
        &["list", "--all", "--json"],
        0,
    );
    let actions = validator("actions");
    check(&env, &actions, "actions", &["actions", "--json"], 0);
    check(
        &env,
        &actions,
        "actions",
        &["actions", "ken", "--theirs", "--json"],
        0,
    );
    let search = validator("search");
    for words in ["the", "rfc", "staff"] {
        check(&env, &search, "search", &["search", words, "--json"], 0);
    }
    let report = validator("report");
    for since in ["2025-01-01", "2026-08-29", "2026-11-20"] {
        check(
            &env,
            &report,
            "report",
            &["report", "--since", since, "--format", "json"],
            0,
        );
    }
    let week = validator("week");
    for args in [
        &["week", "--json"][..],
        &["week", "--next", "--json"],
        &["week", "--days", "30", "--json"],
    ] {
        check(&env, &week, "week", args, 0);
    }
    // The newest meeting of each relationship that has one, and its
    // oldest (no cadence's next day, the actions since done).
    let recap = validator("recap");
    for handle in &handles {
        let checkins = env.checkins(handle);
        let Some(oldest) = checkins.first() else {
            continue;
        };
        check(&env, &recap, "recap", &["recap", handle, "--json"], 0);
        let oldest = oldest.trim_end_matches(".toml");
        check(
            &env,
            &recap,
            "recap",
            &["recap", handle, oldest, "--json"],
            0,
        );
    }
}

/// Items moved, renamed, reopened and dropped, at a meeting and between
/// meetings, and relationships that changed since they were agreed: the
/// history, the slips, the re-planned and the re-contract need match.
#[test]
fn re_planned_and_re_contracted_documents_match_too() {
    let env = sample_journal();
    env.ok(&["evolve", "linus", "--into", "mentoring"]);
    env.ok(&["set", "grace-hopper", "--destination", "Principal engineer"]);
    env.ok(&[
        "waypoint",
        "reopen",
        "grace-hopper",
        "w1",
        "--because",
        "Not done",
    ]);
    env.ok(&[
        "goal",
        "rename",
        "grace-hopper",
        "g1",
        "Every director knows her work",
    ]);
    env.ok(&[
        "action",
        "move",
        "ada-lovelace",
        "a18",
        "--due",
        "2026-12-18",
    ]);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "Re-planned",
        "--move",
        "g5=2027-03-31",
        "--drop",
        "a17",
        "--achieved",
        "g4",
    ]);
    let status = validator("status");
    check(&env, &status, "status", &["status", "--json"], 0);
    let show = validator("show");
    let log = validator("log");
    for handle in ["ada-lovelace", "grace-hopper", "linus"] {
        check(&env, &show, "show", &["show", handle, "--json"], 0);
        check(&env, &log, "log", &["log", handle, "--json"], 0);
    }
    check(
        &env,
        &validator("report"),
        "report",
        &["report", "--since", "2026-11-01", "--format", "json"],
        0,
    );
    let keys: Vec<String> = serde_json::from_str::<Value>(&env.ok(&["status", "--json"])).unwrap()
        ["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["key"].as_str().unwrap().to_string())
        .collect();
    assert!(keys.iter().any(|k| k == "re-contract"), "{keys:?}");
}

/// A file that does not parse is listed in `problems`, and the document
/// still matches.
#[test]
fn documents_with_problems_match_too() {
    let env = sample_journal();
    env.write(
        "relationships/ken/relationship.toml",
        "person = \"Ken\"\nkind = \n",
    );
    env.write(
        "relationships/linus/checkins/2026-11-01-1.toml",
        "date = 2026-11-01\nrating = \"high\"\n",
    );
    check(
        &env,
        &validator("status"),
        "status",
        &["status", "--json"],
        2,
    );
    check(&env, &validator("list"), "list", &["list", "--json"], 2);
    check(
        &env,
        &validator("actions"),
        "actions",
        &["actions", "--json"],
        2,
    );
    check(
        &env,
        &validator("log"),
        "log",
        &["log", "linus", "--json"],
        2,
    );
    check(
        &env,
        &validator("search"),
        "search",
        &["search", "the", "--json"],
        2,
    );
    check(
        &env,
        &validator("report"),
        "report",
        &["report", "--since", "2025-01-01", "--format", "json"],
        2,
    );
}

/// Each schema names every document's version, and the README points to
/// each one.
#[test]
fn the_schemas_are_where_the_readme_says() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for entry in std::fs::read_dir(schema_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            readme.contains(&format!("docs/schema/{name}")),
            "the README does not point to docs/schema/{name}"
        );
    }
}

/// The schemas hold: a document without its version, with a field they
/// do not name, or with a date that is no date, does not match.
#[test]
fn a_schema_refuses_what_it_does_not_document() {
    let list = validator("list");
    let good = serde_json::json!({
        "version": 1,
        "relationships": [{
            "handle": "ada-lovelace", "person": "Ada", "kind": "mentoring",
            "role": "mentor", "status": "active", "started": "2026-09-01", "checkins": 0
        }],
        "problems": []
    });
    assert!(list.is_valid(&good));
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("version");
    assert!(!list.is_valid(&bad), "version is required");
    let mut bad = good.clone();
    bad["relationships"][0]["nickname"] = "Ada".into();
    assert!(!list.is_valid(&bad), "fields are documented");
    let mut bad = good;
    bad["relationships"][0]["started"] = "2026-02-30".into();
    assert!(!list.is_valid(&bad), "dates are dates");
    let status = validator("status");
    let attention = serde_json::json!({
        "version": 1, "as_of": "2026-11-26", "relationships": [], "problems": [],
        "attention": [{ "handle": "ada", "key": "drift", "urgency": 40, "message": "…" }]
    });
    assert!(!status.is_valid(&attention), "a need carries its facts");
    let week = validator("week");
    let agenda = serde_json::json!({
        "version": 1, "as_of": "2026-11-26", "from": "2026-11-26", "to": "2026-12-02",
        "days": [{ "date": "2026-11-27", "entries": [
            { "kind": "waypoint", "handle": "ada", "person": "Ada", "late": false,
              "id": "w2", "text": "Give the talk", "due": "2026-11-27" },
            { "kind": "time-box-end", "handle": "linus", "person": "Linus", "late": false,
              "until": "2026-11-27", "held": 6, "sessions": null }
        ] }],
        "problems": []
    });
    assert!(week.is_valid(&agenda));
    let mut bad = agenda.clone();
    bad["days"][0]["entries"][0]["owner"] = "me".into();
    assert!(!week.is_valid(&bad), "only an action has an owner");
    let mut bad = agenda.clone();
    bad["days"][0]["entries"][0]["kind"] = "milestone".into();
    assert!(!week.is_valid(&bad), "kinds are a closed set");
    let mut bad = agenda.clone();
    bad["days"][0]["entries"][1]
        .as_object_mut()
        .unwrap()
        .remove("held");
    assert!(!week.is_valid(&bad), "a kind's fields are required");
    let mut bad = agenda;
    bad["days"][0]["entries"] = serde_json::json!([]);
    assert!(!week.is_valid(&bad), "a quiet day is left out");
}

/// A field changed on two machines: its event and its need, as documented.
#[test]
fn a_merge_conflict_matches_too() {
    let env = TestEnv::new();
    crate::fixtures::ada(&env);
    let path = "relationships/ada-lovelace/relationship.toml";
    env.write(
        path,
        &(env.read(path)
            + "purpose = \"Lead\"\n\n[[event]]\ndate = 2026-11-20\nwhat = \"conflict\"\nfield = \"purpose\"\nold = \"Grow\"\nnew = \"Lead\"\n"),
    );
    let run = env.run(&["status", "--json"]);
    assert!(
        run.stdout.contains("\"key\": \"merge-conflict\""),
        "{}",
        run.stdout
    );
    check(
        &env,
        &validator("status"),
        "status",
        &["status", "--json"],
        0,
    );
    check(
        &env,
        &validator("show"),
        "show",
        &["show", "ada-lovelace", "--json"],
        0,
    );
}
