//! Why a prerender failed, naming the file.

use std::fmt;
use std::path::{Path, PathBuf};

use super::ShellError;

#[derive(Debug)]
pub enum PrerenderError {
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    Manifest {
        path: PathBuf,
        source: serde_json::Error,
    },
    Shell {
        path: PathBuf,
        source: ShellError,
    },
}

impl PrerenderError {
    pub(super) fn io(path: &Path, action: &'static str, source: std::io::Error) -> Self {
        PrerenderError::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrerenderError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: {action}: {source}", path.display()),
            PrerenderError::Manifest { path, source } => {
                write!(f, "{}: not a Folio manifest: {source}", path.display())
            }
            PrerenderError::Shell { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for PrerenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PrerenderError::Io { source, .. } => Some(source),
            PrerenderError::Manifest { source, .. } => Some(source),
            PrerenderError::Shell { source, .. } => Some(source),
        }
    }
}
