//! How much a command reads as the journal grows: counted, not timed
//! (`REL_TEST_IO` makes rel say how many files it opened and folders it
//! listed), so that the answer does not depend on the machine.

use chrono::{Days, NaiveDate};

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// `relationships` relationships with `checkins` check-ins each, the
/// check-ins written as files the way rel writes them.
fn journal(relationships: usize, checkins: u64) -> TestEnv {
    let env = TestEnv::new();
    let start = NaiveDate::from_ymd_opt(2020, 1, 6).unwrap();
    let journal = Journal::new(&env);
    for n in 0..relationships {
        journal.relationship(
            &format!("person-{n}"),
            &format!(
                r#"
                person = "Person {n}"
                kind = "mentoring"
                role = "mentor"
                status = "active"
                started = 2020-01-06
                cadence = "weekly"
                purpose = "Grow"

                # The highest id handed out so far: rel never reuses an id, so never lower these.
                [last_id]
                goal = 1

                [[goal]]
                id = "g1"
                text = "Run a design review"
                added = 2020-01-06
                "#
            ),
        );
        for k in 0..checkins {
            let date = start + Days::new(k * 2);
            env.write(
                &format!("relationships/person-{n}/checkins/{date}-1.toml"),
                &format!(
                    "date = {date}\nrating = 4\nnotes = \"\"\"\nMeeting {k}.\nWe talked.\"\"\"\n"
                ),
            );
        }
    }
    env
}

/// The counts of a command against a short history and a ten times
/// longer one: the first run (nothing cached yet) and the next.
fn both(args: &[&str]) -> [[(usize, usize); 2]; 2] {
    // Each journal read as soon as it is made: the cache treats files of
    // the last few seconds with more care, and both must be as new.
    [20, 200].map(|checkins| {
        let env = journal(3, checkins);
        [env.io(args), env.io(args)]
    })
}

#[test]
fn status_reads_as_much_whatever_the_history() {
    let [short, long] = both(&["status"]);
    assert_eq!(short, long);
    let [short, long] = both(&["status", "--json"]);
    assert_eq!(short, long);
}

#[test]
fn one_relationship_reads_as_much_whatever_the_history() {
    for args in [
        &["status", "person-1"][..],
        &["prep", "person-1"],
        &["log", "person-1", "-n", "3"],
    ] {
        let [short, long] = both(args);
        assert_eq!(short, long, "{args:?}");
    }
}

#[test]
fn status_reads_each_relationship_once() {
    // Per relationship: its brief in the cache and, while the brief cannot
    // vouch for files this new, its other cache entry and its file; its
    // newest check-in; and its folder of check-ins at most once.
    let [small, large] = [2, 6].map(|relationships| {
        let env = journal(relationships, 10);
        [env.io(&["status"]), env.io(&["status"])]
    });
    for ((opened_small, listed_small), (opened_large, listed_large)) in small.into_iter().zip(large)
    {
        assert!(
            opened_large - opened_small <= 4 * 4,
            "four files a relationship"
        );
        assert!(
            listed_large - listed_small <= 4,
            "one folder a relationship"
        );
    }
}

#[test]
fn a_checkin_reads_as_much_in_a_large_journal_as_in_a_small_one() {
    let args = [
        "checkin",
        "person-0",
        "-m",
        "Talked it through",
        "--rating",
        "4",
        "--action",
        "Read the guide",
    ];
    let counts = [(1, 5), (12, 100)].map(|(relationships, checkins)| {
        let env = journal(relationships, checkins);
        env.ok(&["status"]);
        env.io(&args)
    });
    assert_eq!(counts[0], counts[1]);
    // The journal's folder of relationships (a crash may have left one
    // moved aside) and, to number the new check-in, its own folder.
    assert!(counts[0].1 <= 2, "{counts:?}");
}
