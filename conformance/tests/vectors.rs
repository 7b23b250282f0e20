//! Every OASIS test case parses into request / expected-response pairs.

use std::path::{Path, PathBuf};

use conformance::vectors;
use kmip_ttlv::{Tag, wire};

fn oasis() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors/oasis")
}

/// Files and message counts per version folder, as vectors/README.md gives
/// them.
#[test]
fn every_file_parses_into_pairs() {
    for (version, files, messages) in [("kmip-1.4", 75, 942), ("kmip-2.0", 72, 938), ("kmip-2.1", 93, 1156)] {
        let paths = vectors::expand(&[oasis().join(version)]).expect("folder");
        assert_eq!(paths.len(), files, "{version}");
        let mut count = 0;
        for path in &paths {
            let case = vectors::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (i, exchange) in case.exchanges.iter().enumerate() {
                assert_eq!(exchange.request.tag, Tag::REQUEST_MESSAGE);
                assert_eq!(exchange.expected.tag, Tag::RESPONSE_MESSAGE);
                // Every request can be encoded for the wire (with the
                // placeholders' sentinels still in it).
                wire::to_vec(&exchange.request).unwrap_or_else(|e| panic!("{} request {i}: {e}", path.display()));
            }
            count += case.exchanges.len() * 2;
        }
        assert_eq!(count, messages, "{version}");
    }
}

/// Directories expand to their files in name order, then subdirectories.
#[test]
fn directories_expand_in_name_order() {
    let paths = vectors::expand(&[oasis().join("kmip-1.4")]).expect("folder");
    let names: Vec<String> =
        paths.iter().map(|p| p.strip_prefix(oasis()).expect("under oasis").to_string_lossy().into_owned()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.first().map(String::as_str), Some("kmip-1.4/mandatory/AKLC-M-1-14.xml"));
    let tl: Vec<&String> = names.iter().filter(|n| n.contains("/TL-M-")).collect();
    assert_eq!(
        tl,
        ["kmip-1.4/mandatory/TL-M-1-14.xml", "kmip-1.4/mandatory/TL-M-2-14.xml", "kmip-1.4/mandatory/TL-M-3-14.xml"]
    );
    assert!(vectors::expand(&[oasis().join("no-such-folder")]).is_err());
}
