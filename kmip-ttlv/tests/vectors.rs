//! The vectors in `vectors/`: OASIS test cases, published TTLV examples and
//! real-client captures, through every encoding.
//!
//! These are what catch a consistently wrong tag or enumeration number,
//! which a round trip alone cannot: the examples and captures are bytes that
//! other implementations produced.

mod common;

use std::path::{Path, PathBuf};

use bytes::Bytes;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{Tag, Ttlv, Value, json, registry, xml};

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors")
}

fn read_hex(path: &Path) -> Bytes {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let digits: String = text.split_whitespace().collect();
    Bytes::from(hex::decode(digits).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn decode(bytes: &Bytes) -> Result<Ttlv, kmip_ttlv::Error> {
    wire::decode(bytes, &Limits::default())
}

/// Every message of every OASIS test case: XML -> tree -> binary -> tree ->
/// XML -> tree, identical trees at each step. (tree -> JSON -> tree and the
/// stability of the text forms are checked in xml_json.rs.)
#[test]
fn oasis_test_cases_round_trip_through_every_encoding() {
    let messages = common::load_oasis_messages();
    let seed_dir = std::env::var_os("KMIP_FUZZ_SEED_DIR").map(PathBuf::from);
    let mut files = std::collections::BTreeSet::new();
    for (file, index, tree) in &messages {
        let at = format!("{file} message {index}");
        let binary = wire::to_vec(tree).unwrap_or_else(|e| panic!("{at}: encode: {e}"));
        assert_eq!(binary.len(), wire::encoded_len(tree), "{at}: encoded_len");
        let from_binary = decode(&Bytes::from(binary.clone())).unwrap_or_else(|e| panic!("{at}: decode: {e}"));
        assert_eq!(&from_binary, tree, "{at}: binary round trip");
        let xml_text = xml::to_string(&from_binary);
        let from_xml = xml::from_str(&xml_text).unwrap_or_else(|e| panic!("{at}: XML: {e}\n{xml_text}"));
        assert_eq!(&from_xml, tree, "{at}: XML round trip");
        if tree.tag == kmip_ttlv::Tag::REQUEST_MESSAGE {
            // Taking the tree gives what reading it does.
            let owned = kmip_ttlv::model::RequestParts::take_from(&mut tree.clone());
            assert_eq!(owned, kmip_ttlv::model::RequestParts::from_ttlv(tree), "{at}: from_owned");
        }
        if let Some(dir) = &seed_dir {
            let name = format!("{}-{index:03}", file.replace('/', "_"));
            std::fs::write(dir.join(name), &binary).expect("write fuzz seed");
        }
        files.insert(file.clone());
    }
    println!("OASIS: {} files, {} messages round-tripped", files.len(), messages.len());
    assert_eq!(files.len(), 240, "files");
    assert_eq!(messages.len(), 3036, "messages");
}

/// KMIP 1.x §9.1.2: each primitive example decodes to the documented value
/// and encodes to the published bytes.
#[test]
fn spec_primitive_examples() {
    let text = std::fs::read_to_string(vectors().join("ttlv-examples/spec-9.1.2-primitives.tsv")).expect("tsv");
    let mut count = 0;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, item_type, value, hex_text) = (cols[0], cols[1], cols[2], cols[3]);
        let bytes = Bytes::from(hex::decode(hex_text).expect("hex"));
        let item = decode(&bytes).unwrap_or_else(|e| panic!("example {id}: {e}"));
        assert_eq!(item.item_type().name(), item_type, "example {id}");
        let documented = value.split(' ').next().unwrap_or_default();
        match &item.value {
            Value::Integer(v) => assert_eq!(v.to_string(), documented),
            Value::LongInteger(v) => assert_eq!(v.to_string(), documented),
            Value::BigInteger(v) => {
                // 1234567890000000000000000000 as two's complement.
                let n = documented.parse::<i128>().expect("decimal");
                assert_eq!(v.as_bytes()[v.as_bytes().len() - 16..], n.to_be_bytes()[..], "example {id}");
            }
            Value::Enumeration(v) => assert_eq!(v.to_string(), documented),
            Value::Boolean(v) => assert_eq!(v.to_string(), documented),
            Value::TextString(v) => assert_eq!(v, value),
            Value::ByteString(v) => assert_eq!(hex::encode(v), documented),
            Value::DateTime(v) => assert_eq!(v.to_string(), documented),
            Value::Interval(v) => assert_eq!(v.to_string(), documented),
            Value::Structure(children) => {
                assert_eq!(
                    children,
                    &vec![
                        Ttlv::new(Tag::new(0x420004).expect("tag"), Value::Enumeration(254)),
                        Ttlv::new(Tag::new(0x420005).expect("tag"), Value::Integer(255)),
                    ]
                );
            }
            Value::DateTimeExtended(_) => panic!("no published example"),
        }
        assert_eq!(wire::to_vec(&item).expect("encode"), &bytes[..], "example {id}: re-encode");
        count += 1;
    }
    println!("spec examples: {count} decoded and re-encoded");
    assert_eq!(count, 10);
}

// The Query / Maximum Response Size exchanges of KMIP Additional Message
// Encodings 1.0 (published bytes, XML and JSON) are checked in xml_json.rs.

/// One row of the table in vectors/captures/README.md.
struct CaptureRow {
    file: String,
    version: (i32, i32),
    operations: Vec<String>,
    bytes: usize,
}

fn capture_table() -> Vec<CaptureRow> {
    let readme = std::fs::read_to_string(vectors().join("captures/README.md")).expect("README");
    let mut rows = Vec::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let file = cols[1].trim_matches('`').to_owned();
        let version = cols[4].trim_matches('*');
        let (major, minor) = version.split_once('.').expect("version");
        let operations = if cols[5] == "(no Operation)" {
            Vec::new()
        } else if let Some((name, count)) = cols[5].split_once(" ×") {
            vec![name.to_owned(); count.parse().expect("count")]
        } else {
            vec![cols[5].to_owned()]
        };
        rows.push(CaptureRow {
            file,
            version: (major.parse().expect("major"), minor.parse().expect("minor")),
            operations,
            bytes: cols[6].parse().expect("bytes"),
        });
    }
    rows
}

fn integer(item: Option<&Ttlv>) -> Option<i32> {
    match item?.value {
        Value::Integer(v) => Some(v),
        _ => None,
    }
}

/// Every capture decodes, shows the protocol version and operations its
/// README lists, and re-encodes to identical bytes.
#[test]
fn real_client_captures() {
    let rows = capture_table();
    assert_eq!(rows.len(), 32, "the README lists 32 captures");
    for row in &rows {
        let at = &row.file;
        let bytes = read_hex(&vectors().join("captures").join(at));
        assert_eq!(bytes.len(), row.bytes, "{at}: size");
        let (message, used) = wire::decode_message(&bytes, &Limits::default())
            .unwrap_or_else(|e| panic!("{at}: {e}"))
            .unwrap_or_else(|| panic!("{at}: incomplete"));
        assert_eq!(used, bytes.len(), "{at}: framing");
        assert_eq!(wire::to_vec(&message).expect("encode"), &bytes[..], "{at}: re-encode");
        assert!(matches!(message.tag, Tag::REQUEST_MESSAGE | Tag::RESPONSE_MESSAGE), "{at}: {:?}", message.tag);
        let header = message
            .child(Tag::REQUEST_HEADER)
            .or_else(|| message.child(Tag::RESPONSE_HEADER))
            .unwrap_or_else(|| panic!("{at}: no header"));
        let version = header.child(Tag::PROTOCOL_VERSION).expect("protocol version");
        let major = integer(version.child(Tag::PROTOCOL_VERSION_MAJOR));
        let minor = integer(version.child(Tag::PROTOCOL_VERSION_MINOR));
        assert_eq!((major, minor), (Some(row.version.0), Some(row.version.1)), "{at}: version");
        let operations: Vec<String> = message
            .children_with(Tag::BATCH_ITEM)
            .filter_map(|item| match item.child(Tag::OPERATION)?.value {
                Value::Enumeration(op) => Some(op),
                _ => None,
            })
            .map(|op| {
                let table = registry::enumeration(Tag::OPERATION).expect("Operation table");
                let value = table.values.iter().find(|v| v.value == op).unwrap_or_else(|| panic!("{at}: op {op}"));
                value.spec_name.to_owned()
            })
            .collect();
        assert_eq!(operations, row.operations, "{at}: operations");
        // Every message also survives the text encodings.
        assert_eq!(xml::from_str(&xml::to_string(&message)).as_ref(), Ok(&message), "{at}: XML");
        assert_eq!(json::from_str(&json::to_string(&message)).as_ref(), Ok(&message), "{at}: JSON");
    }
    println!("captures: {} decoded, checked and re-encoded byte for byte", rows.len());
}
