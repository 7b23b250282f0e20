//! Key pairs in the token and signatures with them: generation (the public
//! key read out as SubjectPublicKeyInfo), and how a signature scheme maps
//! onto the raw PKCS#11 mechanisms (the token hashes, the raw mechanism
//! signs the digest), with ECDSA signatures converted between PKCS#11's
//! r ‖ s and DER.

use cryptoki::mechanism::rsa::{PkcsMgfType, PkcsPssParams};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;

use super::{Inner, find, token_error, token_error_message, ulong};
use crate::crypto::formats::{self, AsymmetricKind};
use crate::crypto::{Curve, HashAlgorithm, KeyPairSpec, SignInput, SignatureScheme};
use crate::error::KmsError;

/// A Sign or Verify input, owned (it crosses to a blocking thread).
pub(super) enum OwnedInput {
    Data(Vec<u8>),
    Digest(Vec<u8>),
}

impl OwnedInput {
    pub(super) fn new(input: SignInput<'_>) -> OwnedInput {
        match input {
            SignInput::Data(d) => OwnedInput::Data(d.to_vec()),
            SignInput::Digest(d) => OwnedInput::Digest(d.to_vec()),
        }
    }
}

/// How a signature scheme runs on the token: the message is hashed (by the
/// token, C_Digest) and the raw mechanism signs the digest (PKCS#1 v1.5 with
/// the DigestInfo prefix, PSS, ECDSA); tokens differ in which combined
/// hash-and-sign mechanisms they have, never in these.
pub(super) struct SignPlan {
    kind: SignKind,
    /// What the raw mechanism signs: the digest (with the DigestInfo
    /// prefix for PKCS#1 v1.5).
    pub(super) data: Vec<u8>,
    /// ECDSA: the signature is r ‖ s on the token, DER outside.
    pub(super) ecdsa: bool,
    /// ECDSA verification: the curve's scalar size (0 until known).
    pub(super) ecdsa_scalar_len: usize,
}

enum SignKind {
    Pkcs1,
    Pss { hash: HashAlgorithm, mgf: HashAlgorithm, salt: usize },
    Ecdsa,
}

impl SignPlan {
    pub(super) fn new(
        inner: &Inner,
        session: &Session,
        scheme: SignatureScheme,
        input: &OwnedInput,
    ) -> Result<SignPlan, KmsError> {
        let (hash, kind) = match scheme {
            SignatureScheme::RsaPkcs1v15(hash) => (hash, SignKind::Pkcs1),
            SignatureScheme::RsaPss(hash) => (hash, SignKind::Pss { hash, mgf: hash, salt: hash.output_len() }),
            SignatureScheme::RsaPssSalt(hash, salt) => {
                (hash, SignKind::Pss { hash, mgf: hash, salt: salt.unwrap_or(hash.output_len()) })
            }
            SignatureScheme::RsaPssMgf { hash, mgf, salt } => {
                (hash, SignKind::Pss { hash, mgf, salt: salt.unwrap_or(hash.output_len()) })
            }
            SignatureScheme::Ecdsa(hash) => (hash, SignKind::Ecdsa),
            other => return Err(KmsError::Unsupported(format!("{other:?} with a key held in a PKCS#11 token"))),
        };
        let digest = match input {
            OwnedInput::Digest(d) if d.len() == hash.output_len() => d.clone(),
            OwnedInput::Digest(d) => {
                return Err(KmsError::InvalidField(format!(
                    "a {hash:?} digest has {} bytes, not {}",
                    hash.output_len(),
                    d.len()
                )));
            }
            OwnedInput::Data(d) => {
                session.digest(&hash_mechanism(hash), d).map_err(|e| token_error(inner, "C_Digest", e))?
            }
        };
        let ecdsa = matches!(kind, SignKind::Ecdsa);
        let data = match kind {
            SignKind::Pkcs1 => [digest_info_prefix(hash), &digest[..]].concat(),
            _ => digest,
        };
        Ok(SignPlan { kind, data, ecdsa, ecdsa_scalar_len: 0 })
    }

    pub(super) fn mechanism(&self) -> Mechanism<'static> {
        match self.kind {
            SignKind::Pkcs1 => Mechanism::RsaPkcs,
            SignKind::Pss { hash, mgf, salt } => Mechanism::RsaPkcsPss(PkcsPssParams {
                hash_alg: hash_mechanism_type(hash),
                mgf: mgf_type(mgf),
                s_len: ulong(salt),
            }),
            SignKind::Ecdsa => Mechanism::Ecdsa,
        }
    }
}

fn hash_mechanism_type(hash: HashAlgorithm) -> MechanismType {
    match hash {
        HashAlgorithm::Sha1 => MechanismType::SHA1,
        HashAlgorithm::Sha224 => MechanismType::SHA224,
        HashAlgorithm::Sha256 => MechanismType::SHA256,
        HashAlgorithm::Sha384 => MechanismType::SHA384,
        HashAlgorithm::Sha512 => MechanismType::SHA512,
    }
}

fn hash_mechanism(hash: HashAlgorithm) -> Mechanism<'static> {
    match hash {
        HashAlgorithm::Sha1 => Mechanism::Sha1,
        HashAlgorithm::Sha224 => Mechanism::Sha224,
        HashAlgorithm::Sha256 => Mechanism::Sha256,
        HashAlgorithm::Sha384 => Mechanism::Sha384,
        HashAlgorithm::Sha512 => Mechanism::Sha512,
    }
}

fn mgf_type(hash: HashAlgorithm) -> PkcsMgfType {
    match hash {
        HashAlgorithm::Sha1 => PkcsMgfType::MGF1_SHA1,
        HashAlgorithm::Sha224 => PkcsMgfType::MGF1_SHA224,
        HashAlgorithm::Sha256 => PkcsMgfType::MGF1_SHA256,
        HashAlgorithm::Sha384 => PkcsMgfType::MGF1_SHA384,
        HashAlgorithm::Sha512 => PkcsMgfType::MGF1_SHA512,
    }
}

/// The DER prefix of an EMSA-PKCS1-v1_5 DigestInfo (RFC 8017 §9.2, note 1).
fn digest_info_prefix(hash: HashAlgorithm) -> &'static [u8] {
    match hash {
        HashAlgorithm::Sha1 => {
            &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14]
        }
        HashAlgorithm::Sha224 => &[
            0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04,
            0x1c,
        ],
        HashAlgorithm::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
            0x20,
        ],
        HashAlgorithm::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
            0x30,
        ],
        HashAlgorithm::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
            0x40,
        ],
    }
}

/// A PKCS#11 ECDSA signature (r ‖ s, each the curve's size) as the DER
/// `ECDSA-Sig-Value` (SEC 1 §C.5) KMIP clients and the software engine use.
pub(super) fn ecdsa_raw_to_der(raw: &[u8]) -> Vec<u8> {
    let (r, s) = raw.split_at(raw.len() / 2);
    let r = der_integer(r);
    let s = der_integer(s);
    let mut out = vec![0x30];
    der_length(&mut out, r.len() + s.len());
    out.extend_from_slice(&r);
    out.extend_from_slice(&s);
    out
}

fn der_integer(unsigned: &[u8]) -> Vec<u8> {
    let trimmed: &[u8] = match unsigned.iter().position(|b| *b != 0) {
        Some(first) => &unsigned[first..],
        None => &[0],
    };
    let mut body = Vec::with_capacity(trimmed.len() + 1);
    if trimmed[0] & 0x80 != 0 {
        body.push(0);
    }
    body.extend_from_slice(trimmed);
    let mut out = vec![0x02];
    der_length(&mut out, body.len());
    out.extend_from_slice(&body);
    out
}

fn der_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        out.extend_from_slice(&[0x81, len as u8]);
    }
}

/// The DER `ECDSA-Sig-Value` as r ‖ s of `scalar_len` bytes each (0: the
/// larger of the two, rounded to a curve size); None if it is not one.
pub(super) fn ecdsa_der_to_raw(der: &[u8], scalar_len: usize) -> Option<Vec<u8>> {
    let (tag, body, rest) = der_item(der)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let (r_tag, r, after_r) = der_item(body)?;
    let (s_tag, s, after_s) = der_item(after_r)?;
    if r_tag != 0x02 || s_tag != 0x02 || !after_s.is_empty() {
        return None;
    }
    let strip = |x: &'_ [u8]| -> Vec<u8> { x.iter().skip_while(|b| **b == 0).copied().collect() };
    let (r, s) = (strip(r), strip(s));
    let len = if scalar_len > 0 {
        scalar_len
    } else {
        match r.len().max(s.len()) {
            0..=32 => 32,
            33..=48 => 48,
            _ => 66,
        }
    };
    if r.len() > len || s.len() > len {
        return None;
    }
    let mut out = vec![0u8; 2 * len];
    out[len - r.len()..len].copy_from_slice(&r);
    out[2 * len - s.len()..].copy_from_slice(&s);
    Some(out)
}

/// One DER item: its tag, contents and what follows it.
fn der_item(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = match first {
        n if n < 0x80 => (usize::from(n), rest),
        0x81 => {
            let (&n, rest) = rest.split_first()?;
            (usize::from(n), rest)
        }
        _ => return None,
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// Generates a key pair with `id` and `label`; the public key as
/// SubjectPublicKeyInfo.
pub(super) fn generate_key_pair(
    inner: &Inner,
    session: &Session,
    spec: KeyPairSpec,
    id: &[u8],
    label: &str,
) -> Result<Vec<u8>, KmsError> {
    let common = |private: bool| {
        vec![
            Attribute::Token(true),
            Attribute::Id(id.to_vec()),
            Attribute::Label(label.as_bytes().to_vec()),
            if private { Attribute::Sign(true) } else { Attribute::Verify(true) },
        ]
    };
    let mut private = common(true);
    private.extend([Attribute::Private(true), Attribute::Sensitive(true), Attribute::Extractable(false)]);
    let mut public = common(false);
    let (mechanism, curve) = match spec {
        KeyPairSpec::Rsa { bits } => {
            public.extend([Attribute::ModulusBits(ulong(bits as usize)), Attribute::PublicExponent(vec![1, 0, 1])]);
            (Mechanism::RsaPkcsKeyPairGen, None)
        }
        KeyPairSpec::Ec(curve) => {
            // The named curve's OID, DER (RFC 5480 §2.1.1.1).
            let params = match curve {
                Curve::P256 => vec![0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
                Curve::P384 => vec![0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
            };
            public.push(Attribute::EcParams(params));
            (Mechanism::EccKeyPairGen, Some(curve))
        }
        other => return Err(KmsError::Unsupported(format!("{other:?} key pairs in a PKCS#11 token"))),
    };
    let (public_handle, _) = session
        .generate_key_pair(&mechanism, &public, &private)
        .map_err(|e| token_error(inner, "C_GenerateKeyPair", e))?;
    let wanted = match curve {
        None => vec![AttributeType::Modulus, AttributeType::PublicExponent],
        Some(_) => vec![AttributeType::EcPoint],
    };
    let values =
        session.get_attributes(public_handle, &wanted).map_err(|e| token_error(inner, "C_GetAttributeValue", e))?;
    let bad = |what: &str| KmsError::Internal(format!("token {}: the new public key's {what}", inner.label));
    let spki = match curve {
        None => {
            let n = values.iter().find_map(|a| match a {
                Attribute::Modulus(n) => Some(n.clone()),
                _ => None,
            });
            let e = values.iter().find_map(|a| match a {
                Attribute::PublicExponent(e) => Some(e.clone()),
                _ => None,
            });
            let (n, e) = n.zip(e).ok_or_else(|| bad("modulus or exponent is missing"))?;
            let pkcs1 = formats::rsa_public_from_components(&n, &e).map_err(|e| bad(&e.to_string()))?;
            formats::public_to_spki(&pkcs1).map_err(|e| bad(&e.to_string()))?
        }
        Some(curve) => {
            let point = values
                .iter()
                .find_map(|a| match a {
                    Attribute::EcPoint(p) => Some(p.clone()),
                    _ => None,
                })
                .ok_or_else(|| bad("EC point is missing"))?;
            // CKA_EC_POINT is the DER OCTET STRING holding the point.
            let point = match der_item(&point) {
                Some((0x04, inner_point, [])) => inner_point.to_vec(),
                _ => point,
            };
            let kind = if curve == Curve::P256 { AsymmetricKind::EcP256 } else { AsymmetricKind::EcP384 };
            formats::ec_public_from_point(kind, &point).map_err(|e| bad(&e.to_string()))?
        }
    };
    Ok(spki)
}

/// The size in bytes of the scalars of the EC key `handle`'s curve.
pub(super) fn ec_scalar_len(inner: &Inner, session: &Session, handle: ObjectHandle) -> Result<usize, KmsError> {
    let params = session
        .get_attributes(handle, &[AttributeType::EcParams])
        .map_err(|e| token_error(inner, "C_GetAttributeValue", e))?;
    match params.first() {
        Some(Attribute::EcParams(oid)) if oid.as_slice() == [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22] => Ok(48),
        Some(Attribute::EcParams(oid))
            if oid.as_slice() == [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07] =>
        {
            Ok(32)
        }
        _ => Err(KmsError::Unsupported(format!("the curve of a key in token {}", inner.label))),
    }
}

/// The key of `class` with `CKA_ID` `id`.
pub(super) fn key_of_class(
    inner: &Inner,
    session: &Session,
    class: ObjectClass,
    id: &[u8],
) -> Result<ObjectHandle, KmsError> {
    let found = find(session, &[Attribute::Class(class), Attribute::Id(id.to_vec())])
        .map_err(|e| token_error_message(inner, &e.to_string()))?;
    found.first().copied().ok_or_else(|| {
        KmsError::Crypto(format!("token {} holds no {class} with CKA_ID {}", inner.label, hex::encode(id)))
    })
}
