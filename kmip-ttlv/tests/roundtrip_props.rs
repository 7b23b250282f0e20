//! Property: arbitrary trees round-trip through binary TTLV, XML and JSON.

use bytes::Bytes;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{BigInteger, Tag, Ttlv, Value, json, registry, xml};
use proptest::prelude::*;

/// Tags: any registered tag, unknown tags in the KMIP range, extension tags.
fn tag() -> impl Strategy<Value = Tag> {
    let known = registry::all_tags().len();
    prop_oneof![
        6 => (0..known).prop_map(|i| registry::all_tags()[i].tag),
        1 => (0x42_0200u32..=0x42_FFFF).prop_map(|v| Tag::new(v).expect("KMIP range")),
        1 => (0x54_0000u32..=0x54_FFFF).prop_map(|v| Tag::new(v).expect("extension range")),
    ]
}

/// Text that XML 1.0 can carry (every character except the C0 controls
/// other than tab, line feed and carriage return, and the non-characters).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        "\\PC{0,20}",
        Just(String::new()),
        Just("tab\tline\nreturn\r<&>\"' ü 日本 🔑".to_owned()),
    ]
}

fn enumeration() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..0x60, 0x100u32..0x140, any::<u32>(), 0x8000_0000u32..=0x8000_00FF]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i32>().prop_map(Value::Integer),
        any::<i64>().prop_map(Value::LongInteger),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| Value::BigInteger(BigInteger::from_twos_complement(&b))),
        enumeration().prop_map(Value::Enumeration),
        any::<bool>().prop_map(Value::Boolean),
        text().prop_map(Value::TextString),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| Value::ByteString(Bytes::from(b))),
        prop_oneof![any::<i64>(), -62_135_596_800i64..253_402_300_799].prop_map(Value::DateTime),
        any::<u32>().prop_map(Value::Interval),
        prop_oneof![any::<i64>(), -62_135_596_800_000_000i64..253_402_300_799_000_000]
            .prop_map(Value::DateTimeExtended),
    ]
}

fn tree() -> impl Strategy<Value = Ttlv> {
    let leaf_item = (tag(), leaf()).prop_map(|(tag, value)| Ttlv::new(tag, value));
    leaf_item.prop_recursive(5, 64, 8, |inner| {
        (tag(), prop::collection::vec(inner, 0..8)).prop_map(|(tag, children)| Ttlv::structure(tag, children))
    })
}

/// KMIP 1.x attributes, whose value's names depend on the attribute name.
fn attribute() -> impl Strategy<Value = Ttlv> {
    let names = prop::sample::select(vec![
        "Cryptographic Algorithm",
        "Cryptographic Usage Mask",
        "State",
        "Object Type",
        "x-custom",
        "Name",
    ]);
    (names, prop_oneof![enumeration().prop_map(Value::Enumeration), any::<i32>().prop_map(Value::Integer)]).prop_map(
        |(name, value)| {
            Ttlv::structure(
                Tag::ATTRIBUTE,
                vec![
                    Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(name.to_owned())),
                    Ttlv::new(Tag::ATTRIBUTE_VALUE, value),
                ],
            )
        },
    )
}

fn check_all_encodings(item: &Ttlv) -> Result<(), TestCaseError> {
    let bytes = wire::to_vec(item).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(bytes.len(), wire::encoded_len(item));
    let limits = Limits { max_message_size: usize::MAX, max_depth: 64 };
    let decoded = wire::decode(&Bytes::from(bytes), &limits);
    prop_assert_eq!(decoded.as_ref(), Ok(item));

    let xml_text = xml::to_string(item);
    let from_xml = xml::from_str(&xml_text);
    prop_assert_eq!(from_xml.as_ref(), Ok(item), "XML:\n{}", xml_text);

    let json_text = json::to_string(item);
    let from_json = json::from_str(&json_text);
    prop_assert_eq!(from_json.as_ref(), Ok(item), "JSON:\n{}", json_text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_trees_round_trip(item in tree()) {
        check_all_encodings(&item)?;
    }

    #[test]
    fn kmip_1_attributes_round_trip(attributes in prop::collection::vec(attribute(), 1..6)) {
        check_all_encodings(&Ttlv::structure(Tag::TEMPLATE_ATTRIBUTE, attributes))?;
    }
}
