//! HTML to article text: a hand-written, tolerant, one-pass tokenizer for a
//! saved page or a clipboard `text/html` fragment. Scripts, styles, forms,
//! embedded content and site furniture (by tag, class, id or role) are
//! dropped; when the page marks its article (`<article>`, `[itemprop=
//! articleBody]`, `<main>`), only the largest one is kept. Blocks become
//! paragraphs separated by blank lines, shaped for
//! [`crate::extract::document`]: the `h1` first, then a date line, then
//! captions that come before the story's first sentence.
//!
//! The open-element stack is capped at [`MAX_DEPTH`], so any input costs
//! time and memory linear in its length.

use crate::extract::dateline::parse_dateline;
use crate::extract::document::ends_sentence;
use crate::import::{decode::windows_1252_char, parse_iso_datetime};
use crate::model::{DateTime, Diagnostic, MONTH_NAMES, squash};

/// The article text of an HTML page and what its markup said about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Plain text: headline line, date line, paragraphs separated by blank lines.
    pub text: String,
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// `og:site_name`, else `application-name`, else the JSON-LD publisher.
    pub site_name: Option<String>,
    /// `<link rel=canonical>`, else `og:url`; http(s) only.
    pub canonical_url: Option<String>,
    /// The publication date as the markup gives it (meta, JSON-LD, or `<time
    /// datetime>` in the article), e.g. `2023-03-14T09:30:00+00:00`.
    pub published: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Open elements deeper than this are not tracked (hostile nesting stays linear).
pub const MAX_DEPTH: usize = 256;

/// A marked article smaller than this fraction of its surroundings is taken
/// for a teaser, not the story: 1/`TEASER_RATIO` of `<main>`, or of the page
/// when there is no `<main>`.
const TEASER_RATIO_MAIN: usize = 4;
const TEASER_RATIO_PAGE: usize = 10;

/// The text of the article in `html`. Never fails; oddities become diagnostics.
pub fn html_to_article(html: &str) -> HtmlArticle {
    let strict = Pass::run(html, true);
    let mut diagnostics = Vec::new();
    let pass = if strict.kept_the_story() {
        strict
    } else {
        let loose = Pass::run(html, false);
        if loose.kept_the_story() {
            diagnostics.push(Diagnostic::info(
                "the story sat inside something whose class or id looks like site \
                 furniture; those class and id rules were ignored",
                None,
            ));
            loose
        } else {
            strict
        }
    };
    assemble(pass, diagnostics)
}

/// What a line of output came from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum BlockKind {
    Text,
    /// Text of an `h1`.
    Heading,
    /// A `<time>` in a block of its own, with its `datetime` attribute.
    Time(Option<String>),
    /// Text of a `<figcaption>`.
    Caption,
}

#[derive(Debug)]
struct Block {
    text: String,
    kind: BlockKind,
}

/// A marked article region: blocks `start..end`.
#[derive(Debug)]
struct Root {
    /// 2: `<article>` or `[itemprop=articleBody]`; 1: `<main>`.
    rank: u8,
    start: usize,
    end: Option<usize>,
}

/// A `<time datetime>` seen outside dropped content.
#[derive(Debug)]
struct TimeSeen {
    /// Index of the next block when it was seen.
    block: usize,
    datetime: String,
}

#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    application_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    /// Lower is better: 0 `article:published_time`, 1 `datePublished`, 2
    /// other meta names, 3 JSON-LD.
    published: Option<(u8, String)>,
    json_ld_publisher: Option<String>,
}

/// JSON-LD scripts larger than this are not read.
const MAX_JSON_LD_BYTES: usize = 256 * 1024;
/// Nodes of a JSON-LD value visited at most.
const MAX_JSON_LD_NODES: usize = 4096;

#[derive(Default)]
struct JsonLd {
    published: Option<String>,
    publisher: Option<String>,
}

/// Finds the first article-typed object's `datePublished` and `publisher.name`.
fn json_ld_walk(value: &serde_json::Value, found: &mut JsonLd, budget: &mut usize) {
    use serde_json::Value;
    if *budget == 0 || (found.published.is_some() && found.publisher.is_some()) {
        return;
    }
    *budget -= 1;
    let article_type = |t: &str| t.ends_with("Article") || t == "BlogPosting";
    match value {
        Value::Array(items) => {
            for item in items {
                json_ld_walk(item, found, budget);
            }
        }
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => article_type(t),
                Some(Value::Array(types)) => {
                    types.iter().filter_map(Value::as_str).any(article_type)
                }
                _ => false,
            };
            if is_article {
                if found.published.is_none() {
                    found.published = map
                        .get("datePublished")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
                if found.publisher.is_none() {
                    found.publisher = map
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(squash)
                        .filter(|n| !n.is_empty());
                }
            }
            if let Some(graph) = map.get("@graph") {
                json_ld_walk(graph, found, budget);
            }
        }
        _ => {}
    }
}

const DROPPED: u8 = 1;
/// Inside `<article>`/`<main>`/`[itemprop=articleBody]`: a `<header>` here is the story's own.
const IN_ARTICLE: u8 = 2;
const IN_SVG: u8 = 4;
/// Inside a paragraph-like element: a `<time>` here is inline.
const IN_PARA: u8 = 8;
const IN_H1: u8 = 16;
const IN_CAPTION: u8 = 32;
/// Inside `<pre>`: a blank line in the text ends a paragraph.
const IN_PRE: u8 = 64;
/// Dropped because of a class or id (not the tag or role).
const CLASS_DROPPED: u8 = 128;

#[derive(Debug)]
struct Entry {
    name: String,
    flags: u8,
    /// Does its end tag end a line?
    block: bool,
    root: Option<usize>,
}

struct Attr<'a> {
    name: &'a str,
    value: &'a str,
}

struct Tag<'a> {
    name: String,
    attrs: Vec<Attr<'a>>,
    self_closing: bool,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
            .map(|a| a.value)
    }

    /// An attribute's value with entities decoded and white space squashed.
    fn value(&self, name: &str) -> Option<String> {
        self.attr(name).map(decode_attribute)
    }
}

struct Pass {
    class_rules: bool,
    blocks: Vec<Block>,
    roots: Vec<Root>,
    times: Vec<TimeSeen>,
    meta: Meta,
    stack: Vec<Entry>,
    line: String,
    line_kind: BlockKind,
    pending_space: bool,
    /// Line feeds in the pending white space (counted inside `<pre>` only).
    pending_newlines: u8,
    /// An article element that only class or id rules dropped.
    article_dropped_by_class: bool,
}

impl Pass {
    fn run(html: &str, class_rules: bool) -> Pass {
        let mut pass = Pass {
            class_rules,
            blocks: Vec::new(),
            roots: Vec::new(),
            times: Vec::new(),
            meta: Meta::default(),
            stack: Vec::new(),
            line: String::new(),
            line_kind: BlockKind::Text,
            pending_space: false,
            pending_newlines: 0,
            article_dropped_by_class: false,
        };
        let bytes = html.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let Some(lt) = find_byte(bytes, at, b'<') else {
                pass.text(&html[at..]);
                break;
            };
            if lt > at {
                pass.text(&html[at..lt]);
            }
            at = pass.markup(html, lt);
        }
        pass.flush();
        let end = pass.blocks.len();
        for root in &mut pass.roots {
            root.end.get_or_insert(end);
        }
        pass
    }

    /// Did class and id rules leave a story to take? Not when no paragraph
    /// is left, nor when the only marked article sat inside an element they
    /// dropped ("article-comments-enabled").
    fn kept_the_story(&self) -> bool {
        self.blocks.iter().any(|b| b.kind != BlockKind::Heading)
            && !(self.roots.is_empty() && self.article_dropped_by_class)
    }

    fn flags(&self) -> u8 {
        self.stack.last().map_or(0, |e| e.flags)
    }

    fn dropped(&self) -> bool {
        self.flags() & DROPPED != 0
    }

    /// Handles the markup starting at `lt` (a `<`); returns where to go on.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let bytes = html.as_bytes();
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            return find(bytes, lt + 2, b"-->").map_or(bytes.len(), |i| i + 3);
        }
        if rest.starts_with(b"<![CDATA[") {
            return find(bytes, lt + 9, b"]]>").map_or(bytes.len(), |i| i + 3);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return find_byte(bytes, lt + 2, b'>').map_or(bytes.len(), |i| i + 1);
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if closing && bytes.get(name_at) == Some(&b'>') {
                return name_at + 1; // `</>` is ignored
            }
            if closing {
                // `</ junk>` is a bogus comment.
                return find_byte(bytes, name_at, b'>').map_or(bytes.len(), |i| i + 1);
            }
            self.text("<");
            return lt + 1;
        }
        let Some((tag, next)) = parse_tag(html, name_at) else {
            return bytes.len(); // the input ends inside a tag: the tag is dropped
        };
        if closing {
            self.end_tag(&tag.name);
            return next;
        }
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let (content_end, after) = skip_raw_text(html, next, &tag.name);
            if tag.name == "script"
                && tag
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                self.json_ld(&html[next..content_end]);
            }
            if tag.name == "title" && self.flags() & IN_SVG == 0 && self.meta.title.is_none() {
                let title = decode_attribute(&html[next..content_end]);
                if !title.is_empty() {
                    self.meta.title = Some(title);
                }
            }
            return after;
        }
        self.start_tag(&tag);
        next
    }

    fn start_tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if matches!(name, "meta" | "link") {
            self.metadata(tag);
            return;
        }
        if VOID.contains(&name) {
            if matches!(name, "br" | "hr") {
                self.boundary();
            }
            return;
        }
        self.implicit_closes(name);
        let parent = self.flags();
        let is_root_tag = name == "article"
            || name == "main"
            || tag
                .attr("itemprop")
                .is_some_and(|v| has_token(v, "articlebody"));
        let by_class = self.class_rules
            && parent & DROPPED == 0
            && !is_root_tag
            && !matches!(name, "html" | "body")
            && furniture_attrs(tag);
        let drop = parent & DROPPED != 0
            || by_class
            || DROP_TAGS.contains(&name)
            || (name == "header" && parent & IN_ARTICLE == 0)
            || (name == "a" && tag.attr("href").is_some_and(is_script_url))
            || (!matches!(name, "html" | "body") && hidden(tag))
            || role_is_furniture(tag);
        let mut flags = parent;
        if drop {
            flags |= DROPPED;
        }
        if by_class {
            flags |= CLASS_DROPPED;
        }
        if is_root_tag && parent & CLASS_DROPPED != 0 {
            self.article_dropped_by_class = true;
        }
        if is_root_tag {
            flags |= IN_ARTICLE;
        }
        if name == "svg" || name == "math" {
            flags |= IN_SVG;
        }
        if PARA_LIKE.contains(&name) {
            flags |= IN_PARA;
        }
        if name == "h1" {
            flags |= IN_H1;
        }
        if name == "figcaption" {
            flags |= IN_CAPTION;
        }
        if name == "pre" {
            flags |= IN_PRE;
        }
        let own_block_time = name == "time" && parent & IN_PARA == 0;
        if name == "time"
            && !drop
            && let Some(datetime) = tag.value("datetime")
        {
            if tag
                .attr("itemprop")
                .is_some_and(|v| has_token(v, "datepublished"))
            {
                self.published_meta(1, datetime.clone());
            }
            self.times.push(TimeSeen {
                block: self.blocks.len(),
                datetime,
            });
        }
        let block = BLOCKS.contains(&name) || own_block_time || is_root_tag;
        if block {
            self.flush();
            self.line_kind = if own_block_time {
                BlockKind::Time(tag.value("datetime"))
            } else {
                kind_of(flags)
            };
        } else if matches!(name, "td" | "th") {
            self.space();
        }
        if tag.self_closing || self.stack.len() >= MAX_DEPTH {
            if block {
                self.boundary();
            }
            return;
        }
        let root = (is_root_tag && !drop).then(|| {
            self.roots.push(Root {
                rank: if name == "main" { 1 } else { 2 },
                start: self.blocks.len(),
                end: None,
            });
            self.roots.len() - 1
        });
        self.stack.push(Entry {
            name: tag.name.clone(),
            flags,
            block,
            root,
        });
    }

    /// The few implied end tags that matter for text: a new paragraph, list
    /// item or cell ends the open one.
    fn implicit_closes(&mut self, name: &str) {
        let Some(top) = self.stack.last() else {
            return;
        };
        let close = match top.name.as_str() {
            "p" => name == "p" || BLOCKS.contains(&name),
            "li" => name == "li",
            "dt" | "dd" => matches!(name, "dt" | "dd"),
            "td" | "th" => matches!(name, "td" | "th" | "tr"),
            "tr" => name == "tr",
            "option" => name == "option",
            _ => false,
        };
        if close {
            let top = top.name.clone();
            self.end_tag(&top);
        }
    }

    fn end_tag(&mut self, name: &str) {
        let Some(index) = self.stack.iter().rposition(|e| e.name == name) else {
            if BLOCKS.contains(&name) || name == "time" {
                self.boundary();
            }
            return;
        };
        let popped_roots = self.stack[index..].iter().any(|e| e.root.is_some());
        let closes_block = self.stack[index..].iter().any(|e| e.block);
        if closes_block || popped_roots {
            self.flush();
        } else if matches!(name, "td" | "th") {
            self.space();
        }
        let end = self.blocks.len();
        for entry in self.stack.drain(index..) {
            if let Some(root) = entry.root.and_then(|r| self.roots.get_mut(r)) {
                root.end = Some(end);
            }
        }
        if closes_block || popped_roots {
            self.line_kind = kind_of(self.flags());
        }
    }

    fn metadata(&mut self, tag: &Tag) {
        if tag.name == "link" {
            let canonical = tag
                .attr("rel")
                .is_some_and(|rel| has_token(rel, "canonical"));
            if canonical && self.meta.canonical.is_none() {
                self.meta.canonical = tag.value("href").and_then(web_url);
            }
            return;
        }
        let Some(content) = tag.value("content") else {
            return;
        };
        if content.is_empty() {
            return;
        }
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .or_else(|| tag.attr("itemprop"))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let slot = match key.as_str() {
            "og:site_name" => &mut self.meta.site_name,
            "application-name" => &mut self.meta.application_name,
            "og:title" => &mut self.meta.og_title,
            "og:url" => {
                if self.meta.og_url.is_none() {
                    self.meta.og_url = web_url(content);
                }
                return;
            }
            "article:published_time" => return self.published_meta(0, content),
            "datepublished" => return self.published_meta(1, content),
            "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date"
            | "dc.date.issued" | "dcterms.issued" | "parsely-pub-date" | "sailthru.date" => {
                return self.published_meta(2, content);
            }
            _ => return,
        };
        slot.get_or_insert(content);
    }

    /// `datePublished` and the publisher's name from schema.org JSON-LD, the
    /// weakest source of each.
    fn json_ld(&mut self, json: &str) {
        if json.len() > MAX_JSON_LD_BYTES {
            return;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        let mut budget = MAX_JSON_LD_NODES;
        let mut found = JsonLd::default();
        json_ld_walk(&value, &mut found, &mut budget);
        if let Some(date) = found.published {
            self.published_meta(3, date);
        }
        if self.meta.json_ld_publisher.is_none() {
            self.meta.json_ld_publisher = found.publisher;
        }
    }

    fn published_meta(&mut self, priority: u8, value: String) {
        if self
            .meta
            .published
            .as_ref()
            .is_none_or(|(p, _)| priority < *p)
        {
            self.meta.published = Some((priority, value));
        }
    }

    /// Text between tags: entities decoded, white space squashed into the line.
    fn text(&mut self, raw: &str) {
        if self.dropped() {
            return;
        }
        decode_entities(raw, |c| self.push_char(c));
    }

    fn push_char(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = true;
            if c == '\n' && self.flags() & IN_PRE != 0 {
                self.pending_newlines = self.pending_newlines.saturating_add(1);
            }
        } else if !is_invisible(c) {
            if self.pending_newlines >= 2 {
                self.flush();
            }
            self.pending_newlines = 0;
            if self.pending_space && !self.line.is_empty() {
                self.line.push(' ');
            }
            self.pending_space = false;
            self.line.push(c);
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// Ends the current line (a `<br>`, or a block without an element of its own).
    fn boundary(&mut self) {
        self.flush();
    }

    fn flush(&mut self) {
        if !self.line.is_empty() {
            self.blocks.push(Block {
                text: std::mem::take(&mut self.line),
                kind: self.line_kind.clone(),
            });
        }
        self.pending_space = false;
        self.pending_newlines = 0;
    }
}

/// The kind of a line of text inside an element with these flags.
fn kind_of(flags: u8) -> BlockKind {
    if flags & IN_H1 != 0 {
        BlockKind::Heading
    } else if flags & IN_CAPTION != 0 {
        BlockKind::Caption
    } else {
        BlockKind::Text
    }
}

/// Builds the article from one pass.
fn assemble(pass: Pass, mut diagnostics: Vec<Diagnostic>) -> HtmlArticle {
    let Pass {
        blocks,
        roots,
        times,
        meta,
        ..
    } = pass;
    let (lo, hi) = match choose_root(&blocks, &roots) {
        Some((root, count)) => {
            let what = if root.rank == 1 {
                "<main>"
            } else {
                "marked article"
            };
            let message = if count > 1 {
                format!(
                    "took the largest {what} of the page's {count}; text outside it was left out"
                )
            } else {
                format!("took the page's {what}; text outside it was left out")
            };
            diagnostics.push(Diagnostic::info(message, None));
            (root.start, root.end.unwrap_or(blocks.len()))
        }
        None => (0, blocks.len()),
    };
    let in_root = |i: usize| (lo..hi).contains(&i);

    let mut used = vec![false; blocks.len()];
    let mut lines: Vec<String> = Vec::new();

    // Headline: the first h1 of the article, else of the page, else the title.
    let heading = (lo..hi)
        .find(|&i| blocks[i].kind == BlockKind::Heading)
        .or_else(|| blocks.iter().position(|b| b.kind == BlockKind::Heading));
    if let Some(i) = heading {
        used[i] = true;
        lines.push(blocks[i].text.clone());
    } else if let Some(title) = fallback_headline(&meta) {
        let first = (lo..hi).map(|i| blocks[i].text.as_str()).next();
        if first.is_none_or(|f| !f.eq_ignore_ascii_case(&title)) {
            lines.push(title);
            diagnostics.push(Diagnostic::info(
                "the page has no <h1>; its title is used as the headline",
                None,
            ));
        }
    }

    // Date line, right after the headline: a date line near the top of the
    // article, else a `<time>` block, else the meta date, else a `<time
    // datetime>` in the article.
    let near_top = (lo..hi)
        .filter(|&i| !used[i])
        .take(3)
        .find(|&i| parse_dateline(&blocks[i].text).is_some());
    let mut dateline = None;
    if let Some(i) = near_top {
        used[i] = true;
        dateline = Some(blocks[i].text.clone());
    } else {
        let time_block = (lo..hi)
            .chain(0..lo)
            .find(|&i| !used[i] && matches!(blocks[i].kind, BlockKind::Time(_)));
        if let Some(i) = time_block {
            let block = &blocks[i];
            if parse_dateline(&block.text).is_some() {
                used[i] = true;
                dateline = Some(block.text.clone());
            } else if let BlockKind::Time(Some(dt)) = &block.kind {
                dateline = parse_iso_datetime(dt).map(|d| date_line(&d));
                // A short time block ("3 hours ago") gives way to the date line.
                used[i] = dateline.is_some() && block.text.split_whitespace().count() <= 8;
            }
        }
        let meta_date = || {
            meta.published
                .as_ref()
                .and_then(|(_, v)| parse_iso_datetime(v))
        };
        let article_time = || {
            times
                .iter()
                .filter(|t| in_root(t.block))
                .find_map(|t| parse_iso_datetime(&t.datetime))
        };
        if dateline.is_none() {
            dateline = meta_date().or_else(article_time).map(|d| date_line(&d));
        }
    }
    if let Some(line) = dateline {
        lines.push(line);
    }

    // Captions before the first sentence of the story go right after the
    // date line, where the document stage looks for captions (before a
    // byline, which would end its front matter).
    let first_sentence = (lo..hi)
        .find(|&i| !used[i] && blocks[i].kind == BlockKind::Text && ends_sentence(&blocks[i].text))
        .unwrap_or(hi);
    for i in lo..first_sentence {
        if !used[i] && blocks[i].kind == BlockKind::Caption {
            used[i] = true;
            lines.push(blocks[i].text.clone());
        }
    }

    for i in lo..hi {
        if !used[i] {
            lines.push(blocks[i].text.clone());
        }
    }
    let mut text = lines.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    } else {
        diagnostics.push(Diagnostic::warning(
            "no article text found in the HTML",
            None,
        ));
    }

    let published = meta.published.map(|(_, v)| v).or_else(|| {
        times
            .iter()
            .find(|t| in_root(t.block))
            .map(|t| t.datetime.clone())
    });
    HtmlArticle {
        text,
        title: meta.og_title.or(meta.title),
        site_name: meta
            .site_name
            .or(meta.application_name)
            .or(meta.json_ld_publisher),
        canonical_url: meta.canonical.or(meta.og_url),
        published,
        diagnostics,
    }
}

/// The marked region to keep, with how many marked regions of its rank
/// there were; `None` keeps the whole page.
fn choose_root<'r>(blocks: &[Block], roots: &'r [Root]) -> Option<(&'r Root, usize)> {
    let mut prefix = Vec::with_capacity(blocks.len() + 1);
    prefix.push(0usize);
    for block in blocks {
        prefix.push(prefix.last().copied().unwrap_or(0) + block.text.len());
    }
    let total = prefix.last().copied().unwrap_or(0);
    let len = |r: &Root| {
        let end = r.end.unwrap_or(blocks.len()).min(blocks.len());
        prefix[end].saturating_sub(prefix[r.start.min(end)])
    };
    let best = |rank: u8| {
        let mut best: Option<(&Root, usize)> = None;
        let mut count = 0;
        for root in roots.iter().filter(|r| r.rank == rank && len(r) > 0) {
            count += 1;
            if best.is_none_or(|(_, l)| len(root) > l) {
                best = Some((root, len(root)));
            }
        }
        best.map(|(root, l)| (root, l, count))
    };
    let main = best(1);
    if let Some((root, l, count)) = best(2) {
        let teaser = match main {
            Some((_, main_len, _)) => l * TEASER_RATIO_MAIN < main_len,
            None => l * TEASER_RATIO_PAGE < total,
        };
        if !teaser {
            return Some((root, count));
        }
    }
    main.filter(|&(_, l, _)| l * TEASER_RATIO_PAGE >= total)
        .map(|(root, _, count)| (root, count))
}

/// `og:title`, else `<title>` without a trailing " | Site" part.
fn fallback_headline(meta: &Meta) -> Option<String> {
    if let Some(title) = &meta.og_title {
        return Some(title.clone());
    }
    let title = meta.title.as_deref()?;
    let site = meta.site_name.as_ref().or(meta.application_name.as_ref());
    let trimmed = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .find(|(_, tail)| site.is_some_and(|s| s.eq_ignore_ascii_case(tail)))
        .map_or(title, |(head, _)| head);
    Some(trimmed.to_string())
}

/// "14 March 2023" or "14 March 2023, 09:30": a form `dateline.rs` reads.
fn date_line(date: &DateTime) -> String {
    let month = MONTH_NAMES
        .get(usize::from(date.month).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    let day = format!("{} {month} {:04}", date.day, date.year);
    match date.time {
        Some((h, m)) => format!("{day}, {h:02}:{m:02}"),
        None => day,
    }
}

/// Elements whose content is never markup; their text is skipped.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "noscript", "iframe", "xmp", "noembed", "noframes",
];

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "image",
];

/// Elements that are never article text, with everything inside them.
const DROP_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "datalist", "dialog", "footer", "form", "head", "map",
    "math", "menu", "nav", "object", "select", "svg", "template", "video",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose text is a paragraph: a `<time>` inside one is inline.
const PARA_LIKE: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "td",
    "th",
    "figcaption",
    "caption",
    "summary",
    "legend",
    "pre",
    "address",
];

/// Words of a class or id that mark site furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "promo",
    "promos",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "subscribe",
    "subscription",
];

/// A class or id token with one of these words describes a state or layout
/// ("has-sidebar", "with-comments"), not furniture.
const NOT_FURNITURE_WORDS: &[&str] = &[
    "can", "has", "hide", "is", "layout", "no", "not", "page", "show", "template", "with",
    "without",
];

const FURNITURE_ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "navigation",
    "search",
];

fn furniture_attrs(tag: &Tag) -> bool {
    ["class", "id"]
        .iter()
        .filter_map(|name| tag.attr(name))
        .flat_map(str::split_ascii_whitespace)
        .any(furniture_token)
}

fn furniture_token(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    if token.starts_with("ad-") {
        return true;
    }
    let words = || token.split(['-', '_']).filter(|w| !w.is_empty());
    !words().any(|w| NOT_FURNITURE_WORDS.contains(&w))
        && words().any(|w| FURNITURE_WORDS.contains(&w))
}

fn role_is_furniture(tag: &Tag) -> bool {
    tag.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace()
            .any(|r| FURNITURE_ROLES.iter().any(|f| r.eq_ignore_ascii_case(f)))
    })
}

/// `hidden`, `aria-hidden="true"`, or an inline style that hides the element.
fn hidden(tag: &Tag) -> bool {
    if tag.attr("hidden").is_some() {
        return true;
    }
    if tag
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    tag.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Does a space-separated attribute value hold `token` (ASCII case ignored)?
fn has_token(value: &str, token: &str) -> bool {
    value
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}

/// A `javascript:` (or `vbscript:`/`data:`) URL, however obfuscated with
/// entities, white space or control characters.
fn is_script_url(href: &str) -> bool {
    let mut scheme = String::new();
    decode_entities(href, |c| {
        if !c.is_whitespace() && !c.is_control() && scheme.len() < 16 {
            scheme.push(c.to_ascii_lowercase());
        }
    });
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
}

/// `value` when it is an absolute http(s) URL without white space.
fn web_url(value: String) -> Option<String> {
    let lower = value.get(..8).unwrap_or(&value).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && value.len() > lower.find("//").unwrap_or(0) + 2
        && !value.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(value)
}

/// Soft hyphens, zero-width spaces, BOMs and control characters are not text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}') || c.is_control()
}

/// An attribute value (or `<title>`): entities decoded, white space squashed.
fn decode_attribute(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending = false;
    decode_entities(raw, |c| {
        if c.is_whitespace() {
            pending = true;
        } else if !is_invisible(c) {
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    });
    out
}

/// Feeds `raw` to `sink` with character references decoded. Named ones need
/// their `;`; numeric ones may omit it; anything invalid stays as written.
pub(crate) fn decode_entities(raw: &str, mut sink: impl FnMut(char)) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut sink);
        let after = &rest[amp..];
        match entity(after) {
            Some((c, len)) => {
                sink(c);
                rest = &after[len..];
            }
            None => {
                sink('&');
                rest = &after[1..];
            }
        }
    }
    rest.chars().for_each(sink);
}

/// The character a reference at the start of `s` (which starts with `&`)
/// stands for, and the reference's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let digits = bytes[digits_at..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 || digits > 8 {
            return None;
        }
        let number =
            u32::from_str_radix(&s[digits_at..digits_at + digits], if hex { 16 } else { 10 })
                .ok()?;
        let mut len = digits_at + digits;
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        let c = match number {
            0 => return None,
            0x80..=0x9f => windows_1252_char(u8::try_from(number).ok()?),
            _ => char::from_u32(number)?,
        };
        return Some((c, len));
    }
    let name_len = bytes[1..]
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || bytes.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = &s[1..1 + name_len];
    let c = NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?;
    Some((c, name_len + 2))
}

/// The named character references Parallax decodes.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
];

/// A tag's name (lowercase), attributes and self-closing slash, from the
/// byte after `<` or `</`; `None` when the input ends inside the tag.
fn parse_tag(html: &str, name_at: usize) -> Option<(Tag<'_>, usize)> {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut at = name_at;
    while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>') {
        at += 1;
    }
    let name = html[name_at..at].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            self_closing = bytes[at] == b'/';
            at += 1;
        }
        match bytes.get(at) {
            None => return None,
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        attrs,
                        self_closing,
                    },
                    at + 1,
                ));
            }
            Some(_) => {}
        }
        self_closing = false;
        // Attribute name: at least one byte (a leading `=` belongs to it).
        let name_start = at;
        at += 1;
        while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let attr_name = &html[name_start..at];
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let mut value = "";
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            match bytes.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = find_byte(bytes, at + 1, q)?;
                    value = &html[at + 1..close];
                    at = close + 1;
                }
                Some(_) => {
                    let start = at;
                    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                        at += 1;
                    }
                    value = &html[start..at];
                }
                None => return None,
            }
        }
        attrs.push(Attr {
            name: attr_name,
            value,
        });
    }
}

/// Skips the content of a raw-text element up to its end tag. Returns where
/// the content ends and where parsing goes on.
fn skip_raw_text(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(lt) = find(bytes, at, b"</") {
        let name_end = lt + 2 + name.len();
        let matches_name = bytes
            .get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends_name = bytes
            .get(name_end)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'));
        if matches_name && ends_name {
            let after = find_byte(bytes, name_end, b'>').map_or(bytes.len(), |i| i + 1);
            return (lt, after);
        }
        at = lt + 2;
    }
    (bytes.len(), bytes.len())
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| from + i)
}

/// The first `needle` at or after `from`; linear in the bytes skipped.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    loop {
        let i = find_byte(bytes, at, first)?;
        if bytes.get(i..i + needle.len()) == Some(needle) {
            return Some(i);
        }
        at = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode_or_stay() {
        let mut out = String::new();
        decode_entities(
            "&amp; &lt;p&gt; &#8220;x&#x201D; &#150; &bogus; &#0; &amp",
            |c| out.push(c),
        );
        assert_eq!(out, "& <p> “x” – &bogus; &#0; &amp");
    }

    #[test]
    fn script_urls_are_recognised() {
        assert!(is_script_url(" JavaScript:alert(1)"));
        assert!(is_script_url("java&#x09;script:x"));
        assert!(is_script_url("java\nscript:x"));
        assert!(!is_script_url("https://example.com/javascript:"));
    }

    #[test]
    fn furniture_tokens() {
        assert!(furniture_token("share-tools"));
        assert!(furniture_token("ad-slot"));
        assert!(furniture_token("site_footer"));
        assert!(!furniture_token("has-sidebar"));
        assert!(!furniture_token("commentary"));
        assert!(!furniture_token("headline"));
    }
}
