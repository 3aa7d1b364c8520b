//! The house's layers: `main → cli → commands → {report, export} → store →
//! model → {text, error}`. Each top-level module of `src/` may name only
//! the modules listed for it below; this reads every `crate::…` path in
//! the source (tests included) and fails on any other, so an import that
//! points up, or a circle, cannot come back unnoticed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each module, and the modules it may name. A module may always name
/// itself. Keep this in the order of the layers, bottom first.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("error", &["text"]),
    ("problem", &["text"]),
    ("par", &[]),
    ("pager", &["text"]),
    ("model", &["text", "error", "problem"]),
    ("store", &["model", "text", "error", "problem", "par"]),
    ("config", &["store", "model", "text", "error"]),
    ("prompt", &["text", "error"]),
    ("report", &["model", "text", "error", "problem"]),
    (
        "export",
        &[
            "report", "store", "model", "text", "error", "problem", "par",
        ],
    ),
    (
        "context",
        &[
            "config", "prompt", "pager", "report", "store", "model", "text", "error", "problem",
        ],
    ),
    (
        "commands",
        &[
            "context", "config", "prompt", "report", "export", "store", "model", "text", "error",
            "problem", "par",
        ],
    ),
    ("cli", &["commands", "context", "text"]),
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`lib` and `main` are the
/// roof, which may name anything).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Every module named by a `crate::name` path in `text`.
fn named(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    // `use crate::{a, b}`
    for (at, _) in text.match_indices("crate::{") {
        let rest = &text[at + "crate::{".len()..];
        let inside = &rest[..rest.find('}').unwrap_or(rest.len())];
        for part in inside.split(',') {
            let name: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_import_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(may) = allowed.get(module.as_str()) else {
            wrong.push(format!(
                "{}: module `{module}` has no place in LAYERS (tests/cli/layers.rs)",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for name in named(&text) {
            if name != module && !may.contains(&name.as_str()) {
                wrong.push(format!(
                    "{}: `{module}` names `crate::{name}`",
                    file.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layers_have_no_circle() {
    // Each module's allowed names must come before it in LAYERS: then no
    // set of imports the first test allows can form a circle.
    for (at, (module, may)) in LAYERS.iter().enumerate() {
        for name in *may {
            let below = LAYERS[..at].iter().any(|(m, _)| m == name);
            assert!(below, "`{module}` may name `{name}`, which is not below it");
        }
    }
}
