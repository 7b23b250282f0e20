//! The enumeration and bit-mask registry against the published vectors and
//! a few numbers taken from the specifications.
//!
//! Every Enumeration value name and every Integer mask bit name written in
//! the OASIS test cases (`vectors/oasis/**/*.xml`) and in the published
//! message examples (`vectors/ttlv-examples/**/*.{xml,json}`) must resolve
//! through `kmip_ttlv::registry`, with the table that the tag (or, for a KMIP
//! 1.x `AttributeValue`, the sibling `AttributeName`) selects.

use std::path::{Path, PathBuf};

use kmip_ttlv::enums::{
    CredentialType, CryptographicAlgorithm, CryptographicUsageMask, ItemType, KeyFormatType, ObjectType, Operation,
    PKCS11Function, PKCS11ReturnCode, ProfileName, ProtectionStorageMask, QueryFunction, ResultReason, State,
    StorageStatusMask,
};
use kmip_ttlv::{ProtocolVersion, Tag, registry};
use quick_xml::events::{BytesStart, Event};

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors")
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
            if path.is_dir() {
                pending.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// One item as written in XML or JSON: tag name, type, value, children.
#[derive(Default)]
struct Item {
    tag: String,
    item_type: Option<String>,
    value: Option<String>,
    children: Vec<Item>,
}

fn xml_item(start: &BytesStart<'_>) -> Item {
    let mut item = Item { tag: start.local_name().as_ref().to_owned(), ..Item::default() };
    let mut generic_name = None;
    let mut generic_tag = None;
    for attribute in start.attributes() {
        let attribute = attribute.unwrap_or_else(|e| panic!("<{}>: {e}", item.tag));
        // Enumeration and mask words never need unescaping.
        let value = attribute.value.into_owned();
        match attribute.key.local_name().as_ref() {
            "type" => item.item_type = Some(value),
            "value" => item.value = Some(value),
            "name" => generic_name = Some(value),
            "tag" => generic_tag = Some(value),
            _ => {}
        }
    }
    // The generic form `<TTLV tag="0x42xxxx" name="..." type="..." value="..."/>`.
    if item.tag == "TTLV" {
        item.tag = generic_name.or(generic_tag).unwrap_or_default();
    }
    item
}

/// Parses an XML vector file into a tree under a synthetic root.
fn parse_xml(path: &Path) -> Item {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut stack = vec![Item::default()];
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
            Event::Start(start) => stack.push(xml_item(&start)),
            Event::Empty(start) => {
                let item = xml_item(&start);
                stack.last_mut().unwrap_or_else(|| panic!("{}: unbalanced", path.display())).children.push(item);
            }
            Event::End(_) => {
                let item = stack.pop().unwrap_or_else(|| panic!("{}: unbalanced", path.display()));
                stack.last_mut().unwrap_or_else(|| panic!("{}: unbalanced", path.display())).children.push(item);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "{}: unclosed elements", path.display());
    stack.pop().unwrap_or_default()
}

/// Converts a JSON vector (`{"tag", "type", "value"}` objects) into a tree.
fn json_item(value: &serde_json::Value) -> Item {
    let field = |name: &str| value.get(name).and_then(serde_json::Value::as_str).map(str::to_owned);
    let mut item = Item { tag: field("tag").unwrap_or_default(), item_type: field("type"), ..Item::default() };
    match value.get("value") {
        Some(serde_json::Value::Array(children)) => item.children = children.iter().map(json_item).collect(),
        Some(serde_json::Value::String(text)) => item.value = Some(text.clone()),
        _ => {}
    }
    item
}

fn parse_json(path: &Path) -> Item {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let roots = match &value {
        serde_json::Value::Array(items) => items.iter().map(json_item).collect(),
        other => vec![json_item(other)],
    };
    Item { children: roots, ..Item::default() }
}

#[derive(Default)]
struct Check {
    enumerations: usize,
    mask_words: usize,
    failures: Vec<String>,
}

impl Check {
    /// Checks the children of `parent` (and their subtrees); `mask_separator`
    /// is `' '` in XML and `'|'` in JSON.
    fn walk(&mut self, file: &str, parent: &Item, mask_separator: char) {
        let attribute_name = parent.children.iter().find(|c| c.tag == "AttributeName").and_then(|c| c.value.as_deref());
        for item in &parent.children {
            self.item(file, item, attribute_name, mask_separator);
            self.walk(file, item, mask_separator);
        }
    }

    fn item(&mut self, file: &str, item: &Item, attribute_name: Option<&str>, mask_separator: char) {
        let Some(value) = item.value.as_deref() else { return };
        let is_symbolic = |word: &str| !word.is_empty() && !word.starts_with('$') && !word.starts_with("0x");
        let tag = || {
            Tag::from_name(&item.tag).or_else(|| {
                item.tag.strip_prefix("0x").and_then(|hex| u32::from_str_radix(hex, 16).ok()).and_then(Tag::new)
            })
        };
        match item.item_type.as_deref() {
            Some("Enumeration") if is_symbolic(value) => {
                self.enumerations += 1;
                let Some(tag) = tag() else {
                    self.failures.push(format!("{file}: unknown tag {}", item.tag));
                    return;
                };
                let table_tag = registry::value_tag(tag, attribute_name);
                if registry::enum_value(table_tag, value).is_none() {
                    self.failures.push(format!("{file}: {} ({attribute_name:?}) = {value}", item.tag));
                }
            }
            Some("Integer") if value.parse::<i64>().is_err() && !value.starts_with('$') => {
                let Some(tag) = tag() else {
                    self.failures.push(format!("{file}: unknown tag {}", item.tag));
                    return;
                };
                let mask = registry::mask(registry::value_tag(tag, attribute_name));
                for word in value.split(mask_separator).map(str::trim).filter(|w| is_symbolic(w)) {
                    self.mask_words += 1;
                    if mask.and_then(|m| m.bit_of(word)).is_none() {
                        self.failures.push(format!("{file}: {} ({attribute_name:?}) mask word {word}", item.tag));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every symbolic Enumeration value and Integer mask word in the vectors
/// resolves through the registry.
#[test]
fn every_vector_name_resolves() {
    let root = vectors();
    let mut check = Check::default();
    let mut xml_files = files(&root.join("oasis"), ".xml");
    xml_files.extend(files(&root.join("ttlv-examples"), ".xml"));
    let json_files = files(&root.join("ttlv-examples"), ".json");
    assert!(xml_files.len() > 200, "expected the OASIS test cases under {}", root.display());
    for path in &xml_files {
        let name = path.strip_prefix(&root).unwrap_or(path).display().to_string();
        check.walk(&name, &parse_xml(path), ' ');
    }
    for path in &json_files {
        let name = path.strip_prefix(&root).unwrap_or(path).display().to_string();
        check.walk(&name, &parse_json(path), '|');
    }
    println!(
        "registry: {} XML + {} JSON files, {} enumeration values, {} mask words checked",
        xml_files.len(),
        json_files.len(),
        check.enumerations,
        check.mask_words
    );
    assert!(check.enumerations > 1000, "too few enumeration values found: {}", check.enumerations);
    assert!(check.mask_words > 50, "too few mask words found: {}", check.mask_words);
    assert!(check.failures.is_empty(), "{} unresolved:\n{}", check.failures.len(), check.failures.join("\n"));
}

/// A few numbers checked by hand against the specification tables.
#[test]
fn spot_checks_against_the_specification() {
    assert_eq!(Operation::QUERY.0, 0x18);
    assert_eq!(Operation::DISCOVER_VERSIONS.0, 0x1E);
    assert_eq!(Operation::PKCS_11.0, 0x33);
    assert_eq!(Operation::PING.0, 0x3B);
    assert_eq!(ResultReason::ITEM_NOT_FOUND.0, 0x01);
    assert_eq!(ResultReason::OBJECT_NOT_FOUND.0, 0x37);
    assert_eq!(ResultReason::DUPLICATE_PROCESS_REQUEST.0, 0x4C);
    assert_eq!(ResultReason::GENERAL_FAILURE.0, 0x100);
    assert_eq!(State::PRE_ACTIVE.0, 1);
    assert_eq!(State::DESTROYED_COMPROMISED.0, 6);
    assert_eq!(CryptographicAlgorithm::AES.0, 3);
    assert_eq!(CryptographicAlgorithm::DES3.0, 2);
    assert_eq!(CryptographicAlgorithm::ED448.0, 0x38);
    assert_eq!(ObjectType::CERTIFICATE_REQUEST.0, 0x0A);
    assert_eq!(KeyFormatType::TRANSPARENT_EC_PRIVATE_KEY.0, 0x14);
    assert_eq!(CredentialType::TICKET.0, 6);
    assert_eq!(QueryFunction::QUERY_STORAGE_PROTECTION_MASKS.0, 0x0E);
    assert_eq!(ItemType::DATE_TIME_EXTENDED.0, 0x0B);
    assert_eq!(ProfileName::BASELINE_SERVER_BASIC_KMIPV1_2.0, 0x01);
    assert_eq!(ProfileName::XML_SERVER_KMIPV1_4.0, 0x9C);
    assert_eq!(ProfileName::COMPLETE_SERVER_BASIC.0, 0x104);
    assert_eq!(ProfileName::SYMMETRIC_KEY_LIFECYCLE_SERVER.0, 0x109);
    assert_eq!(ProfileName::BASELINE_SERVER.0, 0x12B);
    assert_eq!(ProfileName::COMPLETE_SERVER.0, 0x12C);
    // PKCS#11 Function: 1-based position in CK_FUNCTION_LIST_3_0.
    assert_eq!(PKCS11Function::C_INITIALIZE.0, 1);
    assert_eq!(PKCS11Function::C_FINALIZE.0, 2);
    assert_eq!(PKCS11Function::C_GET_INFO.0, 3);
    assert_eq!(PKCS11Function::C_MESSAGE_VERIFY_FINAL.0, 92);
    assert_eq!(PKCS11ReturnCode::OK.0, 0);
    assert_eq!(CryptographicUsageMask::AUTHENTICATE.0, 0x0010_0000);
    assert_eq!(CryptographicUsageMask::FPE_DECRYPT.0, 0x0080_0000);
    assert_eq!(StorageStatusMask::DESTROYED_STORAGE.0, 4);
    assert_eq!(ProtectionStorageMask::SOFTWARE.0, 1);
    assert_eq!(ProtectionStorageMask::SAME_JURISDICTION.0, 0x2000);

    // The names the XML and JSON encodings use, through the tag's table.
    let by_name = |tag: Tag, name: &str| registry::enum_value(tag, name);
    assert_eq!(by_name(Tag::OPERATION, "ReKeyKeyPair"), Some(0x1D));
    assert_eq!(by_name(Tag::CRYPTOGRAPHIC_ALGORITHM, "HMAC_SHA256"), Some(0x09));
    assert_eq!(by_name(Tag::KEY_FORMAT_TYPE, "PKCS_1"), Some(0x03));
    assert_eq!(by_name(Tag::CERTIFICATE_TYPE, "X_509"), Some(0x01));
    assert_eq!(by_name(Tag::RNG_ALGORITHM, "ANSIX9_31"), Some(0x05));
    assert_eq!(by_name(Tag::MASK_GENERATOR_HASHING_ALGORITHM, "SHA_256"), Some(0x06));
    assert_eq!(by_name(Tag::EXTENSION_TYPE, "TextString"), Some(0x07));
    assert_eq!(by_name(Tag::UNIQUE_IDENTIFIER, "IDPlaceholder"), Some(0x01));
    assert_eq!(by_name(Tag::LINK_TYPE, "PublicKeyLink"), Some(0x102));
    assert_eq!(by_name(Tag::PROFILE_NAME, "BaselineServer"), Some(0x12B));
    let usage = registry::mask(Tag::CRYPTOGRAPHIC_USAGE_MASK).map(|m| m.parse("Encrypt Decrypt", ' '));
    assert_eq!(usage, Some(Some(0x0C)));
    assert_eq!(registry::mask(Tag::PROTECTION_STORAGE_MASK).and_then(|m| m.bit_of("OnPremises")), Some(0x100));
    assert_eq!(registry::mask(Tag::STORAGE_STATUS_MASK).and_then(|m| m.bit_of("OnLineStorage")), Some(0x01));
}

/// First and last versions of a few values.
#[test]
fn versions_of_values() {
    let row = |tag: Tag, value: u32| {
        let table = registry::enumeration(tag).unwrap_or_else(|| panic!("no table for {tag:?}"));
        let row = table.values.iter().find(|v| v.value == value);
        row.map_or_else(|| panic!("{}: no 0x{value:X}", table.name), |v| (v.first_version, v.removed_in))
    };
    let (v1_0, v1_1, v1_2, v1_3, v1_4) = (
        ProtocolVersion::V1_0,
        ProtocolVersion::V1_1,
        ProtocolVersion::V1_2,
        ProtocolVersion::V1_3,
        ProtocolVersion::V1_4,
    );
    let (v2_0, v2_1) = (ProtocolVersion::V2_0, ProtocolVersion::V2_1);
    assert_eq!(row(Tag::OBJECT_TYPE, 0x06), (v1_0, Some(v2_0)), "Template");
    assert_eq!(row(Tag::OBJECT_TYPE, 0x09), (v1_2, None), "PGP Key");
    for value in 0x0E..=0x13 {
        assert_eq!(row(Tag::KEY_FORMAT_TYPE, value), (v1_0, Some(v2_0)), "Key Format Type 0x{value:X}");
    }
    assert_eq!(row(Tag::RESULT_REASON, 0x0B), (v1_0, Some(v2_0)), "Illegal Operation");
    assert_eq!(row(Tag::RESULT_REASON, 0x0E), (v1_0, Some(v2_0)), "Index Out of Bounds");
    assert_eq!(row(Tag::RESULT_REASON, 0x4A), (v2_1, None), "Unknown Object Group");
    assert_eq!(row(Tag::OPERATION, 0x1E), (v1_1, None), "Discover Versions");
    assert_eq!(row(Tag::OPERATION, 0x2B), (v1_4, None), "Export");
    assert_eq!(row(Tag::OPERATION, 0x36), (v2_1, None), "Set Defaults");
    assert_eq!(row(Tag::QUERY_FUNCTION, 0x0C), (v1_3, None), "Query Client Registration Methods");
    assert_eq!(row(Tag::PROFILE_NAME, 0x01), (v1_3, Some(v2_0)), "Baseline Server Basic KMIP v1.2");
    assert_eq!(row(Tag::PROFILE_NAME, 0x9C), (v1_4, Some(v2_0)), "XML Server KMIP v1.4");
    assert_eq!(row(Tag::PROFILE_NAME, 0x12C), (v2_0, None), "Complete Server");
    let usage = registry::mask(Tag::CRYPTOGRAPHIC_USAGE_MASK).unwrap_or_else(|| panic!("no usage mask table"));
    let bit = |value: u32| usage.bits.iter().find(|b| b.value == value).map(|b| (b.first_version, b.removed_in));
    assert_eq!(bit(0x40), Some((v1_0, Some(v2_0))), "Export");
    assert_eq!(bit(0x8_0000), Some((v1_0, Some(v2_0))), "Translate Unwrap");
    assert_eq!(bit(0x10_0000), Some((v2_0, None)), "Authenticate");
}

/// Every Enumeration tag has a table (except those whose values are tags or
/// only vendor extensions), every table is reachable from a tag, and the
/// names of each table are unique and round-trip.
#[test]
fn tables_are_consistent() {
    let no_table = [Tag::OPAQUE_DATA_TYPE, Tag::TAG, Tag::ATTRIBUTE_REFERENCE];
    let mut reachable = std::collections::BTreeSet::new();
    for info in registry::all_tags() {
        if info.item_types.contains(&kmip_ttlv::ItemType::Enumeration) {
            match registry::enumeration(info.tag) {
                Some(table) => {
                    reachable.insert(table.name);
                }
                None => assert!(no_table.contains(&info.tag), "no enumeration table for {}", info.name),
            }
        }
        if let Some(mask) = registry::mask(info.tag) {
            assert!(info.item_types.contains(&kmip_ttlv::ItemType::Integer), "{} is not an Integer", info.name);
            reachable.insert(mask.name);
        }
    }
    for table in registry::all_enumerations() {
        assert!(reachable.contains(table.name), "no tag uses {}", table.name);
        for value in table.values {
            assert_eq!(table.value_of(value.name), Some(value.value), "{}: {}", table.name, value.name);
            assert_eq!(table.name_of(value.value), Some(value.name), "{}: 0x{:X}", table.name, value.value);
            assert!(value.removed_in.is_none_or(|r| r > value.first_version), "{}: {}", table.name, value.name);
        }
    }
    for mask in registry::all_masks() {
        assert!(reachable.contains(mask.name), "no tag uses {}", mask.name);
        for bit in mask.bits {
            assert_eq!(bit.value.count_ones(), 1, "{}: {}", mask.name, bit.name);
            assert_eq!(mask.bit_of(bit.name), Some(bit.value), "{}: {}", mask.name, bit.name);
        }
    }
}
