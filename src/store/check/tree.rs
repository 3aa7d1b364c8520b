//! The journal as a tree of folders and files: links rel will not follow,
//! leftovers of interrupted writes, names rel ignores, and permissions
//! that let other users in.

use std::fs::{self, FileType, Metadata};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::problem::Problem;
use crate::store::file::{DIR_MODE, FILE_MODE, is_temp_name};

/// One entry of a folder, as the folder lists it (links not followed).
pub struct Entry {
    /// `None` when the name is not UTF-8.
    pub name: Option<String>,
    pub path: PathBuf,
    pub kind: FileType,
}

impl Entry {
    /// rel's own scratch files and the user's dot files (`.git`, …).
    pub fn is_hidden(&self) -> bool {
        self.name.as_deref().is_some_and(|n| n.starts_with('.'))
    }
}

/// The entries of a folder, in no particular order (problems are sorted
/// once, at the end).
pub fn entries(dir: &Path) -> Result<Vec<Entry>, Problem> {
    let cannot =
        |e: &io::Error| Problem::error(dir, format!("cannot read: {}", crate::error::io_reason(e)));
    let mut entries = Vec::new();
    for entry in crate::store::file::list_dir(dir).map_err(|e| cannot(&e))? {
        let entry = entry.map_err(|e| cannot(&e))?;
        let kind = entry.file_type().map_err(|e| cannot(&e))?;
        entries.push(Entry {
            name: entry.file_name().to_str().map(str::to_string),
            path: entry.path(),
            kind,
        });
    }
    Ok(entries)
}

/// What is wrong with an entry whatever folder it is in: a link, a
/// leftover temporary file, a name that is not UTF-8.
pub fn common(entry: &Entry) -> Option<Problem> {
    if entry.kind.is_symlink() {
        return Some(Problem::error(
            &entry.path,
            "is a symbolic link; rel does not follow links inside the journal",
        ));
    }
    match entry.name.as_deref() {
        None => Some(Problem::warning(
            &entry.path,
            "has a name that is not UTF-8; rel ignores it",
        )),
        Some(name) if is_temp_name(name) => Some(Problem::warning(
            &entry.path,
            "is a temporary file left by an interrupted write; it is safe to delete",
        )),
        Some(_) => None,
    }
}

/// Files and folders whose permissions let other users in. Few are
/// listed one by one; many become a single line with one fix.
#[derive(Default)]
pub struct Modes {
    open: Vec<(PathBuf, u32, bool)>,
}

/// More than this many open entries are reported as one.
const LISTED: usize = 8;

impl Modes {
    /// Notes `path` if its mode gives group or others any access.
    pub fn note(&mut self, path: &Path, meta: &Metadata) {
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o077 != 0 {
            self.open.push((path.to_path_buf(), mode, meta.is_dir()));
        }
    }

    /// Reads the mode of `path` (not following links) and notes it.
    pub fn check(&mut self, path: &Path) {
        if let Ok(meta) = fs::symlink_metadata(path) {
            self.note(path, &meta);
        }
    }

    pub fn extend(&mut self, other: Modes) {
        self.open.extend(other.open);
    }

    pub fn problems(self, root: &Path) -> Vec<Problem> {
        if self.open.len() > LISTED {
            let (path, mode, _) = &self.open[0];
            return vec![Problem::warning(
                root,
                format!(
                    "{} files and folders let other users in (like {}, mode {mode:04o}); rel keeps folders at 0700 and files at 0600: chmod -R go-rwx {}",
                    self.open.len(),
                    path.display(),
                    shell_quote(root)
                ),
            )];
        }
        self.open
            .into_iter()
            .map(|(path, mode, dir)| {
                let (want, noun, verb) = if dir {
                    (DIR_MODE, "folders", "list")
                } else {
                    (FILE_MODE, "files", "read")
                };
                let what = if mode & 0o044 != 0 {
                    format!("lets other users {verb} it")
                } else {
                    "lets other users change it".to_string()
                };
                let message = format!(
                    "mode {mode:04o} {what} (rel keeps {noun} at {want:04o}): chmod {want:o} {}",
                    shell_quote(&path)
                );
                Problem::warning(&path, message)
            })
            .collect()
    }
}

/// A path as a shell reads it: bare when safe, else in single quotes, or
/// (when it holds a control character, which must not reach the terminal
/// raw) in `$'…'` with that character as a `\xHH` or `\uHHHH` escape,
/// which bash and zsh read back as the same name.
pub fn shell_quote(path: &Path) -> String {
    let text = path.to_string_lossy();
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+:@%,".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text.into_owned()
    } else if text.chars().any(crate::text::is_unsafe) {
        let mut quoted = String::from("$'");
        for c in text.chars() {
            match c {
                '\'' | '\\' => {
                    quoted.push('\\');
                    quoted.push(c);
                }
                c if crate::text::is_unsafe(c) && u32::from(c) < 0x80 => {
                    quoted.push_str(&format!("\\x{:02x}", u32::from(c)));
                }
                c if crate::text::is_unsafe(c) => {
                    quoted.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => quoted.push(c),
            }
        }
        quoted.push('\'');
        quoted
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_only_when_needed() {
        assert_eq!(shell_quote(Path::new("/home/ada/rel")), "/home/ada/rel");
        assert_eq!(shell_quote(Path::new("/my journal")), "'/my journal'");
        assert_eq!(shell_quote(Path::new("/it's")), r"'/it'\''s'");
        assert_eq!(
            shell_quote(Path::new("/x\u{1b}]52;c;\u{7}'s \u{202e}")),
            r"$'/x\x1b]52;c;\x07\'s \u202e'"
        );
    }
}
