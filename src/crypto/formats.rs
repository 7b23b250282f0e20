//! Pure DER conversions between the key formats carried in KMIP key blocks.
//!
//! Supported encodings:
//! - PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey` (RFC 5208, RFC 5958) for RSA, EC P-256/P-384 and Ed25519;
//! - PKCS#1 `RSAPrivateKey` and `RSAPublicKey` (RFC 8017);
//! - SEC1 `ECPrivateKey` (RFC 5915) with `namedCurve` parameters;
//! - X.509 `SubjectPublicKeyInfo` (RFC 5280, RFC 5480 for EC, RFC 8410 for Ed25519).
//!
//! Nothing here performs I/O or any private-key operation (signing, decryption). Public keys are derived
//! from private keys where a format requires them, and RSA primes are recovered from `(n, e, d)` when a
//! KMIP Transparent RSA Private Key carries no primes. Every secret output is wrapped in [`Zeroizing`], and
//! error messages never contain key material.

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef, UintRef};
use der::{Decode, Encode};
use num_bigint_dig::{BigUint, ModInverse};
use pkcs8::PrivateKeyInfo;
use rsa::traits::PrivateKeyParts;
use sec1::{EcParameters, EcPrivateKey};
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};
use zeroize::Zeroizing;

/// Error returned by every conversion in this module. The message never contains key bytes.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FormatError(pub String);

/// Which kind of asymmetric key a DER blob holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsymmetricKind {
    /// RSA (RFC 8017), OID `rsaEncryption`.
    Rsa,
    /// ECDSA/ECDH on NIST P-256 (`secp256r1`, RFC 5480).
    EcP256,
    /// ECDSA/ECDH on NIST P-384 (`secp384r1`, RFC 5480).
    EcP384,
    /// Ed25519 (RFC 8410).
    Ed25519,
}

/// Encoding of a private key as detected by [`identify_private`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateForm {
    /// PKCS#8 `PrivateKeyInfo` v1 (RFC 5208) or `OneAsymmetricKey` v2 (RFC 5958).
    Pkcs8,
    /// PKCS#1 `RSAPrivateKey` (RFC 8017 appendix A.1.2).
    Pkcs1,
    /// SEC1 `ECPrivateKey` (RFC 5915).
    Sec1,
}

/// Encoding of a public key as detected by [`identify_public`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicForm {
    /// X.509 `SubjectPublicKeyInfo` (RFC 5280 section 4.1, RFC 5480, RFC 8410).
    Spki,
    /// PKCS#1 `RSAPublicKey` (RFC 8017 appendix A.1.1).
    Pkcs1,
}

/// The integers of a two-prime RSA private key (RFC 8017 section 3.2), big-endian unsigned, without
/// leading zero bytes.
pub struct RsaPrivateComponents {
    /// Modulus `n`.
    pub n: Vec<u8>,
    /// Public exponent `e`.
    pub e: Vec<u8>,
    /// Private exponent `d`.
    pub d: Zeroizing<Vec<u8>>,
    /// First prime `p`.
    pub p: Zeroizing<Vec<u8>>,
    /// Second prime `q`.
    pub q: Zeroizing<Vec<u8>>,
    /// `d mod (p - 1)`.
    pub dp: Zeroizing<Vec<u8>>,
    /// `d mod (q - 1)`.
    pub dq: Zeroizing<Vec<u8>>,
    /// CRT coefficient `q^-1 mod p`.
    pub qinv: Zeroizing<Vec<u8>>,
}

/// The integers of an RSA public key (RFC 8017 section 3.1), big-endian unsigned, without leading zero bytes.
pub struct RsaPublicComponents {
    /// Modulus `n`.
    pub n: Vec<u8>,
    /// Public exponent `e`.
    pub e: Vec<u8>,
}

/// A KMIP Transparent RSA Private Key (RFC 8017 section 3.2 integers, big-endian unsigned; leading zero
/// bytes are allowed). Only `n` is mandatory; besides it either `e` and `d`, or the primes `p` and `q`
/// with at least one of `e` and `d`, must be present. An empty `d` means "absent".
pub struct RsaPrivateComponentsInput {
    /// Modulus `n`.
    pub n: Vec<u8>,
    /// Public exponent `e`.
    pub e: Option<Vec<u8>>,
    /// Private exponent `d`; empty when absent.
    pub d: Zeroizing<Vec<u8>>,
    /// First prime `p`.
    pub p: Option<Zeroizing<Vec<u8>>>,
    /// Second prime `q`.
    pub q: Option<Zeroizing<Vec<u8>>>,
    /// `d mod (p - 1)`; checked when present.
    pub dp: Option<Zeroizing<Vec<u8>>>,
    /// `d mod (q - 1)`; checked when present.
    pub dq: Option<Zeroizing<Vec<u8>>>,
    /// `q^-1 mod p`; checked when present.
    pub qinv: Option<Zeroizing<Vec<u8>>>,
}

// ---------------------------------------------------------------------------------------------------------
// Private keys
// ---------------------------------------------------------------------------------------------------------

/// Detects the kind and encoding of a private key: PKCS#8 (RFC 5208/5958) holding RSA, EC P-256/P-384 or
/// Ed25519 (RFC 8410); PKCS#1 `RSAPrivateKey` (RFC 8017); or SEC1 `ECPrivateKey` (RFC 5915) with
/// `namedCurve` parameters. The key content is validated, not only the outer structure.
pub fn identify_private(der: &[u8]) -> Result<(AsymmetricKind, PrivateForm), FormatError> {
    let (key, form) = parse_private(der)?;
    Ok((key.kind(), form))
}

/// Converts any accepted private key encoding (see [`identify_private`]) to PKCS#8 v1 `PrivateKeyInfo`
/// (RFC 5208). EC keys carry the curve OID in the `AlgorithmIdentifier` parameters (RFC 5480) and the
/// public key inside the inner `ECPrivateKey` (RFC 5915); Ed25519 keys use the RFC 8410 layout.
pub fn private_to_pkcs8(der: &[u8]) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    parse_private(der)?.0.to_pkcs8()
}

/// Converts an RSA private key (PKCS#8 per RFC 5208/5958, or PKCS#1) to PKCS#1 `RSAPrivateKey` (RFC 8017).
pub fn private_to_pkcs1(der: &[u8]) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    match parse_private(der)?.0 {
        PrivateKey::Rsa(pkcs1) => Ok(pkcs1),
        _ => Err(err("PKCS#1 encoding is only defined for RSA private keys")),
    }
}

/// Converts an EC private key (PKCS#8 per RFC 5208/5958, or SEC1) to an RFC 5915 `ECPrivateKey` carrying
/// `namedCurve` parameters and the public key.
pub fn ec_private_to_sec1(der: &[u8]) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    match parse_private(der)?.0 {
        PrivateKey::Ec(kind, scalar) => encode_ec_private(kind, &scalar, true),
        _ => Err(err("SEC1 encoding is only defined for EC P-256/P-384 private keys")),
    }
}

/// Extracts the integers of an RSA private key given as PKCS#8 (RFC 5208/5958) or PKCS#1 (RFC 8017).
/// Multi-prime keys are rejected.
pub fn rsa_private_components(der: &[u8]) -> Result<RsaPrivateComponents, FormatError> {
    let PrivateKey::Rsa(pkcs1) = parse_private(der)?.0 else {
        return Err(err("not an RSA private key"));
    };
    let k = decode_pkcs1_private(&pkcs1)?;
    let secret = |u: UintRef<'_>| Zeroizing::new(strip_zeros(u.as_bytes()).to_vec());
    Ok(RsaPrivateComponents {
        n: strip_zeros(k.modulus.as_bytes()).to_vec(),
        e: strip_zeros(k.public_exponent.as_bytes()).to_vec(),
        d: secret(k.private_exponent),
        p: secret(k.prime1),
        q: secret(k.prime2),
        dp: secret(k.exponent1),
        dq: secret(k.exponent2),
        qinv: secret(k.coefficient),
    })
}

/// Builds a PKCS#1 `RSAPrivateKey` (RFC 8017 appendix A.1.2) from a KMIP Transparent RSA Private Key.
///
/// Missing values are completed: `q = n / p` when only `p` is given (or vice versa); `p` and `q` recovered
/// from `(n, e, d)` per NIST SP 800-56B rev. 2 appendix C.2 (then ordered `p > q`); `d = e^-1 mod λ(n)`;
/// `e = d^-1 mod λ(n)`; the CRT values. The result is checked for consistency (`n = p·q`,
/// `e·d ≡ 1 mod (p-1)` and `mod (q-1)`, given CRT values correct); primality is not tested.
pub fn rsa_private_from_components(c: &RsaPrivateComponentsInput) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    let one = BigUint::from(1u32);
    let n = BigUint::from_bytes_be(&c.n);
    if n <= one || !is_odd(&n) {
        return Err(err("RSA modulus must be an odd integer greater than 1"));
    }
    let e_in = c.e.as_deref().map(BigUint::from_bytes_be);
    let d_in = (!c.d.is_empty()).then(|| Zeroizing::new(BigUint::from_bytes_be(&c.d)));
    let big = |v: &Option<Zeroizing<Vec<u8>>>| v.as_ref().map(|b| Zeroizing::new(BigUint::from_bytes_be(b)));

    let (p, q) = match (big(&c.p), big(&c.q)) {
        (Some(p), Some(q)) => (p, q),
        (Some(p), None) => {
            let q = cofactor(&n, &p)?;
            (p, q)
        }
        (None, Some(q)) => {
            let p = cofactor(&n, &q)?;
            (p, q)
        }
        (None, None) => {
            let (Some(e), Some(d)) = (&e_in, &d_in) else {
                return Err(err("RSA private key needs either the primes or both exponents"));
            };
            recover_primes(&n, e, d)?
        }
    };
    if *p <= one || *q <= one || &*p * &*q != n {
        return Err(err("RSA primes are inconsistent with the modulus"));
    }
    let (p1, q1) = (Zeroizing::new(&*p - &one), Zeroizing::new(&*q - &one));
    let lambda = Zeroizing::new(&*p1 * &*q1 / gcd(&p1, &q1));

    let e = match e_in {
        Some(e) => e,
        None => match &d_in {
            Some(d) => mod_inverse(d, &lambda).ok_or_else(|| err("RSA private exponent is not invertible"))?,
            None => return Err(err("RSA private key needs the public or the private exponent")),
        },
    };
    if e <= one || e >= n {
        return Err(err("RSA public exponent is out of range"));
    }
    let d = match d_in {
        Some(d) => d,
        None => Zeroizing::new(mod_inverse(&e, &lambda).ok_or_else(|| err("RSA public exponent is not invertible"))?),
    };
    let dp = Zeroizing::new(&*d % &*p1);
    let dq = Zeroizing::new(&*d % &*q1);
    if (&e * &*dp) % &*p1 != one || (&e * &*dq) % &*q1 != one {
        return Err(err("RSA exponents are inconsistent with the primes"));
    }
    let qinv = Zeroizing::new(mod_inverse(&q, &p).ok_or_else(|| err("RSA primes are not coprime"))?);
    for (given, computed, name) in [(&c.dp, &dp, "dP"), (&c.dq, &dq, "dQ"), (&c.qinv, &qinv, "qInv")] {
        if big(given).is_some_and(|g| *g != **computed) {
            return Err(err(&format!("RSA CRT value {name} is inconsistent with the key")));
        }
    }

    let secret = |v: &BigUint| Zeroizing::new(v.to_bytes_be());
    let (n_b, e_b) = (n.to_bytes_be(), e.to_bytes_be());
    let (d_b, p_b, q_b) = (secret(&d), secret(&p), secret(&q));
    let (dp_b, dq_b, qinv_b) = (secret(&dp), secret(&dq), secret(&qinv));
    let key = pkcs1::RsaPrivateKey {
        modulus: uint(&n_b)?,
        public_exponent: uint(&e_b)?,
        private_exponent: uint(&d_b)?,
        prime1: uint(&p_b)?,
        prime2: uint(&q_b)?,
        exponent1: uint(&dp_b)?,
        exponent2: uint(&dq_b)?,
        coefficient: uint(&qinv_b)?,
        other_prime_infos: None,
    };
    encode_secret(&key, "PKCS#1 RSAPrivateKey")
}

/// Returns the private key of an EC key (PKCS#8 per RFC 5208/5958, or SEC1 per RFC 5915) as the
/// fixed-length big-endian scalar (32 bytes for P-256, 48 for P-384). For an Ed25519 key (RFC 8410) the
/// 32-byte seed is returned.
pub fn ec_private_scalar(der: &[u8]) -> Result<(AsymmetricKind, Zeroizing<Vec<u8>>), FormatError> {
    match parse_private(der)?.0 {
        PrivateKey::Ec(kind, scalar) => Ok((kind, scalar)),
        PrivateKey::Ed25519(seed) => Ok((AsymmetricKind::Ed25519, Zeroizing::new(seed.to_vec()))),
        PrivateKey::Rsa(_) => Err(err("not an EC private key")),
    }
}

/// Builds a PKCS#8 v1 private key (RFC 5208, RFC 5915 inner structure with the computed public key) from a
/// big-endian EC scalar; shorter scalars are left-padded. For [`AsymmetricKind::Ed25519`] the input is the
/// 32-byte seed (RFC 8410).
pub fn ec_private_from_scalar(kind: AsymmetricKind, scalar: &[u8]) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    let key = match kind {
        AsymmetricKind::EcP256 | AsymmetricKind::EcP384 => PrivateKey::Ec(kind, normalize_scalar(kind, scalar)?),
        AsymmetricKind::Ed25519 => PrivateKey::Ed25519(ed25519_seed(scalar)?),
        AsymmetricKind::Rsa => return Err(err("RSA is not an elliptic-curve key kind")),
    };
    key.to_pkcs8()
}

/// Derives the X.509 `SubjectPublicKeyInfo` (RFC 5280, RFC 5480, RFC 8410) of any accepted private key
/// encoding (see [`identify_private`]).
pub fn public_from_private(der: &[u8]) -> Result<Vec<u8>, FormatError> {
    parse_private(der)?.0.public()?.to_spki()
}

// ---------------------------------------------------------------------------------------------------------
// Public keys
// ---------------------------------------------------------------------------------------------------------

/// Detects the kind and encoding of a public key: X.509 `SubjectPublicKeyInfo` (RFC 5280; RSA, EC per
/// RFC 5480, Ed25519 per RFC 8410) or PKCS#1 `RSAPublicKey` (RFC 8017). EC points are checked to lie on
/// the curve.
pub fn identify_public(der: &[u8]) -> Result<(AsymmetricKind, PublicForm), FormatError> {
    let (key, form) = parse_public(der)?;
    Ok((key.kind(), form))
}

/// Converts a public key (SPKI or PKCS#1) to a canonical X.509 `SubjectPublicKeyInfo` (RFC 5280): RSA with
/// NULL parameters (RFC 8017 appendix C), EC with `namedCurve` and an uncompressed point (RFC 5480).
pub fn public_to_spki(der: &[u8]) -> Result<Vec<u8>, FormatError> {
    parse_public(der)?.0.to_spki()
}

/// Converts an RSA public key (SPKI per RFC 5280, or PKCS#1) to PKCS#1 `RSAPublicKey` (RFC 8017).
pub fn public_to_pkcs1(der: &[u8]) -> Result<Vec<u8>, FormatError> {
    match parse_public(der)?.0 {
        PublicKey::Rsa { n, e } => rsa_public_from_components(&n, &e),
        _ => Err(err("PKCS#1 encoding is only defined for RSA public keys")),
    }
}

/// Extracts modulus and public exponent of an RSA public key (SPKI per RFC 5280, or PKCS#1 per RFC 8017).
pub fn rsa_public_components(der: &[u8]) -> Result<RsaPublicComponents, FormatError> {
    match parse_public(der)?.0 {
        PublicKey::Rsa { n, e } => Ok(RsaPublicComponents { n, e }),
        _ => Err(err("not an RSA public key")),
    }
}

/// Builds a PKCS#1 `RSAPublicKey` (RFC 8017 appendix A.1.1) from big-endian modulus and exponent.
pub fn rsa_public_from_components(n: &[u8], e: &[u8]) -> Result<Vec<u8>, FormatError> {
    let (n, e) = (strip_zeros(n), strip_zeros(e));
    if n.is_empty() || e.is_empty() {
        return Err(err("RSA modulus and public exponent must be non-zero"));
    }
    let key = pkcs1::RsaPublicKey { modulus: uint(n)?, public_exponent: uint(e)? };
    key.to_der().map_err(|e| der_err("PKCS#1 RSAPublicKey", &e))
}

/// Returns the public point of an EC public key (SPKI per RFC 5480) in uncompressed SEC1 form
/// `04 || x || y`. For an Ed25519 key the 32-byte RFC 8032 encoding is returned.
pub fn ec_public_point(der: &[u8]) -> Result<(AsymmetricKind, Vec<u8>), FormatError> {
    match parse_public(der)?.0 {
        PublicKey::Ec(kind, point) => Ok((kind, point)),
        PublicKey::Ed25519(bytes) => Ok((AsymmetricKind::Ed25519, bytes.to_vec())),
        PublicKey::Rsa { .. } => Err(err("not an EC public key")),
    }
}

/// Builds a `SubjectPublicKeyInfo` (RFC 5480) from a SEC1 point (compressed or uncompressed), after
/// checking that the point lies on the curve. For [`AsymmetricKind::Ed25519`] the input is the 32-byte
/// public key (RFC 8410), checked to decode to a curve point.
pub fn ec_public_from_point(kind: AsymmetricKind, point: &[u8]) -> Result<Vec<u8>, FormatError> {
    let key = match kind {
        AsymmetricKind::EcP256 | AsymmetricKind::EcP384 => PublicKey::Ec(kind, normalize_point(kind, point)?),
        AsymmetricKind::Ed25519 => PublicKey::Ed25519(ed25519_public(point)?),
        AsymmetricKind::Rsa => return Err(err("RSA is not an elliptic-curve key kind")),
    };
    key.to_spki()
}

/// Returns the modulus size in bits of an RSA key given in any private (PKCS#8, PKCS#1; RFC 5208, RFC 8017)
/// or public (SPKI, PKCS#1; RFC 5280, RFC 8017) encoding.
pub fn rsa_modulus_bits(der: &[u8]) -> Result<u32, FormatError> {
    let n = match parse_private(der) {
        Ok((PrivateKey::Rsa(pkcs1), _)) => strip_zeros(decode_pkcs1_private(&pkcs1)?.modulus.as_bytes()).to_vec(),
        Ok(_) => return Err(err("not an RSA key")),
        Err(_) => match parse_public(der) {
            Ok((PublicKey::Rsa { n, .. }, _)) => n,
            Ok(_) => return Err(err("not an RSA key")),
            Err(_) => return Err(err("unrecognised RSA key encoding")),
        },
    };
    let Some(first) = n.first() else { return Err(err("RSA modulus is zero")) };
    let bits = (n.len() - 1) * 8 + (8 - first.leading_zeros() as usize);
    u32::try_from(bits).map_err(|_| err("RSA modulus is too large"))
}

// ---------------------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------------------

/// Returns the DER `SubjectPublicKeyInfo` of an X.509 certificate (RFC 5280 section 4.1.2.7), whatever its
/// algorithm.
pub fn certificate_public_key(cert_der: &[u8]) -> Result<Vec<u8>, FormatError> {
    let (rest, cert) =
        x509_parser::parse_x509_certificate(cert_der).map_err(|e| err(&format!("invalid X.509 certificate: {e}")))?;
    if !rest.is_empty() {
        return Err(err("trailing data after X.509 certificate"));
    }
    Ok(cert.tbs_certificate.subject_pki.raw.to_vec())
}

// ---------------------------------------------------------------------------------------------------------
// Internal key model
// ---------------------------------------------------------------------------------------------------------

/// `rsaEncryption` (RFC 8017 appendix C).
const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `id-ecPublicKey` (RFC 5480 section 2.1.1).
const OID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `secp256r1` (RFC 5480 section 2.1.1.1).
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// `secp384r1` (RFC 5480 section 2.1.1.1).
const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
/// `id-Ed25519` (RFC 8410 section 3).
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// A validated private key.
enum PrivateKey {
    /// Two-prime PKCS#1 `RSAPrivateKey` DER.
    Rsa(Zeroizing<Vec<u8>>),
    /// Curve and fixed-length scalar in `[1, order)`.
    Ec(AsymmetricKind, Zeroizing<Vec<u8>>),
    /// RFC 8032 seed.
    Ed25519(Zeroizing<[u8; 32]>),
}

/// A validated public key.
enum PublicKey {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    /// Curve and uncompressed SEC1 point.
    Ec(AsymmetricKind, Vec<u8>),
    Ed25519([u8; 32]),
}

impl PrivateKey {
    fn kind(&self) -> AsymmetricKind {
        match self {
            Self::Rsa(_) => AsymmetricKind::Rsa,
            Self::Ec(kind, _) => *kind,
            Self::Ed25519(_) => AsymmetricKind::Ed25519,
        }
    }

    fn to_pkcs8(&self) -> Result<Zeroizing<Vec<u8>>, FormatError> {
        let (algorithm, inner) = match self {
            Self::Rsa(pkcs1) => (rsa_algorithm(), Zeroizing::new(pkcs1.to_vec())),
            Self::Ec(kind, scalar) => (ec_algorithm(curve_oid(*kind)?), encode_ec_private(*kind, scalar, false)?),
            Self::Ed25519(seed) => {
                let octets = OctetStringRef::new(&seed[..]).map_err(|e| der_err("Ed25519 private key", &e))?;
                let algorithm = AlgorithmIdentifierRef { oid: OID_ED25519, parameters: None };
                (algorithm, encode_secret(&octets, "Ed25519 CurvePrivateKey")?)
            }
        };
        encode_secret(&PrivateKeyInfo { algorithm, private_key: &inner, public_key: None }, "PKCS#8 PrivateKeyInfo")
    }

    fn public(&self) -> Result<PublicKey, FormatError> {
        match self {
            Self::Rsa(pkcs1) => {
                let k = decode_pkcs1_private(pkcs1)?;
                Ok(PublicKey::Rsa {
                    n: strip_zeros(k.modulus.as_bytes()).to_vec(),
                    e: strip_zeros(k.public_exponent.as_bytes()).to_vec(),
                })
            }
            Self::Ec(kind, scalar) => Ok(PublicKey::Ec(*kind, ec_point_from_scalar(*kind, scalar)?)),
            Self::Ed25519(seed) => {
                Ok(PublicKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(seed).verifying_key().to_bytes()))
            }
        }
    }
}

impl PublicKey {
    fn kind(&self) -> AsymmetricKind {
        match self {
            Self::Rsa { .. } => AsymmetricKind::Rsa,
            Self::Ec(kind, _) => *kind,
            Self::Ed25519(_) => AsymmetricKind::Ed25519,
        }
    }

    fn to_spki(&self) -> Result<Vec<u8>, FormatError> {
        let (algorithm, key) = match self {
            Self::Rsa { n, e } => (rsa_algorithm(), rsa_public_from_components(n, e)?),
            Self::Ec(kind, point) => (ec_algorithm(curve_oid(*kind)?), point.clone()),
            Self::Ed25519(bytes) => (AlgorithmIdentifierRef { oid: OID_ED25519, parameters: None }, bytes.to_vec()),
        };
        let subject_public_key = BitStringRef::from_bytes(&key).map_err(|e| der_err("public key", &e))?;
        SubjectPublicKeyInfoRef { algorithm, subject_public_key }
            .to_der()
            .map_err(|e| der_err("SubjectPublicKeyInfo", &e))
    }
}

/// Parses any accepted private key encoding. Structures are disjoint: PKCS#8 starts with
/// `INTEGER, SEQUENCE`, PKCS#1 with `INTEGER 0, INTEGER`, SEC1 with `INTEGER 1, OCTET STRING`.
fn parse_private(der: &[u8]) -> Result<(PrivateKey, PrivateForm), FormatError> {
    if let Ok(info) = PrivateKeyInfo::from_der(der) {
        return Ok((parse_pkcs8(&info)?, PrivateForm::Pkcs8));
    }
    if pkcs1::RsaPrivateKey::from_der(der).is_ok() {
        return Ok((rsa_private(der)?, PrivateForm::Pkcs1));
    }
    if let Ok(key) = EcPrivateKey::from_der(der) {
        let Some(params) = key.parameters else {
            return Err(err("SEC1 ECPrivateKey without namedCurve parameters"));
        };
        return Ok((ec_private(curve_kind(params.named_curve())?, &key)?, PrivateForm::Sec1));
    }
    Err(err("unrecognised private key encoding (expected PKCS#8, PKCS#1 or SEC1 DER)"))
}

fn parse_pkcs8(info: &PrivateKeyInfo<'_>) -> Result<PrivateKey, FormatError> {
    let algorithm = &info.algorithm;
    match algorithm.oid {
        OID_RSA => {
            check_rsa_parameters(algorithm)?;
            rsa_private(info.private_key)
        }
        OID_EC_PUBLIC_KEY => {
            let inner = EcPrivateKey::from_der(info.private_key).map_err(|e| der_err("ECPrivateKey", &e))?;
            let outer = algorithm.parameters_oid().ok();
            let inner_curve = inner.parameters.and_then(EcParameters::named_curve);
            let oid = match (outer, inner_curve) {
                (Some(a), Some(b)) if a != b => return Err(err("PKCS#8 EC key has conflicting curve parameters")),
                (Some(a), _) | (None, Some(a)) => Some(a),
                (None, None) => None,
            };
            ec_private(curve_kind(oid)?, &inner)
        }
        OID_ED25519 => {
            if algorithm.parameters.is_some() {
                return Err(err("Ed25519 AlgorithmIdentifier must not have parameters"));
            }
            let octets = OctetStringRef::from_der(info.private_key).map_err(|e| der_err("Ed25519 private key", &e))?;
            let seed = ed25519_seed(octets.as_bytes())?;
            if let Some(public) = info.public_key {
                let computed = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key().to_bytes();
                if public != computed.as_slice() {
                    return Err(err("Ed25519 public key does not match the private key"));
                }
            }
            Ok(PrivateKey::Ed25519(seed))
        }
        _ => Err(err("unsupported private key algorithm (expected RSA, EC P-256/P-384 or Ed25519)")),
    }
}

fn parse_public(der: &[u8]) -> Result<(PublicKey, PublicForm), FormatError> {
    if let Ok(spki) = SubjectPublicKeyInfoRef::from_der(der) {
        let bytes = spki.subject_public_key.as_bytes().ok_or_else(|| err("public key BIT STRING has unused bits"))?;
        let key = match spki.algorithm.oid {
            OID_RSA => {
                check_rsa_parameters(&spki.algorithm)?;
                rsa_public(bytes)?
            }
            OID_EC_PUBLIC_KEY => {
                let kind = curve_kind(spki.algorithm.parameters_oid().ok())?;
                PublicKey::Ec(kind, normalize_point(kind, bytes)?)
            }
            OID_ED25519 => {
                if spki.algorithm.parameters.is_some() {
                    return Err(err("Ed25519 AlgorithmIdentifier must not have parameters"));
                }
                PublicKey::Ed25519(ed25519_public(bytes)?)
            }
            _ => return Err(err("unsupported public key algorithm (expected RSA, EC P-256/P-384 or Ed25519)")),
        };
        return Ok((key, PublicForm::Spki));
    }
    if pkcs1::RsaPublicKey::from_der(der).is_ok() {
        return Ok((rsa_public(der)?, PublicForm::Pkcs1));
    }
    Err(err("unrecognised public key encoding (expected SubjectPublicKeyInfo or PKCS#1 DER)"))
}

// ---------------------------------------------------------------------------------------------------------
// RSA helpers
// ---------------------------------------------------------------------------------------------------------

fn rsa_algorithm() -> AlgorithmIdentifierRef<'static> {
    AlgorithmIdentifierRef { oid: OID_RSA, parameters: Some(AnyRef::NULL) }
}

/// RFC 8017 appendix C requires NULL parameters; absent parameters are tolerated on input.
fn check_rsa_parameters(algorithm: &AlgorithmIdentifierRef<'_>) -> Result<(), FormatError> {
    match algorithm.parameters {
        None => Ok(()),
        Some(p) if p.is_null() => Ok(()),
        Some(_) => Err(err("rsaEncryption AlgorithmIdentifier parameters must be NULL")),
    }
}

fn decode_pkcs1_private(der: &[u8]) -> Result<pkcs1::RsaPrivateKey<'_>, FormatError> {
    pkcs1::RsaPrivateKey::from_der(der).map_err(|e| der_err("PKCS#1 RSAPrivateKey", &e))
}

/// Validates a PKCS#1 `RSAPrivateKey` (two-prime, non-zero modulus and exponent) and keeps a copy.
fn rsa_private(der: &[u8]) -> Result<PrivateKey, FormatError> {
    let key = decode_pkcs1_private(der)?;
    if key.other_prime_infos.is_some() {
        return Err(err("multi-prime RSA keys are not supported"));
    }
    if strip_zeros(key.modulus.as_bytes()).is_empty() || strip_zeros(key.public_exponent.as_bytes()).is_empty() {
        return Err(err("RSA modulus and public exponent must be non-zero"));
    }
    Ok(PrivateKey::Rsa(Zeroizing::new(der.to_vec())))
}

fn rsa_public(der: &[u8]) -> Result<PublicKey, FormatError> {
    let key = pkcs1::RsaPublicKey::from_der(der).map_err(|e| der_err("PKCS#1 RSAPublicKey", &e))?;
    let (n, e) = (strip_zeros(key.modulus.as_bytes()), strip_zeros(key.public_exponent.as_bytes()));
    if n.is_empty() || e.is_empty() {
        return Err(err("RSA modulus and public exponent must be non-zero"));
    }
    Ok(PublicKey::Rsa { n: n.to_vec(), e: e.to_vec() })
}

/// The other factor of `n` given one prime; errors if `f` does not divide `n`.
fn cofactor(n: &BigUint, f: &BigUint) -> Result<Zeroizing<BigUint>, FormatError> {
    if *f <= BigUint::from(1u32) || (n % f) != BigUint::default() {
        return Err(err("RSA prime does not divide the modulus"));
    }
    Ok(Zeroizing::new(n / f))
}

/// Recovers `(p, q)` with `p > q` from `(n, e, d)` via the `rsa` crate (NIST SP 800-56B rev. 2 C.2).
fn recover_primes(
    n: &BigUint,
    e: &BigUint,
    d: &BigUint,
) -> Result<(Zeroizing<BigUint>, Zeroizing<BigUint>), FormatError> {
    let key = rsa::RsaPrivateKey::from_components(n.clone(), e.clone(), d.clone(), Vec::new())
        .map_err(|_| err("cannot recover RSA primes from the modulus and exponents"))?;
    let [a, b] = key.primes() else {
        return Err(err("cannot recover RSA primes from the modulus and exponents"));
    };
    let (a, b) = (Zeroizing::new(a.clone()), Zeroizing::new(b.clone()));
    Ok(if *a >= *b { (a, b) } else { (b, a) })
}

fn gcd(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = (a.clone(), b.clone());
    while b != BigUint::default() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn mod_inverse(a: &BigUint, m: &BigUint) -> Option<BigUint> {
    a.clone().mod_inverse(m)?.to_biguint()
}

fn is_odd(v: &BigUint) -> bool {
    v.to_bytes_be().last().is_some_and(|b| b & 1 == 1)
}

// ---------------------------------------------------------------------------------------------------------
// EC and Ed25519 helpers
// ---------------------------------------------------------------------------------------------------------

fn ec_algorithm(curve: &'static ObjectIdentifier) -> AlgorithmIdentifierRef<'static> {
    AlgorithmIdentifierRef { oid: OID_EC_PUBLIC_KEY, parameters: Some(AnyRef::from(curve)) }
}

fn curve_oid(kind: AsymmetricKind) -> Result<&'static ObjectIdentifier, FormatError> {
    match kind {
        AsymmetricKind::EcP256 => Ok(&OID_P256),
        AsymmetricKind::EcP384 => Ok(&OID_P384),
        _ => Err(err("not an EC P-256/P-384 key kind")),
    }
}

fn curve_kind(oid: Option<ObjectIdentifier>) -> Result<AsymmetricKind, FormatError> {
    match oid {
        Some(OID_P256) => Ok(AsymmetricKind::EcP256),
        Some(OID_P384) => Ok(AsymmetricKind::EcP384),
        Some(_) => Err(err("unsupported EC curve (expected P-256 or P-384)")),
        None => Err(err("EC key without namedCurve parameters")),
    }
}

fn scalar_len(kind: AsymmetricKind) -> Result<usize, FormatError> {
    match kind {
        AsymmetricKind::EcP256 => Ok(32),
        AsymmetricKind::EcP384 => Ok(48),
        _ => Err(err("not an EC P-256/P-384 key kind")),
    }
}

/// Validates an `ECPrivateKey`: scalar in range and, when present, the public key matching it.
fn ec_private(kind: AsymmetricKind, key: &EcPrivateKey<'_>) -> Result<PrivateKey, FormatError> {
    let scalar = normalize_scalar(kind, key.private_key)?;
    if let Some(public) = key.public_key
        && normalize_point(kind, public)? != ec_point_from_scalar(kind, &scalar)?
    {
        return Err(err("EC public key does not match the private key"));
    }
    Ok(PrivateKey::Ec(kind, scalar))
}

/// Left-pads the scalar to the curve size and checks it lies in `[1, order)`.
fn normalize_scalar(kind: AsymmetricKind, scalar: &[u8]) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    let size = scalar_len(kind)?;
    let stripped = strip_zeros(scalar);
    if stripped.len() > size {
        return Err(err("EC private scalar is too long for the curve"));
    }
    let mut out = Zeroizing::new(vec![0u8; size]);
    out[size - stripped.len()..].copy_from_slice(stripped);
    ec_point_from_scalar(kind, &out)?;
    Ok(out)
}

/// Computes the uncompressed public point `04 || x || y` of a fixed-length scalar.
fn ec_point_from_scalar(kind: AsymmetricKind, scalar: &[u8]) -> Result<Vec<u8>, FormatError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let invalid = |_| err("EC private scalar is out of range for the curve");
    match kind {
        AsymmetricKind::EcP256 => Ok(p256::SecretKey::from_slice(scalar)
            .map_err(invalid)?
            .public_key()
            .to_encoded_point(false)
            .to_bytes()
            .to_vec()),
        AsymmetricKind::EcP384 => Ok(p384::SecretKey::from_slice(scalar)
            .map_err(invalid)?
            .public_key()
            .to_encoded_point(false)
            .to_bytes()
            .to_vec()),
        _ => Err(err("not an EC P-256/P-384 key kind")),
    }
}

/// Checks a SEC1 point is on the curve and returns it uncompressed.
fn normalize_point(kind: AsymmetricKind, point: &[u8]) -> Result<Vec<u8>, FormatError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let invalid = |_| err("EC public point is not a valid point on the curve");
    match kind {
        AsymmetricKind::EcP256 => {
            Ok(p256::PublicKey::from_sec1_bytes(point).map_err(invalid)?.to_encoded_point(false).as_bytes().to_vec())
        }
        AsymmetricKind::EcP384 => {
            Ok(p384::PublicKey::from_sec1_bytes(point).map_err(invalid)?.to_encoded_point(false).as_bytes().to_vec())
        }
        _ => Err(err("not an EC P-256/P-384 key kind")),
    }
}

/// Encodes an RFC 5915 `ECPrivateKey` with the public key; with `namedCurve` parameters for standalone
/// SEC1, without them inside PKCS#8 (where the `AlgorithmIdentifier` carries the curve).
fn encode_ec_private(kind: AsymmetricKind, scalar: &[u8], with_curve: bool) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    let public = ec_point_from_scalar(kind, scalar)?;
    let parameters = if with_curve { Some(EcParameters::NamedCurve(*curve_oid(kind)?)) } else { None };
    encode_secret(&EcPrivateKey { private_key: scalar, parameters, public_key: Some(&public) }, "ECPrivateKey")
}

fn ed25519_seed(bytes: &[u8]) -> Result<Zeroizing<[u8; 32]>, FormatError> {
    let mut seed = Zeroizing::new([0u8; 32]);
    if bytes.len() != seed.len() {
        return Err(err("Ed25519 private key must be 32 bytes"));
    }
    seed.copy_from_slice(bytes);
    Ok(seed)
}

fn ed25519_public(bytes: &[u8]) -> Result<[u8; 32], FormatError> {
    let array: [u8; 32] = bytes.try_into().map_err(|_| err("Ed25519 public key must be 32 bytes"))?;
    ed25519_dalek::VerifyingKey::from_bytes(&array).map_err(|_| err("Ed25519 public key is not a valid point"))?;
    Ok(array)
}

// ---------------------------------------------------------------------------------------------------------
// Generic helpers
// ---------------------------------------------------------------------------------------------------------

fn err(message: &str) -> FormatError {
    FormatError(message.to_owned())
}

/// Wraps a `der` error; its message holds positions and tags only, never content bytes.
fn der_err(what: &str, e: &der::Error) -> FormatError {
    FormatError(format!("invalid {what}: {e}"))
}

fn encode_secret(value: &impl Encode, what: &str) -> Result<Zeroizing<Vec<u8>>, FormatError> {
    value.to_der().map(Zeroizing::new).map_err(|e| der_err(what, &e))
}

fn uint(bytes: &[u8]) -> Result<UintRef<'_>, FormatError> {
    UintRef::new(bytes).map_err(|e| der_err("INTEGER", &e))
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::encoding::{AsBigEndian, AsDer, Curve25519SeedBin, EcPrivateKeyBin, Pkcs8V1Der, PublicKeyX509Der};
    use aws_lc_rs::rsa::{KeyPair as RsaKeyPair, KeySize};
    use aws_lc_rs::signature::{
        ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING, EcdsaKeyPair, EcdsaSigningAlgorithm,
        Ed25519KeyPair, KeyPair,
    };

    fn rsa_key() -> (RsaKeyPair, Vec<u8>) {
        let kp = RsaKeyPair::generate(KeySize::Rsa2048).expect("generate RSA");
        let der: Pkcs8V1Der<'_> = kp.as_der().expect("RSA PKCS#8");
        let pkcs8 = der.as_ref().to_vec();
        (kp, pkcs8)
    }

    fn input_from(c: &RsaPrivateComponents) -> RsaPrivateComponentsInput {
        RsaPrivateComponentsInput {
            n: c.n.clone(),
            e: Some(c.e.clone()),
            d: c.d.clone(),
            p: Some(c.p.clone()),
            q: Some(c.q.clone()),
            dp: Some(c.dp.clone()),
            dq: Some(c.dq.clone()),
            qinv: Some(c.qinv.clone()),
        }
    }

    #[test]
    fn rsa_pkcs8_pkcs1_round_trip() {
        let (kp, pkcs8) = rsa_key();
        assert_eq!(identify_private(&pkcs8).expect("identify"), (AsymmetricKind::Rsa, PrivateForm::Pkcs8));
        let pkcs1 = private_to_pkcs1(&pkcs8).expect("to PKCS#1");
        assert_eq!(identify_private(&pkcs1).expect("identify"), (AsymmetricKind::Rsa, PrivateForm::Pkcs1));
        RsaKeyPair::from_der(&pkcs1).expect("aws-lc loads PKCS#1");
        let back = private_to_pkcs8(&pkcs1).expect("to PKCS#8");
        assert_eq!(back.as_slice(), pkcs8.as_slice());
        RsaKeyPair::from_pkcs8(&back).expect("aws-lc loads PKCS#8");
        assert_eq!(private_to_pkcs1(&back).expect("to PKCS#1").as_slice(), pkcs1.as_slice());

        let spki = public_from_private(&pkcs1).expect("public");
        let aws_spki: PublicKeyX509Der<'_> = kp.public_key().as_der().expect("aws SPKI");
        assert_eq!(spki, aws_spki.as_ref());
        assert_eq!(identify_public(&spki).expect("identify"), (AsymmetricKind::Rsa, PublicForm::Spki));
        let pub1 = public_to_pkcs1(&spki).expect("public PKCS#1");
        assert_eq!(pub1, kp.public_key().as_ref());
        assert_eq!(identify_public(&pub1).expect("identify"), (AsymmetricKind::Rsa, PublicForm::Pkcs1));
        assert_eq!(public_to_spki(&pub1).expect("SPKI"), spki);
        assert_eq!(public_to_spki(&spki).expect("SPKI"), spki);
        for der in [&pkcs8[..], &pkcs1[..], &spki[..], &pub1[..]] {
            assert_eq!(rsa_modulus_bits(der).expect("bits"), 2048);
        }
        assert!(ec_private_to_sec1(&pkcs8).is_err());
        assert!(ec_private_scalar(&pkcs8).is_err());
        assert!(ec_public_point(&spki).is_err());
    }

    #[test]
    fn rsa_components_round_trip_and_recovery() {
        let (kp, pkcs8) = rsa_key();
        let pkcs1 = private_to_pkcs1(&pkcs8).expect("to PKCS#1");
        let c = rsa_private_components(&pkcs8).expect("components");
        assert_eq!(c.n.len(), 256);
        assert_ne!(c.n[0], 0);
        assert_eq!(c.e, [1, 0, 1]);

        let full = rsa_private_from_components(&input_from(&c)).expect("from all components");
        assert_eq!(full.as_slice(), pkcs1.as_slice());
        let again = rsa_private_components(&full).expect("components");
        assert_eq!((&again.n, &again.e, &again.d, &again.p, &again.q), (&c.n, &c.e, &c.d, &c.p, &c.q));
        assert_eq!((&again.dp, &again.dq, &again.qinv), (&c.dp, &c.dq, &c.qinv));

        // Only n, e, d: primes recovered (aws-lc orders p > q).
        let ned = RsaPrivateComponentsInput { p: None, q: None, dp: None, dq: None, qinv: None, ..input_from(&c) };
        assert_eq!(rsa_private_from_components(&ned).expect("recovered").as_slice(), pkcs1.as_slice());

        // Primes and e only: d computed mod λ(n); CRT values and the public key are unchanged.
        let pqe = RsaPrivateComponentsInput {
            d: Zeroizing::new(Vec::new()),
            dp: None,
            dq: None,
            qinv: None,
            ..input_from(&c)
        };
        let built = rsa_private_from_components(&pqe).expect("from p, q, e");
        RsaKeyPair::from_der(&built).expect("aws-lc loads PKCS#1");
        let b = rsa_private_components(&built).expect("components");
        assert_eq!((&b.dp, &b.dq, &b.qinv, &b.n, &b.e), (&c.dp, &c.dq, &c.qinv, &c.n, &c.e));
        let spki = public_from_private(&built).expect("public");
        assert_eq!(public_to_pkcs1(&spki).expect("PKCS#1"), kp.public_key().as_ref());

        // Primes and d only: e recovered.
        let pqd = RsaPrivateComponentsInput { e: None, ..input_from(&c) };
        assert_eq!(rsa_private_from_components(&pqd).expect("from p, q, d").as_slice(), pkcs1.as_slice());

        // One prime only: the other is n / p.
        let p_only = RsaPrivateComponentsInput { q: None, ..input_from(&c) };
        assert_eq!(rsa_private_from_components(&p_only).expect("from p").as_slice(), pkcs1.as_slice());

        let public = rsa_public_components(&spki).expect("public components");
        assert_eq!((&public.n, &public.e), (&c.n, &c.e));
        assert_eq!(rsa_public_from_components(&c.n, &c.e).expect("PKCS#1"), kp.public_key().as_ref());
    }

    #[test]
    fn rsa_components_inconsistent_are_rejected() {
        let (_, pkcs8) = rsa_key();
        let c = rsa_private_components(&pkcs8).expect("components");
        let flip = |v: &Zeroizing<Vec<u8>>| {
            let mut v = v.clone();
            let last = v.len() - 1;
            v[last] ^= 2;
            v
        };
        let cases = [
            RsaPrivateComponentsInput { p: Some(flip(&c.p)), ..input_from(&c) },
            RsaPrivateComponentsInput { q: Some(flip(&c.q)), ..input_from(&c) },
            RsaPrivateComponentsInput { d: flip(&c.d), ..input_from(&c) },
            RsaPrivateComponentsInput { dp: Some(flip(&c.dp)), ..input_from(&c) },
            RsaPrivateComponentsInput { dq: Some(flip(&c.dq)), ..input_from(&c) },
            RsaPrivateComponentsInput { qinv: Some(flip(&c.qinv)), ..input_from(&c) },
            RsaPrivateComponentsInput { e: Some(vec![1, 0, 3]), ..input_from(&c) },
            RsaPrivateComponentsInput { n: vec![0], ..input_from(&c) },
            RsaPrivateComponentsInput { n: Vec::new(), ..input_from(&c) },
            RsaPrivateComponentsInput { p: None, q: None, d: flip(&c.d), ..input_from(&c) },
            RsaPrivateComponentsInput { p: None, q: None, e: None, ..input_from(&c) },
            RsaPrivateComponentsInput { p: None, q: Some(flip(&c.q)), ..input_from(&c) },
            RsaPrivateComponentsInput { e: None, d: Zeroizing::new(Vec::new()), ..input_from(&c) },
            RsaPrivateComponentsInput { p: Some(Zeroizing::new(vec![1])), ..input_from(&c) },
        ];
        for (i, case) in cases.iter().enumerate() {
            assert!(rsa_private_from_components(case).is_err(), "case {i} accepted");
        }
        assert!(rsa_public_from_components(&[], &c.e).is_err());
        assert!(rsa_public_from_components(&c.n, &[0, 0]).is_err());
    }

    fn ec_round_trip(alg: &'static EcdsaSigningAlgorithm, kind: AsymmetricKind, size: usize) {
        let kp = EcdsaKeyPair::generate(alg).expect("generate EC");
        let pkcs8 = kp.to_pkcs8v1().expect("PKCS#8").as_ref().to_vec();
        assert_eq!(identify_private(&pkcs8).expect("identify"), (kind, PrivateForm::Pkcs8));
        let (k, scalar) = ec_private_scalar(&pkcs8).expect("scalar");
        assert_eq!(k, kind);
        assert_eq!(scalar.len(), size);
        let aws_scalar: EcPrivateKeyBin<'_> = kp.private_key().as_be_bytes().expect("aws scalar");
        assert_eq!(scalar.as_slice(), aws_scalar.as_ref());

        let rebuilt = ec_private_from_scalar(kind, &scalar).expect("from scalar");
        let loaded = EcdsaKeyPair::from_pkcs8(alg, &rebuilt).expect("aws-lc loads PKCS#8");
        let spki = public_from_private(&rebuilt).expect("public");
        let (k, point) = ec_public_point(&spki).expect("point");
        assert_eq!(k, kind);
        assert_eq!(point.len(), 1 + 2 * size);
        assert_eq!(point, loaded.public_key().as_ref());
        assert_eq!(point, kp.public_key().as_ref());
        let aws_spki: PublicKeyX509Der<'_> = kp.public_key().as_der().expect("aws SPKI");
        assert_eq!(spki, aws_spki.as_ref());
        assert_eq!(ec_public_from_point(kind, &point).expect("SPKI"), spki);
        assert_eq!(identify_public(&spki).expect("identify"), (kind, PublicForm::Spki));
        assert_eq!(private_to_pkcs8(&pkcs8).expect("canonical").as_slice(), rebuilt.as_slice());

        let sec1 = ec_private_to_sec1(&pkcs8).expect("SEC1");
        assert_eq!(identify_private(&sec1).expect("identify"), (kind, PrivateForm::Sec1));
        EcdsaKeyPair::from_private_key_der(alg, &sec1).expect("aws-lc loads SEC1");
        let parsed = EcPrivateKey::from_der(&sec1).expect("SEC1 DER");
        assert_eq!(parsed.parameters.and_then(EcParameters::named_curve), Some(*curve_oid(kind).expect("oid")));
        assert_eq!(parsed.public_key, Some(point.as_slice()));
        assert_eq!(private_to_pkcs8(&sec1).expect("PKCS#8").as_slice(), rebuilt.as_slice());
        assert_eq!(ec_private_to_sec1(&rebuilt).expect("SEC1").as_slice(), sec1.as_slice());
        assert_eq!(public_from_private(&sec1).expect("public"), spki);

        // Compressed points are accepted and normalised; off-curve points are rejected.
        let mut compressed = point[..=size].to_vec();
        compressed[0] = 2 + (point[2 * size] & 1);
        assert_eq!(ec_public_from_point(kind, &compressed).expect("compressed"), spki);
        let mut off_curve = point.clone();
        off_curve[2 * size] ^= 1;
        assert!(ec_public_from_point(kind, &off_curve).is_err());
        assert!(ec_public_from_point(kind, &point[..2 * size]).is_err());
        assert!(ec_private_from_scalar(kind, &vec![0u8; size]).is_err());
        assert!(ec_private_from_scalar(kind, &vec![0xffu8; size]).is_err());
        assert!(ec_private_from_scalar(kind, &vec![1u8; size + 1]).is_err());
        assert!(ec_private_from_scalar(AsymmetricKind::Rsa, &scalar).is_err());
        assert!(private_to_pkcs1(&pkcs8).is_err());
        assert!(rsa_modulus_bits(&pkcs8).is_err());

        // A SEC1 key whose public key does not match its scalar is rejected.
        let mut other = scalar.clone();
        other[size - 1] ^= 1;
        let wrong_point = ec_point_from_scalar(kind, &other).expect("point");
        let bad = EcPrivateKey {
            private_key: &scalar,
            parameters: Some(EcParameters::NamedCurve(*curve_oid(kind).expect("oid"))),
            public_key: Some(&wrong_point),
        }
        .to_der()
        .expect("encode");
        assert!(identify_private(&bad).is_err());
        let no_curve =
            EcPrivateKey { private_key: &scalar, parameters: None, public_key: None }.to_der().expect("encode");
        assert!(identify_private(&no_curve).is_err());
    }

    #[test]
    fn ec_p256_round_trip() {
        ec_round_trip(&ECDSA_P256_SHA256_ASN1_SIGNING, AsymmetricKind::EcP256, 32);
    }

    #[test]
    fn ec_p384_round_trip() {
        ec_round_trip(&ECDSA_P384_SHA384_ASN1_SIGNING, AsymmetricKind::EcP384, 48);
    }

    #[test]
    fn ed25519_round_trip() {
        let kp = Ed25519KeyPair::generate().expect("generate Ed25519");
        let v1 = kp.to_pkcs8v1().expect("v1").as_ref().to_vec();
        let v2 = kp.to_pkcs8().expect("v2").as_ref().to_vec();
        let aws_spki: PublicKeyX509Der<'_> = kp.public_key().as_der().expect("aws SPKI");
        for der in [&v1, &v2] {
            assert_eq!(identify_private(der).expect("identify"), (AsymmetricKind::Ed25519, PrivateForm::Pkcs8));
            assert_eq!(private_to_pkcs8(der).expect("PKCS#8").as_slice(), v1.as_slice());
            assert_eq!(public_from_private(der).expect("public"), aws_spki.as_ref());
        }
        let (kind, seed) = ec_private_scalar(&v2).expect("seed");
        assert_eq!(kind, AsymmetricKind::Ed25519);
        let aws_seed: Curve25519SeedBin<'_> = kp.seed().expect("seed").as_be_bytes().expect("seed bytes");
        assert_eq!(seed.as_slice(), aws_seed.as_ref());
        let rebuilt = ec_private_from_scalar(AsymmetricKind::Ed25519, &seed).expect("from seed");
        Ed25519KeyPair::from_pkcs8(&rebuilt).expect("aws-lc loads PKCS#8");
        let (_, public) = ec_public_point(aws_spki.as_ref()).expect("public bytes");
        assert_eq!(public, kp.public_key().as_ref());
        assert_eq!(ec_public_from_point(AsymmetricKind::Ed25519, &public).expect("SPKI"), aws_spki.as_ref());
        assert_eq!(identify_public(aws_spki.as_ref()).expect("identify"), (AsymmetricKind::Ed25519, PublicForm::Spki));
        assert!(ec_private_to_sec1(&v1).is_err());
        assert!(private_to_pkcs1(&v1).is_err());
        assert!(ec_public_from_point(AsymmetricKind::Ed25519, &public[..31]).is_err());

        // A v2 document whose public key does not match is rejected.
        let mut tampered = v2.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(identify_private(&tampered).is_err());
    }

    #[test]
    fn certificate_public_key_matches_signing_key() {
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("certificate");
        let spki = certificate_public_key(certified.cert.der()).expect("SPKI");
        assert_eq!(ec_public_point(&spki).expect("point").1, certified.signing_key.public_key_raw());
        assert_eq!(public_from_private(&certified.signing_key.serialize_der()).expect("public"), spki);
        assert_eq!(identify_public(&spki).expect("identify"), (AsymmetricKind::EcP256, PublicForm::Spki));
        let mut trailing = certified.cert.der().to_vec();
        trailing.push(0);
        assert!(certificate_public_key(&trailing).is_err());
        assert!(certificate_public_key(&spki).is_err());
    }

    #[test]
    fn garbage_and_truncated_inputs_are_errors() {
        let (_, rsa) = rsa_key();
        let ec = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING)
            .expect("generate EC")
            .to_pkcs8v1()
            .expect("PKCS#8")
            .as_ref()
            .to_vec();
        let spki = public_from_private(&rsa).expect("public");
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new(), vec![0], vec![0x30], vec![0x30, 0x00], b"not a key".to_vec()];
        for der in [&rsa, &ec, &spki] {
            inputs.push(der[..der.len() - 1].to_vec());
            inputs.push(der[..der.len() / 2].to_vec());
            let mut extended = der.clone();
            extended.push(0);
            inputs.push(extended);
        }
        for input in &inputs {
            assert!(identify_private(input).is_err());
            assert!(private_to_pkcs8(input).is_err());
            assert!(private_to_pkcs1(input).is_err());
            assert!(ec_private_to_sec1(input).is_err());
            assert!(rsa_private_components(input).is_err());
            assert!(ec_private_scalar(input).is_err());
            assert!(public_from_private(input).is_err());
            assert!(identify_public(input).is_err());
            assert!(public_to_spki(input).is_err());
            assert!(public_to_pkcs1(input).is_err());
            assert!(rsa_public_components(input).is_err());
            assert!(ec_public_point(input).is_err());
            assert!(rsa_modulus_bits(input).is_err());
            assert!(certificate_public_key(input).is_err());
            assert!(ec_public_from_point(AsymmetricKind::EcP256, input).is_err());
        }
        // Private keys are not public keys and vice versa.
        assert!(identify_public(&rsa).is_err());
        assert!(identify_private(&spki).is_err());
    }
}
