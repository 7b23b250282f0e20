//! Parse arbitrary text as KMIP XML and JSON: never a panic, and whatever
//! parses survives being written and read back.
#![no_main]

use kmip_ttlv::{json, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(item) = xml::from_str(text) {
        assert_eq!(xml::from_str(&xml::to_string(&item)).as_ref(), Ok(&item), "XML rewrite changed the tree");
    }
    let _ = xml::test_case_messages(text);
    if let Ok(item) = json::from_str(text) {
        assert_eq!(json::from_str(&json::to_string(&item)).as_ref(), Ok(&item), "JSON rewrite changed the tree");
    }
});
