//! A story embedded in a one-file copy: the JSON can be read back from the
//! page whatever the articles say, and nothing in it can end its element.

use parallax_core::import::story_file::{
    EMBEDDED_ID, StoryFile, StoryFileArticle, embed_in_html, parse_story_file,
};
use proptest::prelude::*;

/// What a browser's HTML parser gives as the element's text: everything up
/// to the first `</script` (any case) after the opening tag.
fn read_back(page: &str) -> &str {
    let open = format!("<script type=\"application/json\" id=\"{EMBEDDED_ID}\">");
    let start = page.find(&open).expect("the element") + open.len();
    let rest = &page[start..];
    let end = rest.to_ascii_lowercase().find("</script").expect("its end");
    &rest[..end]
}

fn story(text: &str) -> StoryFile {
    StoryFile::new(
        "A </script> title <!-- with a comment",
        vec![StoryFileArticle {
            id: "a1".into(),
            outlet: "The </SCRIPT><script>alert(1)</script> Times".into(),
            outlet_note: None,
            url: None,
            published: Some("2024-03-12".into()),
            text: text.into(),
        }],
    )
}

const PAGE: &str = "<!doctype html><html><head></head><body><p>app</p></body></html>";

#[test]
fn hostile_text_stays_inside_the_element() {
    let file = story(
        "Headline\n\n12 March 2024\n\n<script>alert(1)</script> <!-- <script> --> </Script >",
    );
    let page = embed_in_html(PAGE, &file).unwrap();
    assert!(page.ends_with("</body></html>"));
    assert_eq!(parse_story_file(read_back(&page)).unwrap(), file);
    // No markup is left in the JSON but the escaped forms.
    assert!(!read_back(&page).contains("</"));
    assert!(!read_back(&page).contains("<!--"));
    assert!(embed_in_html("<p>no body end</p>", &file).is_none());
}

proptest! {
    #[test]
    fn any_story_reads_back(title in ".{0,40}", outlet in ".{0,20}", text in ".{1,400}") {
        let mut file = story(&text);
        file.title = title;
        file.articles[0].outlet = outlet;
        let page = embed_in_html(PAGE, &file).unwrap();
        let parsed = parse_story_file(read_back(&page)).unwrap();
        prop_assert_eq!(parsed.articles[0].text.as_str(), file.articles[0].text.as_str());
        prop_assert_eq!(parsed.title, file.title);
    }
}
