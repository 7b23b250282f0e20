//! The audit entries of a message (see `crate::audit`): one per batch item
//! that ran, and one for a message refused as a whole.

use bytes::Bytes;
use kmip_ttlv::enums::{ResultReason, ResultStatus};
use kmip_ttlv::model::{RequestParts, ResponseBatchItem};
use kmip_ttlv::{Tag, Ttlv};

use super::Peer;
use crate::audit::{Entry, OperationRecord};

/// The fields whose Text String values name objects.
const ID_TAGS: [Tag; 3] =
    [Tag::UNIQUE_IDENTIFIER, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER];

/// One entry per batch item that was answered (items after a stopping
/// failure did not run and are not recorded).
pub(super) fn item_entries(peer: &Peer, now: i64, parts: &RequestParts, responses: &[ResponseBatchItem]) -> Vec<Bytes> {
    parts
        .batch_items
        .iter()
        .zip(responses)
        .map(|(item, response)| {
            let mut objects = Vec::new();
            if let Ok(item) = item {
                object_ids(&item.request_payload, &mut objects);
            }
            if let Some(payload) = &response.response_payload {
                object_ids(payload, &mut objects);
            }
            let operation = match (response.operation, item) {
                (Some(operation), _) => format!("{operation:?}"),
                (None, Ok(item)) => format!("{:?}", item.operation),
                (None, Err(_)) => "Unreadable".to_owned(),
            };
            entry(peer, now, operation, objects, result(response))
        })
        .collect()
}

/// The entry of a message refused as a whole (undecodable, bad header,
/// unsupported version).
pub(super) fn message_entry(peer: &Peer, now: i64, reason: ResultReason) -> Bytes {
    entry(peer, now, "Message".to_owned(), Vec::new(), format!("{reason:?}"))
}

fn entry(peer: &Peer, now: i64, operation: String, objects: Vec<String>, result: String) -> Bytes {
    Entry::Operation(OperationRecord {
        time: now,
        kind: if peer.identity.starts_with(crate::access::MACHINE_PREFIX) { "machine" } else { "cert" }.to_owned(),
        identity: peer.identity.clone(),
        source: peer.address.map(|address| address.to_string()),
        channel: peer.channel.as_str().to_owned(),
        operation,
        objects,
        result,
        details: None,
    })
    .to_body()
}

fn result(response: &ResponseBatchItem) -> String {
    match (response.result_status, response.result_reason) {
        (ResultStatus::SUCCESS, _) => "Success".to_owned(),
        (ResultStatus::OPERATION_UNDONE, _) => "OperationUndone".to_owned(),
        (_, Some(reason)) => format!("{reason:?}"),
        (status, None) => format!("{status:?}"),
    }
}

/// Adds the object ids `payload` names at its top level, once each.
fn object_ids(payload: &Ttlv, out: &mut Vec<String>) {
    for child in payload.children().unwrap_or_default() {
        if !ID_TAGS.contains(&child.tag) {
            continue;
        }
        if let Some(id) = child.value.as_text()
            && !out.iter().any(|seen| seen == id)
        {
            out.push(id.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::{self, Entry};
    use crate::ops::test_kms::{NOW, TestKms};
    use crate::store::Store;

    async fn entries(store: &dyn Store) -> Vec<audit::OperationRecord> {
        audit::read_entries(store)
            .await
            .expect("entries")
            .into_iter()
            .filter_map(|(_, entry)| match entry {
                Entry::Operation(record) => Some(record),
                _ => None,
            })
            .collect()
    }

    #[tokio::test]
    async fn changes_are_audited_in_their_commit_and_reads_in_the_next_group() {
        let (kms, store, log, sealer) = TestKms::audited();
        let id = kms.aes_128_key().await;
        assert_eq!(store.log_head().await.expect("head").next, 1, "the Create's entry came with its commit");
        // The first Get clears Fresh (a change), the second only reads.
        kms.simple("2.1", "Get", &id).await;
        assert_eq!(store.log_head().await.expect("head").next, 2, "the first Get changed the object");
        let got = kms.simple("2.1", "Get", &id).await;
        assert!(got.child(kmip_ttlv::Tag::SYMMETRIC_KEY).is_some(), "Get returned the key");
        let missing = kms
            .one("1.4", r#"<Operation type="Enumeration" value="Get"/><RequestPayload><UniqueIdentifier type="TextString" value="nope"/></RequestPayload>"#)
            .await;
        assert!(missing.result_reason.is_some());
        assert_eq!(store.log_head().await.expect("head").next, 2, "reads wait for the group commit");
        log.flush().await.expect("flush");
        let records = entries(store.as_ref()).await;
        let summary: Vec<(&str, &str, Vec<String>)> =
            records.iter().map(|r| (r.operation.as_str(), r.result.as_str(), r.objects.clone())).collect();
        assert_eq!(
            summary,
            [
                ("Create", "Success", vec![id.clone()]),
                ("Get", "Success", vec![id.clone()]),
                ("Get", "Success", vec![id.clone()]),
                ("Get", "ItemNotFound", vec!["nope".to_owned()]),
            ]
        );
        for record in &records {
            assert_eq!((record.time, record.identity.as_str(), record.kind.as_str()), (NOW, "admin", "cert"));
            assert_eq!(record.source.as_deref(), Some("127.0.0.1:4242"));
        }
        let verified = audit::verify(store.as_ref(), &sealer, None).await.expect("the chain verifies");
        assert_eq!(verified.next, 4);
    }

    #[tokio::test]
    async fn waiting_reads_are_committed_before_a_later_change() {
        let (kms, store, _log, sealer) = TestKms::audited();
        let first = kms.aes_128_key().await;
        kms.simple("2.1", "Get", &first).await;
        kms.simple("2.1", "GetAttributes", &first).await;
        let second = kms.aes_128_key().await;
        let records = entries(store.as_ref()).await;
        let order: Vec<(&str, &str)> = records.iter().map(|r| (r.operation.as_str(), r.objects[0].as_str())).collect();
        let expected = [("Create", &first), ("Get", &first), ("GetAttributes", &first), ("Create", &second)];
        assert_eq!(order, expected.map(|(operation, id)| (operation, id.as_str())));
        audit::verify(store.as_ref(), &sealer, None).await.expect("the chain verifies");
    }

    #[tokio::test]
    async fn refused_and_undone_messages_are_audited() {
        let (kms, store, log, _) = TestKms::audited();
        let response = kms.kms.handle_message(&kms.peer, bytes::Bytes::from_static(b"\x42\x00\x78\x01garbage")).await;
        assert!(!response.is_empty());
        let undo = r#"<BatchErrorContinuationOption type="Enumeration" value="Undo"/>"#;
        let items = r#"<BatchItem><Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
               </Attributes></RequestPayload></BatchItem>
               <BatchItem><Operation type="Enumeration" value="Activate"/><RequestPayload>
               <UniqueIdentifier type="TextString" value="nope"/></RequestPayload></BatchItem>"#;
        kms.send("2.1", undo, items).await;
        log.flush().await.expect("flush");
        let records = entries(store.as_ref()).await;
        let summary: Vec<(&str, &str)> = records.iter().map(|r| (r.operation.as_str(), r.result.as_str())).collect();
        assert_eq!(
            summary,
            [("Message", "InvalidMessage"), ("Create", "OperationUndone"), ("Activate", "ObjectNotFound")]
        );
        assert_eq!(store.count().await.expect("count"), 0, "the undone Create left nothing");
    }
}
