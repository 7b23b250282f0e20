//! Decode arbitrary bytes; whatever decodes must survive the XML and JSON
//! encodings unchanged (tree -> text -> tree).
#![no_main]

use bytes::Bytes;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{json, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(item) = wire::decode(&Bytes::copy_from_slice(data), &Limits::default()) else {
        return;
    };
    let from_json = json::from_str(&json::to_string(&item)).expect("our JSON parses");
    assert_eq!(from_json, item, "JSON round trip changed the tree");
    let from_xml = xml::from_str(&xml::to_string(&item)).expect("our XML parses");
    assert_eq!(from_xml, item, "XML round trip changed the tree");
});
