//! The audit chain of a real server (sled store, mutual TLS), checked with
//! `kms audit verify` as an operator runs it, on copies of the data dir
//! tampered with by someone who has the disk but not the root key: each
//! tampering must exit 1 and name where the chain breaks.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, wire, xml};
use kms::audit::{AuditKey, ChainSealer};
use kms::crypto::SoftwareEngine;
use kms::store::LogSealer;

use crate::support::{TempDir, admin_connection, exchange, start};

fn kms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kms")).args(args).output().expect("kms runs")
}

fn verify(data_dir: &Path) -> Output {
    kms(&["audit", "verify", "--data-dir", data_dir.to_str().expect("path")])
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn request(items: Vec<RequestBatchItem>) -> Vec<u8> {
    let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), items);
    wire::to_vec(&message.to_ttlv()).expect("encodes")
}

fn payload(xml_children: &str) -> Ttlv {
    xml::from_str(&format!("<RequestPayload>{xml_children}</RequestPayload>")).expect("payload XML")
}

fn by_id(operation: Operation, id: &str) -> RequestBatchItem {
    RequestBatchItem::new(operation, payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)))
}

/// A data dir whose server ran 10 Create+Activate+Get messages, 10 Gets
/// and 5 Gets of a missing object, and one `kms audit verify` through the
/// admin socket: 46 audit entries.
async fn audited_data_dir(dir: &TempDir) -> Vec<String> {
    let server = start(dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    let mut ids = Vec::new();
    for _ in 0..10 {
        let create = RequestBatchItem::new(
            Operation::CREATE,
            payload(
                r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
                   <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
                   </Attributes>"#,
            ),
        );
        let items = vec![
            create,
            RequestBatchItem::new(Operation::ACTIVATE, payload("")),
            RequestBatchItem::new(Operation::GET, payload("")),
        ];
        let response = exchange(&mut stream, &request(items)).await;
        assert!(response.batch_items.iter().all(|i| i.result_status == ResultStatus::SUCCESS), "{response:?}");
        let got = response.batch_items[2].response_payload.as_ref().expect("payload");
        ids.push(got.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id").to_owned());
    }
    for id in &ids {
        exchange(&mut stream, &request(vec![by_id(Operation::GET, id)])).await;
    }
    for n in 0..5 {
        let response = exchange(&mut stream, &request(vec![by_id(Operation::GET, &format!("missing-{n}"))])).await;
        assert_eq!(response.batch_items[0].result_status, ResultStatus::OPERATION_FAILED);
    }
    // While the server runs, verify goes through its admin socket.
    let live = verify(dir.path());
    assert!(live.status.success(), "{}", text(&live));
    assert!(text(&live).contains("45 entries checked"), "{}", text(&live));
    server.shutdown().await.expect("shutdown");
    ids
}

/// A copy of the data dir (the store and the head file), tampered with by
/// `change` on the store's `log` tree.
fn tampered(source: &TempDir, name: &str, change: impl FnOnce(&sled::Tree)) -> TempDir {
    let copy = TempDir::new(name);
    copy_dir(source.path(), copy.path());
    let db = sled::open(copy.join("store")).expect("open the copy's store");
    let log = db.open_tree("log").expect("log tree");
    unpack(&log);
    change(&log);
    db.flush().expect("flush");
    drop(log);
    drop(db);
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != "admin.sock" {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Rewrites the log's packs (a value starting with `FE`: per entry, body
/// length u32, body, seal length u16, seal) as one value per entry, the
/// first layout, which the store still reads: the tampering below then
/// works on single entries.
fn unpack(log: &sled::Tree) {
    let packs: Vec<(sled::IVec, sled::IVec)> =
        log.range(0u64.to_be_bytes()..).map(|item| item.expect("a log value")).collect();
    for (key, value) in packs {
        let Some((&0xFE, mut rest)) = value.split_first() else { continue };
        let mut seq = u64::from_be_bytes(key.as_ref().try_into().expect("an 8-byte key"));
        log.remove(&key).expect("remove the pack");
        while !rest.is_empty() {
            let len = u32::from_be_bytes(rest[..4].try_into().expect("body length")) as usize;
            let body = &rest[4..4 + len];
            let seal_len = u16::from_be_bytes(rest[4 + len..6 + len].try_into().expect("seal length")) as usize;
            let seal = &rest[6 + len..6 + len + seal_len];
            log.insert(seq.to_be_bytes(), join_entry(body, seal)).expect("insert");
            rest = &rest[6 + len + seal_len..];
            seq += 1;
        }
    }
}

/// The stored form of an entry: body length (u32 BE), body, seal.
fn split_entry(value: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let len = u32::from_be_bytes(value[..4].try_into().expect("length")) as usize;
    (value[4..4 + len].to_vec(), value[4 + len..].to_vec())
}

fn join_entry(body: &[u8], seal: &[u8]) -> Vec<u8> {
    let mut out = (body.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(body);
    out.extend_from_slice(seal);
    out
}

fn entry(log: &sled::Tree, seq: u64) -> (Vec<u8>, Vec<u8>) {
    split_entry(&log.get(seq.to_be_bytes()).expect("get").expect("entry"))
}

fn set_head(log: &sled::Tree, next: u64, seal: &[u8]) {
    let mut head = 0u64.to_be_bytes().to_vec();
    head.extend_from_slice(&next.to_be_bytes());
    head.extend_from_slice(seal);
    log.insert(b"", head).expect("head");
}

fn assert_broken_at(output: &Output, seq: u64, what: &str) {
    assert_eq!(output.status.code(), Some(1), "{what}: {}", text(output));
    let said = text(output);
    assert!(said.contains(&format!("broken at entry {seq}:")), "{what}: {said}");
}

#[tokio::test(flavor = "multi_thread")]
async fn verify_finds_every_tampering_of_the_chain() {
    let dir = TempDir::new("audit-chain");
    let ids = audited_data_dir(&dir).await;

    let intact = verify(dir.path());
    assert!(intact.status.success(), "{}", text(&intact));
    assert!(text(&intact).contains("audit chain intact: 46 entries checked"), "{}", text(&intact));
    let head: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("audit-head.json")).expect("head file")).expect("JSON");
    assert_eq!(head["next"], 46);
    assert!(text(&intact).contains(head["seal"].as_str().expect("seal")), "verify prints the head");

    // An entry edited: the identity or the result changed.
    let copy = tampered(&dir, "audit-edit", |log| {
        let (body, seal) = entry(log, 12);
        let body = String::from_utf8(body).expect("UTF-8").replace("Success", "ItemNotFound");
        log.insert(12u64.to_be_bytes(), join_entry(body.as_bytes(), &seal)).expect("insert");
    });
    assert_broken_at(&verify(copy.path()), 12, "edited");

    // An entry deleted.
    let copy = tampered(&dir, "audit-delete", |log| {
        log.remove(20u64.to_be_bytes()).expect("remove");
    });
    assert_broken_at(&verify(copy.path()), 20, "deleted");

    // Two entries swapped.
    let copy = tampered(&dir, "audit-swap", |log| {
        let a = log.get(5u64.to_be_bytes()).expect("get").expect("entry");
        let b = log.get(30u64.to_be_bytes()).expect("get").expect("entry");
        log.insert(5u64.to_be_bytes(), b).expect("insert");
        log.insert(30u64.to_be_bytes(), a).expect("insert");
    });
    assert_broken_at(&verify(copy.path()), 5, "swapped");

    // An entry rewritten, and every later seal and the head recomputed by
    // someone without the root key (any other key).
    let copy = tampered(&dir, "audit-forged", |log| {
        let forger = ChainSealer::new(AuditKey::new([0x5a; 32]), Arc::new(SoftwareEngine::new()));
        let (_, mut previous) = entry(log, 24);
        for seq in 25..46u64 {
            let (body, _) = entry(log, seq);
            let body = if seq == 25 {
                String::from_utf8(body).expect("UTF-8").replace(&ids[0], "someone-else").into_bytes()
            } else {
                body
            };
            let seal = forger.seal(seq, &previous, &body).expect("seal");
            log.insert(seq.to_be_bytes(), join_entry(&body, &seal)).expect("insert");
            previous = seal;
        }
        set_head(log, 46, &previous);
    });
    assert_broken_at(&verify(copy.path()), 25, "rewritten with recomputed seals");

    // The last 10 entries cut off, the store's head moved back to match:
    // only the head file beside the store tells.
    let copy = tampered(&dir, "audit-truncate", |log| {
        for seq in 36..46u64 {
            log.remove(seq.to_be_bytes()).expect("remove");
        }
        let (_, seal) = entry(log, 35);
        set_head(log, 36, &seal);
    });
    let output = verify(copy.path());
    assert_broken_at(&output, 36, "truncated");
    assert!(text(&output).contains("missing tail"), "{}", text(&output));

    // The untouched original still verifies.
    assert!(verify(dir.path()).status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn export_filters_and_prune_keeps_a_verifiable_chain() {
    let dir = TempDir::new("audit-export");
    let ids = audited_data_dir(&dir).await;
    let data_dir = dir.path().to_str().expect("path");

    let out = kms(&["audit", "export", "--data-dir", data_dir, "--object", &ids[3]]);
    assert!(out.status.success(), "{}", text(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let operations: Vec<&str> = lines.iter().map(|l| l["operation"].as_str().expect("operation")).collect();
    assert_eq!(operations, ["Create", "Activate", "Get", "Get"], "{lines:?}");
    for line in &lines {
        assert_eq!(line["identity"], "admin");
        assert_eq!(line["channel"], "kmip");
        assert_eq!(line["result"], "Success");
        assert!(line["source"].as_str().expect("source").starts_with("127.0.0.1:"));
    }
    let all = kms(&["audit", "export", "--data-dir", data_dir]);
    let all = String::from_utf8_lossy(&all.stdout).into_owned();
    assert_eq!(all.lines().count(), 46);
    // The administrative command is in the chain too, with who ran it.
    let admin: serde_json::Value = serde_json::from_str(all.lines().last().expect("a line")).expect("JSON");
    assert_eq!((admin["channel"].as_str(), admin["operation"].as_str()), (Some("admin"), Some("audit-verify")));
    assert_eq!(admin["identity"], format!("uid:{}", process_uid()));

    // Everything before a time after the last entry: all of it goes
    // behind the checkpoint, and the chain (with the head file) verifies.
    let later =
        (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs() + 60).to_string();
    let pruned = kms(&["audit", "prune", "--data-dir", data_dir, "--before", &later]);
    assert!(pruned.status.success(), "{}", text(&pruned));
    assert!(text(&pruned).contains("pruned 46 entries"), "{}", text(&pruned));
    let verified = verify(dir.path());
    assert!(verified.status.success(), "{}", text(&verified));
    // The checkpoint, and the prune itself (run offline, it is recorded
    // as the admin socket would record it).
    assert!(text(&verified).contains("2 entries checked (positions 45 to 46)"), "{}", text(&verified));
    let left = kms(&["audit", "export", "--data-dir", data_dir]);
    let left = String::from_utf8_lossy(&left.stdout).into_owned();
    assert_eq!(left.lines().count(), 1, "{left}");
    let prune: serde_json::Value = serde_json::from_str(left.trim()).expect("JSON");
    assert_eq!((prune["operation"].as_str(), prune["source"].as_str()), (Some("audit-prune"), Some("offline")));

    // The server appends after the checkpoint; the chain still verifies.
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    exchange(&mut stream, &request(vec![by_id(Operation::GET, &ids[0])])).await;
    server.shutdown().await.expect("shutdown");
    let verified = verify(dir.path());
    assert!(verified.status.success(), "{}", text(&verified));
    assert!(text(&verified).contains("3 entries checked"), "{}", text(&verified));
}

/// This process's user id, as the admin socket's peer credentials give it
/// (read from /proc, without libc).
fn process_uid() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status.lines().find(|l| l.starts_with("Uid:")).expect("a Uid line");
    line.split_whitespace().nth(1).expect("the real uid").parse().expect("a number")
}
