//! Overload and hostile input (issue 7): each against a running server,
//! which must stay up, keep answering a well-behaved client (within five
//! times its normal latency while a thousand connections stall) and keep
//! its memory in check.
//!
//! Already elsewhere: an oversized header and a configured size limit, a
//! bad header, a malformed body and the idle, partial-message and
//! handshake timeouts (`framing.rs`); no client certificate, a foreign CA
//! and TLS 1.1 (`tls.rs`).

use std::time::{Duration, Instant};

use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, wire};
use tokio::io::AsyncWriteExt;

use crate::support::{
    Identity, TempDir, Versions, admin_connection, client, closed_within, connect, discover_versions, exchange,
    read_response, start,
};

/// The median round trip of `n` Discover Versions on `stream`.
async fn median_latency<S>(stream: &mut S, n: usize) -> Duration
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let request = discover_versions(ProtocolVersion::V2_1);
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let response = exchange(stream, &request).await;
        times.push(started.elapsed());
        assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS);
    }
    times.sort();
    times[n / 2]
}

fn rss_kib() -> u64 {
    kms::bench::rss_kib(std::process::id()).expect("/proc/self/status")
}

fn invalid_message(response: &ResponseMessage, containing: &str) {
    let item = &response.batch_items[0];
    assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED, "{response:?}");
    assert_eq!(item.result_reason, Some(ResultReason::INVALID_MESSAGE), "{response:?}");
    let message = item.result_message.as_deref().unwrap_or("");
    assert!(message.contains(containing), "{message:?} should name {containing:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_stalled_half_headers_do_not_stop_a_well_behaved_client() {
    let _ = rlimit::increase_nofile_limit(16_384);
    let dir = TempDir::new("stalled");
    let server = start(&dir, |c| c.limits.partial_message_timeout = Duration::from_secs(4)).await;
    let mut bystander = admin_connection(&server).await;
    let normal = median_latency(&mut bystander, 101).await;
    let rss_before = rss_kib();

    let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
    let mut stalled = Vec::with_capacity(1000);
    for _ in 0..20 {
        let batch: Vec<_> = (0..50)
            .map(|_| {
                let connector = connector.clone();
                let addr = server.kmip_addr();
                tokio::spawn(async move {
                    let mut stream = connect(addr, &connector).await.expect("connects");
                    // Half a message header, then nothing.
                    stream.write_all(&[0x42, 0x00, 0x78, 0x01]).await.expect("writes");
                    stream.flush().await.expect("flushes");
                    stream
                })
            })
            .collect();
        for task in batch {
            stalled.push(task.await.expect("a stalled client"));
        }
    }
    // The server counts a connection once its handshake is done on its side.
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.stats().open_connections() < 1001 {
        assert!(Instant::now() < deadline, "only {} of 1,001 connections open", server.stats().open_connections());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let during = median_latency(&mut bystander, 101).await;
    let rss_during = rss_kib();
    // Five times the normal median; below a millisecond the VM's
    // scheduling noise dominates, so that is the least allowed.
    let allowed = (normal * 5).max(Duration::from_millis(1));
    assert!(during <= allowed, "the bystander's median went from {normal:?} to {during:?} (allowed {allowed:?})");
    // Both ends live in this process: the growth bounds the server's.
    let growth_mib = rss_during.saturating_sub(rss_before) / 1024;
    assert!(growth_mib < 200, "RSS grew by {growth_mib} MiB for 1,000 stalled connections");
    eprintln!(
        "stalled: bystander median {normal:?} -> {during:?}; RSS +{growth_mib} MiB (clients and server) for 1,000 connections"
    );

    // The partial-message timeout closes every one of them.
    for stream in &mut stalled {
        assert!(closed_within(stream, Duration::from_secs(20)).await, "a stalled connection stays open");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.stats().open_connections() > 1 {
        assert!(Instant::now() < deadline, "{} connections still open", server.stats().open_connections());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(median_latency(&mut bystander, 11).await > Duration::ZERO);
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_4_gib_header_and_the_limit_plus_one_are_refused_and_the_limit_itself_is_read() {
    let dir = TempDir::new("sizes");
    let limit = 256 * 1024;
    let server = start(&dir, |c| c.limits.max_message_size = limit).await;
    let mut bystander = admin_connection(&server).await;

    // 4 GiB, and the smallest well-formed length over the limit: too large.
    // The limit plus one byte cannot be a whole message (structure lengths
    // are multiples of 8): malformed. Each closes its connection.
    let well_formed_over = u32::try_from(limit - 8 + 8).expect("fits");
    let plus_one = u32::try_from(limit - 8 + 1).expect("fits");
    for (announced, says) in [
        (0xFFFF_FFF8_u32, format!("exceeds the maximum message size of {limit} bytes")),
        (well_formed_over, format!("exceeds the maximum message size of {limit} bytes")),
        (plus_one, "not a multiple of 8".to_owned()),
    ] {
        let mut stream = admin_connection(&server).await;
        stream.write_all(&[0x42, 0x00, 0x78, 0x01]).await.expect("writes");
        stream.write_all(&announced.to_be_bytes()).await.expect("writes");
        let response = read_response(&mut stream).await.expect("reads").expect("a response");
        invalid_message(&response, &says);
        assert!(closed_within(&mut stream, Duration::from_secs(5)).await, "closed after {announced}");
    }

    // Exactly the limit is read whole: its (zero) body is malformed, not
    // too large.
    let mut stream = admin_connection(&server).await;
    let mut message = vec![0x42, 0x00, 0x78, 0x01];
    message.extend_from_slice(&u32::try_from(limit - 8).expect("fits").to_be_bytes());
    message.resize(limit, 0);
    stream.write_all(&message).await.expect("writes");
    let response = read_response(&mut stream).await.expect("reads").expect("a response");
    let text = response.batch_items[0].result_message.clone().unwrap_or_default();
    assert_eq!(response.batch_items[0].result_reason, Some(ResultReason::INVALID_MESSAGE), "{text}");
    assert!(!text.contains("exceeds"), "a message of exactly the limit is not too large: {text}");

    exchange(&mut bystander, &discover_versions(ProtocolVersion::V1_4)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn random_bytes_and_trailing_garbage_close_only_their_connection() {
    let dir = TempDir::new("garbage");
    let server = start(&dir, |_| {}).await;
    let mut bystander = admin_connection(&server).await;

    // Random bytes right after the handshake.
    let mut random = vec![0u8; 4096];
    kms::crypto::CryptoEngine::random(&kms::crypto::SoftwareEngine::new(), &mut random).expect("random");
    random[0] = 0x17; // not 0x42: never a valid message header
    let mut stream = admin_connection(&server).await;
    stream.write_all(&random).await.expect("writes");
    if let Ok(Some(response)) = read_response(&mut stream).await {
        invalid_message(&response, "");
    }
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await, "random bytes close the connection");

    // A valid message with garbage after it: the message is answered,
    // then the garbage gets Invalid Message and the connection closes.
    let mut stream = admin_connection(&server).await;
    let mut bytes = discover_versions(ProtocolVersion::V2_1);
    bytes.extend_from_slice(b"GARBAGE!GARBAGE!");
    stream.write_all(&bytes).await.expect("writes");
    let first = read_response(&mut stream).await.expect("reads").expect("the valid message's response");
    assert_eq!(first.batch_items[0].result_status, ResultStatus::SUCCESS);
    let second = read_response(&mut stream).await.expect("reads").expect("the garbage's response");
    invalid_message(&second, "malformed message header");
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);

    exchange(&mut bystander, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

/// A request message whose one batch item's payload nests `depth`
/// structures, built from the inside out.
fn nested(depth: usize) -> Vec<u8> {
    let mut inner: Vec<u8> = Vec::new();
    for _ in 0..depth {
        let mut outer = vec![0x42, 0x00, 0x79, 0x01];
        outer.extend_from_slice(&u32::try_from(inner.len()).expect("fits").to_be_bytes());
        outer.extend_from_slice(&inner);
        inner = outer;
    }
    let item = RequestBatchItem::new(Operation::QUERY, Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![]));
    let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 1), vec![item]);
    let mut bytes = wire::to_vec(&message.to_ttlv()).expect("encodes");
    // Replace the empty payload (the last 8 bytes) with the nest.
    bytes.truncate(bytes.len() - 8);
    bytes.extend_from_slice(&inner);
    let fix = |bytes: &mut Vec<u8>, at: usize, add: usize| {
        let old = u32::from_be_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
        let new = old + u32::try_from(add).expect("fits");
        bytes[at + 4..at + 8].copy_from_slice(&new.to_be_bytes());
    };
    let added = inner.len() - 8;
    // The message and its batch item (the last structure before the nest).
    fix(&mut bytes, 0, added);
    let batch_item = find_last(&bytes[..bytes.len() - inner.len()], [0x42, 0x00, 0x0F, 0x01]).expect("a batch item");
    fix(&mut bytes, batch_item, added);
    bytes
}

fn find_last(haystack: &[u8], needle: [u8; 4]) -> Option<usize> {
    haystack.windows(4).rposition(|w| w == needle)
}

#[tokio::test(flavor = "multi_thread")]
async fn deep_nesting_and_a_hundred_thousand_batch_items_get_answers_not_crashes() {
    let dir = TempDir::new("nesting");
    let server = start(&dir, |_| {}).await;
    let mut bystander = admin_connection(&server).await;

    // 100,000 levels (800 KB): refused by the decoder's depth limit.
    let mut stream = admin_connection(&server).await;
    stream.write_all(&nested(100_000)).await.expect("writes");
    let response = read_response(&mut stream).await.expect("reads").expect("a response");
    assert_eq!(response.batch_items[0].result_reason, Some(ResultReason::INVALID_MESSAGE), "{response:?}");

    // 100,000 batch items of Discover Versions (3.2 MB, within the message
    // size): refused as a whole by the batch limit (10,000).
    let batch = |n: usize| {
        let item = RequestBatchItem::new(Operation::DISCOVER_VERSIONS, Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![]));
        let count = i32::try_from(n).expect("fits");
        let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, count), vec![item; n]);
        wire::to_vec(&message.to_ttlv()).expect("encodes")
    };
    let mut stream = admin_connection(&server).await;
    let rss_before = rss_kib();
    let response = exchange(&mut stream, &batch(100_000)).await;
    assert_eq!(response.batch_items.len(), 1, "one refusal for the whole request");
    invalid_message(&response, "exceed the maximum of 10000");
    let growth_mib = rss_kib().saturating_sub(rss_before) / 1024;
    assert!(growth_mib < 200, "RSS grew by {growth_mib} MiB");

    // 10,000 items are answered, within the response size limit.
    let response = exchange(&mut stream, &batch(10_000)).await;
    assert_eq!(response.batch_items.len(), 10_000);
    assert!(response.batch_items.iter().all(|item| item.result_status == ResultStatus::SUCCESS));
    exchange(&mut bystander, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

/// Runs `kms bulk-seed` on the stopped data dir `dir` (the test-only bulk
/// path: Creates run offline, thousands per commit): `n` AES-128 keys
/// named `{prefix}0` to `{prefix}{n-1}`, owned by the development `admin`
/// identity.
fn bulk_seed(dir: &TempDir, n: u64, prefix: &str) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["bulk-seed", "--data-dir", dir.path().to_str().expect("path"), "--quiet", "--alg", "aes-128"])
        .args(["--count", &n.to_string(), "--name-prefix", prefix])
        .output()
        .expect("kms runs");
    assert!(output.status.success(), "bulk-seed: {}", String::from_utf8_lossy(&output.stderr));
}

/// A Locate of every symmetric key, with no Maximum Items.
fn locate_all() -> Vec<u8> {
    one(Operation::LOCATE, r#"<Attributes><ObjectType type="Enumeration" value="SymmetricKey"/></Attributes>"#)
}

/// A Locate by Name.
fn locate_name(name: &str) -> Vec<u8> {
    one(
        Operation::LOCATE,
        &format!(
            r#"<Attributes><Name><NameValue type="TextString" value="{name}"/>
               <NameType type="Enumeration" value="UninterpretedTextString"/></Name></Attributes>"#
        ),
    )
}

/// A request message of one `operation` with the payload `xml`.
fn one(operation: Operation, xml: &str) -> Vec<u8> {
    let item = RequestBatchItem::new(operation, crate::support::payload(xml));
    wire::to_vec(&RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 1), vec![item]).to_ttlv())
        .expect("encodes")
}

/// How many objects the large-store test seeds: `KMS_BULK_OBJECTS`, or
/// 100,000 (issue 7's CI size; the million-object figures come from
/// `bench/scale.sh`).
fn bulk_objects() -> u64 {
    std::env::var("KMS_BULK_OBJECTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locate_matching_every_object_of_a_large_store_is_bounded_by_the_response_limit() {
    let n = bulk_objects();
    let dir = TempDir::new("bulk-locate");
    let started = Instant::now();
    bulk_seed(&dir, n, "bulk-");
    eprintln!("bulk: {n} objects seeded in {:?}", started.elapsed());
    let server = start(&dir, |c| c.limits.max_response_size = 256 << 10).await;
    let mut stream = admin_connection(&server).await;
    let rss_before = rss_kib();

    // No Maximum Items: the ids (36 characters each, and their headers)
    // do not fit in 256 KiB. The server stops looking once they would not
    // (a few thousand objects), instead of reading all of them.
    let started = Instant::now();
    let response = exchange(&mut stream, &locate_all()).await;
    eprintln!("bulk: Locate of all {n} answered in {:?}", started.elapsed());
    let item = &response.batch_items[0];
    assert_eq!(item.result_reason, Some(ResultReason::RESPONSE_TOO_LARGE), "{:?}", item.result_message);
    // The store still answers: one object among them, by its name. (A
    // Locate of all of them with Maximum Items reads every object, for the
    // newest-first order: about 20 s for 100,000 in a debug build.)
    let response = exchange(&mut stream, &locate_name(&format!("bulk-{}", n / 2))).await;
    let payload = response.batch_items[0].response_payload.as_ref().expect("a payload");
    assert_eq!(payload.children_with(Tag::UNIQUE_IDENTIFIER).count(), 1, "{payload:?}");
    let growth_mib = rss_kib().saturating_sub(rss_before) / 1024;
    assert!(growth_mib < 200, "RSS grew by {growth_mib} MiB");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_seeded_objects_are_served_like_created_ones() {
    let dir = TempDir::new("bulk-served");
    bulk_seed(&dir, 20, "seeded-");
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    let succeeded = |response: &ResponseMessage| {
        let item = &response.batch_items[0];
        assert_eq!(item.result_status, ResultStatus::SUCCESS, "{:?}", item.result_message);
        item.response_payload.clone().expect("a payload")
    };
    let id_of = |payload: &Ttlv| {
        let ids: Vec<String> = payload
            .children_with(Tag::UNIQUE_IDENTIFIER)
            .filter_map(|t| t.value.as_text().map(str::to_owned))
            .collect();
        assert_eq!(ids.len(), 1, "{payload:?}");
        ids[0].clone()
    };

    // Found by its name, alone.
    let seeded = id_of(&succeeded(&exchange(&mut stream, &locate_name("seeded-7")).await));
    // A key Create makes over KMIP with the same request, for comparison.
    let created = id_of(&succeeded(
        &exchange(
            &mut stream,
            &one(
                Operation::CREATE,
                r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
                   <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                   <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
                   <Name><NameValue type="TextString" value="created"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
                   </Attributes>"#,
            ),
        )
        .await,
    ));
    // The same attributes, in the same order, with the same values but
    // for the ones that name the object or its key.
    let attributes = |payload: Ttlv| -> Vec<Ttlv> {
        let list = payload.child(Tag::ATTRIBUTES).expect("Attributes").children().expect("a structure").to_vec();
        list.into_iter()
            .filter(|a| {
                ![
                    Tag::UNIQUE_IDENTIFIER,
                    Tag::SHORT_UNIQUE_IDENTIFIER,
                    Tag::NAME,
                    Tag::DIGEST,
                    Tag::INITIAL_DATE,
                    Tag::LAST_CHANGE_DATE,
                    Tag::ORIGINAL_CREATION_DATE,
                ]
                .contains(&a.tag)
            })
            .collect()
    };
    let get_attributes =
        |id: &str| one(Operation::GET_ATTRIBUTES, &format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#));
    let of_seeded = attributes(succeeded(&exchange(&mut stream, &get_attributes(&seeded)).await));
    let of_created = attributes(succeeded(&exchange(&mut stream, &get_attributes(&created)).await));
    assert_eq!(of_seeded, of_created);
    assert!(of_seeded.len() > 10, "{of_seeded:?}");

    // Get gives the key; Destroy destroys it.
    let by_id = |operation: Operation, id: &str| {
        one(operation, &format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#))
    };
    let key = succeeded(&exchange(&mut stream, &by_id(Operation::GET, &seeded)).await);
    let material = key
        .child(Tag::SYMMETRIC_KEY)
        .and_then(|k| k.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .and_then(|m| m.value.as_bytes())
        .expect("key material");
    assert_eq!(material.len(), 16);
    succeeded(&exchange(&mut stream, &by_id(Operation::DESTROY, &seeded)).await);
    let response = exchange(&mut stream, &by_id(Operation::GET, &seeded)).await;
    assert_eq!(response.batch_items[0].result_status, ResultStatus::OPERATION_FAILED);

    // Not while a server holds the data dir.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["bulk-seed", "--data-dir", dir.path().to_str().expect("path"), "--count", "1"])
        .output()
        .expect("kms runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("server") && stderr.contains("running"), "{stderr}");
    server.shutdown().await.expect("shutdown");

    // The audit chain holds, and names the seeded object.
    let data_dir = dir.path().to_str().expect("path");
    let kms =
        |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kms")).args(args).output().expect("kms runs");
    let verified = kms(&["audit", "verify", "--data-dir", data_dir]);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
    let exported = kms(&["audit", "export", "--data-dir", data_dir, "--object", &seeded]);
    let lines = String::from_utf8_lossy(&exported.stdout);
    assert!(lines.contains(r#""operation":"bulk-seed""#), "{lines}");
    assert!(lines.contains(r#""count":20"#), "{lines}");
}
