//! The README's tour, run as written: its commands, taken from README.md,
//! in a fresh folder holding what a clone holds of the sample journal.

use std::path::Path;

use crate::env::TestEnv;

/// The shell blocks of the README's "A tour" section, in order.
fn tour() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("\n## A tour\n").expect("the README has a tour");
    let section = &readme[start + 1..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |at| at + 3)];
    let mut blocks = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("```sh\n") {
        let body = &rest[open + 6..];
        let close = body.find("```").expect("a closed code block");
        blocks.push(body[..close].to_string());
        rest = &body[close + 3..];
    }
    blocks
}

#[test]
fn the_readme_tour_runs_as_written() {
    let blocks = tour();
    assert!(blocks.len() >= 3, "{blocks:?}");
    // The tour starts by installing rel: here, the rel under test is put
    // on PATH instead.
    let script = blocks.concat();
    let (install, rest) = script.split_once('\n').unwrap();
    assert_eq!(install.trim(), "cargo install --locked --path .");
    assert!(
        !rest.contains("cargo "),
        "only the first line builds: {rest}"
    );

    let env = TestEnv::new();
    let clone = env.tmp().join("clone");
    crate::fixtures::copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/journal"),
        &clone.join("examples/journal"),
    );
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_rel")).parent().unwrap();
    let mut cmd = assert_cmd::Command::new("bash");
    cmd.arg("-c")
        .arg(format!("set -euo pipefail\n{rest}"))
        .env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin_dir.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("HOME", env.tmp().join("home"))
        .env("XDG_CONFIG_HOME", env.tmp().join("config"))
        .env("XDG_DATA_HOME", env.tmp().join("data"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("LANG", "C.UTF-8")
        .current_dir(&clone);
    let run = env.run_with(&mut cmd);
    assert_eq!(run.code, 0, "the tour stopped:\n{}", run.transcript());
    assert!(!run.stderr.contains("error:"), "{}", run.stderr);

    // It worked on its copy, and did what it says.
    let tour = clone.join("tour/relationships");
    let checkins: Vec<String> = std::fs::read_dir(tour.join("rosalind-franklin/checkins"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        checkins.len() == 1 && checkins[0].starts_with("2026-11-26-1-"),
        "{checkins:?}"
    );
    let linus = std::fs::read_to_string(tour.join("linus/relationship.toml")).unwrap();
    assert!(
        linus.contains("status = \"ended\"") && linus.contains("kind = \"mentoring\""),
        "{linus}"
    );
    assert!(
        run.stdout.contains("rosalind-franklin Rosalind Franklin"),
        "{}",
        run.stdout
    );
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/journal/relationships/rosalind-franklin")
            .exists(),
        "the sample journal itself is left alone"
    );
}
