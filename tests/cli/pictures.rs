//! The pictures: a relationship's last 26 weeks and its waypoints planned
//! against actual in `status HANDLE`, and in `rel report` each
//! relationship's meetings against its cadence and the journal's year of
//! meetings — at three widths, plain under NO_COLOR and the same text with
//! colour added under `--color always`.

use std::path::Path;

use crate::env::TestEnv;
use crate::fixtures::sample_journal;

fn at(env: &TestEnv, width: usize, args: &[&str]) -> String {
    let run = env.run_with(env.cmd().env("COLUMNS", width.to_string()).args(args));
    assert_eq!(run.code, 0, "{}", run.transcript());
    run.stdout
}

/// The text without its colour codes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('m').map_or(after.len(), |m| m + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The lines from the one that starts with `from` to the next blank one.
fn section(text: &str, from: &str) -> String {
    let start = text
        .find(&format!("\n{from}"))
        .unwrap_or_else(|| panic!("no {from:?} in\n{text}"));
    let body = &text[start + 1..];
    let end = body.find("\n\n").map_or(body.len(), |e| e + 1);
    body[..end].to_string()
}

fn fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= width,
            "wider than {width}: {line:?}"
        );
    }
}

#[test]
fn twenty_six_weeks_of_meetings_with_their_ratings() {
    let env = sample_journal();
    for width in [60, 100, 200] {
        let text = at(&env, width, &["show", "grace-hopper"]);
        let strip = section(&text, "Last 26 weeks");
        fits(&strip, width);
        insta::assert_snapshot!(format!("strip_grace-hopper_{width}"), strip);
        let coloured = at(&env, width, &["--color", "always", "show", "grace-hopper"]);
        let coloured = section(&coloured, "\u{1b}[1mLast 26 weeks");
        assert!(coloured.contains("\u{1b}[3"), "no colour at {width}");
        assert_eq!(plain(&coloured), strip, "colour only adds, at {width}");
    }
    // A pause rests the strip; a new relationship's begins with it.
    insta::assert_snapshot!(
        "strip_hedy-lamarr_100",
        section(&at(&env, 100, &["show", "hedy-lamarr"]), "Last 26 weeks")
    );
    insta::assert_snapshot!(
        "strip_linus_100",
        section(&at(&env, 100, &["show", "linus"]), "Last 26 weeks")
    );
}

#[test]
fn waypoints_planned_against_actual() {
    let env = sample_journal();
    for width in [60, 100, 200] {
        let text = at(&env, width, &["show", "grace-hopper"]);
        let chart = section(&text, "Waypoints, planned against actual");
        fits(&chart, width);
        // The text list of waypoints stays above it.
        let list = section(&text, "Waypoints\n");
        assert!(list.contains("w5  Own the cross-team"), "{list}");
        // w5 slipped: where it was first due, today, the slip, its due date.
        let w5 = chart.lines().find(|l| l.starts_with("  w5")).unwrap();
        let col = |glyph: char| {
            w5.find(glyph)
                .unwrap_or_else(|| panic!("{glyph} in {w5:?}"))
        };
        assert!(
            col('◇') < col('▸') && col('▸') < col('╌') && col('╌') < col('◆'),
            "{w5}"
        );
        insta::assert_snapshot!(format!("waypoints_grace-hopper_{width}"), chart);
        if width == 100 {
            let readme =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
                    .unwrap();
            assert!(
                readme.contains(&format!("```\n{chart}```")),
                "the README's chart is the real one:\n{chart}"
            );
        }
        let coloured = at(&env, width, &["--color", "always", "show", "grace-hopper"]);
        let coloured = section(&coloured, "\u{1b}[1mWaypoints, planned against actual");
        assert!(coloured.contains("\u{1b}[33m◇"), "a yellow slip at {width}");
        assert_eq!(plain(&coloured), chart, "colour only adds, at {width}");
    }
    // Without waypoints, no chart.
    let text = at(&env, 100, &["show", "ada-lovelace"]);
    assert!(!text.contains("planned against actual"), "{text}");
}

#[test]
fn the_report_draws_each_cadence_and_the_year() {
    let env = sample_journal();
    for width in [60, 100, 200] {
        let text = at(&env, width, &["report"]);
        fits(&text, width);
        let bars: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("Check-ins    ▓") || l.contains("Check-ins    ░"))
            .collect();
        assert!(bars.len() >= 6, "{bars:?}");
        let year = section(&text, "Meetings in the 52 weeks");
        insta::assert_snapshot!(format!("year_{width}"), year);
        let coloured = at(&env, width, &["--color", "always", "report"]);
        assert!(coloured.contains("\u{1b}[32m▓▓▓"), "a green bar at {width}");
        assert_eq!(plain(&coloured), text, "colour only adds, at {width}");
    }
    let text = at(&env, 100, &["report"]);
    let bars: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("  Check-ins"))
        .map(str::to_string)
        .collect();
    insta::assert_snapshot!("report_bars_100", bars.join("\n"));
}
