//! The cache in `.cache/`: every report reads the same with it as without
//! it, whatever happened to the files in between.

use std::fs;
use std::time::Duration;

use crate::env::TestEnv;
use crate::fixtures::Journal;

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

/// Ada with three meetings and the actions they opened, two of them
/// done; Grace with a waypoint and an act of advocacy.
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
            cadence = "biweekly"

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 1
            action = 6

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-11-26

            [[action]]
            id = "a1"
            text = "Read the review guide"
            owner = "me"
            added = 2026-09-15
            checkin = "2026-09-15-1"
            done = 2026-11-26

            [[action]]
            id = "a2"
            text = "Draft the agenda"
            owner = "them"
            added = 2026-09-15
            checkin = "2026-09-15-1"
            done = 2026-11-26

            [[action]]
            id = "a3"
            text = "Read the review guide"
            owner = "me"
            added = 2026-10-01
            checkin = "2026-10-01-1"

            [[action]]
            id = "a4"
            text = "Draft the agenda"
            owner = "them"
            added = 2026-10-01
            checkin = "2026-10-01-1"

            [[action]]
            id = "a5"
            text = "Read the review guide"
            owner = "me"
            added = 2026-11-20
            checkin = "2026-11-20-1"

            [[action]]
            id = "a6"
            text = "Draft the agenda"
            owner = "them"
            added = 2026-11-20
            checkin = "2026-11-20-1"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-09-15-1",
            r#"
            date = 2026-09-15
            rating = 4
            notes = "first"

            [[opened]]
            id = "a1"
            text = "Read the review guide"
            owner = "me"

            [[opened]]
            id = "a2"
            text = "Draft the agenda"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-01-1",
            r#"
            date = 2026-10-01
            rating = 4
            notes = "second"

            [[opened]]
            id = "a3"
            text = "Read the review guide"
            owner = "me"

            [[opened]]
            id = "a4"
            text = "Draft the agenda"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-1",
            r#"
            date = 2026-11-20
            rating = 4
            notes = "third"

            [[opened]]
            id = "a5"
            text = "Read the review guide"
            owner = "me"

            [[opened]]
            id = "a6"
            text = "Draft the agenda"
            owner = "them"
            "#,
        )
        .relationship(
            "grace-hopper",
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "active"
            started = 2026-01-05
            cadence = "monthly"
            destination = "Staff engineer"

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            waypoint = 1
            advocacy = 1

            [[waypoint]]
            id = "w1"
            text = "Lead the review"
            due = 2026-12-31
            added = 2026-11-26

            [[advocacy]]
            id = "v1"
            date = 2026-10-01
            text = "Nominated her"
            "#,
        );
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
        for name in ["ada-lovelace", "ada-lovelace.full", "journal"] {
            fs::write(env.path(&format!(".cache/{name}")), garbage).unwrap();
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
    // The same journal but for Ada's status, made as old as this one.
    let other = journal();
    let file = "relationships/ada-lovelace/relationship.toml";
    other.write(
        file,
        &other
            .read(file)
            .replace("status = \"active\"", "status = \"paused\""),
    );
    reports(&env);
    std::thread::sleep(Duration::from_millis(3100));
    // Read once more: the entries are now old enough to vouch for them.
    let settled = reports(&env);
    // Trusted, a file is not read. A warm overview opens `journal.toml`
    // and one file of the cache (`.cache/journal`), and lists no check-in
    // folder, where reading the journal afresh opens each relationship's
    // file and its newest check-in, and lists each one's check-ins.
    let without = journal();
    fs::write(without.path(".cache"), "not a folder: no cache").unwrap();
    let (opened, listed) = without.io(&["status", "--all"]);
    assert_eq!(listed, 3, "relationships/ and each one's checkins/");
    assert_eq!(
        opened, 4,
        "journal.toml, each relationship.toml, Ada's newest check-in"
    );
    assert_eq!(env.io(&["status", "--all"]), (2, 1));
    same_with_and_without_cache(&env);
    assert_eq!(reports(&env), settled);
    // Another journal's cache, made from files just like these (but for
    // one word), is not this one's.
    reports(&other);
    assert!(other.ok(&["status", "--all"]).contains("paused"));
    reports(&env);
    fs::copy(other.path(".cache/journal"), env.path(".cache/journal")).unwrap();
    assert_eq!(reports(&env), settled);

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

    // The newest check-in changed by hand, which its folder does not tell:
    // read afresh, as the meeting it now plans shows.
    let newest = "relationships/ada-lovelace/checkins/2026-11-20-1.toml";
    let planned = |env: &TestEnv| {
        let json: serde_json::Value =
            serde_json::from_str(&env.ok(&["status", "--all", "--json"])).unwrap();
        json["relationships"][0]["planned"].clone()
    };
    assert_eq!(planned(&env), serde_json::Value::Null);
    env.write(
        newest,
        &env.read(newest)
            .replace("rating = 4", "rating = 4\nnext = 2026-12-02"),
    );
    assert_eq!(planned(&env), "2026-12-02");
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
