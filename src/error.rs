//! The one error type: what went wrong, a hint, and the exit code it earns.

use std::fmt;
use std::io;
use std::path::Path;

/// What kind of failure this is, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A bad flag, an unknown handle, an invalid value: exit 1.
    User,
    /// A file that does not parse, a newer format, a write that failed: exit 2.
    Journal,
    /// Whoever read our output went away: exit quietly.
    BrokenPipe,
}

/// An error as the person will read it: one or more `error:` lines and a
/// hint.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    lines: Vec<String>,
    hint: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn user(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::User,
            lines: vec![message.into()],
            hint: None,
        }
    }

    pub fn journal(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Journal,
            lines: vec![message.into()],
            hint: None,
        }
    }

    /// Several journal problems reported together (each its own line).
    pub fn journal_lines(lines: Vec<String>) -> Error {
        Error {
            kind: ErrorKind::Journal,
            lines,
            hint: None,
        }
    }

    /// An I/O failure on `path`, in plain words.
    pub fn io(action: &str, path: &Path, err: &io::Error) -> Error {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return Error::broken_pipe();
        }
        Error::journal(format!(
            "cannot {action} {}: {}",
            path.display(),
            io_reason(err)
        ))
    }

    pub fn broken_pipe() -> Error {
        Error {
            kind: ErrorKind::BrokenPipe,
            lines: Vec::new(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The process exit code this error earns.
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::User => 1,
            ErrorKind::Journal => 2,
            ErrorKind::BrokenPipe => 0,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines.join("; "))
    }
}

impl std::error::Error for Error {}

/// An I/O error's cause without the `(os error N)` noise.
pub fn io_reason(err: &io::Error) -> String {
    use io::ErrorKind as K;
    match err.kind() {
        K::PermissionDenied => "permission denied".into(),
        K::NotFound => "no such file or folder".into(),
        K::AlreadyExists => "it already exists".into(),
        K::StorageFull => "no space left on the device".into(),
        K::FileTooLarge => "file too large (is a file size limit set?)".into(),
        K::ReadOnlyFilesystem => "the file system is read-only".into(),
        K::NotADirectory => "a part of the path is not a folder".into(),
        K::IsADirectory => "it is a folder".into(),
        K::QuotaExceeded => "disk quota exceeded".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_lowercase(),
                None => text,
            }
        }
    }
}
