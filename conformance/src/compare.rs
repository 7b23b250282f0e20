//! The comparator: an expected ResponseMessage from a test case against the
//! response the server sent, at the TTLV level.
//!
//! Exact except for the rules listed in conformance/README.md ("Comparison
//! rules"); every rule is implemented here and named in a comment where it
//! applies. The function is pure: the clock, the bindings and the set of
//! server-generated objects come in through [`Context`] and [`Bindings`].

use std::collections::HashSet;
use std::fmt;

use kmip_ttlv::{Tag, Ttlv, Value, registry, xml};

use crate::placeholder::{self, Bindings, Placeholder};

/// `$NOW`-type times in a response are accepted within this many seconds of
/// the run.
pub const TIME_TOLERANCE: i64 = 120;

/// What the comparison needs besides the two messages.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The request that was sent (placeholders filled in), used to know
    /// whether a Get Attributes named attributes and which cryptographic
    /// parameters an operation used.
    pub request: Option<&'a Ttlv>,
    /// The start of the run (seconds since the epoch): the earliest `$NOW`.
    pub run_start: i64,
    /// The current time (seconds since the epoch): the latest `$NOW`.
    pub now: i64,
    /// Unique Identifiers of objects whose key material the server generated
    /// (Create, Re-key, Create Key Pair, ...), see [`note_generated`].
    pub generated: &'a HashSet<String>,
    /// True when the request echoed ciphertext this server produced (see
    /// `placeholder::feed_back`); a Decrypt with a generated key that did
    /// not can only be checked for success and length.
    pub echoed: bool,
}

/// The first difference found: where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Tag path, e.g. `ResponseMessage/BatchItem[0]/ResultReason`.
    pub path: String,
    /// What differs, e.g. `expected ItemNotFound, got ObjectNotFound`.
    pub message: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

type Outcome = Result<(), Difference>;

fn diff(path: &str, message: impl Into<String>) -> Difference {
    Difference { path: path.to_owned(), message: message.into() }
}

/// Compares `expected` (from the test case, placeholders marked) with
/// `actual` (decoded from the wire). On success the placeholders first seen
/// in this response are added to `bindings`; on failure `bindings` is left
/// as it was.
pub fn compare(expected: &Ttlv, actual: &Ttlv, ctx: &Context<'_>, bindings: &mut Bindings) -> Outcome {
    let mut cmp = Comparator { ctx, bindings: bindings.clone() };
    cmp.message(expected, actual)?;
    *bindings = cmp.bindings;
    Ok(())
}

/// Adds to `generated` the Unique Identifiers that a successful Create,
/// Create Key Pair, Re-key, Re-key Key Pair, Derive Key, Create Split Key,
/// Join Split Key, Certify or Re-certify in `actual` returned: their key
/// material and digests are random and compared by type and length.
pub fn note_generated(actual: &Ttlv, generated: &mut HashSet<String>) {
    const GENERATING: [&str; 9] = [
        "Create",
        "CreateKeyPair",
        "ReKey",
        "ReKeyKeyPair",
        "DeriveKey",
        "CreateSplitKey",
        "JoinSplitKey",
        "Certify",
        "ReCertify",
    ];
    for item in actual.children_with(Tag::BATCH_ITEM) {
        let op = item.child(Tag::OPERATION).and_then(|o| o.value.as_enumeration());
        let generating =
            op.and_then(|v| registry::enum_name(Tag::OPERATION, v)).is_some_and(|n| GENERATING.contains(&n));
        let success = item.child(Tag::RESULT_STATUS).and_then(|s| s.value.as_enumeration()) == Some(0);
        if !(generating && success) {
            continue;
        }
        if let Some(payload) = item.child(Tag::RESPONSE_PAYLOAD) {
            for tag in [Tag::UNIQUE_IDENTIFIER, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER] {
                for uid in payload.children_with(tag) {
                    if let Some(text) = uid.value.as_text() {
                        generated.insert(text.to_owned());
                    }
                }
            }
        }
    }
}

/// Records the objects a Register or Create gives randomized default
/// Cryptographic Parameters (OAEP or PKCS#1 v1.5 encryption padding, PSS,
/// ECDSA or DSA signatures): an Encrypt or Sign with them that names no
/// parameters of its own has random output. Kept in the same set as
/// [`note_generated`], under `randomized:<uid>`.
pub fn note_randomized(request: &Ttlv, actual: &Ttlv, generated: &mut HashSet<String>) {
    fn randomizing_params(params: &Ttlv) -> bool {
        let padding = enum_child(params, Tag::PADDING_METHOD);
        let signature = enum_child(params, Tag::DIGITAL_SIGNATURE_ALGORITHM);
        let algorithm = enum_child(params, Tag::CRYPTOGRAPHIC_ALGORITHM);
        matches!(padding, Some("OAEP" | "PKCS1V1_5" | "PKCS1_V1_5" | "PSS"))
            || signature.is_some_and(|s| s.contains("DSA") || s.contains("PSS"))
            || algorithm.is_some_and(|a| a.contains("DSA"))
    }
    fn randomizing(tree: &Ttlv) -> bool {
        if tree.tag == Tag::CRYPTOGRAPHIC_PARAMETERS {
            return randomizing_params(tree);
        }
        // KMIP 1.x: an Attribute named "Cryptographic Parameters".
        if tree.tag == Tag::ATTRIBUTE
            && tree.child(Tag::ATTRIBUTE_NAME).and_then(|n| n.value.as_text()) == Some("Cryptographic Parameters")
        {
            return tree.child(Tag::ATTRIBUTE_VALUE).is_some_and(randomizing_params);
        }
        tree.children().is_some_and(|c| c.iter().any(randomizing))
    }
    let requests = request.children_with(Tag::BATCH_ITEM);
    for (req, item) in requests.zip(actual.children_with(Tag::BATCH_ITEM)) {
        let op = item.child(Tag::OPERATION).and_then(|o| o.value.as_enumeration());
        let name = op.and_then(|v| registry::enum_name(Tag::OPERATION, v));
        if !matches!(name, Some("Register" | "Create")) || !req.child(Tag::REQUEST_PAYLOAD).is_some_and(randomizing) {
            continue;
        }
        if let Some(uid) = item
            .child(Tag::RESPONSE_PAYLOAD)
            .and_then(|p| p.child(Tag::UNIQUE_IDENTIFIER))
            .and_then(|u| u.value.as_text())
        {
            generated.insert(format!("randomized:{uid}"));
        }
    }
}

/// Attributes the server sets itself. In the response to a Get Attributes
/// that names no attribute, and in a Get Attribute List, the actual response
/// may hold these although the recording did not.
pub const SERVER_SET: [Tag; 15] = [
    Tag::INITIAL_DATE,
    Tag::LAST_CHANGE_DATE,
    Tag::ORIGINAL_CREATION_DATE,
    Tag::DIGEST,
    Tag::RANDOM_NUMBER_GENERATOR,
    Tag::FRESH,
    Tag::KEY_FORMAT_TYPE,
    Tag::SHORT_UNIQUE_IDENTIFIER,
    Tag::ALWAYS_SENSITIVE,
    Tag::NEVER_EXTRACTABLE,
    Tag::SENSITIVE,
    Tag::EXTRACTABLE,
    Tag::LEASE_TIME,
    Tag::PROTECTION_STORAGE_MASK,
    Tag::KEY_VALUE_PRESENT,
];

/// Of [`SERVER_SET`], those a server may also leave out (optional, or not
/// defined by every version): the actual response may lack them where the
/// recording had them.
pub const SERVER_SET_OPTIONAL: [Tag; 11] = [
    Tag::RANDOM_NUMBER_GENERATOR,
    Tag::FRESH,
    Tag::KEY_FORMAT_TYPE,
    Tag::SHORT_UNIQUE_IDENTIFIER,
    Tag::ALWAYS_SENSITIVE,
    Tag::NEVER_EXTRACTABLE,
    Tag::SENSITIVE,
    Tag::EXTRACTABLE,
    Tag::LEASE_TIME,
    Tag::PROTECTION_STORAGE_MASK,
    Tag::KEY_VALUE_PRESENT,
];

/// How leaves below the current point are compared.
#[derive(Clone, Copy, Debug, Default)]
struct Mode {
    /// Presence and item type only (RandomNumberGenerator contents,
    /// VendorIdentification and ServerInformation of a Query).
    type_only: bool,
    /// Byte Strings by length, Big Integers by type (random outputs).
    loose_bytes: bool,
    /// The payload is about an object whose key material the server
    /// generated: KeyMaterial and DigestValue are random.
    generated: bool,
    /// Encrypt with a random IV or a randomized padding: Data,
    /// IVCounterNonce and AuthenticatedEncryptionTag are random.
    random_ciphertext: bool,
    /// A randomized signature (PSS, ECDSA, DSA): SignatureData by type.
    random_signature: bool,
    /// RNG Retrieve: Data is random.
    random_data: bool,
    /// Encrypt, Sign or MAC with a key the server generated: the output
    /// depends on the random key (a later Decrypt or Verify of it, fed back
    /// by `placeholder::feed_back`, is compared exactly).
    generated_output: bool,
    /// A PKCS#11 C_GetInfo answer: PKCS_11OutputParameters is the library's
    /// own CK_INFO ([`ck_info`]).
    ck_info: bool,
}

/// Which actual elements a set comparison may leave unmatched, and which
/// expected ones it may miss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tolerance {
    /// Every element on both sides must be matched.
    Exact,
    /// Server-set attributes may be extra or (the optional ones) missing.
    ServerSetAttributes,
}

struct Comparator<'c, 'a> {
    ctx: &'c Context<'a>,
    bindings: Bindings,
}

impl Comparator<'_, '_> {
    fn message(&mut self, e: &Ttlv, a: &Ttlv) -> Outcome {
        let path = tag_name(e.tag);
        if e.tag != a.tag {
            return Err(diff(&path, format!("expected {}, got {}", tag_name(e.tag), tag_name(a.tag))));
        }
        let (Some(e_children), Some(a_children)) = (e.children(), a.children()) else {
            return self.item(e, a, &path, Mode::default(), None);
        };
        let mut batch_index = 0usize;
        self.sequence(e_children, a_children, &path, |cmp, e, a, child_path| {
            if e.tag == Tag::RESPONSE_HEADER {
                cmp.header(e, a, child_path)
            } else if e.tag == Tag::BATCH_ITEM {
                let index = batch_index;
                batch_index += 1;
                cmp.batch_item(e, a, index, child_path)
            } else {
                cmp.item(e, a, child_path, Mode::default(), None)
            }
        })
    }

    /// Response header. Rules: ServerCorrelationValue is compared by
    /// presence and type only; the server may add a ServerCorrelationValue
    /// or a ClientCorrelationValue the recording did not have.
    fn header(&mut self, e: &Ttlv, a: &Ttlv, path: &str) -> Outcome {
        let (Some(e_children), Some(a_children)) = (e.children(), a.children()) else {
            return self.item(e, a, path, Mode::default(), None);
        };
        let optional = [Tag::SERVER_CORRELATION_VALUE, Tag::CLIENT_CORRELATION_VALUE];
        let a_kept: Vec<Ttlv> =
            a_children.iter().filter(|c| !optional.contains(&c.tag) || e.child(c.tag).is_some()).cloned().collect();
        self.sequence(e_children, &a_kept, path, |cmp, e, a, child_path| {
            let mode = Mode { type_only: e.tag == Tag::SERVER_CORRELATION_VALUE, ..Mode::default() };
            cmp.item(e, a, child_path, mode, None)
        })
    }

    /// Batch item. Rules: ResultMessage is not compared (neither its text
    /// nor its presence); the payload is compared by the rules of the
    /// operation.
    fn batch_item(&mut self, e: &Ttlv, a: &Ttlv, index: usize, path: &str) -> Outcome {
        let (Some(e_children), Some(a_children)) = (e.children(), a.children()) else {
            return self.item(e, a, path, Mode::default(), None);
        };
        let e_kept: Vec<Ttlv> = e_children.iter().filter(|c| c.tag != Tag::RESULT_MESSAGE).cloned().collect();
        let a_kept: Vec<Ttlv> = a_children.iter().filter(|c| c.tag != Tag::RESULT_MESSAGE).cloned().collect();
        let operation = e
            .child(Tag::OPERATION)
            .and_then(|o| o.value.as_enumeration())
            .and_then(|v| registry::enum_name(Tag::OPERATION, v));
        let request_item = request_item(self.ctx.request, e, index);
        self.sequence(&e_kept, &a_kept, path, |cmp, e, a, child_path| {
            if e.tag == Tag::RESPONSE_PAYLOAD {
                cmp.payload(operation, request_item, e, a, child_path)
            } else {
                cmp.item(e, a, child_path, Mode::default(), None)
            }
        })
    }

    fn payload(
        &mut self,
        operation: Option<&str>,
        request_item: Option<&Ttlv>,
        e: &Ttlv,
        a: &Ttlv,
        path: &str,
    ) -> Outcome {
        let (Some(e_children), Some(a_children)) = (e.children(), a.children()) else {
            return self.item(e, a, path, Mode::default(), None);
        };
        let request_payload = request_item.and_then(|r| r.child(Tag::REQUEST_PAYLOAD));
        let generated = a
            .child(Tag::UNIQUE_IDENTIFIER)
            .and_then(|u| u.value.as_text())
            .is_some_and(|uid| self.ctx.generated.contains(uid));
        let randomized = a
            .child(Tag::UNIQUE_IDENTIFIER)
            .and_then(|u| u.value.as_text())
            .is_some_and(|uid| self.ctx.generated.contains(&format!("randomized:{uid}")));
        let mut mode = Mode { generated, ..Mode::default() };
        mode.generated_output = generated
            && (matches!(operation, Some("Encrypt" | "Sign" | "MAC"))
                || (operation == Some("Decrypt") && !self.ctx.echoed));
        match operation {
            // Rule: Query lists are compared as "contains".
            Some("Query") => return self.contains(e_children, a_children, path),
            // Rule: Locate results are a set.
            Some("Locate") => {
                return self.with_sets(e_children, a_children, path, mode, &[Tag::UNIQUE_IDENTIFIER], Tolerance::Exact);
            }
            Some("GetAttributes") => {
                let names_none = request_payload.is_none_or(|p| {
                    p.child(Tag::ATTRIBUTE_NAME).is_none() && p.child(Tag::ATTRIBUTE_REFERENCE).is_none()
                });
                let tolerance = if names_none { Tolerance::ServerSetAttributes } else { Tolerance::Exact };
                // Rule: attributes are a set (1.x Attribute items; 2.x the
                // children of Attributes).
                return self.with_sets(
                    e_children,
                    a_children,
                    path,
                    mode,
                    &[Tag::ATTRIBUTE, Tag::ATTRIBUTES],
                    tolerance,
                );
            }
            Some("GetAttributeList") => {
                return self.with_sets(
                    e_children,
                    a_children,
                    path,
                    mode,
                    &[Tag::ATTRIBUTE_NAME, Tag::ATTRIBUTE_REFERENCE],
                    Tolerance::ServerSetAttributes,
                );
            }
            Some("RNGRetrieve") => mode.random_data = true,
            // Rule: C_GetInfo answers with the token's library's CK_INFO.
            Some("PKCS_11") => mode.ck_info = enum_child(e, Tag::PKCS_11_FUNCTION) == Some("C_GetInfo"),
            Some("Encrypt") => {
                let params = request_payload.and_then(|p| p.child(Tag::CRYPTOGRAPHIC_PARAMETERS));
                let server_iv = a.child(Tag::IV_COUNTER_NONCE).is_some()
                    && request_payload.is_none_or(|p| p.child(Tag::IV_COUNTER_NONCE).is_none());
                let random_iv =
                    params.and_then(|p| p.child(Tag::RANDOM_IV)).and_then(|r| r.value.as_boolean()) == Some(true);
                let padding = params.and_then(|p| enum_child(p, Tag::PADDING_METHOD));
                let random_padding = matches!(padding, Some("OAEP" | "PKCS1V1_5" | "PKCS1_V1_5"));
                let own_padding = padding.is_some();
                mode.random_ciphertext = server_iv || random_iv || random_padding || (randomized && !own_padding);
            }
            Some("Sign") => {
                let params = request_payload.and_then(|p| p.child(Tag::CRYPTOGRAPHIC_PARAMETERS));
                let padding = params.and_then(|p| enum_child(p, Tag::PADDING_METHOD));
                let algorithm = params.and_then(|p| enum_child(p, Tag::CRYPTOGRAPHIC_ALGORITHM));
                let signature = params.and_then(|p| enum_child(p, Tag::DIGITAL_SIGNATURE_ALGORITHM));
                mode.random_signature = (randomized && params.is_none())
                    || padding == Some("PSS")
                    || algorithm.is_some_and(|a| a.contains("DSA"))
                    || signature.is_some_and(|s| s.contains("DSA") || s.contains("PSS"));
            }
            _ => {}
        }
        self.sequence(e_children, a_children, path, |cmp, e, a, child_path| cmp.item(e, a, child_path, mode, None))
    }

    /// Compares two items with the same tag.
    fn item(&mut self, e: &Ttlv, a: &Ttlv, path: &str, mode: Mode, attribute_name: Option<&str>) -> Outcome {
        if e.tag != a.tag {
            return Err(diff(path, format!("expected {}, got {}", tag_name(e.tag), tag_name(a.tag))));
        }
        let mut mode = mode;
        // Rule: RandomNumberGenerator (the 2.x attribute, and the 1.x
        // attribute value named "Random Number Generator"): presence and
        // type only.
        if e.tag == Tag::RANDOM_NUMBER_GENERATOR
            || (e.tag == Tag::ATTRIBUTE_VALUE && attribute_name == Some("Random Number Generator"))
        {
            mode.type_only = true;
        }
        // Rule: key material and digests of server-generated keys; random
        // outputs of operations.
        if (mode.generated && (e.tag == Tag::KEY_MATERIAL || e.tag == Tag::DIGEST_VALUE))
            || (mode.random_ciphertext
                && [Tag::DATA, Tag::IV_COUNTER_NONCE, Tag::AUTHENTICATED_ENCRYPTION_TAG].contains(&e.tag))
            || (mode.random_data && e.tag == Tag::DATA)
            || (mode.generated_output && [Tag::DATA, Tag::AUTHENTICATED_ENCRYPTION_TAG, Tag::MAC_DATA].contains(&e.tag))
        {
            mode.loose_bytes = true;
        }
        if (mode.random_signature || mode.generated_output) && e.tag == Tag::SIGNATURE_DATA {
            mode.type_only = true;
        }
        match (&e.value, &a.value) {
            (Value::Structure(e_children), Value::Structure(a_children)) => {
                if mode.type_only {
                    return Ok(());
                }
                let name = e.child(Tag::ATTRIBUTE_NAME).and_then(|n| n.value.as_text()).map(str::to_owned);
                self.sequence(e_children, a_children, path, |cmp, e, a, child_path| {
                    cmp.item(e, a, child_path, mode, name.as_deref())
                })
            }
            (Value::Structure(_), _) | (_, Value::Structure(_)) => {
                Err(diff(path, format!("expected {}, got {}", type_name(e), type_name(a))))
            }
            _ => self.leaf(e, a, path, mode, attribute_name),
        }
    }

    fn leaf(&mut self, e: &Ttlv, a: &Ttlv, path: &str, mode: Mode, attribute_name: Option<&str>) -> Outcome {
        if let Some(p) = placeholder::of(e) {
            return self.placeholder(&p, e, a, path, attribute_name);
        }
        if e.item_type() != a.item_type() {
            return Err(diff(
                path,
                format!(
                    "expected {} {}, got {} {}",
                    type_name(e),
                    show(e, attribute_name),
                    type_name(a),
                    show(a, attribute_name)
                ),
            ));
        }
        if mode.type_only {
            return Ok(());
        }
        match (&e.value, &a.value) {
            (Value::ByteString(x), Value::ByteString(y)) if mode.ck_info && e.tag == Tag::PKCS_11_OUTPUT_PARAMETERS => {
                ck_info(x, y).map_err(|m| diff(path, m))
            }
            (Value::ByteString(x), Value::ByteString(y)) if mode.loose_bytes => {
                if x.len() == y.len() {
                    Ok(())
                } else {
                    Err(diff(path, format!("expected {} random bytes, got {}", x.len(), y.len())))
                }
            }
            (Value::BigInteger(_), Value::BigInteger(_)) if mode.loose_bytes => Ok(()),
            (x, y) if x == y => Ok(()),
            _ => Err(diff(path, format!("expected {}, got {}", show(e, attribute_name), show(a, attribute_name)))),
        }
    }

    /// Rules: `$NOW±N` matches a Date-Time within [`TIME_TOLERANCE`] of the
    /// run (from its start to now, shifted by N); a named placeholder seen
    /// for the first time is bound to the actual value, afterwards the
    /// actual value must equal the bound one.
    fn placeholder(
        &mut self,
        p: &Placeholder,
        e: &Ttlv,
        a: &Ttlv,
        path: &str,
        attribute_name: Option<&str>,
    ) -> Outcome {
        match p {
            Placeholder::Now(offset) => {
                let Value::DateTime(t) = a.value else {
                    return Err(diff(
                        path,
                        format!("expected a DateTime ({p}), got {} {}", type_name(a), show(a, attribute_name)),
                    ));
                };
                let earliest = self.ctx.run_start + offset - TIME_TOLERANCE;
                let latest = self.ctx.now + offset + TIME_TOLERANCE;
                if (earliest..=latest).contains(&t) {
                    Ok(())
                } else {
                    Err(diff(
                        path,
                        format!("expected {p} (between {} and {}), got {}", date(earliest), date(latest), date(t)),
                    ))
                }
            }
            Placeholder::Named(name) => {
                if e.item_type() != a.item_type() {
                    return Err(diff(
                        path,
                        format!("expected a {} ({p}), got {} {}", type_name(e), type_name(a), show(a, attribute_name)),
                    ));
                }
                match self.bindings.get(name) {
                    Some(bound) if *bound == a.value => Ok(()),
                    Some(bound) => {
                        let bound = Ttlv::new(a.tag, bound.clone());
                        Err(diff(path, format!("expected {p} = {}, got {}", show(&bound, None), show(a, None))))
                    }
                    None => {
                        self.bindings.bind(name, a.value.clone());
                        Ok(())
                    }
                }
            }
        }
    }

    /// Ordered comparison of two child lists: the same tags in the same
    /// order, each pair compared by `pair`. Reports the first missing or
    /// unexpected element.
    fn sequence(
        &mut self,
        e: &[Ttlv],
        a: &[Ttlv],
        path: &str,
        mut pair: impl FnMut(&mut Self, &Ttlv, &Ttlv, &str) -> Outcome,
    ) -> Outcome {
        let mut counts: Vec<(Tag, usize)> = Vec::new();
        for i in 0..e.len().max(a.len()) {
            match (e.get(i), a.get(i)) {
                (Some(x), Some(y)) if x.tag == y.tag => {
                    let n = bump(&mut counts, x.tag);
                    let child_path = child_path(path, x.tag, n, e, a);
                    pair(self, x, y, &child_path)?;
                }
                (Some(x), Some(y)) => {
                    // Which one is out of place: if the actual tag comes later
                    // in the expected list, the expected item is missing.
                    let n = counts.iter().find(|(t, _)| *t == x.tag).map_or(0, |(_, n)| *n);
                    return if e[i..].iter().any(|c| c.tag == y.tag) {
                        Err(diff(&child_path(path, x.tag, n, e, a), format!("missing (expected {})", describe(x))))
                    } else {
                        let m = counts.iter().find(|(t, _)| *t == y.tag).map_or(0, |(_, n)| *n);
                        Err(diff(&child_path(path, y.tag, m, e, a), format!("unexpected element {}", describe(y))))
                    };
                }
                (Some(x), None) => {
                    let n = counts.iter().find(|(t, _)| *t == x.tag).map_or(0, |(_, n)| *n);
                    return Err(diff(&child_path(path, x.tag, n, e, a), format!("missing (expected {})", describe(x))));
                }
                (None, Some(y)) => {
                    let n = counts.iter().find(|(t, _)| *t == y.tag).map_or(0, |(_, n)| *n);
                    return Err(diff(&child_path(path, y.tag, n, e, a), format!("unexpected element {}", describe(y))));
                }
                (None, None) => break,
            }
        }
        Ok(())
    }

    /// Children whose tag is in `set_tags` are compared as a multiset (a
    /// Structure with such a tag, like 2.x Attributes, has its own children
    /// compared as a multiset); the other children in order.
    fn with_sets(
        &mut self,
        e: &[Ttlv],
        a: &[Ttlv],
        path: &str,
        mode: Mode,
        set_tags: &[Tag],
        tolerance: Tolerance,
    ) -> Outcome {
        let (e_set, e_rest): (Vec<&Ttlv>, Vec<&Ttlv>) = e.iter().partition(|c| set_tags.contains(&c.tag));
        let (a_set, a_rest): (Vec<&Ttlv>, Vec<&Ttlv>) = a.iter().partition(|c| set_tags.contains(&c.tag));
        let e_rest: Vec<Ttlv> = e_rest.into_iter().cloned().collect();
        let a_rest: Vec<Ttlv> = a_rest.into_iter().cloned().collect();
        self.sequence(&e_rest, &a_rest, path, |cmp, e, a, child_path| cmp.item(e, a, child_path, mode, None))?;
        // 2.x Attributes: a single Structure whose children form the set.
        if set_tags.contains(&Tag::ATTRIBUTES) {
            let e_attrs: Vec<&Ttlv> = e_set.iter().copied().filter(|c| c.tag == Tag::ATTRIBUTES).collect();
            let a_attrs: Vec<&Ttlv> = a_set.iter().copied().filter(|c| c.tag == Tag::ATTRIBUTES).collect();
            match (e_attrs.as_slice(), a_attrs.as_slice()) {
                ([], []) => {}
                ([x], [y]) => {
                    let sub = format!("{path}/Attributes");
                    let xs: Vec<&Ttlv> = x.children().unwrap_or(&[]).iter().collect();
                    let ys: Vec<&Ttlv> = y.children().unwrap_or(&[]).iter().collect();
                    self.multiset(&xs, &ys, &sub, mode, tolerance)?;
                }
                ([_, ..], []) => return Err(diff(&format!("{path}/Attributes"), "missing (expected Attributes)")),
                ([], [_, ..]) => return Err(diff(&format!("{path}/Attributes"), "unexpected element Attributes")),
                _ => return Err(diff(&format!("{path}/Attributes"), "more than one Attributes structure")),
            }
        }
        let e_set: Vec<&Ttlv> = e_set.into_iter().filter(|c| c.tag != Tag::ATTRIBUTES).collect();
        let a_set: Vec<&Ttlv> = a_set.into_iter().filter(|c| c.tag != Tag::ATTRIBUTES).collect();
        self.multiset(&e_set, &a_set, path, mode, tolerance)
    }

    /// Matches every expected item with a distinct actual item. Items without
    /// unbound placeholders are matched first, so a later binding cannot take
    /// the partner of an item that is already determined.
    fn multiset(&mut self, e: &[&Ttlv], a: &[&Ttlv], path: &str, mode: Mode, tolerance: Tolerance) -> Outcome {
        let mut order: Vec<usize> = (0..e.len()).collect();
        order.sort_by_key(|&i| placeholder::contains_unbound(e[i], &self.bindings));
        let mut used = vec![false; a.len()];
        for i in order {
            let x = e[i];
            let key = set_key(x);
            let label = set_label(path, x.tag, &key);
            let mut first_failure: Option<Difference> = None;
            let mut matched = false;
            for (j, y) in a.iter().enumerate() {
                if used[j] || y.tag != x.tag || set_key(y) != key {
                    continue;
                }
                let mut trial = Comparator { ctx: self.ctx, bindings: self.bindings.clone() };
                match trial.item(x, y, &label, mode, None) {
                    Ok(()) => {
                        self.bindings = trial.bindings;
                        used[j] = true;
                        matched = true;
                        break;
                    }
                    Err(d) => {
                        first_failure.get_or_insert(d);
                    }
                }
            }
            if matched {
                continue;
            }
            if let Some(d) = first_failure {
                return Err(d);
            }
            let optional = tolerance == Tolerance::ServerSetAttributes
                && attribute_tag(x).is_some_and(|t| SERVER_SET_OPTIONAL.contains(&t));
            if !optional {
                return Err(diff(&label, format!("missing (expected {})", describe(x))));
            }
        }
        for (j, y) in a.iter().enumerate() {
            if used[j] {
                continue;
            }
            let allowed = tolerance == Tolerance::ServerSetAttributes
                && attribute_tag(y).is_some_and(|t| SERVER_SET.contains(&t));
            if !allowed {
                let label = set_label(path, y.tag, &set_key(y));
                return Err(diff(&label, format!("unexpected element {}", describe(y))));
            }
        }
        Ok(())
    }

    /// Rule for Query: every expected item must be among the actual ones
    /// (extra actual items are fine); VendorIdentification and
    /// ServerInformation only need to be present with the same type.
    fn contains(&mut self, e: &[Ttlv], a: &[Ttlv], path: &str) -> Outcome {
        let mut used = vec![false; a.len()];
        for x in e {
            let label = format!("{path}/{}", tag_name(x.tag));
            if x.tag == Tag::VENDOR_IDENTIFICATION || x.tag == Tag::SERVER_INFORMATION {
                if !a.iter().any(|y| y.tag == x.tag && y.item_type() == x.item_type()) {
                    return Err(diff(&label, format!("missing (expected a {})", type_name(x))));
                }
                continue;
            }
            let mut found = false;
            for (j, y) in a.iter().enumerate() {
                if used[j] || y.tag != x.tag {
                    continue;
                }
                let mut trial = Comparator { ctx: self.ctx, bindings: self.bindings.clone() };
                if trial.item(x, y, &label, Mode::default(), None).is_ok() {
                    self.bindings = trial.bindings;
                    used[j] = true;
                    found = true;
                    break;
                }
            }
            if !found {
                return Err(diff(&label, format!("Query result lacks {}", describe(x))));
            }
        }
        Ok(())
    }
}

/// The request batch item answered by response item `index`: the one with
/// the same Unique Batch Item ID, else the one at the same place.
fn request_item<'a>(request: Option<&'a Ttlv>, response_item: &Ttlv, index: usize) -> Option<&'a Ttlv> {
    let request = request?;
    if let Some(id) = response_item.child(Tag::UNIQUE_BATCH_ITEM_ID) {
        let found = request
            .children_with(Tag::BATCH_ITEM)
            .find(|item| item.child(Tag::UNIQUE_BATCH_ITEM_ID).is_some_and(|r| r.value == id.value));
        if found.is_some() {
            return found;
        }
    }
    request.children_with(Tag::BATCH_ITEM).nth(index)
}

/// Counts one more child with tag `tag`; returns its index among them.
fn bump(counts: &mut Vec<(Tag, usize)>, tag: Tag) -> usize {
    match counts.iter_mut().find(|(t, _)| *t == tag) {
        Some((_, n)) => {
            *n += 1;
            *n - 1
        }
        None => {
            counts.push((tag, 1));
            0
        }
    }
}

/// `parent/Tag`, with `[n]` when either side has several children with
/// that tag, and always for BatchItem.
fn child_path(parent: &str, tag: Tag, n: usize, e: &[Ttlv], a: &[Ttlv]) -> String {
    let several = e.iter().filter(|c| c.tag == tag).count() > 1 || a.iter().filter(|c| c.tag == tag).count() > 1;
    if several || tag == Tag::BATCH_ITEM {
        format!("{parent}/{}[{n}]", tag_name(tag))
    } else {
        format!("{parent}/{}", tag_name(tag))
    }
}

/// What identifies an item of a set, beyond its tag: the attribute name
/// (with vendor) for attributes and attribute references, the text of a 1.x
/// Attribute Name; empty otherwise.
fn set_key(item: &Ttlv) -> String {
    let text = |tag| item.child(tag).and_then(|c| c.value.as_text()).unwrap_or("");
    match &item.value {
        Value::Structure(_) if item.tag == Tag::ATTRIBUTE || item.tag == Tag::ATTRIBUTE_REFERENCE => {
            match item.child(Tag::VENDOR_IDENTIFICATION) {
                Some(_) => format!("{}:{}", text(Tag::VENDOR_IDENTIFICATION), text(Tag::ATTRIBUTE_NAME)),
                None => text(Tag::ATTRIBUTE_NAME).to_owned(),
            }
        }
        Value::TextString(name) if item.tag == Tag::ATTRIBUTE_NAME => name.clone(),
        Value::Enumeration(v) if item.tag == Tag::ATTRIBUTE_REFERENCE => {
            registry::enum_name(Tag::ATTRIBUTE_REFERENCE, *v).map_or_else(|| format!("0x{v:08X}"), str::to_owned)
        }
        _ => String::new(),
    }
}

fn set_label(path: &str, tag: Tag, key: &str) -> String {
    if key.is_empty() { format!("{path}/{}[*]", tag_name(tag)) } else { format!("{path}/{}[{key}]", tag_name(tag)) }
}

/// The standard attribute an item of a Get Attributes or Get Attribute List
/// response stands for: 1.x `Attribute` by its name, 1.x `AttributeName` by
/// its text, 2.x `AttributeReference` by its value, 2.x tagged attributes by
/// their tag. Vendor and custom attributes have none.
fn attribute_tag(item: &Ttlv) -> Option<Tag> {
    match &item.value {
        Value::Structure(_) if item.tag == Tag::ATTRIBUTE => {
            if item.child(Tag::VENDOR_IDENTIFICATION).is_some() {
                return None;
            }
            Tag::from_spec_name(item.child(Tag::ATTRIBUTE_NAME)?.value.as_text()?)
        }
        Value::Structure(_) if item.tag == Tag::ATTRIBUTE_REFERENCE => None,
        Value::TextString(name) if item.tag == Tag::ATTRIBUTE_NAME => Tag::from_spec_name(name),
        Value::Enumeration(v) if item.tag == Tag::ATTRIBUTE_REFERENCE => Tag::new(*v),
        _ => Some(item.tag),
    }
}

/// The name of an enumeration child's value.
fn enum_child(parent: &Ttlv, tag: Tag) -> Option<&'static str> {
    parent.child(tag).and_then(|c| c.value.as_enumeration()).and_then(|v| registry::enum_name(tag, v))
}

fn tag_name(tag: Tag) -> String {
    tag.to_string()
}

fn type_name(item: &Ttlv) -> &'static str {
    item.item_type().name()
}

/// `Tag` for a structure, `Tag value` for a primitive.
fn describe(item: &Ttlv) -> String {
    match &item.value {
        Value::Structure(_) => match set_key(item) {
            key if key.is_empty() => tag_name(item.tag),
            key => format!("{} {key}", tag_name(item.tag)),
        },
        _ => match placeholder::of(item) {
            Some(p) => format!("{} {p}", tag_name(item.tag)),
            None => format!("{} {}", tag_name(item.tag), show(item, None)),
        },
    }
}

/// A value as the XML encoding writes it (enumeration and mask names,
/// ISO dates, hex), with long byte strings shortened. For a 1.x Attribute
/// Value, `attribute_name` selects the enumeration table.
pub fn show(item: &Ttlv, attribute_name: Option<&str>) -> String {
    if let Some(p) = placeholder::of(item) {
        return p.to_string();
    }
    if let Value::ByteString(bytes) = &item.value {
        let hex = hex::encode(bytes);
        return if hex.len() > 48 { format!("{}…({} bytes)", &hex[..48], bytes.len()) } else { format!("{hex:?}") };
    }
    let text = match attribute_name {
        Some(name) if item.tag == Tag::ATTRIBUTE_VALUE => xml::to_string(&Ttlv::structure(
            Tag::ATTRIBUTE,
            vec![Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(name.to_owned())), item.clone()],
        )),
        _ => xml::to_string(item),
    };
    let line = text.lines().find(|l| l.trim_start().starts_with(&format!("<{}", tag_name(item.tag)))).unwrap_or(&text);
    let value = line.split(" value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or("?");
    let value = value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    match item.value {
        Value::TextString(_) => format!("{value:?}"),
        _ => value,
    }
}

/// A Date-Time as ISO 8601.
fn date(seconds: i64) -> String {
    show(&Ttlv::new(Tag::TIME_STAMP, Value::DateTime(seconds)), None)
}

/// The length of a CK_INFO in the KMIP PKCS#11 encoding: cryptokiVersion
/// (2 bytes), manufacturerID (32), flags (a CK_ULONG: 8), libraryDescription
/// (32), libraryVersion (2).
const CK_INFO_LEN: usize = 76;

/// Rule for a C_GetInfo's output: a CK_INFO of the same length, the same
/// Cryptoki version and flags; the manufacturer, description and library
/// version are the library's (the recording's "TEST Pty Ltd" is the
/// recorder's) but must be blank-padded printable text.
fn ck_info(expected: &[u8], actual: &[u8]) -> Result<(), String> {
    if expected.len() != CK_INFO_LEN || actual.len() != CK_INFO_LEN {
        return Err(format!("expected a CK_INFO of {CK_INFO_LEN} bytes, got {} bytes", actual.len()));
    }
    if expected[..2] != actual[..2] {
        return Err(format!(
            "expected Cryptoki version {}.{}, got {}.{}",
            expected[0], expected[1], actual[0], actual[1]
        ));
    }
    if expected[34..42] != actual[34..42] {
        return Err(format!("expected CK_INFO flags {}, got {}", hex(&expected[34..42]), hex(&actual[34..42])));
    }
    for (name, range) in [("manufacturerID", 2..34), ("libraryDescription", 42..74)] {
        if !actual[range.clone()].iter().all(|b| (0x20..0x7f).contains(b)) {
            return Err(format!("CK_INFO {name} is not blank-padded text: {}", hex(&actual[range])));
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(tag: Tag, value: Value) -> Ttlv {
        Ttlv::new(tag, value)
    }

    #[test]
    fn shows_values_by_their_tables() {
        let reason = leaf(Tag::RESULT_REASON, Value::Enumeration(0x01));
        assert_eq!(show(&reason, None), "ItemNotFound");
        let mask = leaf(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(12));
        assert_eq!(show(&mask, None), "Encrypt Decrypt");
        let value = leaf(Tag::ATTRIBUTE_VALUE, Value::Enumeration(3));
        assert_eq!(show(&value, Some("Cryptographic Algorithm")), "AES");
        assert_eq!(show(&leaf(Tag::NAME_VALUE, Value::TextString("a\"b".into())), None), "\"a\\\"b\"");
        assert_eq!(show(&leaf(Tag::MAC_DATA, placeholder::bytes_value(&[0xab, 1])), None), "\"ab01\"");
        assert_eq!(date(0), "1970-01-01T00:00:00+00:00");
    }

    #[test]
    fn paths_index_repeated_tags() {
        let e = [leaf(Tag::OPERATION, Value::Enumeration(1)), leaf(Tag::OPERATION, Value::Enumeration(2))];
        assert_eq!(child_path("P", Tag::OPERATION, 1, &e, &[]), "P/Operation[1]");
        assert_eq!(child_path("P", Tag::RESULT_REASON, 0, &[], &[]), "P/ResultReason");
        assert_eq!(child_path("P", Tag::BATCH_ITEM, 0, &[], &[]), "P/BatchItem[0]");
    }

    #[test]
    fn classifies_attributes() {
        let attr = Ttlv::structure(
            Tag::ATTRIBUTE,
            vec![
                leaf(Tag::ATTRIBUTE_NAME, Value::TextString("Initial Date".into())),
                leaf(Tag::ATTRIBUTE_VALUE, Value::DateTime(0)),
            ],
        );
        assert_eq!(attribute_tag(&attr), Some(Tag::INITIAL_DATE));
        assert_eq!(set_key(&attr), "Initial Date");
        let reference = leaf(Tag::ATTRIBUTE_REFERENCE, Value::Enumeration(Tag::FRESH.value()));
        assert_eq!(attribute_tag(&reference), Some(Tag::FRESH));
        assert_eq!(set_key(&reference), "Fresh");
        let custom = leaf(Tag::ATTRIBUTE_NAME, Value::TextString("x-ID".into()));
        assert_eq!(attribute_tag(&custom), None);
    }
}
