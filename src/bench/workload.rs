//! What `kms bench` sends: the operations, their keys (made before the
//! measurement starts) and their request messages, pre-encoded once.
//!
//! Requests are written as KMIP XML and encoded to TTLV with the codec,
//! in the 1.x form (Template-Attribute, attribute names) below 2.0 and the
//! 2.x form (Attributes) from 2.0 on, so that the same workload can drive
//! a server that only speaks 1.x.

use std::fmt;
use std::str::FromStr;

use bytes::Bytes;
use kmip_ttlv::ProtocolVersion;
use kmip_ttlv::{Tag, Ttlv, wire, xml};

/// One operation of the workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    /// Get of a symmetric key.
    Get,
    /// Locate by Name (one match).
    Locate,
    /// Create of an AES-256 key (a durable write).
    Create,
    /// Encrypt `--size` bytes (AES-256-GCM, or RSA-OAEP with `--alg rsa-2048`).
    Encrypt,
    /// Decrypt what the preparation encrypted.
    Decrypt,
    /// Sign `--size` bytes (ECDSA P-256 or RSA-2048 PKCS#1 v1.5, SHA-256).
    Sign,
    /// Verify the signature the preparation made.
    Verify,
    /// RSA-2048 OAEP (SHA-256) decryption of 32 bytes.
    RsaDecrypt,
    /// HMAC-SHA-256 of `--size` bytes.
    Mac,
    /// RNG Retrieve of `--size` bytes.
    Rng,
}

impl Op {
    /// Every operation, for the help text.
    pub const ALL: [Op; 10] = [
        Op::Get,
        Op::Locate,
        Op::Create,
        Op::Encrypt,
        Op::Decrypt,
        Op::Sign,
        Op::Verify,
        Op::RsaDecrypt,
        Op::Mac,
        Op::Rng,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Op::Get => "get",
            Op::Locate => "locate",
            Op::Create => "create",
            Op::Encrypt => "encrypt",
            Op::Decrypt => "decrypt",
            Op::Sign => "sign",
            Op::Verify => "verify",
            Op::RsaDecrypt => "rsa-decrypt",
            Op::Mac => "mac",
            Op::Rng => "rng",
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Op {
    type Err = String;

    fn from_str(text: &str) -> Result<Op, String> {
        Op::ALL.into_iter().find(|op| op.name() == text).ok_or_else(|| {
            let names: Vec<_> = Op::ALL.iter().map(|op| op.name()).collect();
            format!("unknown operation {text:?} (known: {})", names.join(", "))
        })
    }
}

/// The algorithm of the keys (`--alg`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alg {
    /// AES-256 in GCM mode (encrypt, decrypt, get, locate, create).
    Aes256Gcm,
    /// ECDSA over P-256 with SHA-256 (sign, verify).
    EcdsaP256,
    /// RSA-2048: OAEP SHA-256 (encrypt, rsa-decrypt), PKCS#1 v1.5 SHA-256 (sign, verify).
    Rsa2048,
    /// HMAC-SHA-256 (mac).
    HmacSha256,
}

impl FromStr for Alg {
    type Err = String;

    fn from_str(text: &str) -> Result<Alg, String> {
        match text {
            "aes-256-gcm" => Ok(Alg::Aes256Gcm),
            "ecdsa-p256" => Ok(Alg::EcdsaP256),
            "rsa-2048" => Ok(Alg::Rsa2048),
            "hmac-sha256" => Ok(Alg::HmacSha256),
            _ => Err(format!("unknown algorithm {text:?} (known: aes-256-gcm, ecdsa-p256, rsa-2048, hmac-sha256)")),
        }
    }
}

/// A weighted mix of operations: `get=8,encrypt=2`, or one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mix(pub Vec<(Op, u32)>);

impl FromStr for Mix {
    type Err = String;

    fn from_str(text: &str) -> Result<Mix, String> {
        let mut mix = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, weight) = match part.split_once('=') {
                Some((name, weight)) => {
                    let weight: u32 = weight.trim().parse().map_err(|_| format!("bad weight in {part:?}"))?;
                    (name.trim(), weight)
                }
                None => (part, 1),
            };
            let op: Op = name.parse()?;
            if weight == 0 {
                return Err(format!("weight 0 for {op}"));
            }
            if mix.iter().any(|(seen, _)| *seen == op) {
                return Err(format!("{op} named twice"));
            }
            mix.push((op, weight));
        }
        if mix.is_empty() {
            return Err("no operation given".into());
        }
        Ok(Mix(mix))
    }
}

impl Mix {
    /// The order requests are sent in: each operation as often as its
    /// weight, interleaved (smooth weighted round robin), so any window of
    /// the run has the mix's proportions.
    pub fn schedule(&self) -> Vec<Op> {
        let total: i64 = self.0.iter().map(|(_, w)| i64::from(*w)).sum();
        let mut current: Vec<i64> = vec![0; self.0.len()];
        let mut out = Vec::new();
        for _ in 0..total {
            for (slot, (_, weight)) in current.iter_mut().zip(&self.0) {
                *slot += i64::from(*weight);
            }
            let mut best = 0;
            for (i, value) in current.iter().enumerate() {
                if *value > current[best] {
                    best = i;
                }
            }
            current[best] -= total;
            out.push(self.0[best].0);
        }
        out
    }
}

/// Objects already in the store for Get and Locate to pick from
/// (`--existing-prefix P --existing-count N`): object `i`, for `i` in
/// `0..count`, is the only one named `{prefix}{i}`, as `kms bulk-seed` names
/// them. The scale benchmark measures lookups among a million objects this
/// way, where the usual preparation would Get and Locate one key of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    /// The names' common prefix.
    pub prefix: String,
    /// How many there are.
    pub count: u64,
}

impl Existing {
    /// Up to this many distinct objects are picked (fewer if the store has
    /// fewer): more than the server's cache of decoded objects holds, so a
    /// run over a large store reads most of its objects from the store.
    pub const SAMPLE: u64 = 20_000;

    /// The indexes of the objects a run uses: [`Existing::SAMPLE`] of
    /// `0..count` (all of them if there are no more), distinct, in random
    /// order, drawn from `seed`.
    pub fn sample(&self, seed: u64) -> Vec<u64> {
        let want = self.count.min(Self::SAMPLE);
        let mut random = XorShift(seed | 1);
        if want == self.count {
            // Every index, shuffled (Fisher-Yates).
            let mut all: Vec<u64> = (0..self.count).collect();
            for i in (1..all.len()).rev() {
                let j = usize::try_from(random.below(i as u64 + 1)).unwrap_or(0);
                all.swap(i, j);
            }
            return all;
        }
        // Far fewer wanted than there are: draw until enough are distinct.
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        while (out.len() as u64) < want {
            let index = random.below(self.count);
            if seen.insert(index) {
                out.push(index);
            }
        }
        out
    }

    /// The name of object `index`.
    pub fn name(&self, index: u64) -> String {
        format!("{}{index}", self.prefix)
    }
}

/// xorshift64: enough to spread a benchmark's picks, no more.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..bound` (`bound` > 0; the modulo bias is negligible
    /// for the bounds used here).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

/// Lower-case hex of `data`, for XML ByteString values.
pub(crate) fn hex(data: &[u8]) -> String {
    hex::encode(data)
}

/// Builds request messages for one protocol version.
#[derive(Clone, Copy, Debug)]
pub struct Requests {
    /// The version every message carries.
    pub version: ProtocolVersion,
}

impl Requests {
    fn v2(self) -> bool {
        self.version.major >= 2
    }

    /// A request message of `batch` copies of `item` (the XML inside a
    /// Batch Item), as wire bytes.
    pub fn message(self, item: &str, batch: usize) -> Result<Bytes, String> {
        self.message_of(&vec![item.to_owned(); batch])
    }

    /// A request message of one batch item per entry of `items` (the XML
    /// inside each Batch Item), as wire bytes.
    pub fn message_of(self, items: &[String]) -> Result<Bytes, String> {
        let ProtocolVersion { major, minor } = self.version;
        let mut text = format!(
            r#"<RequestMessage><RequestHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="{major}"/><ProtocolVersionMinor type="Integer" value="{minor}"/></ProtocolVersion><BatchCount type="Integer" value="{}"/></RequestHeader>"#,
            items.len()
        );
        for item in items {
            text.push_str("<BatchItem>");
            text.push_str(item);
            text.push_str("</BatchItem>");
        }
        text.push_str("</RequestMessage>");
        let tree = xml::from_str(&text).map_err(|e| format!("building a request: {e}"))?;
        wire::to_vec(&tree).map(Bytes::from).map_err(|e| format!("encoding a request: {e}"))
    }

    /// The attribute items of `attributes` (`(1.x name, type, value, 2.x
    /// tag)`), without a wrapper: 2.x attribute items, or 1.x `Attribute`
    /// structures.
    fn attribute_items(self, attributes: &[(&str, &str, &str, &str)]) -> String {
        let mut out = String::new();
        for (name, kind, value, tag) in attributes {
            let name_value = format!(
                r#"<NameValue type="TextString" value="{value}"/><NameType type="Enumeration" value="UninterpretedTextString"/>"#
            );
            if self.v2() {
                if *kind == "Name" {
                    out.push_str(&format!("<Name>{name_value}</Name>"));
                } else {
                    out.push_str(&format!(r#"<{tag} type="{kind}" value="{value}"/>"#));
                }
            } else {
                out.push_str(&format!(r#"<Attribute><AttributeName type="TextString" value="{name}"/>"#));
                if *kind == "Name" {
                    out.push_str(&format!("<AttributeValue>{name_value}</AttributeValue>"));
                } else {
                    out.push_str(&format!(r#"<AttributeValue type="{kind}" value="{value}"/>"#));
                }
                out.push_str("</Attribute>");
            }
        }
        out
    }

    /// The attributes of a Create: in `Attributes` (2.x) or in the 1.x
    /// `wrapper` (Template-Attribute, ...).
    fn attributes(self, wrapper: &str, attributes: &[(&str, &str, &str, &str)]) -> String {
        let wrapper = if self.v2() { "Attributes" } else { wrapper };
        format!("<{wrapper}>{}</{wrapper}>", self.attribute_items(attributes))
    }

    /// Create of a symmetric key: AES-256 (usage Encrypt Decrypt) or
    /// HMAC-SHA-256 (MAC Generate MAC Verify), with a Name if given.
    pub fn create(self, hmac: bool, name: Option<&str>) -> String {
        let (algorithm, mask) =
            if hmac { ("HMAC_SHA256", "MACGenerate MACVerify") } else { ("AES", "Encrypt Decrypt") };
        let mut attributes = vec![
            ("Cryptographic Algorithm", "Enumeration", algorithm, "CryptographicAlgorithm"),
            ("Cryptographic Length", "Integer", "256", "CryptographicLength"),
            ("Cryptographic Usage Mask", "Integer", mask, "CryptographicUsageMask"),
        ];
        if let Some(name) = name {
            attributes.push(("Name", "Name", name, "Name"));
        }
        format!(
            r#"<Operation type="Enumeration" value="Create"/><RequestPayload><ObjectType type="Enumeration" value="SymmetricKey"/>{}</RequestPayload>"#,
            self.attributes("TemplateAttribute", &attributes)
        )
    }

    /// Create Key Pair: RSA-2048 or EC P-256, private Sign Decrypt, public
    /// Verify Encrypt.
    pub fn create_key_pair(self, rsa: bool) -> String {
        let (algorithm, length) = if rsa { ("RSA", "2048") } else { ("EC", "256") };
        let common = [
            ("Cryptographic Algorithm", "Enumeration", algorithm, "CryptographicAlgorithm"),
            ("Cryptographic Length", "Integer", length, "CryptographicLength"),
        ];
        let private = [("Cryptographic Usage Mask", "Integer", "Sign Decrypt", "CryptographicUsageMask")];
        let public = [("Cryptographic Usage Mask", "Integer", "Verify Encrypt", "CryptographicUsageMask")];
        let (c, pr, pu) = if self.v2() {
            (
                format!("<CommonAttributes>{}</CommonAttributes>", self.attribute_items(&common)),
                format!("<PrivateKeyAttributes>{}</PrivateKeyAttributes>", self.attribute_items(&private)),
                format!("<PublicKeyAttributes>{}</PublicKeyAttributes>", self.attribute_items(&public)),
            )
        } else {
            (
                self.attributes("CommonTemplateAttribute", &common),
                self.attributes("PrivateKeyTemplateAttribute", &private),
                self.attributes("PublicKeyTemplateAttribute", &public),
            )
        };
        format!(r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>{c}{pr}{pu}</RequestPayload>"#)
    }

    /// Activate of `id` (1.x servers create keys Pre-Active).
    pub fn activate(self, id: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Activate"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/></RequestPayload>"#
        )
    }

    /// Get of `id`.
    pub fn get(self, id: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Get"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/></RequestPayload>"#
        )
    }

    /// Locate by Name.
    pub fn locate(self, name: &str) -> String {
        format!(r#"<Operation type="Enumeration" value="Locate"/><RequestPayload>{}</RequestPayload>"#, {
            let items = self.attribute_items(&[("Name", "Name", name, "Name")]);
            if self.v2() { format!("<Attributes>{items}</Attributes>") } else { items }
        })
    }

    /// Encrypt of `data` with `id` under `parameters` (the inside of
    /// Cryptographic Parameters).
    pub fn encrypt(self, id: &str, parameters: &str, data: &[u8]) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/><CryptographicParameters>{parameters}</CryptographicParameters><Data type="ByteString" value="{}"/></RequestPayload>"#,
            hex(data)
        )
    }

    /// Decrypt of `data` with `id`; `extra` is the IV and tag items.
    pub fn decrypt(self, id: &str, parameters: &str, data: &[u8], extra: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Decrypt"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/><CryptographicParameters>{parameters}</CryptographicParameters><Data type="ByteString" value="{}"/>{extra}</RequestPayload>"#,
            hex(data)
        )
    }

    /// Sign of `data` with `id`.
    pub fn sign(self, id: &str, parameters: &str, data: &[u8]) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Sign"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/><CryptographicParameters>{parameters}</CryptographicParameters><Data type="ByteString" value="{}"/></RequestPayload>"#,
            hex(data)
        )
    }

    /// Signature Verify of `signature` over `data` with `id`.
    pub fn verify(self, id: &str, parameters: &str, data: &[u8], signature: &[u8]) -> String {
        format!(
            r#"<Operation type="Enumeration" value="SignatureVerify"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/><CryptographicParameters>{parameters}</CryptographicParameters><Data type="ByteString" value="{}"/><SignatureData type="ByteString" value="{}"/></RequestPayload>"#,
            hex(data),
            hex(signature)
        )
    }

    /// MAC of `data` with `id` (HMAC-SHA-256).
    pub fn mac(self, id: &str, data: &[u8]) -> String {
        format!(
            r#"<Operation type="Enumeration" value="MAC"/><RequestPayload><UniqueIdentifier type="TextString" value="{id}"/><CryptographicParameters><CryptographicAlgorithm type="Enumeration" value="HMAC_SHA256"/></CryptographicParameters><Data type="ByteString" value="{}"/></RequestPayload>"#,
            hex(data)
        )
    }

    /// RNG Retrieve of `length` bytes.
    pub fn rng(self, length: usize) -> String {
        format!(
            r#"<Operation type="Enumeration" value="RNGRetrieve"/><RequestPayload><DataLength type="Integer" value="{length}"/></RequestPayload>"#
        )
    }
}

/// The Cryptographic Parameters of AES-256-GCM with a 16-byte tag.
pub const GCM: &str = r#"<BlockCipherMode type="Enumeration" value="GCM"/><TagLength type="Integer" value="16"/>"#;
/// RSA-OAEP with SHA-256 (and MGF1 SHA-256).
pub const OAEP: &str = r#"<PaddingMethod type="Enumeration" value="OAEP"/><HashingAlgorithm type="Enumeration" value="SHA_256"/><MaskGeneratorHashingAlgorithm type="Enumeration" value="SHA_256"/>"#;
/// RSA PKCS#1 v1.5 with SHA-256.
pub const PKCS1: &str =
    r#"<PaddingMethod type="Enumeration" value="PKCS1V1_5"/><HashingAlgorithm type="Enumeration" value="SHA_256"/>"#;
/// ECDSA with SHA-256.
pub const ECDSA: &str = r#"<DigitalSignatureAlgorithm type="Enumeration" value="ECDSAWithSHA256"/>"#;

/// The payload of the first batch item of a decoded response, if it
/// succeeded; else the failure's reason and message.
pub fn first_payload(response: &Ttlv) -> Result<&Ttlv, String> {
    item_payload(response.child(Tag::BATCH_ITEM).ok_or("the response has no batch item")?)
}

/// The payload of a response batch item, if it succeeded; else the
/// failure's reason and message.
pub fn item_payload(item: &Ttlv) -> Result<&Ttlv, String> {
    let status = item.child(Tag::RESULT_STATUS).and_then(|t| t.value.as_enumeration());
    if status != Some(0) {
        let reason = item.child(Tag::RESULT_REASON).and_then(|t| t.value.as_enumeration()).unwrap_or(0);
        let message = item.child(Tag::RESULT_MESSAGE).and_then(|t| t.value.as_text()).unwrap_or("");
        return Err(format!("{:?}: {message}", kmip_ttlv::enums::ResultReason(reason)));
    }
    item.child(Tag::RESPONSE_PAYLOAD).ok_or_else(|| "the response has no payload".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixes_parse_and_interleave() {
        let mix: Mix = "get=3, encrypt=1".parse().expect("a mix");
        assert_eq!(mix.0, vec![(Op::Get, 3), (Op::Encrypt, 1)]);
        let schedule = mix.schedule();
        assert_eq!(schedule.len(), 4);
        assert_eq!(schedule.iter().filter(|op| **op == Op::Get).count(), 3);
        assert_eq!("sign".parse::<Mix>().expect("one op").0, vec![(Op::Sign, 1)]);
        for bad in ["", "get=0", "frob", "get=x", "get,get"] {
            assert!(bad.parse::<Mix>().is_err(), "{bad}");
        }
    }

    #[test]
    fn requests_encode_in_both_generations() {
        for version in [ProtocolVersion::V1_2, ProtocolVersion::V2_1] {
            let requests = Requests { version };
            for item in [
                requests.create(false, Some("n")),
                requests.create(true, None),
                requests.create_key_pair(true),
                requests.create_key_pair(false),
                requests.locate("n"),
                requests.get("id"),
                requests.encrypt("id", GCM, b"x"),
                requests.sign("id", ECDSA, b"x"),
                requests.mac("id", b"x"),
                requests.rng(16),
            ] {
                let bytes = requests.message(&item, 2).unwrap_or_else(|e| panic!("{version}: {e}\n{item}"));
                let tree = wire::decode_slice(&bytes, &Default::default()).expect("decodes");
                assert_eq!(tree.children_with(Tag::BATCH_ITEM).count(), 2);
            }
        }
    }
}
