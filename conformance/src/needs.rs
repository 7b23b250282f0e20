//! What a test case needs beyond the server's current scope (the object
//! types in [`IN_SCOPE_OBJECT_TYPES`], the operations in
//! [`IN_SCOPE_OPERATIONS`]). Used to write skip.toml and, in a
//! test, to check that every such file is listed there.

use std::collections::BTreeSet;

use kmip_ttlv::{Tag, Ttlv, Value, registry};

use crate::vectors::Exchange;

/// Operations the server implements (normalized names).
pub const IN_SCOPE_OPERATIONS: [&str; 49] = [
    "Create",
    "Register",
    "Get",
    "GetAttributes",
    "GetAttributeList",
    "AddAttribute",
    "ModifyAttribute",
    "DeleteAttribute",
    "SetAttribute",
    "AdjustAttribute",
    "Locate",
    "Check",
    "Activate",
    "Revoke",
    "Destroy",
    "Archive",
    "Recover",
    "ObtainLease",
    "GetUsageAllocation",
    "ReKey",
    "Query",
    "DiscoverVersions",
    "Interop",
    "Log",
    "Poll",
    "Cancel",
    "CreateKeyPair",
    "Encrypt",
    "Decrypt",
    "Sign",
    "SignatureVerify",
    "MAC",
    "MACVerify",
    "Hash",
    "RNGRetrieve",
    "RNGSeed",
    "DeriveKey",
    "CreateSplitKey",
    "JoinSplitKey",
    "Certify",
    "Validate",
    "ReKeyKeyPair",
    "ReCertify",
    "Import",
    "Export",
    "Notify",
    "Put",
    "SetEndpointRole",
    "PKCS_11",
];

/// Object types the server stores (normalized names).
pub const IN_SCOPE_OBJECT_TYPES: [&str; 10] = [
    "SymmetricKey",
    "SecretData",
    "OpaqueObject",
    "Template",
    "PrivateKey",
    "PublicKey",
    "Certificate",
    "SplitKey",
    "PGPKey",
    "CertificateRequest",
];

/// Key format types the server produces (normalized names).
pub const IN_SCOPE_KEY_FORMATS: [&str; 13] = [
    "Raw",
    "Opaque",
    "TransparentSymmetricKey",
    "PKCS_1",
    "PKCS_8",
    "X_509",
    "ECPrivateKey",
    "TransparentRSAPrivateKey",
    "TransparentRSAPublicKey",
    "TransparentECPrivateKey",
    "TransparentECPublicKey",
    "TransparentDSAPrivateKey",
    "TransparentDSAPublicKey",
];

/// Object structures whose presence means an object type.
const OBJECT_TAGS: [(Tag, &str); 6] = [
    (Tag::PUBLIC_KEY, "PublicKey"),
    (Tag::PRIVATE_KEY, "PrivateKey"),
    (Tag::CERTIFICATE, "Certificate"),
    (Tag::SPLIT_KEY, "SplitKey"),
    (Tag::PGP_KEY, "PGPKey"),
    (Tag::CERTIFICATE_REQUEST, "CertificateRequest"),
];

/// Features a file needs that the server does not have, by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Operations sent in requests (specification names).
    pub operations: BTreeSet<String>,
    /// Object types used (specification names).
    pub object_types: BTreeSet<String>,
    /// Operations or object types an expected Query response lists (the
    /// comparison is "contains", so the server must list them too).
    pub query_lists: BTreeSet<String>,
    /// Anything else: key wrapping, key formats.
    pub other: BTreeSet<String>,
}

impl Needs {
    /// True if the file needs nothing beyond the scope.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
            && self.object_types.is_empty()
            && self.query_lists.is_empty()
            && self.other.is_empty()
    }

    /// A one-line reason: `needs Create Key Pair, Sign, Public Key; Query
    /// lists Export`.
    pub fn reason(&self) -> String {
        let mut needed: Vec<&str> = Vec::new();
        needed.extend(self.operations.iter().map(String::as_str));
        needed.extend(self.object_types.iter().map(String::as_str));
        // A key format of an object type already named says nothing more.
        let formats_implied = !self.object_types.is_empty();
        needed.extend(
            self.other.iter().map(String::as_str).filter(|o| !(formats_implied && o.starts_with("Key Format Type"))),
        );
        let mut parts = Vec::new();
        if !needed.is_empty() {
            parts.push(format!("needs {}", needed.join(", ")));
        }
        if !self.query_lists.is_empty() {
            const SHOWN: usize = 4;
            let listed: Vec<&str> = self.query_lists.iter().take(SHOWN).map(String::as_str).collect();
            let more = self.query_lists.len().saturating_sub(SHOWN);
            let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
            parts.push(format!("Query must list {}{tail}", listed.join(", ")));
        }
        parts.join("; ")
    }
}

/// Scans the exchanges of one file.
pub fn scan(exchanges: &[Exchange]) -> Needs {
    let mut needs = Needs::default();
    for exchange in exchanges {
        for item in exchange.request.children_with(Tag::BATCH_ITEM) {
            if let Some(op) = enum_of(item.child(Tag::OPERATION), Tag::OPERATION)
                && !IN_SCOPE_OPERATIONS.contains(&op.0)
            {
                needs.operations.insert(op.1.to_owned());
            }
        }
        for message in [&exchange.request, &exchange.expected] {
            walk(message, None, &mut needs);
        }
        for item in exchange.expected.children_with(Tag::BATCH_ITEM) {
            let is_query = enum_of(item.child(Tag::OPERATION), Tag::OPERATION).is_some_and(|o| o.0 == "Query");
            let Some(payload) = item.child(Tag::RESPONSE_PAYLOAD).filter(|_| is_query) else {
                continue;
            };
            for listed in payload.children().unwrap_or(&[]) {
                let out_of_scope = match enum_of(Some(listed), listed.tag) {
                    Some((name, spec)) if listed.tag == Tag::OPERATION => {
                        (!IN_SCOPE_OPERATIONS.contains(&name)).then_some(spec)
                    }
                    Some((name, spec)) if listed.tag == Tag::OBJECT_TYPE => {
                        (!IN_SCOPE_OBJECT_TYPES.contains(&name)).then_some(spec)
                    }
                    _ => None,
                };
                if let Some(spec) = out_of_scope {
                    needs.query_lists.insert(spec.to_owned());
                }
            }
        }
    }
    // What the Query lists and the file also uses is already named.
    let named: BTreeSet<String> = needs.operations.union(&needs.object_types).cloned().collect();
    needs.query_lists.retain(|q| !named.contains(q));
    needs
}

/// Object types, object structures, key wrapping and key formats anywhere
/// in a message, except inside a Query response payload (see [`scan`]).
fn walk(item: &Ttlv, attribute_name: Option<&str>, needs: &mut Needs) {
    if let Some((_, name)) = OBJECT_TAGS.iter().find(|(t, _)| *t == item.tag)
        && !IN_SCOPE_OBJECT_TYPES.contains(name)
    {
        needs.object_types.insert(spec_name(Tag::OBJECT_TYPE, name));
    }
    let value_tag = registry::value_tag(item.tag, attribute_name);
    if value_tag == Tag::OBJECT_TYPE
        && let Some((name, spec)) = enum_of(Some(item), Tag::OBJECT_TYPE)
        && !IN_SCOPE_OBJECT_TYPES.contains(&name)
    {
        needs.object_types.insert(spec.to_owned());
    }
    if value_tag == Tag::KEY_FORMAT_TYPE
        && let Some((name, spec)) = enum_of(Some(item), Tag::KEY_FORMAT_TYPE)
        && !IN_SCOPE_KEY_FORMATS.contains(&name)
    {
        needs.other.insert(format!("Key Format Type {spec}"));
    }
    if let Value::Structure(children) = &item.value {
        let is_query_response = item.tag == Tag::BATCH_ITEM
            && item.child(Tag::RESPONSE_PAYLOAD).is_some()
            && enum_of(item.child(Tag::OPERATION), Tag::OPERATION).is_some_and(|o| o.0 == "Query");
        let name = item.child(Tag::ATTRIBUTE_NAME).and_then(|n| n.value.as_text());
        for child in children {
            if is_query_response && child.tag == Tag::RESPONSE_PAYLOAD {
                continue;
            }
            walk(child, name, needs);
        }
    }
}

/// The (normalized, specification) names of an enumeration item's value,
/// read with the table of `table`.
fn enum_of(item: Option<&Ttlv>, table: Tag) -> Option<(&'static str, &'static str)> {
    let value = item?.value.as_enumeration()?;
    let info = registry::enumeration(table)?;
    let entry = info.values.iter().find(|v| v.value == value)?;
    Some((entry.name, entry.spec_name))
}

/// The specification name of a normalized enumeration name.
fn spec_name(table: Tag, name: &str) -> String {
    registry::enumeration(table)
        .and_then(|info| info.values.iter().find(|v| v.name == name))
        .map_or_else(|| name.to_owned(), |v| v.spec_name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectors;

    #[test]
    fn names_operations_objects_and_query_lists() {
        let text = r#"<KMIP>
<RequestMessage><BatchItem><Operation type="Enumeration" value="SetConstraints"/><RequestPayload/></BatchItem>
<BatchItem><Operation type="Enumeration" value="Query"/><RequestPayload/></BatchItem></RequestMessage>
<ResponseMessage><BatchItem><Operation type="Enumeration" value="SetConstraints"/>
  <ResponsePayload><KeyFormatType type="Enumeration" value="PKCS_12"/></ResponsePayload></BatchItem>
<BatchItem><Operation type="Enumeration" value="Query"/><ResponsePayload>
  <Operation type="Enumeration" value="GetConstraints"/><Operation type="Enumeration" value="Get"/>
  <ObjectType type="Enumeration" value="PGPKey"/></ResponsePayload></BatchItem></ResponseMessage>
</KMIP>"#;
        let needs = scan(&vectors::parse(text).expect("parses"));
        assert_eq!(needs.reason(), "needs Set Constraints, Key Format Type PKCS#12; Query must list Get Constraints");
    }

    #[test]
    fn in_scope_needs_nothing() {
        let text = r#"<KMIP>
<RequestMessage><BatchItem><Operation type="Enumeration" value="Create"/><RequestPayload>
  <ObjectType type="Enumeration" value="SymmetricKey"/></RequestPayload></BatchItem></RequestMessage>
<ResponseMessage><BatchItem><Operation type="Enumeration" value="Create"/><ResponsePayload>
  <KeyFormatType type="Enumeration" value="Raw"/></ResponsePayload></BatchItem></ResponseMessage>
</KMIP>"#;
        assert!(scan(&vectors::parse(text).expect("parses")).is_empty());
    }
}
