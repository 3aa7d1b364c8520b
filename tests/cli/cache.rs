//! The cache in `.cache/`: every report reads the same with it as without
//! it, whatever happened to the files in between.

use std::fs;
use std::time::Duration;

use crate::env::TestEnv;
use crate::fixtures;

/// What a person sees from every command that reads the journal.
fn reports(env: &TestEnv) -> Vec<String> {
    let commands: [&[&str]; 12] = [
        &["status", "--all"],
        &["status", "--all", "--json"],
        // Days before actions were done and advocacy recorded: an
        // overview's brief of the relationship cannot tell those.
        &["status", "--all", "--json", "--as-of", "2026-11-01"],
        &["status", "--all", "--json", "--as-of", "2026-09-20"],
        &["status", "ada-lovelace"],
        &["status", "ada-lovelace", "--json"],
        &["prep", "ada-lovelace"],
        &["log", "ada-lovelace", "--json"],
        &["actions", "--json"],
        &["list", "--all"],
        &["search", "review"],
        &["report", "--since", "2026-01-01", "--format", "json"],
    ];
    commands
        .iter()
        .map(|args| env.run(args).transcript())
        .collect()
}

/// The reports, read with the cache as it is, then without any.
fn same_with_and_without_cache(env: &TestEnv) {
    let cached = reports(env);
    fs::remove_dir_all(env.path(".cache")).unwrap();
    let fresh = reports(env);
    assert_eq!(cached, fresh);
}

fn journal() -> TestEnv {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&[
        "new",
        "--person",
        "Grace Hopper",
        "--role",
        "sponsor",
        "--cadence",
        "monthly",
        "--started",
        "2026-01-05",
        "--destination",
        "Staff engineer",
    ]);
    env.ok(&["goal", "add", "ada-lovelace", "Run a design review"]);
    env.ok(&[
        "waypoint",
        "add",
        "grace-hopper",
        "Lead the review",
        "--due",
        "2026-12-31",
    ]);
    env.ok(&[
        "advocate",
        "grace-hopper",
        "Nominated her",
        "--date",
        "2026-10-01",
    ]);
    for (date, notes) in [
        ("2026-09-15", "first"),
        ("2026-10-01", "second"),
        ("2026-11-20", "third"),
    ] {
        env.ok(&[
            "checkin",
            "ada-lovelace",
            "--date",
            date,
            "-m",
            notes,
            "--action",
            "Read the review guide",
            "--their-action",
            "Draft the agenda",
            "--rating",
            "4",
        ]);
    }
    env.ok(&["action", "done", "ada-lovelace", "a1", "a2"]);
    env
}

#[test]
fn the_example_journal_reads_the_same_with_and_without_the_cache() {
    let env = TestEnv::new();
    copy_dir(std::path::Path::new("examples/journal"), &env.journal);
    // Twice: a cache being built, then one being used.
    reports(&env);
    same_with_and_without_cache(&env);
}

#[test]
fn hand_edits_and_new_files_are_seen_at_once() {
    let env = journal();
    reports(&env);
    assert!(env.path(".cache/ada-lovelace").is_file());

    // The same number of bytes, a different word.
    let file = "relationships/ada-lovelace/relationship.toml";
    let text = env.read(file);
    env.write(
        file,
        &text.replace("status = \"active\"", "status = \"paused\""),
    );
    assert_eq!(text.len(), env.read(file).len());
    assert!(env.ok(&["status", "--all"]).contains("paused"));
    same_with_and_without_cache(&env);

    // A check-in added and one removed by hand.
    env.write(
        "relationships/ada-lovelace/checkins/2026-11-25-1.toml",
        "date = 2026-11-25\nnotes = \"written by hand\"\n",
    );
    fs::remove_file(env.path("relationships/ada-lovelace/checkins/2026-09-15-1.toml")).unwrap();
    assert!(
        env.ok(&["status", "ada-lovelace"])
            .contains("written by hand")
    );
    same_with_and_without_cache(&env);
}

#[test]
fn a_broken_or_foreign_cache_is_rebuilt() {
    let env = journal();
    let before = reports(&env);
    for garbage in [
        &b""[..],
        b"relcache",
        b"\0\0\0\0\0\0\0\0\0\0\0\0",
        &[0xff; 300],
    ] {
        for suffix in ["", ".full", ".brief"] {
            fs::write(env.path(&format!(".cache/ada-lovelace{suffix}")), garbage).unwrap();
        }
        assert_eq!(reports(&env), before);
    }
    // A cache entry of another relationship is not this one's (a brief is
    // kept only for files a few seconds old: see the test below).
    for suffix in ["", ".full"] {
        fs::copy(
            env.path(&format!(".cache/grace-hopper{suffix}")),
            env.path(&format!(".cache/ada-lovelace{suffix}")),
        )
        .unwrap();
    }
    assert_eq!(reports(&env), before);
}

#[test]
fn a_journal_without_room_for_a_cache_reads_without_one() {
    let env = journal();
    let before = reports(&env);
    fs::remove_dir_all(env.path(".cache")).unwrap();
    // A file where the cache folder would be: nothing can be cached.
    fs::write(env.path(".cache"), "not a folder").unwrap();
    assert_eq!(reports(&env), before);
    assert!(env.path(".cache").is_file());
    // A link where the cache would be: rel neither follows nor writes it.
    fs::remove_file(env.path(".cache")).unwrap();
    let elsewhere = env.tmp().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, env.path(".cache")).unwrap();
    assert_eq!(reports(&env), before);
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}

/// Once files are a few seconds old the cache trusts their stat alone:
/// an edit must still show, even one that keeps the size and puts the
/// modified time back (only the changed time, which no tool can set,
/// tells).
#[test]
fn settled_files_are_trusted_by_their_stat_until_they_change() {
    let env = journal();
    reports(&env);
    std::thread::sleep(Duration::from_millis(3100));
    // Read once more: the entries are now old enough to vouch for them.
    let settled = reports(&env);
    same_with_and_without_cache(&env);
    assert_eq!(reports(&env), settled);
    // Another relationship's brief is not this one's.
    reports(&env);
    fs::copy(
        env.path(".cache/grace-hopper.brief"),
        env.path(".cache/ada-lovelace.brief"),
    )
    .unwrap();
    assert_eq!(reports(&env), settled);

    let file = "relationships/ada-lovelace/relationship.toml";
    let path = env.path(file);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let text = env.read(file);
    env.write(file, &text.replace("biweekly", "3w      "));
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert_eq!(text.len(), env.read(file).len());
    assert!(env.ok(&["status", "ada-lovelace"]).contains("meeting 3w"));
    same_with_and_without_cache(&env);

    // A check-in folder changed by hand: listed afresh.
    fs::remove_file(env.path("relationships/ada-lovelace/checkins/2026-11-20-1.toml")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(json["last_checkin"], "2026-10-01");
    same_with_and_without_cache(&env);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
