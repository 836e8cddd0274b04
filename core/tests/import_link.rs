//! Story-link payloads: base64url round trips, known vectors, and damaged
//! or hostile links rejected with a message, never a panic.

use parallax_core::import::link::{
    LinkError, MAX_LINK_CHARS, decode_payload, encode_payload, is_payload,
};
use proptest::prelude::*;

#[test]
fn known_vectors() {
    // RFC 4648 test vectors, in the URL-safe alphabet without padding.
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(encode_payload(plain.as_bytes()), encoded);
        assert_eq!(decode_payload(encoded).unwrap(), plain.as_bytes());
    }
    assert_eq!(encode_payload(&[0xfb, 0xff]), "-_8");
    assert_eq!(decode_payload("-_8").unwrap(), [0xfb, 0xff]);
    // Standard-alphabet and padded payloads are read too.
    assert_eq!(decode_payload("+/8=").unwrap(), [0xfb, 0xff]);
}

#[test]
fn damaged_links_are_refused_with_a_message() {
    for bad in ["Zm9v!", "Z", "Zm9vY", "Zm 9v", "Zm9v%20", "é"] {
        let error = decode_payload(bad).unwrap_err();
        assert_eq!(error, LinkError::Damaged, "{bad}");
        assert!(error.message().contains("damaged or was cut off"));
    }
    let long = "A".repeat(MAX_LINK_CHARS + 4);
    assert!(matches!(
        decode_payload(&long),
        Err(LinkError::TooLong { .. })
    ));
    assert!(!is_payload(&long));
    assert!(!is_payload(""));
    assert!(!is_payload("abc/def"));
    assert!(is_payload("Zm9v-_"));
}

proptest! {
    #[test]
    fn round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let text = encode_payload(&bytes);
        prop_assert!(text.is_empty() || is_payload(&text));
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(decode_payload(&text).unwrap(), bytes);
    }

    #[test]
    fn any_text_decodes_or_is_refused_within_bounds(text in ".{0,300}") {
        if let Ok(bytes) = decode_payload(&text) {
            prop_assert!(bytes.len() <= text.len());
        }
    }
}
