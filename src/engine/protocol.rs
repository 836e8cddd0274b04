//! The messages between the page and the engine (in its worker, or on the
//! page where no worker runs: `engine::host`). Each message is
//! an array: a small JSON header (these types), then body strings — the
//! story file the page sends, the export or the view-model's parts the
//! engine sends back — so that a large body is never escaped inside
//! another JSON string.

use serde::{Deserialize, Serialize};

/// What the page asks; the body is the story file (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    /// Build the view-model of the story (`slug` names it in the view).
    Build { job: u32, slug: String },
    /// Every claim of the story as W3C Web Annotations.
    Annotations { job: u32, slug: String },
    /// Stop `job` (no body, no answer). The worker is terminated instead;
    /// the engine on the page stops at its next slice.
    Cancel { job: u32 },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// `done` of `total` articles analysed; `aligning` once all are.
    Progress {
        job: u32,
        done: usize,
        total: usize,
        aligning: bool,
    },
    /// The rest of the message is a run of the view-model's parts
    /// (`compare::parts`), in order. A big view-model comes in several such
    /// messages, so that the page takes each in a task of its own (it copies
    /// what a message holds in one go), then `Built`.
    Parts { job: u32 },
    /// The rest of the message is the view-model's last parts, after those
    /// of the job's `Parts` messages; `memory`: the engine's wasm memory
    /// then, in bytes (it only grows: its peak).
    Built { job: u32, memory: u64 },
    /// The body is the Web Annotation collection (JSON-LD).
    Annotations { job: u32 },
    /// The request could not be carried out; nothing was built.
    Failed { job: u32, message: String },
}

impl Request {
    pub fn job(&self) -> u32 {
        match self {
            Request::Build { job, .. }
            | Request::Annotations { job, .. }
            | Request::Cancel { job } => *job,
        }
    }
}

impl Reply {
    pub fn job(&self) -> u32 {
        match self {
            Reply::Progress { job, .. }
            | Reply::Parts { job }
            | Reply::Built { job, .. }
            | Reply::Annotations { job }
            | Reply::Failed { job, .. } => *job,
        }
    }
}

/// A header read back, or why not (a message from elsewhere, or garbage).
pub fn read_header<T: for<'de> Deserialize<'de>>(header: &str) -> Result<T, String> {
    serde_json::from_str(header).map_err(|e| format!("unreadable engine message: {e}"))
}

/// A header as JSON.
pub fn write_header<T: Serialize>(header: &T) -> String {
    // Serialising these plain enums cannot fail.
    serde_json::to_string(header).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_round_trip_with_readable_tags() {
        let request = Request::Build {
            job: 7,
            slug: "s1".into(),
        };
        let json = write_header(&request);
        assert_eq!(json, r#"{"build":{"job":7,"slug":"s1"}}"#);
        assert_eq!(read_header::<Request>(&json), Ok(request));
        let cancel = Request::Cancel { job: 7 };
        assert_eq!(write_header(&cancel), r#"{"cancel":{"job":7}}"#);
        assert_eq!(read_header::<Request>(&write_header(&cancel)), Ok(cancel));
        let reply = Reply::Progress {
            job: 7,
            done: 3,
            total: 10,
            aligning: false,
        };
        assert_eq!(read_header::<Reply>(&write_header(&reply)), Ok(reply));
        assert_eq!(
            write_header(&Reply::Parts { job: 7 }),
            r#"{"parts":{"job":7}}"#
        );
        assert_eq!(
            Reply::Failed {
                job: 2,
                message: "x".into()
            }
            .job(),
            2
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "{",
            "[]",
            r#"{"explode":{}}"#,
            r#"{"build":{}}"#,
            r#"{"kind":"build","job":7,"slug":"s1"}"#,
        ] {
            assert!(read_header::<Request>(text).is_err(), "{text}");
        }
    }
}
