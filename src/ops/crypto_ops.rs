//! Encrypt, Decrypt, Sign, Signature Verify, MAC, MAC Verify, Hash, RNG
//! Retrieve and RNG Seed (KMIP 2.1 §6.1.17, §6.1.13, §6.1.52, §6.1.53,
//! §6.1.29, §6.1.30, §6.1.24, §6.1.43, §6.1.44; 1.4 §4.29–4.35).
//!
//! Every operation on a managed key goes through [`check_usable`]: state,
//! dates and usage mask; then Usage Limits are charged. The key material
//! reaches the engine as a [`KeyRef`](crate::crypto::KeyRef).

use bytes::Bytes;
use kmip_ttlv::enums::{ObjectType, Operation, ValidityIndicator};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};

use super::context::{OpContext, RngSeedMode, RngSeedPolicy};
use super::crypto_params::{
    CryptoParams, Use, cached_engine_key, charge_usage, check_usable, engine_key, hash_of, mac_algorithm,
};
use super::object::ManagedObject;
use super::stream::{self, Step};
use crate::crypto::{KeyKind, SignInput};
use crate::error::KmsError;

/// The most random bytes one RNG Retrieve returns.
const MAX_RNG_RETRIEVE: i32 = 1 << 20;

/// Encrypt.
pub(crate) async fn encrypt(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::ENCRYPT, Use::Encrypt, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let object = ctx.object_shared(&id).await?;
    check_usable(&object, Use::Encrypt, ctx.now)?;
    let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
    let token_key = super::hsm::token_key(&object);
    let key = match token_key {
        Some(_) => None,
        None => Some(cached_engine_key(ctx, &object, false)?),
    };
    let kind = key.as_ref().map_or_else(|| super::hsm::key_kind(&object), |k| k.kind);
    let mut cipher = params.cipher_params(kind, super::crypto_params::object_algorithm(&object))?;
    require_tag_field(ctx, cipher.cipher)?;
    let iv = fields.bytes(Tag::IV_COUNTER_NONCE)?;
    if params.random_iv == Some(true) && iv.is_some() {
        return Err(KmsError::InvalidField("Random IV is set and an IV/Counter/Nonce was given".into()));
    }
    cipher.iv = iv.map(|b| &b[..]);
    if let Some(len) = params.iv_length
        && cipher.iv.is_none()
        && usize::try_from(len).ok() != Some(cipher.cipher.iv_len() * 8)
    {
        return Err(KmsError::Unsupported(format!("generating a {len}-bit IV for {:?}", cipher.cipher)));
    }
    let aad = fields.bytes(Tag::AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA)?;
    if let Some(aad) = aad {
        cipher.aad = aad;
    }
    charge_usage(ctx, &object, data.len())?;
    let out = match (&token_key, &key) {
        (Some(token_key), _) => super::hsm::token_for(ctx, token_key)?.encrypt(token_key, &cipher, data).await?,
        (None, Some(key)) => ctx.crypto.encrypt(key.key_ref(), &cipher, data)?,
        (None, None) => return Err(KmsError::Internal("no key for Encrypt".into())),
    };
    let mut response = vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::DATA, Value::ByteString(Bytes::from(out.data))),
    ];
    if let Some(iv) = out.iv {
        response.push(Ttlv::new(Tag::IV_COUNTER_NONCE, Value::ByteString(Bytes::from(iv))));
    }
    if let Some(tag) = out.tag {
        response.push(Ttlv::new(Tag::AUTHENTICATED_ENCRYPTION_TAG, Value::ByteString(Bytes::from(tag))));
    }
    Ok(response)
}

/// Decrypt.
pub(crate) async fn decrypt(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::DECRYPT, Use::Decrypt, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let object = ctx.object_shared(&id).await?;
    check_usable(&object, Use::Decrypt, ctx.now)?;
    let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
    let token_key = super::hsm::token_key(&object);
    let key = match token_key {
        Some(_) => None,
        None => Some(cached_engine_key(ctx, &object, false)?),
    };
    let kind = key.as_ref().map_or_else(|| super::hsm::key_kind(&object), |k| k.kind);
    let mut cipher = params.cipher_params(kind, super::crypto_params::object_algorithm(&object))?;
    require_tag_field(ctx, cipher.cipher)?;
    cipher.iv = fields.bytes(Tag::IV_COUNTER_NONCE)?.map(|b| &b[..]);
    if cipher.iv.is_none() && cipher.cipher.iv_len() > 0 {
        return Err(fields.missing(Tag::IV_COUNTER_NONCE).into());
    }
    if let Some(aad) = fields.bytes(Tag::AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA)? {
        cipher.aad = aad;
    }
    let tag = fields.bytes(Tag::AUTHENTICATED_ENCRYPTION_TAG)?;
    if let Some(tag) = tag
        && params.tag_length.is_some_and(|len| usize::try_from(len).ok() != Some(tag.len()))
    {
        return Err(KmsError::InvalidField("the tag does not have the Tag Length given".into()));
    }
    charge_usage(ctx, &object, data.len())?;
    let tag = tag.map(|t| &t[..]);
    let plain = match (&token_key, &key) {
        (Some(token_key), _) => super::hsm::token_for(ctx, token_key)?.decrypt(token_key, &cipher, data, tag).await?,
        (None, Some(key)) => ctx.crypto.decrypt(key.key_ref(), &cipher, data, tag)?,
        (None, None) => return Err(KmsError::Internal("no key for Decrypt".into())),
    };
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::DATA, Value::ByteString(Bytes::copy_from_slice(&plain))),
    ])
}

/// Sign.
pub(crate) async fn sign(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::SIGN, Use::Sign, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let object = ctx.object_shared(&id).await?;
    check_usable(&object, Use::Sign, ctx.now)?;
    let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
    if let Some(token_key) = super::hsm::token_key(&object) {
        // The private key is held in the token: it signs there.
        let scheme = params.signature_scheme(super::hsm::key_kind(&object))?;
        let input = sign_input(&fields)?;
        charge_usage(ctx, &object, input_len(input))?;
        let signature = super::hsm::token_for(ctx, &token_key)?.sign(&token_key, scheme, input).await?;
        return Ok(vec![
            Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
            Ttlv::new(Tag::SIGNATURE_DATA, Value::ByteString(Bytes::from(signature))),
        ]);
    }
    let key = cached_engine_key(ctx, &object, false)?;
    let scheme = params.signature_scheme(key.kind)?;
    let input = sign_input(&fields)?;
    charge_usage(ctx, &object, input_len(input))?;
    let signature = ctx.crypto.sign(key.key_ref(), scheme, input)?;
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::SIGNATURE_DATA, Value::ByteString(Bytes::from(signature))),
    ])
}

/// Signature Verify.
pub(crate) async fn signature_verify(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::SIGNATURE_VERIFY, Use::Verify, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let signature = fields.bytes(Tag::SIGNATURE_DATA)?.ok_or_else(|| fields.missing(Tag::SIGNATURE_DATA))?;
    let object = ctx.object_shared(&id).await?;
    check_usable(&object, Use::Verify, ctx.now)?;
    let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
    let valid = if let Some(token_key) = super::hsm::token_key(&object) {
        // A private key held in the token verifies there, with the public
        // key beside it.
        let scheme = params.signature_scheme(super::hsm::key_kind(&object))?;
        let input = sign_input(&fields)?;
        charge_usage(ctx, &object, input_len(input))?;
        super::hsm::token_for(ctx, &token_key)?.verify(&token_key, scheme, input, signature).await?
    } else {
        // A private key verifies with its public half.
        let key = cached_engine_key(ctx, &object, object.object_type == ObjectType::PRIVATE_KEY)?;
        let scheme = params.signature_scheme(key.kind)?;
        let input = sign_input(&fields)?;
        charge_usage(ctx, &object, input_len(input))?;
        ctx.crypto.verify(key.key_ref(), scheme, input, signature)?
    };
    let indicator = if valid { ValidityIndicator::VALID } else { ValidityIndicator::INVALID };
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::VALIDITY_INDICATOR, Value::Enumeration(indicator.0)),
    ])
}

/// MAC.
pub(crate) async fn mac(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::MAC, Use::MacGenerate, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let (object, value) = compute_mac(ctx, &fields, &id, data, Use::MacGenerate).await?;
    drop(object);
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::MAC_DATA, Value::ByteString(Bytes::from(value))),
    ])
}

/// MAC Verify.
pub(crate) async fn mac_verify(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::MAC_VERIFY, Use::MacVerify, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let given = fields.bytes(Tag::MAC_DATA)?.ok_or_else(|| fields.missing(Tag::MAC_DATA))?;
    let (_, value) = compute_mac(ctx, &fields, &id, data, Use::MacVerify).await?;
    // Constant time: the comparison does not leak how much matched.
    let valid =
        !given.is_empty() && given.len() <= value.len() && aws_lc_constant_time_eq(&value[..given.len()], given);
    let indicator = if valid { ValidityIndicator::VALID } else { ValidityIndicator::INVALID };
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::VALIDITY_INDICATOR, Value::Enumeration(indicator.0)),
    ])
}

async fn compute_mac(
    ctx: &mut OpContext<'_>,
    fields: &Fields<'_>,
    id: &str,
    data: &[u8],
    use_: Use,
) -> Result<(std::sync::Arc<ManagedObject>, Vec<u8>), KmsError> {
    let object = ctx.object_shared(id).await?;
    check_usable(&object, use_, ctx.now)?;
    let params = CryptoParams::merged(fields.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &object)?;
    let algorithm = mac_algorithm(&object, &params)?;
    let mut key = engine_key(&object)?;
    // An AES key used for HMAC or CMAC is used as MAC key material.
    if key.kind == KeyKind::Aes && matches!(algorithm, crate::crypto::MacAlgorithm::Hmac(_)) {
        key.kind = KeyKind::Hmac;
    }
    charge_usage(ctx, &object, data.len())?;
    let value = ctx.crypto.mac(key.key_ref(), algorithm, data)?;
    Ok((object, value))
}

/// Constant-time equality of two equal-length byte strings.
fn aws_lc_constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Hash (KMIP 1.4+).
pub(crate) async fn hash(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let payload = match stream::step(ctx, Operation::HASH, Use::Encrypt, payload).await? {
        Step::Run(payload) => payload,
        Step::Answered(response) => return Ok(response),
    };
    let fields = Fields::of(&payload)?;
    let params_item = fields.required(Tag::CRYPTOGRAPHIC_PARAMETERS)?;
    let params = CryptoParams::parse(params_item)?;
    let algorithm =
        params.hashing_algorithm.ok_or_else(|| KmsError::MissingData("Hash needs a Hashing Algorithm".into()))?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let digest = ctx.crypto.digest(hash_of(algorithm)?, data);
    Ok(vec![Ttlv::new(Tag::DATA, Value::ByteString(Bytes::from(digest)))])
}

/// RNG Retrieve (KMIP 1.3+).
pub(crate) async fn rng_retrieve(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let len = fields.integer(Tag::DATA_LENGTH)?.ok_or_else(|| fields.missing(Tag::DATA_LENGTH))?;
    if !(1..=MAX_RNG_RETRIEVE).contains(&len) {
        return Err(KmsError::InvalidField(format!("Data Length must be 1 to {MAX_RNG_RETRIEVE}, not {len}")));
    }
    // Random bytes as a key would get them: with what clients seeded.
    let out = ctx.crypto.generate_key(usize::try_from(len).unwrap_or(0))?;
    Ok(vec![Ttlv::new(Tag::DATA, Value::ByteString(Bytes::copy_from_slice(&out)))])
}

/// RNG Seed (KMIP 1.3+), under the server's [`RngSeedPolicy`]: refused, or
/// the seed's first `max_bytes` bytes handed to the engine (all of them
/// when there is no maximum). Data Length is what the engine used.
pub(crate) async fn rng_seed(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let data = fields.bytes(Tag::DATA)?.ok_or_else(|| fields.missing(Tag::DATA))?;
    let RngSeedPolicy { mode, max_bytes } = ctx.config.rng_seed;
    if mode == RngSeedMode::Deny {
        return Err(KmsError::PermissionDenied(
            "RNG Seed is refused by this server's configuration (crypto.rng_seed = \"deny\")".into(),
        ));
    }
    let accepted = max_bytes.map_or(data.len(), |max| data.len().min(max));
    let used = ctx.crypto.seed(&data[..accepted]);
    Ok(vec![Ttlv::new(Tag::DATA_LENGTH, Value::Integer(i32::try_from(used).unwrap_or(i32::MAX)))])
}

/// The message or digest a Sign or Signature Verify names.
fn sign_input<'a>(fields: &Fields<'a>) -> Result<SignInput<'a>, KmsError> {
    match (fields.bytes(Tag::DATA)?, fields.bytes(Tag::DIGESTED_DATA)?) {
        (Some(data), None) => Ok(SignInput::Data(data)),
        (None, Some(digest)) => Ok(SignInput::Digest(digest)),
        (Some(_), Some(_)) => Err(KmsError::InvalidField("give Data or Digested Data, not both".into())),
        (None, None) => Err(KmsError::MissingData("Data or Digested Data is required".into())),
    }
}

fn input_len(input: SignInput<'_>) -> usize {
    match input {
        SignInput::Data(d) | SignInput::Digest(d) => d.len(),
    }
}

/// Authenticated encryption needs the Authenticated Encryption Tag field,
/// which KMIP 1.4 introduced: a 1.0-1.3 client could not carry the tag, so
/// the ciphertext could never be authenticated. Refused below 1.4.
fn require_tag_field(ctx: &OpContext<'_>, cipher: crate::crypto::Cipher) -> Result<(), KmsError> {
    if cipher.is_aead() && ctx.version < kmip_ttlv::ProtocolVersion::V1_4 {
        return Err(KmsError::Unsupported(format!(
            "{cipher:?} in KMIP {} (the Authenticated Encryption Tag is a KMIP 1.4 field)",
            ctx.version
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use kmip_ttlv::enums::ResultReason;
    use zeroize::Zeroizing;

    use super::super::OpsConfig;
    use super::super::test_kms::{TestKms, harness};
    use super::*;
    use crate::crypto::{
        CipherParams, CryptoEngine, Derivation, EncryptOutput, GeneratedKeyPair, HashAlgorithm, KeyPairSpec, KeyRef,
        MacAlgorithm, OpenedStream, SignatureScheme, SoftwareEngine,
    };

    harness!();

    /// The seed of the OASIS test cases CS-RNG-O-1 to -4 (32 bytes).
    const SEED: &str = "333c06587706225099a67438f263f8f932f64b860c3a7dbb21bc2bd56685d8bc";

    /// The software engine, recording every seed it is handed.
    #[derive(Default)]
    struct SeedRecorder {
        engine: SoftwareEngine,
        seeds: Mutex<Vec<Vec<u8>>>,
    }

    impl CryptoEngine for SeedRecorder {
        fn generate_key(&self, len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError> {
            self.engine.generate_key(len)
        }
        fn random(&self, buf: &mut [u8]) -> Result<(), KmsError> {
            self.engine.random(buf)
        }
        fn seed(&self, data: &[u8]) -> usize {
            self.seeds.lock().expect("not poisoned").push(data.to_vec());
            self.engine.seed(data)
        }
        fn digest(&self, algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8> {
            self.engine.digest(algorithm, data)
        }
        fn generate_key_pair(&self, spec: KeyPairSpec) -> Result<GeneratedKeyPair, KmsError> {
            self.engine.generate_key_pair(spec)
        }
        fn encrypt(&self, key: KeyRef<'_>, params: &CipherParams<'_>, data: &[u8]) -> Result<EncryptOutput, KmsError> {
            self.engine.encrypt(key, params, data)
        }
        fn encrypt_stream(&self, key: KeyRef<'_>, params: &CipherParams<'_>) -> Result<OpenedStream, KmsError> {
            self.engine.encrypt_stream(key, params)
        }
        fn decrypt(
            &self,
            key: KeyRef<'_>,
            params: &CipherParams<'_>,
            data: &[u8],
            tag: Option<&[u8]>,
        ) -> Result<Zeroizing<Vec<u8>>, KmsError> {
            self.engine.decrypt(key, params, data, tag)
        }
        fn sign(&self, key: KeyRef<'_>, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError> {
            self.engine.sign(key, scheme, input)
        }
        fn verify(
            &self,
            key: KeyRef<'_>,
            scheme: SignatureScheme,
            input: SignInput<'_>,
            signature: &[u8],
        ) -> Result<bool, KmsError> {
            self.engine.verify(key, scheme, input, signature)
        }
        fn mac(&self, key: KeyRef<'_>, algorithm: MacAlgorithm, data: &[u8]) -> Result<Vec<u8>, KmsError> {
            self.engine.mac(key, algorithm, data)
        }
        fn derive(
            &self,
            derivation: &Derivation<'_>,
            secret: &[u8],
            len: usize,
        ) -> Result<Zeroizing<Vec<u8>>, KmsError> {
            self.engine.derive(derivation, secret, len)
        }
    }

    impl Harness {
        /// A server with `policy`, and the seeds its engine is handed.
        fn with_policy(policy: RngSeedPolicy) -> (Harness, Arc<SeedRecorder>) {
            let engine = Arc::new(SeedRecorder::default());
            let config = OpsConfig { rng_seed: policy, ..OpsConfig::default() };
            (Harness(TestKms::with(engine.clone(), config)), engine)
        }

        /// The RNG Seed request of CS-RNG-O-1 to -4.
        fn rng_seed_item() -> String {
            format!(
                r#"<Operation type="Enumeration" value="RNGSeed"/><RequestPayload>
                   <Data type="ByteString" value="{SEED}"/></RequestPayload>"#
            )
        }

        /// Sends the seed; the Data Length answered.
        async fn seed(&self, version: &str) -> i32 {
            let payload = self.ok(version, &Harness::rng_seed_item()).await;
            payload.child(Tag::DATA_LENGTH).and_then(|l| l.value.as_integer()).expect("Data Length")
        }
    }

    fn seed_bytes() -> Vec<u8> {
        hex::decode(SEED).expect("hex")
    }

    #[tokio::test]
    async fn rng_seed_uses_every_byte_by_default() {
        assert_eq!(Harness::new().seed("2.1").await, 32, "the default OpsConfig");
        let (h, engine) = Harness::with_policy(RngSeedPolicy::default());
        assert_eq!(h.seed("2.1").await, 32);
        assert_eq!(h.seed("1.4").await, 32);
        assert_eq!(*engine.seeds.lock().expect("lock"), vec![seed_bytes(), seed_bytes()]);
    }

    #[tokio::test]
    async fn rng_seed_mixes_in_only_the_accepted_prefix() {
        let (h, engine) = Harness::with_policy(RngSeedPolicy { mode: RngSeedMode::Accept, max_bytes: Some(16) });
        assert_eq!(h.seed("2.1").await, 16);
        assert_eq!(*engine.seeds.lock().expect("lock"), vec![seed_bytes()[..16].to_vec()]);
        // A seed shorter than the maximum is used whole.
        let short = r#"<Operation type="Enumeration" value="RNGSeed"/><RequestPayload>
                       <Data type="ByteString" value="0102030405"/></RequestPayload>"#;
        let payload = h.ok("2.0", short).await;
        assert_eq!(payload.child(Tag::DATA_LENGTH).map(|l| &l.value), Some(&Value::Integer(5)));
        assert_eq!(engine.seeds.lock().expect("lock").last(), Some(&vec![1, 2, 3, 4, 5]));
    }

    #[tokio::test]
    async fn rng_seed_with_a_maximum_of_zero_uses_nothing() {
        let (h, engine) = Harness::with_policy(RngSeedPolicy { mode: RngSeedMode::Accept, max_bytes: Some(0) });
        assert_eq!(h.seed("1.4").await, 0);
        assert!(engine.seeds.lock().expect("lock").iter().all(Vec::is_empty));
    }

    #[tokio::test]
    async fn rng_seed_denied_names_the_setting_and_reaches_no_engine() {
        // A maximum does not turn a refusal into an answer.
        let (h, engine) = Harness::with_policy(RngSeedPolicy { mode: RngSeedMode::Deny, max_bytes: Some(16) });
        for version in ["1.4", "2.0", "2.1"] {
            let item = h.one(version, &Harness::rng_seed_item()).await;
            super::super::test_kms::failed(&item, ResultReason::PERMISSION_DENIED);
            let message = item.result_message.unwrap_or_default();
            assert!(message.contains("crypto.rng_seed"), "{message}");
        }
        assert!(engine.seeds.lock().expect("lock").is_empty());
        // The rest of the RNG is served as before.
        let payload = h
            .ok("2.1", r#"<Operation type="Enumeration" value="RNGRetrieve"/><RequestPayload><DataLength type="Integer" value="8"/></RequestPayload>"#)
            .await;
        assert_eq!(payload.child(Tag::DATA).and_then(|d| d.value.as_bytes()).map(|d| d.len()), Some(8));
    }
}
