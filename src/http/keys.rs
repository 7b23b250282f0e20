//! Keys over REST (SPEC section 5, issue 6 "Keys over REST"): JSON
//! endpoints for applications that do not speak KMIP, under
//! `/api/v1/kms/keys`, with the paths and bodies of Infisical's KMS API
//! where it has them (docs/keys-rest.md).
//!
//! Nothing here touches a key: every route is a KMIP request message built
//! in code and run through [`Kms::process_owned`], exactly as a message on
//! the KMIP port or `POST /kmip` is. So each call is access-checked against
//! the same grants, audited in the same chain (channel `http`, with the
//! caller's identity) and counted in the same metrics as the KMIP batch
//! items it becomes. The caller is the client certificate's identity or a
//! machine identity's bearer token ([`super::peer::request_peer`]).
//!
//! - A REST key id is the KMIP Unique Identifier of the key: the Symmetric
//!   Key (AES-256-GCM), or the Private Key of a pair (RSA, ECDSA), which
//!   also encrypts (with its public half) and verifies. A key made over REST
//!   is an ordinary KMIP object, visible over KMIP with the same id.
//! - Ciphertexts are self-describing: `0x01 | id length (1 byte) | key id |
//!   IV length (1) | IV | tag length (1) | tag | data`, base64. The first
//!   part (`0x01 | length | id`) is the AES-GCM additional data or the
//!   RSA-OAEP label, so a ciphertext moved to another header fails.
//!   Decrypt needs only the ciphertext and the id of the key or of a key
//!   that replaced it (rotation keeps old ciphertexts readable).
//! - KMIP failures map to Infisical-shaped JSON errors in [`refusal`]: a key
//!   that does not exist and one the caller may not see both answer 404
//!   with the same message (KMIP's own refusal is Object Not Found).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Method, Request, StatusCode};
use kmip_ttlv::enums::{
    CryptographicAlgorithm, CryptographicUsageMask, DigitalSignatureAlgorithm, HashingAlgorithm, KeyFormatType,
    LinkType, NameType, ObjectType, Operation, RecommendedCurve, ResultReason, ResultStatus, State as KeyState,
    ValidityIndicator,
};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage, ResponseBatchItem};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use serde::Deserialize;
use serde_json::json;
use tracing::debug;
use zeroize::Zeroizing;

use super::routes::{Reply, error, json_reply, read_body};
use super::{ConnectionInfo, State};
use crate::ops::{Kms, Peer};

/// The path every key route sits under.
pub(crate) const PREFIX: &str = "/api/v1/kms/keys";

/// The format byte that starts every ciphertext of this API.
const CIPHERTEXT_FORMAT: u8 = 0x01;

/// How many rotations back Decrypt follows a ciphertext's key.
const MAX_ROTATIONS: usize = 64;

/// The most keys one list answers.
const MAX_LIST: usize = 100;

/// Batch items per Get Attributes message of a list.
const LIST_BATCH: usize = 50;

/// Routes one request under [`PREFIX`] (`route` is the path without a
/// trailing slash).
pub(crate) async fn handle(state: &State, info: &ConnectionInfo, request: Request<Incoming>, route: &str) -> Reply {
    let rest = route.strip_prefix(PREFIX).unwrap_or_default();
    if !rest.is_empty() && !rest.starts_with('/') {
        return error(StatusCode::NOT_FOUND, &format!("no route {} {route}", request.method()));
    }
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let peer = match super::peer::request_peer(state, request.headers(), info).await {
        Ok(peer) => peer,
        Err(reply) => return reply,
    };
    let method = request.method().clone();
    let query = request.uri().query().unwrap_or_default().to_owned();
    let keys = Keys { kms: &state.kms, peer: &peer };
    let result = match (&method, segments.as_slice()) {
        (&Method::GET, []) => keys.list(&query).await,
        (&Method::POST, []) => {
            let body = match read_body(state, request).await {
                Ok(body) => body,
                Err(reply) => return reply,
            };
            let body: &[u8] = if body.is_empty() { b"{}" } else { &body };
            match parse::<CreateBody>(body) {
                Ok(body) => keys.create(body).await,
                Err(refusal) => Err(refusal),
            }
        }
        (&Method::GET, ["key-name", name]) => match percent_decode(name) {
            Some(name) => keys.by_name(&name).await.map(|key| json!({ "key": key })),
            None => Err(bad_request("the key name is not valid percent-encoded UTF-8")),
        },
        (&Method::GET, [id, "signing-algorithms"]) => keys.signing_algorithms(id).await,
        (&Method::GET, [id]) => keys.metadata(id).await.map(|key| json!({ "key": key })),
        (&Method::GET, [id, "public-key"]) => keys.public_key(id).await,
        (&Method::POST, [id, action]) => {
            let body = match read_body(state, request).await {
                Ok(body) => body,
                Err(reply) => return reply,
            };
            keys.action(id, action, &body).await
        }
        (_, [] | [_] | [_, _]) => {
            Err(Refusal::new(StatusCode::METHOD_NOT_ALLOWED, format!("no route {method} {route}")))
        }
        _ => Err(Refusal::new(StatusCode::NOT_FOUND, format!("no route {method} {route}"))),
    };
    match result {
        Ok(body) => json_reply(StatusCode::OK, &body),
        Err(refusal) => refusal.reply(),
    }
}

/// `POST /api/v1/kms/keys`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    /// `aes-256-gcm` (default), `rsa-2048`/`RSA_2048`, ..., `ecc-nist-p256`.
    #[serde(default)]
    encryption_algorithm: Option<String>,
    /// `encrypt-decrypt` or `sign-verify`.
    #[serde(default)]
    key_usage: Option<String>,
}

#[derive(Deserialize)]
struct EncryptBody {
    plaintext: String,
}

#[derive(Deserialize)]
struct DecryptBody {
    ciphertext: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignBody {
    data: String,
    signing_algorithm: String,
    #[serde(default)]
    is_digest: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyBody {
    data: String,
    signature: String,
    signing_algorithm: String,
    #[serde(default)]
    is_digest: bool,
}

#[derive(Deserialize, Default)]
struct DataKeyBody {
    /// 128 or 256 (default).
    #[serde(default)]
    bits: Option<u32>,
}

/// The algorithms a key can be created with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeySpec {
    Aes256,
    Rsa(i32),
    Ec(RecommendedCurve, i32),
}

impl KeySpec {
    fn parse(name: &str) -> Option<KeySpec> {
        let normal = name.trim().to_ascii_lowercase().replace('_', "-");
        Some(match normal.as_str() {
            "aes-256-gcm" | "aes-gcm-256" => KeySpec::Aes256,
            "rsa-2048" => KeySpec::Rsa(2048),
            "rsa-3072" => KeySpec::Rsa(3072),
            "rsa-4096" => KeySpec::Rsa(4096),
            "ecc-nist-p256" | "ecdsa-p256" | "p-256" => KeySpec::Ec(RecommendedCurve::P_256, 256),
            "ecc-nist-p384" | "ecdsa-p384" | "p-384" => KeySpec::Ec(RecommendedCurve::P_384, 384),
            _ => return None,
        })
    }
}

/// The REST name of a key's algorithm, from its KMIP attributes.
fn algorithm_name(algorithm: Option<u32>, length: Option<i32>) -> String {
    match (algorithm.map(CryptographicAlgorithm), length) {
        (Some(CryptographicAlgorithm::AES), Some(bits)) => format!("aes-{bits}-gcm"),
        (Some(CryptographicAlgorithm::RSA), Some(bits)) => format!("RSA_{bits}"),
        (Some(CryptographicAlgorithm::EC | CryptographicAlgorithm::ECDSA), Some(bits)) => format!("ECC_NIST_P{bits}"),
        (Some(other), _) => format!("{other:?}"),
        (None, _) => "unknown".to_owned(),
    }
}

/// A signing algorithm name (Infisical's) as KMIP Cryptographic Parameters.
fn signing_parameters(name: &str) -> Option<Ttlv> {
    use DigitalSignatureAlgorithm as D;
    let (algorithm, hash) = match name.trim().to_ascii_uppercase().replace('-', "_").as_str() {
        "RSASSA_PSS_SHA_256" => (D::RSASSA_PSS, HashingAlgorithm::SHA_256),
        "RSASSA_PSS_SHA_384" => (D::RSASSA_PSS, HashingAlgorithm::SHA_384),
        "RSASSA_PSS_SHA_512" => (D::RSASSA_PSS, HashingAlgorithm::SHA_512),
        "RSASSA_PKCS1_V1_5_SHA_256" => (D::SHA_256_WITH_RSA_ENCRYPTION, HashingAlgorithm::SHA_256),
        "RSASSA_PKCS1_V1_5_SHA_384" => (D::SHA_384_WITH_RSA_ENCRYPTION, HashingAlgorithm::SHA_384),
        "RSASSA_PKCS1_V1_5_SHA_512" => (D::SHA_512_WITH_RSA_ENCRYPTION, HashingAlgorithm::SHA_512),
        "ECDSA_SHA_256" => (D::ECDSA_WITH_SHA256, HashingAlgorithm::SHA_256),
        "ECDSA_SHA_384" => (D::ECDSA_WITH_SHA384, HashingAlgorithm::SHA_384),
        "ECDSA_SHA_512" => (D::ECDSA_WITH_SHA512, HashingAlgorithm::SHA_512),
        _ => return None,
    };
    Some(Ttlv::structure(
        Tag::CRYPTOGRAPHIC_PARAMETERS,
        vec![enumeration(Tag::DIGITAL_SIGNATURE_ALGORITHM, algorithm.0), enumeration(Tag::HASHING_ALGORITHM, hash.0)],
    ))
}

/// The parameters of every Encrypt and Decrypt of this API: AES-GCM (the
/// default mode of an AES key) or RSA-OAEP with SHA-256 and MGF1-SHA-256,
/// whichever the key is; the OAEP label is `header`.
fn cipher_parameters(header: &[u8]) -> Ttlv {
    Ttlv::structure(
        Tag::CRYPTOGRAPHIC_PARAMETERS,
        vec![
            enumeration(Tag::HASHING_ALGORITHM, HashingAlgorithm::SHA_256.0),
            enumeration(Tag::MASK_GENERATOR_HASHING_ALGORITHM, HashingAlgorithm::SHA_256.0),
            bytes(Tag::P_SOURCE, header),
        ],
    )
}

/// A ciphertext of this API, parsed.
struct Ciphertext {
    /// `0x01 | id length | id`: the additional data / OAEP label.
    header: Vec<u8>,
    key_id: String,
    iv: Vec<u8>,
    tag: Vec<u8>,
    data: Vec<u8>,
}

impl Ciphertext {
    fn header(key_id: &str) -> Option<Vec<u8>> {
        let length = u8::try_from(key_id.len()).ok()?;
        let mut header = Vec::with_capacity(2 + key_id.len());
        header.push(CIPHERTEXT_FORMAT);
        header.push(length);
        header.extend_from_slice(key_id.as_bytes());
        Some(header)
    }

    fn encode(&self) -> Option<Vec<u8>> {
        let mut out = self.header.clone();
        out.push(u8::try_from(self.iv.len()).ok()?);
        out.extend_from_slice(&self.iv);
        out.push(u8::try_from(self.tag.len()).ok()?);
        out.extend_from_slice(&self.tag);
        out.extend_from_slice(&self.data);
        Some(out)
    }

    fn parse(bytes: &[u8]) -> Option<Ciphertext> {
        let (&format, rest) = bytes.split_first()?;
        if format != CIPHERTEXT_FORMAT {
            return None;
        }
        let (&id_len, rest) = rest.split_first()?;
        let (id, rest) = rest.split_at_checked(usize::from(id_len))?;
        let key_id = std::str::from_utf8(id).ok()?.to_owned();
        let header = bytes[..2 + usize::from(id_len)].to_vec();
        let (&iv_len, rest) = rest.split_first()?;
        let (iv, rest) = rest.split_at_checked(usize::from(iv_len))?;
        let (&tag_len, rest) = rest.split_first()?;
        let (tag, data) = rest.split_at_checked(usize::from(tag_len))?;
        Some(Ciphertext { header, key_id, iv: iv.to_vec(), tag: tag.to_vec(), data: data.to_vec() })
    }
}

/// A refused call: the status and message of its JSON error.
struct Refusal {
    status: StatusCode,
    message: String,
}

impl Refusal {
    fn new(status: StatusCode, message: impl Into<String>) -> Refusal {
        Refusal { status, message: message.into() }
    }

    /// The Infisical-shaped JSON error.
    fn reply(&self) -> Reply {
        error(self.status, &self.message)
    }
}

/// The key routes of one caller.
struct Keys<'a> {
    kms: &'a Kms,
    peer: &'a Peer,
}

impl Keys<'_> {
    /// Runs `items` as one KMIP 2.1 request message; the batch items'
    /// responses (one per item).
    async fn run(&self, items: Vec<(Operation, Vec<Ttlv>)>) -> Vec<ResponseBatchItem> {
        let items: Vec<RequestBatchItem> = items
            .into_iter()
            .map(|(operation, payload)| {
                RequestBatchItem::new(operation, Ttlv::structure(Tag::REQUEST_PAYLOAD, payload))
            })
            .collect();
        let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
        let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, count), items);
        self.kms.process_owned(self.peer, message.to_ttlv()).await.batch_items
    }

    /// Runs one operation on key `id` (named in refusals); its response
    /// payload.
    async fn one(&self, operation: Operation, payload: Vec<Ttlv>, id: &str) -> Result<Ttlv, Refusal> {
        let mut items = self.run(vec![(operation, payload)]).await;
        let Some(item) = items.pop() else {
            return Err(Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"));
        };
        payload_of(item, id)
    }

    async fn create(&self, body: CreateBody) -> Result<serde_json::Value, Refusal> {
        let algorithm = body.encryption_algorithm.as_deref().unwrap_or("aes-256-gcm");
        let Some(spec) = KeySpec::parse(algorithm) else {
            return Err(bad_request(&format!(
                "unsupported encryptionAlgorithm {algorithm:?} (aes-256-gcm, rsa-2048, rsa-3072, rsa-4096, \
                 ecc-nist-p256, ecc-nist-p384)"
            )));
        };
        let signing = match body.key_usage.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None => matches!(spec, KeySpec::Ec(..)),
            Some("encrypt-decrypt") => false,
            Some("sign-verify") => true,
            Some(other) => {
                return Err(bad_request(&format!("keyUsage {other:?}: use encrypt-decrypt or sign-verify")));
            }
        };
        if signing && spec == KeySpec::Aes256 {
            return Err(bad_request("an aes-256-gcm key is for encrypt-decrypt"));
        }
        if !signing && matches!(spec, KeySpec::Ec(..)) {
            return Err(bad_request("an ECC key is for sign-verify"));
        }
        let mask = if signing {
            CryptographicUsageMask::SIGN.0 | CryptographicUsageMask::VERIFY.0
        } else {
            CryptographicUsageMask::ENCRYPT.0 | CryptographicUsageMask::DECRYPT.0
        };
        let now = self.kms.now();
        let mut own = vec![integer(Tag::CRYPTOGRAPHIC_USAGE_MASK, mask.cast_signed())];
        if let Some(name) = body.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            own.push(Ttlv::structure(
                Tag::NAME,
                vec![
                    Ttlv::new(Tag::NAME_VALUE, Value::TextString(name.to_owned())),
                    enumeration(Tag::NAME_TYPE, NameType::UNINTERPRETED_TEXT_STRING.0),
                ],
            ));
        }
        if let Some(description) = body.description.filter(|d| !d.is_empty()) {
            own.push(Ttlv::new(Tag::DESCRIPTION, Value::TextString(description)));
        }
        let active = Ttlv::new(Tag::ACTIVATION_DATE, Value::DateTime(now));
        let id = match spec {
            KeySpec::Aes256 => {
                let mut attributes = vec![
                    enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm::AES.0),
                    integer(Tag::CRYPTOGRAPHIC_LENGTH, 256),
                    active,
                ];
                attributes.extend(own);
                let payload = vec![
                    enumeration(Tag::OBJECT_TYPE, ObjectType::SYMMETRIC_KEY.0),
                    Ttlv::structure(Tag::ATTRIBUTES, attributes),
                ];
                let response = self.one(Operation::CREATE, payload, "").await?;
                text_of(&response, Tag::UNIQUE_IDENTIFIER)?
            }
            KeySpec::Rsa(bits) | KeySpec::Ec(_, bits) => {
                let mut common = vec![integer(Tag::CRYPTOGRAPHIC_LENGTH, bits), active];
                match spec {
                    KeySpec::Ec(curve, _) => {
                        common.push(enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm::EC.0));
                        common.push(Ttlv::structure(
                            Tag::CRYPTOGRAPHIC_DOMAIN_PARAMETERS,
                            vec![enumeration(Tag::RECOMMENDED_CURVE, curve.0)],
                        ));
                    }
                    _ => common.push(enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm::RSA.0)),
                }
                let public_mask =
                    if signing { CryptographicUsageMask::VERIFY.0 } else { CryptographicUsageMask::ENCRYPT.0 };
                let payload = vec![
                    Ttlv::structure(Tag::COMMON_ATTRIBUTES, common),
                    Ttlv::structure(Tag::PRIVATE_KEY_ATTRIBUTES, own),
                    Ttlv::structure(
                        Tag::PUBLIC_KEY_ATTRIBUTES,
                        vec![integer(Tag::CRYPTOGRAPHIC_USAGE_MASK, public_mask.cast_signed())],
                    ),
                ];
                let response = self.one(Operation::CREATE_KEY_PAIR, payload, "").await?;
                text_of(&response, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER)?
            }
        };
        Ok(json!({ "key": self.metadata(&id).await? }))
    }

    /// `GET /api/v1/kms/keys?offset&limit&search`: the keys the caller may
    /// locate (its own and those granted), oldest first.
    async fn list(&self, query: &str) -> Result<serde_json::Value, Refusal> {
        let mut offset = 0usize;
        let mut limit = MAX_LIST;
        let mut search = None;
        for (name, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
            match name {
                "offset" if !value.is_empty() => {
                    offset = value.parse().map_err(|_| bad_request("offset must be a number"))?;
                }
                "limit" if !value.is_empty() => {
                    limit = value.parse().map_err(|_| bad_request("limit must be a number"))?;
                    limit = limit.clamp(1, MAX_LIST);
                }
                "search" if !value.is_empty() => search = Some(value.to_ascii_lowercase()),
                _ => {}
            }
        }
        let locate = |object_type: ObjectType| {
            (
                Operation::LOCATE,
                vec![Ttlv::structure(Tag::ATTRIBUTES, vec![enumeration(Tag::OBJECT_TYPE, object_type.0)])],
            )
        };
        let located = self.run(vec![locate(ObjectType::SYMMETRIC_KEY), locate(ObjectType::PRIVATE_KEY)]).await;
        let mut ids = Vec::new();
        for item in located {
            let payload = payload_of(item, "")?;
            ids.extend(
                payload.children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|u| u.value.as_text()).map(str::to_owned),
            );
        }
        let mut keys = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(LIST_BATCH) {
            let items = chunk.iter().map(|id| (Operation::GET_ATTRIBUTES, vec![uid(id)])).collect();
            for (item, id) in self.run(items).await.into_iter().zip(chunk) {
                // An object gone between Locate and Get Attributes is left out.
                if item.result_status != ResultStatus::SUCCESS {
                    continue;
                }
                if let Ok(payload) = payload_of(item, id) {
                    keys.push(key_json(id, &payload));
                }
            }
        }
        if let Some(search) = &search {
            keys.retain(|k| k["name"].as_str().is_some_and(|n| n.to_ascii_lowercase().contains(search.as_str())));
        }
        keys.sort_by(|a, b| {
            (a["createdAt"].as_str(), a["id"].as_str()).cmp(&(b["createdAt"].as_str(), b["id"].as_str()))
        });
        let total = keys.len();
        let page: Vec<serde_json::Value> = keys.into_iter().skip(offset).take(limit).collect();
        Ok(json!({ "keys": page, "totalCount": total }))
    }

    /// `GET …/key-name/:name`: the key whose Name is `name` (Locate, as the
    /// caller: a key it may not locate is not found).
    async fn by_name(&self, name: &str) -> Result<serde_json::Value, Refusal> {
        let name_attribute = Ttlv::structure(
            Tag::NAME,
            vec![
                Ttlv::new(Tag::NAME_VALUE, Value::TextString(name.to_owned())),
                enumeration(Tag::NAME_TYPE, NameType::UNINTERPRETED_TEXT_STRING.0),
            ],
        );
        let payload = vec![Ttlv::structure(Tag::ATTRIBUTES, vec![name_attribute])];
        let located = self.one(Operation::LOCATE, payload, name).await?;
        let Some(id) = located.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()) else {
            return Err(Refusal::new(StatusCode::NOT_FOUND, format!("Key with name '{name}' not found")));
        };
        self.metadata(id).await
    }

    /// `GET …/:id/signing-algorithms`: the `signingAlgorithm` names the key
    /// takes (none for an AES or an encrypt-decrypt key).
    async fn signing_algorithms(&self, id: &str) -> Result<serde_json::Value, Refusal> {
        let key = self.metadata(id).await?;
        let names: &[&str] = match (key["keyUsage"].as_str(), key["encryptionAlgorithm"].as_str()) {
            (Some("sign-verify"), Some(algorithm)) if algorithm.starts_with("RSA_") => &[
                "RSASSA_PSS_SHA_256",
                "RSASSA_PSS_SHA_384",
                "RSASSA_PSS_SHA_512",
                "RSASSA_PKCS1_V1_5_SHA_256",
                "RSASSA_PKCS1_V1_5_SHA_384",
                "RSASSA_PKCS1_V1_5_SHA_512",
            ],
            (Some("sign-verify"), Some(algorithm)) if algorithm.starts_with("ECC_") => {
                &["ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512"]
            }
            _ => &[],
        };
        Ok(json!({ "keyId": id, "signingAlgorithms": names }))
    }

    /// The key's metadata (Get Attributes).
    async fn metadata(&self, id: &str) -> Result<serde_json::Value, Refusal> {
        let payload = self.one(Operation::GET_ATTRIBUTES, vec![uid(id)], id).await?;
        Ok(key_json(id, &payload))
    }

    /// `GET …/:id/public-key`: the public half's SubjectPublicKeyInfo (DER,
    /// base64).
    async fn public_key(&self, id: &str) -> Result<serde_json::Value, Refusal> {
        let attributes = self.one(Operation::GET_ATTRIBUTES, vec![uid(id)], id).await?;
        let Some(public_id) = link_of(&attributes, LinkType::PUBLIC_KEY_LINK) else {
            return Err(bad_request(&format!("key {id} has no public key (it is not an RSA or ECC key)")));
        };
        let payload = vec![uid(&public_id), enumeration(Tag::KEY_FORMAT_TYPE, KeyFormatType::X_509.0)];
        let response = self.one(Operation::GET, payload, id).await?;
        let material = response
            .child(Tag::PUBLIC_KEY)
            .and_then(|k| k.child(Tag::KEY_BLOCK))
            .and_then(|b| b.child(Tag::KEY_VALUE))
            .and_then(|v| v.child(Tag::KEY_MATERIAL))
            .and_then(|m| m.value.as_bytes())
            .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?;
        Ok(json!({ "keyId": id, "publicKeyId": public_id, "publicKey": BASE64.encode(material) }))
    }

    /// `POST …/:id/<action>`.
    async fn action(&self, id: &str, action: &str, body: &Bytes) -> Result<serde_json::Value, Refusal> {
        match action {
            "encrypt" => {
                let body: EncryptBody = parse(body)?;
                let plaintext = decode("plaintext", &body.plaintext)?;
                let ciphertext = self.encrypt(id, &plaintext).await?;
                Ok(json!({ "ciphertext": ciphertext, "keyId": id }))
            }
            "decrypt" => {
                let body: DecryptBody = parse(body)?;
                let plaintext = self.decrypt(id, &body.ciphertext).await?;
                Ok(json!({ "plaintext": BASE64.encode(&*plaintext), "keyId": id }))
            }
            "data-key" => {
                let body: DataKeyBody = if body.is_empty() { DataKeyBody::default() } else { parse(body)? };
                let bits = body.bits.unwrap_or(256);
                if bits != 128 && bits != 256 {
                    return Err(bad_request("bits must be 128 or 256"));
                }
                let length = i32::try_from(bits / 8).unwrap_or(32);
                let random = self.one(Operation::RNG_RETRIEVE, vec![integer(Tag::DATA_LENGTH, length)], id).await?;
                let data_key = Zeroizing::new(
                    random
                        .child(Tag::DATA)
                        .and_then(|d| d.value.as_bytes())
                        .map(|b| b.to_vec())
                        .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?,
                );
                let ciphertext = self.encrypt(id, &data_key).await?;
                Ok(json!({ "keyId": id, "plaintextKey": BASE64.encode(&*data_key), "ciphertextKey": ciphertext }))
            }
            "sign" => {
                let body: SignBody = parse(body)?;
                let data = decode("data", &body.data)?;
                let params = signing_parameters(&body.signing_algorithm).ok_or_else(|| {
                    bad_request(&format!("unsupported signingAlgorithm {:?}", body.signing_algorithm))
                })?;
                let input = if body.is_digest { Tag::DIGESTED_DATA } else { Tag::DATA };
                let payload = vec![uid(id), params, bytes(input, &data)];
                let response = self.one(Operation::SIGN, payload, id).await?;
                let signature = response
                    .child(Tag::SIGNATURE_DATA)
                    .and_then(|s| s.value.as_bytes())
                    .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?;
                Ok(json!({
                    "keyId": id,
                    "signature": BASE64.encode(signature),
                    "signingAlgorithm": body.signing_algorithm,
                }))
            }
            "verify" => {
                let body: VerifyBody = parse(body)?;
                let data = decode("data", &body.data)?;
                let signature = decode("signature", &body.signature)?;
                let params = signing_parameters(&body.signing_algorithm).ok_or_else(|| {
                    bad_request(&format!("unsupported signingAlgorithm {:?}", body.signing_algorithm))
                })?;
                let input = if body.is_digest { Tag::DIGESTED_DATA } else { Tag::DATA };
                let payload = vec![uid(id), params, bytes(input, &data), bytes(Tag::SIGNATURE_DATA, &signature)];
                let response = self.one(Operation::SIGNATURE_VERIFY, payload, id).await?;
                let valid = response.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration())
                    == Some(ValidityIndicator::VALID.0);
                Ok(json!({ "keyId": id, "signatureValid": valid, "signingAlgorithm": body.signing_algorithm }))
            }
            "rotate" => self.rotate(id).await,
            _ => Err(Refusal::new(StatusCode::NOT_FOUND, format!("no route POST {PREFIX}/{id}/{action}"))),
        }
    }

    /// Encrypts `plaintext` with key `id`; the ciphertext of this API,
    /// base64.
    async fn encrypt(&self, id: &str, plaintext: &[u8]) -> Result<String, Refusal> {
        let header = Ciphertext::header(id).ok_or_else(|| bad_request("the key id is too long"))?;
        let payload = vec![
            uid(id),
            cipher_parameters(&header),
            bytes(Tag::DATA, plaintext),
            bytes(Tag::AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, &header),
        ];
        let response = self.one(Operation::ENCRYPT, payload, id).await?;
        let field = |tag: Tag| response.child(tag).and_then(|t| t.value.as_bytes()).map(|b| b.to_vec());
        let ciphertext = Ciphertext {
            header,
            key_id: id.to_owned(),
            iv: field(Tag::IV_COUNTER_NONCE).unwrap_or_default(),
            tag: field(Tag::AUTHENTICATED_ENCRYPTION_TAG).unwrap_or_default(),
            data: field(Tag::DATA)
                .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?,
        };
        let encoded = ciphertext
            .encode()
            .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?;
        Ok(BASE64.encode(encoded))
    }

    /// Decrypts a ciphertext of this API given to key `id`: the key it
    /// names must be `id` or one `id` replaced (rotation).
    async fn decrypt(&self, id: &str, ciphertext: &str) -> Result<Zeroizing<Vec<u8>>, Refusal> {
        let raw = decode("ciphertext", ciphertext)?;
        let Some(parsed) = Ciphertext::parse(&raw) else {
            return Err(bad_request("the ciphertext is not one of this API (format 0x01: id, IV, tag, data)"));
        };
        if parsed.key_id != id {
            self.check_replaced_by(&parsed.key_id, id).await?;
        }
        let mut payload = vec![
            uid(&parsed.key_id),
            cipher_parameters(&parsed.header),
            bytes(Tag::DATA, &parsed.data),
            bytes(Tag::AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, &parsed.header),
        ];
        if !parsed.iv.is_empty() {
            payload.push(bytes(Tag::IV_COUNTER_NONCE, &parsed.iv));
        }
        if !parsed.tag.is_empty() {
            payload.push(bytes(Tag::AUTHENTICATED_ENCRYPTION_TAG, &parsed.tag));
        }
        let response = self.one(Operation::DECRYPT, payload, id).await?;
        let plain = response
            .child(Tag::DATA)
            .and_then(|d| d.value.as_bytes())
            .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))?;
        Ok(Zeroizing::new(plain.to_vec()))
    }

    /// Succeeds when `newer` replaced `older`, directly or through
    /// rotations (Replacement Object Links, read with Get Attributes as the
    /// caller); else the answer for a key that does not decrypt it.
    async fn check_replaced_by(&self, older: &str, newer: &str) -> Result<(), Refusal> {
        let not_ours = || bad_request(&format!("the ciphertext was not made by key {newer} or a key it replaced"));
        let mut current = older.to_owned();
        for _ in 0..MAX_ROTATIONS {
            // A key the caller cannot see is not one it may decrypt with.
            let attributes = match self.one(Operation::GET_ATTRIBUTES, vec![uid(&current)], newer).await {
                Ok(attributes) => attributes,
                Err(refusal) if refusal.status == StatusCode::NOT_FOUND => return Err(not_ours()),
                Err(refusal) => return Err(refusal),
            };
            match link_of(&attributes, LinkType::REPLACEMENT_OBJECT_LINK) {
                Some(next) if next == newer => return Ok(()),
                Some(next) => current = next,
                None => break,
            }
        }
        Err(not_ours())
    }

    /// `POST …/:id/rotate`: Re-key (AES) or Re-key Key Pair (RSA, ECC),
    /// active at once; the new key, which replaces `id` (old ciphertexts
    /// still decrypt, with either id).
    async fn rotate(&self, id: &str) -> Result<serde_json::Value, Refusal> {
        let attributes = self.one(Operation::GET_ATTRIBUTES, vec![uid(id)], id).await?;
        let object_type = attributes
            .child(Tag::ATTRIBUTES)
            .and_then(|a| a.child(Tag::OBJECT_TYPE))
            .and_then(|t| t.value.as_enumeration())
            .map(ObjectType);
        let new_id = if object_type == Some(ObjectType::PRIVATE_KEY) {
            let payload = vec![
                Ttlv::new(Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER, Value::TextString(id.to_owned())),
                Ttlv::new(Tag::OFFSET, Value::Interval(0)),
            ];
            let response = self.one(Operation::RE_KEY_KEY_PAIR, payload, id).await?;
            text_of(&response, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER)?
        } else {
            let payload = vec![uid(id), Ttlv::new(Tag::OFFSET, Value::Interval(0))];
            let response = self.one(Operation::RE_KEY, payload, id).await?;
            text_of(&response, Tag::UNIQUE_IDENTIFIER)?
        };
        Ok(json!({ "key": self.metadata(&new_id).await?, "previousKeyId": id }))
    }
}

/// The JSON of a key from its Get Attributes response payload.
fn key_json(id: &str, payload: &Ttlv) -> serde_json::Value {
    let attributes = payload.child(Tag::ATTRIBUTES);
    let get = |tag: Tag| attributes.and_then(|a| a.child(tag)).map(|t| &t.value);
    let name = attributes
        .and_then(|a| a.child(Tag::NAME))
        .and_then(|n| n.child(Tag::NAME_VALUE))
        .and_then(|v| v.value.as_text());
    let mask = get(Tag::CRYPTOGRAPHIC_USAGE_MASK).and_then(Value::as_integer).unwrap_or(0).cast_unsigned();
    let usage = if mask & (CryptographicUsageMask::SIGN.0 | CryptographicUsageMask::VERIFY.0) != 0 {
        "sign-verify"
    } else {
        "encrypt-decrypt"
    };
    let state = get(Tag::STATE).and_then(Value::as_enumeration).map(KeyState);
    let date = |tag: Tag| get(tag).and_then(Value::as_date_time).and_then(rfc3339);
    let object_type = get(Tag::OBJECT_TYPE).and_then(Value::as_enumeration).map(|t| format!("{:?}", ObjectType(t)));
    let links = |link: LinkType| link_of(payload, link);
    json!({
        "id": id,
        "name": name.unwrap_or_default(),
        "description": get(Tag::DESCRIPTION).and_then(Value::as_text).unwrap_or_default(),
        "keyUsage": usage,
        "encryptionAlgorithm": algorithm_name(
            get(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(Value::as_enumeration),
            get(Tag::CRYPTOGRAPHIC_LENGTH).and_then(Value::as_integer),
        ),
        "objectType": object_type,
        "state": state.map(|s| format!("{s:?}")),
        "isDisabled": state != Some(KeyState::ACTIVE),
        "createdAt": date(Tag::INITIAL_DATE),
        "updatedAt": date(Tag::LAST_CHANGE_DATE),
        "publicKeyId": links(LinkType::PUBLIC_KEY_LINK),
        "replacedKeyId": links(LinkType::REPLACED_OBJECT_LINK),
        "replacementKeyId": links(LinkType::REPLACEMENT_OBJECT_LINK),
    })
}

/// The object a Link of `link_type` in a Get Attributes payload names.
fn link_of(payload: &Ttlv, link_type: LinkType) -> Option<String> {
    payload.child(Tag::ATTRIBUTES)?.children_with(Tag::LINK).find_map(|link| {
        (link.child(Tag::LINK_TYPE)?.value.as_enumeration()? == link_type.0)
            .then(|| link.child(Tag::LINKED_OBJECT_IDENTIFIER)?.value.as_text().map(str::to_owned))?
    })
}

fn rfc3339(seconds: i64) -> Option<String> {
    let time = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    time.format(&time::format_description::well_known::Rfc3339).ok()
}

/// The response payload of a successful item; else its refusal.
fn payload_of(item: ResponseBatchItem, id: &str) -> Result<Ttlv, Refusal> {
    if item.result_status == ResultStatus::SUCCESS {
        return Ok(item.response_payload.unwrap_or_else(|| Ttlv::structure(Tag::RESPONSE_PAYLOAD, Vec::new())));
    }
    Err(refusal(&item, id))
}

/// The HTTP answer to a failed KMIP batch item: the one place a Result
/// Reason becomes a status. Object Not Found is also what KMIP answers for
/// an object the caller may not see, so both give the same 404.
fn refusal(item: &ResponseBatchItem, id: &str) -> Refusal {
    let reason = item.result_reason.unwrap_or(ResultReason::GENERAL_FAILURE);
    let message = item.result_message.as_deref().unwrap_or("refused");
    debug!(?reason, "key REST call refused");
    match reason {
        ResultReason::ITEM_NOT_FOUND | ResultReason::OBJECT_NOT_FOUND => {
            Refusal::new(StatusCode::NOT_FOUND, format!("Key with ID '{id}' not found"))
        }
        ResultReason::PERMISSION_DENIED => {
            Refusal::new(StatusCode::FORBIDDEN, "You are not allowed to perform this action")
        }
        ResultReason::GENERAL_FAILURE => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"),
        ResultReason::CRYPTOGRAPHIC_FAILURE => {
            Refusal::new(StatusCode::BAD_REQUEST, "the operation failed: the data does not match the key")
        }
        _ => Refusal::new(StatusCode::BAD_REQUEST, message),
    }
}

/// The text child `tag` of a response payload.
fn text_of(payload: &Ttlv, tag: Tag) -> Result<String, Refusal> {
    payload
        .child(tag)
        .and_then(|t| t.value.as_text())
        .map(str::to_owned)
        .ok_or_else(|| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))
}

/// Parses a JSON body. Messages never quote a value of the body (it may be
/// a plaintext): a missing field is named, a wrong one is not.
fn parse<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        if text.starts_with("missing field") {
            bad_request(text.split(" at line").next().unwrap_or("a field is missing"))
        } else {
            bad_request(&format!(
                "the body is not the JSON object this route takes (line {}, column {})",
                e.line(),
                e.column()
            ))
        }
    })
}

/// A path segment with its `%XX` escapes decoded; None when an escape is
/// malformed or the result is not UTF-8.
fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Base64 field `name` decoded.
fn decode(name: &str, value: &str) -> Result<Zeroizing<Vec<u8>>, Refusal> {
    BASE64.decode(value.trim()).map(Zeroizing::new).map_err(|_| bad_request(&format!("{name} is not valid base64")))
}

fn bad_request(message: &str) -> Refusal {
    Refusal::new(StatusCode::BAD_REQUEST, message)
}

fn uid(id: &str) -> Ttlv {
    Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.to_owned()))
}

fn enumeration(tag: Tag, value: u32) -> Ttlv {
    Ttlv::new(tag, Value::Enumeration(value))
}

fn integer(tag: Tag, value: i32) -> Ttlv {
    Ttlv::new(tag, Value::Integer(value))
}

fn bytes(tag: Tag, value: &[u8]) -> Ttlv {
    Ttlv::new(tag, Value::ByteString(Bytes::copy_from_slice(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ciphertexts_round_trip_and_truncations_are_refused() {
        let header = Ciphertext::header("key-1").expect("short id");
        let c = Ciphertext {
            header: header.clone(),
            key_id: "key-1".into(),
            iv: vec![1; 12],
            tag: vec![2; 16],
            data: vec![3; 5],
        };
        let bytes = c.encode().expect("encodes");
        assert_eq!(&bytes[..2], &[CIPHERTEXT_FORMAT, 5]);
        let back = Ciphertext::parse(&bytes).expect("parses");
        assert_eq!(
            (back.key_id.as_str(), back.header, back.iv, back.tag, back.data),
            ("key-1", header, vec![1; 12], vec![2; 16], vec![3; 5])
        );
        for cut in 0..2 + 5 + 1 + 12 + 1 + 16 {
            assert!(Ciphertext::parse(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut other_format = bytes.clone();
        other_format[0] = 0x02;
        assert!(Ciphertext::parse(&other_format).is_none());
        assert!(Ciphertext::header(&"x".repeat(256)).is_none());
    }

    #[test]
    fn path_segments_are_percent_decoded() {
        assert_eq!(percent_decode("plain").as_deref(), Some("plain"));
        assert_eq!(percent_decode("two%20words%2Fx").as_deref(), Some("two words/x"));
        assert_eq!(percent_decode("caf%C3%A9").as_deref(), Some("café"));
        for bad in ["%", "%2", "%zz", "%FF", "a%+1"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn algorithm_names() {
        assert_eq!(KeySpec::parse("AES-256-GCM"), Some(KeySpec::Aes256));
        assert_eq!(KeySpec::parse("RSA_4096"), Some(KeySpec::Rsa(4096)));
        assert_eq!(KeySpec::parse("ecc-nist-p384"), Some(KeySpec::Ec(RecommendedCurve::P_384, 384)));
        assert_eq!(KeySpec::parse("des"), None);
        assert!(signing_parameters("RSASSA_PSS_SHA_256").is_some());
        assert!(signing_parameters("ecdsa_sha_384").is_some());
        assert!(signing_parameters("MD5").is_none());
        assert_eq!(algorithm_name(Some(CryptographicAlgorithm::AES.0), Some(256)), "aes-256-gcm");
        assert_eq!(algorithm_name(Some(CryptographicAlgorithm::EC.0), Some(256)), "ECC_NIST_P256");
    }
}
