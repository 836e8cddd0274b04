//! The story file: a story's articles as versioned JSON (`"format":
//! "parallax-story"`, `"version": 1`), each article's text byte for byte.
//! Reading checks the format and version and explains every problem; it
//! renames duplicate ids and drops unusable dates and URLs with a note
//! rather than failing.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::corpus::{Article, Story};
use crate::import::decode::{MAX_ARTICLE_FILE_BYTES, MAX_STORY_FILE_BYTES};
use crate::import::parse_iso_datetime;
use crate::model::HashMap;

/// The `format` every story file carries.
pub const FORMAT: &str = "parallax-story";
/// The newest version this Parallax reads and the one it writes.
pub const VERSION: u32 = 1;

/// A story as saved to and read from a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryFile {
    /// Always [`FORMAT`].
    pub format: String,
    pub version: u32,
    pub title: String,
    /// When the story was made and last changed (ISO 8601), if the app says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub articles: Vec<StoryFileArticle>,
    /// What reading the file changed (renamed ids, dropped dates); never written.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// One article of a story file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryFileArticle {
    /// Unique within the story; used in links.
    pub id: String,
    pub outlet: String,
    /// Why the outlet label is what it is (never invented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_note: Option<String>,
    /// An http(s) URL.
    #[serde(default)]
    pub url: Option<String>,
    /// ISO date or date-time: `2014-12-18`, `2014-12-18T09:27`.
    #[serde(default)]
    pub published: Option<String>,
    /// The raw article text, byte for byte.
    pub text: String,
}

/// Why a file could not be read as a story, in words for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all; where the parser gave up.
    NotJson {
        line: usize,
        column: usize,
        looks_like_html: bool,
    },
    /// JSON that ends too early (a cut-off download or copy).
    Truncated,
    /// JSON, but no `"format": "parallax-story"`; what it says instead, if anything.
    NotAStory {
        found: Option<String>,
    },
    NewerVersion {
        version: u64,
    },
    /// A required field is missing (`article` counts from 1).
    MissingField {
        article: Option<usize>,
        field: &'static str,
    },
    /// A field has the wrong type or value.
    Invalid {
        article: Option<usize>,
        detail: String,
    },
    NoArticles,
    TextTooLarge {
        article: usize,
        bytes: usize,
    },
}

impl ImportError {
    pub fn message(&self) -> String {
        let where_ = |article: &Option<usize>| match article {
            Some(n) => format!("Article {n} of the story file"),
            None => "The story file".to_string(),
        };
        match self {
            ImportError::Empty => "The file is empty.".to_string(),
            ImportError::TooLarge { bytes } => format!(
                "The file is {}; Parallax reads story files up to {} MB.",
                megabytes(*bytes),
                MAX_STORY_FILE_BYTES / (1024 * 1024)
            ),
            ImportError::NotJson {
                looks_like_html: true,
                ..
            } => "This is an HTML page, not a Parallax story file; add it as an article instead."
                .to_string(),
            ImportError::NotJson { line, column, .. } => format!(
                "This is not a Parallax story file: it is not valid JSON (line {line}, column {column})."
            ),
            ImportError::Truncated => {
                "The story file is cut off before its end (an interrupted download or copy?)."
                    .to_string()
            }
            ImportError::NotAStory { found: Some(found) } => format!(
                "This JSON file is not a Parallax story: its format is '{found}', not '{FORMAT}'."
            ),
            ImportError::NotAStory { found: None } => format!(
                "This JSON file is not a Parallax story (it has no \"format\": \"{FORMAT}\")."
            ),
            ImportError::NewerVersion { version } => format!(
                "This story file was made by a newer Parallax (version {version}); this one reads versions up to {VERSION}."
            ),
            ImportError::MissingField { article, field } => {
                format!("{} has no `{field}`.", where_(article))
            }
            ImportError::Invalid { article, detail } => {
                format!("{}: {detail}.", where_(article))
            }
            ImportError::NoArticles => "The story file has no articles.".to_string(),
            ImportError::TextTooLarge { article, bytes } => format!(
                "Article {article} of the story file is {} of text; Parallax reads up to {} MB per article.",
                megabytes(*bytes),
                MAX_ARTICLE_FILE_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

impl StoryFile {
    /// A new story file of the current format and version.
    pub fn new(title: impl Into<String>, articles: Vec<StoryFileArticle>) -> StoryFile {
        StoryFile {
            format: FORMAT.to_string(),
            version: VERSION,
            title: title.into(),
            created: None,
            updated: None,
            articles,
            notes: Vec::new(),
        }
    }

    /// The story the app shows; each article's file name is its id + `.txt`.
    /// A given publication date is used only where the text has no date line.
    pub fn into_story(self, slug: impl Into<String>) -> Story {
        let title = if self.title.trim().is_empty() {
            "Untitled story".to_string()
        } else {
            self.title
        };
        Story {
            slug: slug.into(),
            title,
            articles: self
                .articles
                .into_iter()
                .map(|a| Article {
                    file: format!("{}.txt", a.id),
                    id: a.id,
                    outlet: if a.outlet.trim().is_empty() {
                        "Unnamed outlet".to_string()
                    } else {
                        a.outlet
                    },
                    outlet_note: a.outlet_note,
                    url: a.url,
                    published: a.published.as_deref().and_then(parse_iso_datetime),
                    raw: Cow::Owned(a.text),
                })
                .collect(),
        }
    }

    /// A story file of `story`.
    pub fn from_story(story: &Story) -> StoryFile {
        StoryFile::new(
            story.title.clone(),
            story
                .articles
                .iter()
                .map(|a| StoryFileArticle {
                    id: a.id.clone(),
                    outlet: a.outlet.clone(),
                    outlet_note: a.outlet_note.clone(),
                    url: a.url.clone(),
                    published: a.published.map(|d| d.iso()),
                    text: a.raw.to_string(),
                })
                .collect(),
        )
    }
}

/// The id of the element that holds the story of a one-file offline copy.
pub const EMBEDDED_ID: &str = "parallax-story";

/// The one-file copy `html` with `story` embedded before `</body>` as inert
/// JSON (`<script type="application/json">`, never run), escaped so that no
/// text in it can end the element: `</` becomes `<\/` and `<!--` becomes
/// `\u003c!--`, both the same JSON. `None` if `html` has no `</body>`.
pub fn embed_in_html(html: &str, story: &StoryFile) -> Option<String> {
    let json = to_json(story)
        .replace("</", "<\\/")
        .replace("<!--", "\\u003c!--");
    let at = html.rfind("</body>")?;
    Some(format!(
        "{}<script type=\"application/json\" id=\"{EMBEDDED_ID}\">{json}</script>\n{}",
        &html[..at],
        &html[at..]
    ))
}

/// The story file as pretty-printed JSON.
pub fn to_json(story: &StoryFile) -> String {
    serde_json::to_string_pretty(story).unwrap_or_default()
}

/// Reads a story file, explaining what is wrong when it cannot.
pub fn parse_story_file(json: &str) -> Result<StoryFile, ImportError> {
    if json.len() > MAX_STORY_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let trimmed = json.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(trimmed).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            looks_like_html: trimmed.starts_with('<'),
        },
    })?;
    let Value::Object(mut map) = value else {
        return Err(ImportError::NotAStory { found: None });
    };
    match map.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(other)) => {
            return Err(ImportError::NotAStory {
                found: Some(other.chars().take(60).collect()),
            });
        }
        _ => return Err(ImportError::NotAStory { found: None }),
    }
    let version = match map.get("version") {
        None => {
            return Err(ImportError::MissingField {
                article: None,
                field: "version",
            });
        }
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(VERSION) => {
                return Err(ImportError::NewerVersion { version: n });
            }
            Some(n) if n >= 1 => n,
            _ => {
                return Err(ImportError::Invalid {
                    article: None,
                    detail: format!("`version` is {v}, not a version number"),
                });
            }
        },
    };
    let title = required_string(&mut map, "title", None)?;
    let created = optional_string(&mut map, "created", None)?;
    let updated = optional_string(&mut map, "updated", None)?;
    let articles = match map.remove("articles") {
        None => {
            return Err(ImportError::MissingField {
                article: None,
                field: "articles",
            });
        }
        Some(Value::Array(articles)) => articles,
        Some(_) => {
            return Err(ImportError::Invalid {
                article: None,
                detail: "`articles` is not a list".to_string(),
            });
        }
    };
    if articles.is_empty() {
        return Err(ImportError::NoArticles);
    }
    let mut notes = Vec::new();
    let mut read = Vec::with_capacity(articles.len());
    for (index, value) in articles.into_iter().enumerate() {
        read.push(article(index + 1, value, &mut notes)?);
    }
    unique_ids(&mut read, &mut notes);
    Ok(StoryFile {
        format: FORMAT.to_string(),
        version: u32::try_from(version).unwrap_or(VERSION),
        title,
        created,
        updated,
        articles: read,
        notes,
    })
}

fn article(
    number: usize,
    value: Value,
    notes: &mut Vec<String>,
) -> Result<StoryFileArticle, ImportError> {
    let Value::Object(mut map) = value else {
        return Err(ImportError::Invalid {
            article: Some(number),
            detail: "it is not an object".to_string(),
        });
    };
    let at = Some(number);
    let text = required_string(&mut map, "text", at)?;
    if text.len() > MAX_ARTICLE_FILE_BYTES {
        return Err(ImportError::TextTooLarge {
            article: number,
            bytes: text.len(),
        });
    }
    let mut article = StoryFileArticle {
        id: required_string(&mut map, "id", at)?,
        outlet: required_string(&mut map, "outlet", at)?,
        outlet_note: optional_string(&mut map, "outlet_note", at)?,
        url: optional_string(&mut map, "url", at)?,
        published: optional_string(&mut map, "published", at)?,
        text,
    };
    if let Some(url) = article.url.take() {
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            article.url = Some(url);
        } else {
            notes.push(format!(
                "Article {number}: the URL '{}' is not a web address; it was left out.",
                shorten(&url)
            ));
        }
    }
    if let Some(date) = article.published.take() {
        if parse_iso_datetime(&date).is_some() {
            article.published = Some(date);
        } else {
            notes.push(format!(
                "Article {number}: the date '{}' is not an ISO date such as 2014-12-18; it was left out.",
                shorten(&date)
            ));
        }
    }
    Ok(article)
}

/// A byte count as the size messages write it ("2.1 MB").
fn megabytes(bytes: usize) -> String {
    crate::import::decode::megabytes(u64::try_from(bytes).unwrap_or(u64::MAX))
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        short + "…"
    } else {
        short
    }
}

fn required_string(
    map: &mut Map<String, Value>,
    field: &'static str,
    article: Option<usize>,
) -> Result<String, ImportError> {
    optional_string(map, field, article)?.ok_or(ImportError::MissingField { article, field })
}

fn optional_string(
    map: &mut Map<String, Value>,
    field: &'static str,
    article: Option<usize>,
) -> Result<Option<String>, ImportError> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(ImportError::Invalid {
            article,
            detail: format!("`{field}` is {}, not text", kind(&other)),
        }),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Gives empty ids a generated one and duplicates a numbered suffix
/// (`a`, `a-2`, `a-3`), with a note each. Linear: each base id remembers
/// the next suffix to try.
fn unique_ids(articles: &mut [StoryFileArticle], notes: &mut Vec<String>) {
    let mut taken: HashSet<String> = articles
        .iter()
        .filter(|a| !a.id.trim().is_empty())
        .map(|a| a.id.clone())
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::default();
    for (index, article) in articles.iter_mut().enumerate() {
        let number = index + 1;
        let empty = article.id.trim().is_empty();
        if !empty && seen.insert(article.id.clone()) {
            continue;
        }
        let base = if empty {
            "a".to_string()
        } else {
            article.id.clone()
        };
        // Generated ids ("a1") and suffixed ones ("a-2") count apart.
        let key = if empty { String::new() } else { base.clone() };
        let suffix = next_suffix.entry(key).or_insert(if empty { 1 } else { 2 });
        let renamed = loop {
            let candidate = if empty {
                format!("{base}{suffix}")
            } else {
                format!("{base}-{suffix}")
            };
            *suffix += 1;
            if !taken.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(renamed.clone());
        seen.insert(renamed.clone());
        notes.push(if empty {
            format!("Article {number} had no id; it is now '{renamed}'.")
        } else {
            format!(
                "Article {number} had the same id as an earlier one ('{}'); it is now '{renamed}'.",
                shorten(&article.id)
            )
        });
        article.id = renamed;
    }
}
