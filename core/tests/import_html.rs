//! HTML import: the invented fixtures in `import_fixtures/` become the plain
//! text shape the document stage reads (headline, date line, paragraphs), with
//! scripts, furniture and markup gone; any input is handled without panics in
//! time and space linear in its size.

use expect_test::{Expect, expect};
use parallax_core::import::html::{HtmlArticle, html_to_article};
use proptest::prelude::*;

/// The headline and the date (ISO) the extraction pipeline finds in `text`.
fn analysed(text: &str) -> (Option<String>, Option<String>) {
    let analysis = parallax_core::analyze(text);
    let doc = &analysis.document;
    (
        doc.headline.map(|s| s.text(text).to_string()),
        doc.published.map(|d| d.iso()),
    )
}

fn check(html: &str, text: Expect) -> HtmlArticle {
    let article = html_to_article(html);
    text.assert_eq(&article.text);
    assert!(
        !article.text.contains("<p") && !article.text.contains("</"),
        "markup in the output"
    );
    article
}

#[test]
fn news_page_keeps_the_story_and_drops_the_furniture() {
    let article = check(
        include_str!("import_fixtures/news_page.html"),
        expect![[r#"
            Storm forces closure of Kestrel Bridge for second day

            Tuesday 14 March 2023 09.30 GMT

            Waves breaking over the eastern barrier of Kestrel Bridge on Monday evening

            By Maria Okafor, transport correspondent

            Kestrel Bridge will stay closed to all traffic for a second day after gusts of up to 84mph damaged a section of the eastern barrier, the harbour authority said on Tuesday.

            Engineers inspected the structure at first light and found that three lamp columns had been bent and a 40-metre stretch of the barrier had worked loose.

            Drivers face a diversion of about 23 miles through Millbrook, and the authority warned that journeys could take an hour longer than usual.

            Ferry services suspended

            The passenger ferry between Eastwick and Port Aldous, which usually carries commuters when the bridge is shut, was also suspended because of the swell.

            “We will not reopen the bridge until we are certain it is safe,” said Helen Marsh, the authority’s chief engineer.

            The authority said it would give an update at 4pm on Wednesday.
        "#]],
    );
    assert_eq!(article.site_name.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(
        article.title.as_deref(),
        Some("Storm forces closure of Kestrel Bridge for second day")
    );
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://www.harbourgazette.example/news/2023/mar/14/kestrel-bridge-closed")
    );
    assert_eq!(
        article.published.as_deref(),
        Some("2023-03-14T09:30:00+00:00")
    );
    for furniture in [
        "cookies",
        "Accept all",
        "Sport",
        "Share on",
        "Copy link",
        "shares",
        "Related",
        "Councillors approve",
        "bridgewatcher",
        "Comments",
        "Most read",
        "newsletter",
        "All rights reserved",
        "Topics",
        "dataLayer",
        "The Harbour Gazette",
    ] {
        assert!(!article.text.contains(furniture), "{furniture} in the text");
    }
    assert_eq!(
        analysed(&article.text),
        (
            Some("Storm forces closure of Kestrel Bridge for second day".to_string()),
            Some("2023-03-14T09:30".to_string())
        )
    );
    expect![[r#"
        [
            Diagnostic {
                severity: Info,
                message: "took the page's marked article; text outside it was left out",
                span: None,
            },
        ]
    "#]]
    .assert_debug_eq(&article.diagnostics);
}

#[test]
fn blog_page_with_only_main() {
    let article = check(
        include_str!("import_fixtures/blog_main.html"),
        expect![[r#"
            The great seed swap drew 300 growers to Millbrook hall

            6 April 2024

            Posted on 6 April 2024 by Ruth Calder

            More than 300 growers queued outside Millbrook village hall on Saturday morning for the fourth annual seed swap, nearly twice as many as last year.

            Organisers said 4,500 packets changed hands in three hours. Heritage tomatoes and climbing beans went first; by eleven o'clock the squash table was empty.

            What people brought

            Runner beans saved from a 1950s variety grown on the same allotment for 70 years.

            A tray of chilli seedlings that one grower said were “far too hot to eat”.

            The next swap will be held in October, when the organisers hope to add a stall for fruit tree cuttings.
        "#]],
    );
    assert_eq!(article.site_name.as_deref(), Some("Greenfinch Notes"));
    assert_eq!(
        article.title.as_deref(),
        Some("The great seed swap | Greenfinch Notes")
    );
    assert_eq!(article.canonical_url, None);
    assert_eq!(article.published.as_deref(), Some("2024-04-06"));
    assert!(!article.text.contains("Archive"));
    assert!(!article.text.contains("Subscribe"));
    assert!(!article.text.contains("max-width"));
    assert_eq!(
        analysed(&article.text),
        (
            Some("The great seed swap drew 300 growers to Millbrook hall".to_string()),
            Some("2024-04-06".to_string())
        )
    );
}

#[test]
fn clipboard_fragment() {
    let article = check(
        include_str!("import_fixtures/clipboard_fragment.html"),
        expect![[r#"
            Library opening hours cut as council seeks £2m savings

            Friday 10 May 2024

            Branch libraries in Eastwick will open on four days a week from June, the council has confirmed, as it looks for £2m in savings.

            The change affects seven of the borough’s nine libraries. The central library and the mobile library service are not affected.

            A consultation drew 2,300 responses, most of them opposed to the cuts, said councillor Priya Nandra, who leads on culture.

            She said the council had “no good options left”.
        "#]],
    );
    assert_eq!(article.title, None);
    assert_eq!(article.site_name, None);
    assert_eq!(article.published, None);
    assert_eq!(
        analysed(&article.text),
        (
            Some("Library opening hours cut as council seeks £2m savings".to_string()),
            Some("2024-05-10".to_string())
        )
    );
}

#[test]
fn hostile_page_leaks_nothing() {
    let article = check(
        include_str!("import_fixtures/hostile.html"),
        expect![[r#"
            Council approves new cycle lanes on Ferry Road

            8 November 2023

            Councillors voted nine to four on Wednesday to build protected cycle lanes along the length of Ferry Road.

            The scheme will cost £1.4m and remove 60 parking spaces.

            Opponents said the lanes would push traffic into side streets. Supporters disagreed.

            Work is expected to start in September.
        "#]],
    );
    for leak in [
        "LEAK",
        "alert",
        "javascript",
        "JavaScript",
        "<",
        ">",
        "{",
        "display",
    ] {
        assert!(!article.text.contains(leak), "{leak} in the text");
    }
    for paragraph in [
        "Councillors voted nine to four on Wednesday",
        "The scheme will cost £1.4m and remove 60 parking spaces.",
        "Opponents said the lanes would push traffic into side streets. Supporters disagreed.",
        "Work is expected to start in September.",
    ] {
        assert!(article.text.contains(paragraph), "{paragraph} missing");
    }
    assert_eq!(article.canonical_url, None, "only http(s) URLs");
    assert_eq!(article.published.as_deref(), Some("2023-11-08"));
    assert_eq!(
        analysed(&article.text),
        (
            Some("Council approves new cycle lanes on Ferry Road".to_string()),
            Some("2023-11-08".to_string())
        )
    );
}

#[test]
fn article_body_by_itemprop() {
    let article = check(
        include_str!("import_fixtures/itemprop_body.html"),
        expect![[r#"
            Rail fares in England to rise by 4.9% in March

            9 January 2024, 07:15

            Regulated rail fares in England will rise by 4.9% on 3 March, the Department for Transport announced on Tuesday, the smallest increase for three years.

            The rise, which covers season tickets and off-peak returns on most routes, is below last July's inflation figure of 6.8%, which is usually used to set the cap.

            Passenger groups said the increase would still add hundreds of pounds to the cost of an annual season ticket for many commuters.

            The rail minister said the government had “once again” chosen to keep the rise below inflation.
        "#]],
    );
    assert_eq!(article.published.as_deref(), Some("2024-01-09T07:15:00Z"));
    for outside in [
        "Subscribe",
        "Advertisement",
        "Follow us",
        "Bus franchising",
        "By Owen Pryce",
    ] {
        assert!(!article.text.contains(outside), "{outside} in the text");
    }
    assert_eq!(
        analysed(&article.text),
        (
            Some("Rail fares in England to rise by 4.9% in March".to_string()),
            Some("2024-01-09T07:15".to_string())
        )
    );
}

#[test]
fn entities_and_curly_quotes() {
    let article = check(
        include_str!("import_fixtures/entities.html"),
        expect![[r#"
            “We’re not done yet”: dockers vote to extend strike

            20 September 2022

            Dockers at Marlow Quay have voted to extend their strike by a further two weeks — the third extension since July…

            “Nobody wants this,” said union representative Dana O’Neill. ‘But we’ve been left no choice.’

            Pay offers rose 5–7% & hours fell 2%; the <strike> tag is text, not markup, and "quotes" 'too'.

            Invalid ones stay as written: &bogus; &#xZZ; &#99999999999; &#0; &amp alone, AT&T, 5 &lt 6, – is a dash.

            © 2022 Port & City News
        "#]],
    );
    assert_eq!(article.site_name.as_deref(), Some("Port & City News"));
    assert_eq!(
        article.title.as_deref(),
        Some("“We’re not done yet”: dockers vote to extend strike")
    );
    assert_eq!(
        analysed(&article.text),
        (
            Some("“We’re not done yet”: dockers vote to extend strike".to_string()),
            Some("2022-09-20".to_string())
        )
    );
}

#[test]
fn small_cases() {
    let text = |html: &str| html_to_article(html).text;
    expect![[r#"
        [
            "",
            "plain text, no markup\n",
            "one\n\ntwo\n\nthree\n",
            "a boldword & more\n",
            "first\n\nsecond\n",
            "a b\n\nc d\n",
            "x < y and a\n",
            "unclosed tags\n\neverywhere\n",
            "😀 😀 &#xD800; &#1114112;\n",
            "Title\n\n29 February 2020\n\nPublished Saturday at noon.\n",
            "Title\n\n29 February 2020, 08:05\n\nBody.\n",
            "Only a title\n\nBody text.\n",
            "kept\n",
            "",
            "",
            "after svg\n",
            "Story\n\nText.\n",
            "Headline\n\nA paragraph wrapped.\n\nNext one.\n",
        ]
    "#]].assert_debug_eq(&[
        text(""),
        text("plain text, no markup"),
        text("<p>one</p><p>two<br>three</p>"),
        text("<p>a <b>bold</b><i>word</i> &amp; more</p>"),
        text("<ul><li>first<li>second</ul>"),
        text("<table><tr><td>a</td><td>b</td></tr><tr><td>c<td>d</table>"),
        text("<p>x < y and a<b</p>"),
        text("<div>unclosed <span>tags <p>everywhere"),
        text("<p>&#x1F600; &#128512 &#xD800; &#1114112;</p>"),
        text("<h1>Title</h1><p>Published <time datetime=\"2020-02-29\">Saturday</time> at noon.</p>"),
        text("<h1>Title</h1><time datetime=\"2020-02-29T08:05\">3 hours ago</time><p>Body.</p>"),
        text("<title>Only a title | Site</title><meta name=application-name content=Site><p>Body text.</p>"),
        text("<script>never</script><style>p{}</style><p>kept</p><script>unterminated"),
        text("<!-- unterminated comment <p>gone</p>"),
        text("<p title='unterminated>gone"),
        text("<svg><p>in svg</p></svg><p>after svg</p>"),
        text("<header><h1>Site</h1></header><article><header><h1>Story</h1></header><p>Text.</p></article>"),
        text("<pre>Headline\n\nA paragraph\nwrapped.\n\n\nNext  one.\n</pre>"),
    ]);
}

#[test]
fn largest_article_wins_and_teasers_lose() {
    let page = "<article><p>Short teaser.</p></article>\
                <article><h1>The story</h1><p>A much longer paragraph that is the story itself, \
                with enough words to be the largest article on the page.</p></article>";
    let text = html_to_article(page).text;
    assert!(text.starts_with("The story\n\n"));
    assert!(!text.contains("teaser"));
    // A tiny <article> inside a big <main> is a teaser: the main is kept.
    let big = "word ".repeat(200);
    let page =
        format!("<main><article><p>Teaser.</p></article><h1>Headline</h1><p>{big}</p></main>");
    let text = html_to_article(&page).text;
    assert!(text.contains("Teaser.") && text.contains("word word"));
}

#[test]
fn class_rules_yield_when_they_would_drop_everything() {
    let article = html_to_article(
        "<div class=\"content-with-comments\"><div class=\"comments-enabled story\"><h1>H</h1><p>Only text.</p></div></div>",
    );
    assert!(article.text.contains("Only text."), "{}", article.text);
    // The only <article> inside a wrapper the class rules drop: the rules yield.
    let article = html_to_article(
        "<p class=\"skip\">Skip to content</p><div class=\"article-comments-enabled\">\
         <article><h1>Headline</h1><p>The story.</p></article></div>",
    );
    assert_eq!(article.text, "Headline\n\nThe story.\n");
    // A teaser <article> inside a related block does not make them yield.
    let article = html_to_article(
        "<article><h1>Headline</h1><p>The story.</p><div class=\"share\">Share</div></article>\
         <div class=\"related\"><article><p>A teaser.</p></article></div>",
    );
    assert_eq!(article.text, "Headline\n\nThe story.\n");
}

#[test]
fn hostile_sizes_finish() {
    let divs = "<div>".repeat(200_000) + "text at the bottom" + &"</div>".repeat(10);
    let article = html_to_article(&divs);
    assert_eq!(article.text, "text at the bottom\n");
    let node = format!("<p>{}</p>", "word ".repeat(2 * 1024 * 1024 / 5));
    assert!(html_to_article(&node).text.len() > 2_000_000);
    let closers = "<span>".repeat(300) + &"</div>".repeat(200_000);
    assert_eq!(html_to_article(&closers).text, "");
    let mixed = "<p><li><td><time><h1><article><main><nav>".repeat(20_000);
    html_to_article(&mixed);
    let open_tags = "<a href='x' ".repeat(100_000);
    html_to_article(&open_tags);
    let amps = "&#x".repeat(200_000) + &"&amp".repeat(200_000);
    html_to_article(&amps);
}

fn bounded(html: &str) {
    let article = html_to_article(html);
    assert!(
        article.text.len() <= 2 * html.len() + 64,
        "{} bytes out of {}",
        article.text.len(),
        html.len()
    );
    assert!(article.diagnostics.len() <= 4);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn any_string(html in any::<String>()) {
        bounded(&html);
    }

    #[test]
    fn html_like(html in "(<[/!?]?(p|div|h1|time|article|main|script|style|nav|br|a|svg|title|meta|link)( [a-z]+(=(\"[^\"]{0,8}\"|'[^']{0,8}'|[a-z:]{0,6}))?){0,3} ?/?>|&[a-z#0-9x]{0,7};?|[A-Za-z .,“”]{1,12}|<!--|-->|\n){0,60}") {
        bounded(&html);
    }

    /// What a `<script>` or `<style>` holds never reaches the text.
    #[test]
    fn raw_text_never_appears(secret in "[A-Z]{12}", noise in "[a-z <>/\"'=]{0,20}") {
        for tag in ["script", "style", "noscript", "textarea", "iframe"] {
            let html = format!("<p>before</p><{tag}>{noise}{secret}{noise}</{tag}><p>after</p>");
            let text = html_to_article(&html).text;
            prop_assert!(!text.contains(&secret), "{tag}: {text}");
        }
    }
}

#[test]
fn json_ld_is_the_weakest_source() {
    let page = r#"<script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Not this"},
            {"@type": ["NewsArticle"], "datePublished": "2021-06-30T18:05:00+02:00",
             "publisher": {"@type": "Organization", "name": " The  Example Times "}}
        ]}</script><h1>Headline</h1><p>Body text.</p>"#;
    let article = html_to_article(page);
    assert_eq!(article.site_name.as_deref(), Some("The Example Times"));
    assert_eq!(
        article.published.as_deref(),
        Some("2021-06-30T18:05:00+02:00")
    );
    assert_eq!(
        article.text,
        "Headline\n\n30 June 2021, 18:05\n\nBody text.\n"
    );
    let with_meta = format!(
        "<meta property=\"og:site_name\" content=\"Meta Name\"><meta property=\"article:published_time\" content=\"2021-07-01\">{page}"
    );
    let article = html_to_article(&with_meta);
    assert_eq!(article.site_name.as_deref(), Some("Meta Name"));
    assert_eq!(article.published.as_deref(), Some("2021-07-01"));
    // Broken or hostile JSON-LD is ignored.
    let deep = format!(
        "<script type=application/ld+json>{}</script><p>x</p>",
        "[".repeat(100_000)
    );
    assert_eq!(html_to_article(&deep).text, "x\n");
}
