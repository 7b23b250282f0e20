//! The in-process server the operation tests talk to: the in-memory store,
//! a fixed clock and requests written in the KMIP XML encoding, as the
//! OASIS test cases are. Each operation family's tests wrap it.

use std::sync::Arc;

use kmip_ttlv::enums::{ResultReason, ResultStatus};
use kmip_ttlv::model::{ResponseBatchItem, ResponseMessage};
use kmip_ttlv::{Tag, Ttlv, xml};

use super::{Kms, OpsConfig, Peer};
use crate::clock::FixedClock;
use crate::crypto::{CryptoEngine, SoftwareEngine};
use crate::store::{MemoryStore, Store};

/// The fixed time the tests start at (2026-11-18).
pub(crate) const NOW: i64 = 1_795_000_000;

/// A server with an empty in-memory store and a clock fixed at [`NOW`],
/// called by an administrator.
pub(crate) struct TestKms {
    pub(crate) kms: Kms,
    pub(crate) clock: Arc<FixedClock>,
    pub(crate) peer: Peer,
}

impl TestKms {
    pub(crate) fn new() -> TestKms {
        TestKms::with(Arc::new(SoftwareEngine::new()), OpsConfig::default())
    }

    /// A server with the engine `crypto` and the settings `config`.
    pub(crate) fn with(crypto: Arc<dyn CryptoEngine>, config: OpsConfig) -> TestKms {
        let clock = Arc::new(FixedClock::new(NOW));
        let kms = Kms::with(Arc::new(MemoryStore::new()), clock.clone(), crypto, config);
        TestKms { kms, clock, peer: Peer::named("admin") }
    }

    /// A server whose operations are audited into its store's log; the
    /// store and the audit log with it.
    pub(crate) fn audited() -> (TestKms, Arc<MemoryStore>, Arc<crate::audit::AuditLog>, Arc<crate::audit::ChainSealer>)
    {
        let clock = Arc::new(FixedClock::new(NOW));
        let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
        let store = Arc::new(MemoryStore::new());
        let sealer = Arc::new(crate::audit::ChainSealer::new(crate::audit::AuditKey::new([7; 32]), crypto.clone()));
        store.set_log_sealer(sealer.clone());
        let log = Arc::new(crate::audit::AuditLog::new(store.clone()));
        let kms = Kms::with(store.clone(), clock.clone(), crypto, OpsConfig::default()).with_audit(log.clone());
        let peer = Peer {
            identity: "admin".into(),
            organisation: None,
            address: Some(([127, 0, 0, 1], 4242).into()),
            channel: super::Channel::Kmip,
        };
        (TestKms { kms, clock, peer }, store, log, sealer)
    }

    /// Sends a request written as `<BatchItem>` elements in KMIP XML, with
    /// a header of `version` (e.g. "1.4") and `extra` header fields.
    pub(crate) async fn send(&self, version: &str, extra: &str, items: &str) -> ResponseMessage {
        self.kms.process(&self.peer, &request(version, extra, items)).await
    }

    /// Sends one batch item (its inside, without `<BatchItem>`).
    pub(crate) async fn one(&self, version: &str, item: &str) -> ResponseBatchItem {
        let response = self.send(version, "", &format!("<BatchItem>{item}</BatchItem>")).await;
        assert_eq!(response.batch_items.len(), 1);
        response.batch_items.into_iter().next().expect("one item")
    }

    /// Sends one batch item that must succeed; its response payload.
    pub(crate) async fn ok(&self, version: &str, item: &str) -> Ttlv {
        let response = self.one(version, item).await;
        assert_eq!(response.result_status, ResultStatus::SUCCESS, "{response:?}");
        response.response_payload.expect("payload")
    }

    /// Runs `operation` on the object `id` alone (a payload holding just its
    /// Unique Identifier); the response payload.
    pub(crate) async fn simple(&self, version: &str, operation: &str, id: &str) -> Ttlv {
        let item = format!(
            r#"<Operation type="Enumeration" value="{operation}"/><RequestPayload>{}</RequestPayload>"#,
            uid(id)
        );
        self.ok(version, &item).await
    }

    /// Creates an AES-128 key (KMIP 2.1) with no other attributes; its
    /// identifier.
    pub(crate) async fn aes_128_key(&self) -> String {
        let payload = self
            .ok(
                "2.1",
                r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
                   <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
                   <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                   </Attributes></RequestPayload>"#,
            )
            .await;
        text(&payload, Tag::UNIQUE_IDENTIFIER)
    }

    /// Get Attributes (2.1) of one attribute of `id`: its instances.
    pub(crate) async fn attribute(&self, id: &str, reference: &str) -> Vec<Ttlv> {
        let payload = self
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                       <AttributeReference type="Enumeration" value="{reference}"/></RequestPayload>"#,
                    uid(id)
                ),
            )
            .await;
        payload.child(Tag::ATTRIBUTES).and_then(Ttlv::children).unwrap_or_default().to_vec()
    }

    /// The Links of `id`: (Link Type, Linked Object Identifier).
    pub(crate) async fn links(&self, id: &str) -> Vec<(u32, String)> {
        self.attribute(id, "Link")
            .await
            .iter()
            .map(|l| {
                (
                    l.child(Tag::LINK_TYPE).and_then(|t| t.value.as_enumeration()).expect("type"),
                    l.child(Tag::LINKED_OBJECT_IDENTIFIER).and_then(|t| t.value.as_text()).expect("id").to_owned(),
                )
            })
            .collect()
    }

    /// Sends one batch item that must fail with `reason`.
    pub(crate) async fn fails(&self, version: &str, item: &str, reason: ResultReason) {
        failed(&self.one(version, item).await, reason);
    }
}

/// A request message of `<BatchItem>` elements `items` in KMIP XML, with
/// a header of `version` (e.g. "1.4") and `extra` header fields.
pub(crate) fn request(version: &str, extra: &str, items: &str) -> Ttlv {
    let (major, minor) = version.split_once('.').expect("version");
    let count = items.matches("<BatchItem>").count();
    let text = format!(
        r#"<RequestMessage><RequestHeader><ProtocolVersion>
             <ProtocolVersionMajor type="Integer" value="{major}"/><ProtocolVersionMinor type="Integer" value="{minor}"/>
           </ProtocolVersion>{extra}<BatchCount type="Integer" value="{count}"/></RequestHeader>{items}</RequestMessage>"#
    );
    xml::from_str(&text).unwrap_or_else(|e| panic!("test request: {e}\n{text}"))
}

/// Asserts that `item` failed with `reason`.
pub(crate) fn failed(item: &ResponseBatchItem, reason: ResultReason) {
    assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED, "{item:?}");
    assert_eq!(item.result_reason, Some(reason), "{item:?}");
    assert!(item.response_payload.is_none(), "{item:?}");
    assert!(item.result_message.as_deref().is_some_and(|m| !m.is_empty()), "{item:?}");
}

/// The text child `tag` of `item`.
pub(crate) fn text(item: &Ttlv, tag: Tag) -> String {
    item.child(tag).and_then(|t| t.value.as_text()).unwrap_or_else(|| panic!("no {tag:?} in {item:?}")).to_owned()
}

/// A Unique Identifier field in KMIP XML.
pub(crate) fn uid(id: &str) -> String {
    format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)
}

/// Declares `Harness`: a [`TestKms`] that an operation family's tests add
/// their own helper methods to.
macro_rules! harness {
    () => {
        /// The test server with this family's helpers.
        struct Harness($crate::ops::test_kms::TestKms);

        impl std::ops::Deref for Harness {
            type Target = $crate::ops::test_kms::TestKms;
            fn deref(&self) -> &Self::Target {
                &self.0
            }
        }

        impl Harness {
            fn new() -> Harness {
                Harness($crate::ops::test_kms::TestKms::new())
            }
        }
    };
}
pub(crate) use harness;
