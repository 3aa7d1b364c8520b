//! `rel edit`, with a fake editor: a script that changes the file it is
//! given, called with an argument of its own (like `code --wait FILE`).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::time::SystemTime;

use crate::env::{Run, TestEnv};
use crate::fixtures::{self, Journal};

const REL: &str = "relationships/ada-lovelace/relationship.toml";

/// Writes an editor script that runs `body` with `$f` as the file to edit,
/// and returns the command to set as EDITOR.
fn editor(env: &TestEnv, name: &str, body: &str) -> String {
    let path = env.tmp().join(name);
    fs::write(&path, format!("#!/bin/sh\nfor f; do :; done\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    format!("{} --wait", path.display())
}

fn edit(env: &TestEnv, editor: &str, args: &[&str]) -> Run {
    env.run_with(env.cmd().env("EDITOR", editor).arg("edit").args(args))
}

fn drafts(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(env.path("drafts"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn mtime(env: &TestEnv, rel: &str) -> SystemTime {
    fs::metadata(env.path(rel)).unwrap().modified().unwrap()
}

/// Ada, with a comment of the user's in her file and two check-ins.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    Journal::new(&env)
        .relationship(
            "ada-lovelace",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-09-01
            cadence = "biweekly" # every other Tuesday

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            action = 1

            [[action]]
            id = "a1"
            text = "Send the doc"
            owner = "me"
            added = 2026-11-01
            checkin = "2026-11-01-1"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-01-1",
            r#"
            date = 2026-11-01
            notes = "first"

            [[opened]]
            id = "a1"
            text = "Send the doc"
            owner = "me"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-1",
            r#"
            date = 2026-11-20
            notes = "second"
            "#,
        );
    env
}

#[test]
fn a_valid_change_is_written_with_the_comments_kept() {
    let env = journal();
    let before = env.read(REL);
    let ed = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^cadence = .*/cadence = "weekly" # now weekly/' "$f"
printf '\n# my own note\nmood = "keen"\n' >> "$f""#,
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr, @r"
    warning: [TMP]/journal/relationships/ada-lovelace/relationship.toml:23:1: unknown key 'mood' in [[action]] (rel keeps keys it does not know, and ignores them)
    Saved [TMP]/journal/relationships/ada-lovelace/relationship.toml (4 lines added, 1 removed).
    ");
    let after = env.read(REL);
    assert_eq!(
        after,
        before.replace(
            "cadence = \"biweekly\" # every other Tuesday",
            "cadence = \"weekly\" # now weekly"
        ) + "\n# my own note\nmood = \"keen\"\n"
    );
    assert!(
        after.starts_with("# Ada Lovelace"),
        "the header comment stays"
    );
    assert_eq!(drafts(&env), Vec::<String>::new(), "the copy is removed");
    let mode = fs::metadata(env.path(REL)).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // rel reads it back as edited.
    let status: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(status["relationship"]["cadence"], "weekly");
}

#[test]
fn an_invalid_change_is_explained_and_kept_as_a_draft() {
    let env = journal();
    let before = env.read(REL);
    let ed = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^started = .*/started = "soon"/; s/^kind = .*/kind = "sponsoring"/' "$f""#,
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr, @r#"
    error: [TMP]/journal/relationships/ada-lovelace/relationship.toml:8:11: invalid value: string "soon", expected a date like 2026-11-26
    error: not saved: [TMP]/journal/relationships/ada-lovelace/relationship.toml is unchanged
    hint: your edit is kept in [TMP]/journal/drafts/edit-ada-lovelace-relationship.toml
    "#);
    assert_eq!(env.read(REL), before, "the original is byte-identical");
    let draft = env.read("drafts/edit-ada-lovelace-relationship.toml");
    assert!(draft.contains("started = \"soon\""), "{draft}");

    // Once the date is right, the contradiction shows.
    let ed = editor(
        &env,
        "ed2.sh",
        r#"sed -i 's/^kind = .*/kind = "sponsoring"/' "$f""#,
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("relationship.toml:6:1: role 'mentor' does not belong to kind 'sponsoring'"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read(REL), before);
    assert_eq!(
        drafts(&env),
        [
            "edit-ada-lovelace-relationship-2.toml",
            "edit-ada-lovelace-relationship.toml"
        ]
    );
}

#[test]
fn an_unchanged_save_writes_nothing() {
    let env = journal();
    let before = env.files();
    let when = mtime(&env, REL);
    let ed = editor(&env, "ed.sh", "touch \"$f\"");
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "No changes to [TMP]/journal/relationships/ada-lovelace/relationship.toml; nothing was written.\n"
    );
    assert_eq!(mtime(&env, REL), when);
    let mut after = env.files();
    after.remove("drafts/");
    assert_eq!(before, after);
    assert_eq!(drafts(&env), Vec::<String>::new());
}

#[test]
fn the_editor_comes_from_the_config_then_visual_then_editor() {
    let env = journal();
    let config = editor(&env, "config.sh", "echo '# config' >> \"$f\"");
    let visual = editor(&env, "visual.sh", "echo '# visual' >> \"$f\"");
    let plain = editor(&env, "editor.sh", "echo '# editor' >> \"$f\"");
    let run = env.run_with(
        env.cmd()
            .env("VISUAL", &visual)
            .env("EDITOR", &plain)
            .args(["edit", "ada-lovelace"]),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(env.read(REL).ends_with("# visual\n"));

    fs::create_dir_all(env.tmp().join("config/rel")).unwrap();
    fs::write(
        env.tmp().join("config/rel/config.toml"),
        format!("editor = \"{config}\"\n"),
    )
    .unwrap();
    let run = env.run_with(
        env.cmd()
            .env("VISUAL", &visual)
            .env("EDITOR", &plain)
            .args(["edit", "ada-lovelace"]),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(env.read(REL).ends_with("# visual\n# config\n"));
}

#[test]
fn a_checkin_is_edited_by_id_by_day_or_as_the_last() {
    let env = journal();
    let ed = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^notes = "\(.*\)"/notes = "\1, edited"/' "$f""#,
    );
    let first = "relationships/ada-lovelace/checkins/2026-11-01-1.toml";
    let last = "relationships/ada-lovelace/checkins/2026-11-20-1.toml";

    let run = edit(&env, &ed, &["ada-lovelace", "2026-11-01-1"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(env.read(first).contains("notes = \"first, edited\""));

    let run = edit(&env, &ed, &["ada-lovelace", "last"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "Saved [TMP]/journal/relationships/ada-lovelace/checkins/2026-11-20-1.toml (1 line added, 1 removed).\n"
    );
    assert!(env.read(last).contains("notes = \"second, edited\""));

    let run = edit(&env, &ed, &["ada-lovelace", "2026-11-20"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        env.read(last)
            .contains("notes = \"second, edited, edited\"")
    );
}

#[test]
fn an_edited_checkin_carries_its_effects_into_the_relationship() {
    let env = journal();
    let ed = editor(&env, "ed.sh", r#"echo 'closed = ["a1"]' >> "$f""#);
    let run = edit(&env, &ed, &["ada-lovelace", "last"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("relationship.toml updated to match: action a1 done"),
        "{}",
        run.stderr
    );
    let rel = env.relationship("ada-lovelace");
    assert_eq!(
        rel["action"][0]["done"].as_datetime().unwrap().to_string(),
        "2026-11-20"
    );
    assert!(!env.path(".pending.toml").exists());
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    // A crash between the two writes is explained, and healed by the next.
    let ed = editor(
        &env,
        "ed3.sh",
        r#"echo 'review = true' | cat - "$f" > "$f.new" && mv "$f.new" "$f""#,
    );
    let run = env.run_with(
        env.cmd()
            .env("EDITOR", &ed)
            .env("REL_TEST_FAILPOINT", "between-checkin-and-relationship")
            .args(["edit", "ada-lovelace", "2026-11-01-1"]),
    );
    assert_ne!(run.code, 0);
    assert!(
        env.read("relationships/ada-lovelace/checkins/2026-11-01-1.toml")
            .starts_with("review = true\n")
    );
    assert!(!env.read(REL).contains("reviewed"));
    let run = env.run(&["check"]);
    assert!(run.stdout.contains(".pending.toml: check-in 2026-11-01-1 of ada-lovelace was written but rel was interrupted"), "{}", run.stdout);
    env.ok(&["goal", "add", "ada-lovelace", "Anything"]);
    assert!(env.read(REL).contains("reviewed = 2026-11-01"));
    assert!(!env.path(".pending.toml").exists());

    // A check-in cannot move to another day by its date alone.
    let ed = editor(
        &env,
        "ed2.sh",
        r#"sed -i 's/^date = .*/date = 2026-11-21/' "$f""#,
    );
    let before = env.read("relationships/ada-lovelace/checkins/2026-11-20-1.toml");
    let run = edit(&env, &ed, &["ada-lovelace", "last"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("2026-11-20-1.toml:1:1: date 2026-11-21 disagrees with the file name"),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.read("relationships/ada-lovelace/checkins/2026-11-20-1.toml"),
        before
    );
}

#[test]
fn unknown_handles_and_checkins_are_refused_with_a_suggestion() {
    let env = journal();
    let ed = editor(&env, "ed.sh", "echo edited >> \"$f\"");
    let cases: &[(&[&str], &str)] = &[
        (
            &["ada-lovelce"],
            "error: no relationship named 'ada-lovelce'\nhint: did you mean 'ada-lovelace'? (rel list shows them all)\n",
        ),
        (
            &["ada-lovelace", "2026-11-20-2"],
            "error: ada-lovelace has no check-in '2026-11-20-2'\nhint: did you mean 2026-11-20-1? (or last, for the newest)\n",
        ),
        (
            &["ada-lovelace", "yesterday"],
            "error: ada-lovelace has no check-in 'yesterday'\nhint: its newest check-ins: 2026-11-20-1, 2026-11-01-1 (or last)\n",
        ),
    ];
    for (args, stderr) in cases {
        let mut all = vec!["edit"];
        all.extend_from_slice(args);
        let run = env.run_with(env.cmd().env("EDITOR", &ed).args(&all));
        assert_eq!(run.code, 1, "{args:?}: {}", run.transcript());
        assert_eq!(&run.stderr, stderr, "{args:?}");
    }
    assert!(!env.path("drafts").exists(), "no editor was opened");

    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.refuses(1, &["edit", "ada-lovelace", "last"]);
    assert_eq!(
        run.stderr,
        "error: ada-lovelace has no check-ins yet\nhint: rel checkin ada-lovelace records one; rel edit ada-lovelace opens relationship.toml\n"
    );
}

#[test]
fn an_editor_that_fails_writes_nothing() {
    let env = journal();
    let before = env.read(REL);
    let run = edit(&env, "false", &["ada-lovelace"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "error: the editor 'false' exited with exit status: 1; nothing was written\nhint: if the editor did not start, set editor in the config file, or $VISUAL or $EDITOR\n"
    );
    assert_eq!(drafts(&env), Vec::<String>::new());

    // Words typed before the editor failed (vim's :cq) stay in the draft.
    let ed = editor(
        &env,
        "ed.sh",
        "echo 'purpose = \"typed\"' >> \"$f\"; exit 3",
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.ends_with(
            "hint: your edit is kept in [TMP]/journal/drafts/edit-ada-lovelace-relationship.toml\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(env.read(REL), before);
}

#[test]
fn a_file_changed_meanwhile_is_not_overwritten() {
    let env = journal();
    let real = env.path(REL);
    // Another writer changes the file while the editor is open.
    let ed = editor(
        &env,
        "ed.sh",
        &format!(
            "echo '# from elsewhere' >> '{}'\necho '# mine' >> \"$f\"",
            real.display()
        ),
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr, @r"
    error: [TMP]/journal/relationships/ada-lovelace/relationship.toml changed while you were editing it; your edit was not saved
    hint: your edit is kept in [TMP]/journal/drafts/edit-ada-lovelace-relationship.toml; run rel edit again and carry your changes over
    ");
    assert!(env.read(REL).ends_with("# from elsewhere\n"));
    assert!(
        env.read("drafts/edit-ada-lovelace-relationship.toml")
            .ends_with("# mine\n")
    );
}

#[test]
fn a_newer_journal_is_refused_before_the_editor_opens() {
    let env = journal();
    env.write("journal.toml", "format = 99\n");
    let marker = env.tmp().join("opened");
    let ed = editor(&env, "ed.sh", &format!("touch '{}'", marker.display()));
    let run = env.run_with(env.cmd().env("EDITOR", &ed).args(["edit", "ada-lovelace"]));
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("upgrade rel"), "{}", run.stderr);
    assert!(!marker.exists(), "the editor was not opened");
}

#[test]
fn a_broken_file_can_be_mended_in_the_editor() {
    let env = journal();
    let broken = env
        .read(REL)
        .replace("status = \"active\"", "status = \"active");
    env.write(REL, &broken);
    env.fails(2, &["status"]);
    let ed = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^status = "active$/status = "active"/' "$f""#,
    );
    let run = edit(&env, &ed, &["ada-lovelace"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    env.ok(&["status"]);
}
