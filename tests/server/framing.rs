//! Messages on a connection: order, the size limit, framing errors,
//! timeouts, the connection cap. A limit hit closes that connection only.

use std::time::Duration;

use kmip_ttlv::ProtocolVersion;
use kmip_ttlv::enums::{ResultReason, ResultStatus};
use kmip_ttlv::model::ResponseMessage;
use tokio::io::AsyncWriteExt;

use crate::support::{
    Identity, TempDir, Versions, admin_connection, client, closed_within, connect, discover_versions, exchange,
    read_response, start,
};

fn assert_invalid_message(response: &ResponseMessage, containing: &str) {
    let item = response.batch_items.first().expect("a batch item");
    assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED);
    assert_eq!(item.result_reason, Some(ResultReason::INVALID_MESSAGE));
    let message = item.result_message.as_deref().unwrap_or_default();
    assert!(message.contains(containing), "{message:?} should contain {containing:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_gets_a_response_and_pipelined_requests_are_answered_in_order() {
    let dir = TempDir::new("order");
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    let response = exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    assert_eq!(response.header.protocol_version, ProtocolVersion::V2_1);

    // Three messages in one write: three responses, in order (each
    // response is in its request's version).
    let versions = [ProtocolVersion::V1_4, ProtocolVersion::V2_0, ProtocolVersion::V1_2];
    let batch: Vec<u8> = versions.iter().flat_map(|v| discover_versions(*v)).collect();
    stream.write_all(&batch).await.expect("write");
    for version in versions {
        let response = read_response(&mut stream).await.expect("read").expect("a response");
        assert_eq!(response.header.protocol_version, version);
    }
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_are_served_concurrently() {
    let dir = TempDir::new("concurrent");
    let server = start(&dir, |_| {}).await;
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let connector = client(server.data_dir(), Some(Identity::admin(server.data_dir())), Versions::Both);
            let addr = server.kmip_addr();
            tokio::spawn(async move {
                let mut stream = connect(addr, &connector).await.expect("connects");
                for _ in 0..5 {
                    exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("client");
    }
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_message_gets_invalid_message_naming_the_limit_then_the_connection_closes() {
    let dir = TempDir::new("oversized");
    let server = start(&dir, |_| {}).await;
    let limit = 4 * 1024 * 1024;
    let mut bystander = admin_connection(&server).await;
    exchange(&mut bystander, &discover_versions(ProtocolVersion::V2_1)).await;

    let mut stream = admin_connection(&server).await;
    // A real 2.1 request whose outer length announces 8 MiB: the header and
    // the Request Header's start are sent; the body never is.
    let mut start_of_message = discover_versions(ProtocolVersion::V2_1);
    let announced: u32 = 8 * 1024 * 1024;
    start_of_message[4..8].copy_from_slice(&announced.to_be_bytes());
    stream.write_all(&start_of_message).await.expect("write");
    let response = read_response(&mut stream).await.expect("read").expect("a response");
    assert_eq!(response.header.protocol_version, ProtocolVersion::V2_1, "answered in the request's version");
    let total = u64::from(announced) + 8;
    assert_invalid_message(
        &response,
        &format!("message of {total} bytes exceeds the maximum message size of {limit} bytes"),
    );
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await, "then the connection closes");

    // Only the header, with no version to learn: still refused by size.
    let mut stream = admin_connection(&server).await;
    stream.write_all(&[0x42, 0x00, 0x78, 0x01, 0x7F, 0xFF, 0xFF, 0xF8]).await.expect("write");
    let response = read_response(&mut stream).await.expect("read").expect("a response");
    assert_invalid_message(&response, &format!("exceeds the maximum message size of {limit} bytes"));
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);

    // The other connection carries on.
    exchange(&mut bystander, &discover_versions(ProtocolVersion::V1_4)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_configured_message_size_limit_applies() {
    let dir = TempDir::new("small-limit");
    let server = start(&dir, |c| c.limits.max_message_size = 64).await;
    let mut stream = admin_connection(&server).await;
    let request = discover_versions(ProtocolVersion::V1_4);
    assert!(request.len() > 64);
    let response = exchange(&mut stream, &request).await;
    assert_eq!(response.header.protocol_version, ProtocolVersion::V1_4);
    assert_invalid_message(&response, "exceeds the maximum message size of 64 bytes");
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_header_gets_invalid_message_then_the_connection_closes() {
    let dir = TempDir::new("framing");
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    // An Integer, not a Structure, at the top.
    stream.write_all(&[0x42, 0x00, 0x78, 0x02, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0]).await.expect("write");
    let response = read_response(&mut stream).await.expect("read").expect("a response");
    assert_invalid_message(&response, "malformed message header");
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_body_gets_invalid_message_and_the_connection_stays() {
    let dir = TempDir::new("bad-body");
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    // A well-framed message whose child is a Boolean of value 2.
    let bad = [0x42, 0x00, 0x78, 0x01, 0, 0, 0, 0x10, 0x42, 0x00, 0x0D, 0x06, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 2];
    let response = exchange(&mut stream, &bad).await;
    assert_invalid_message(&response, "");
    exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_idle_timeout_closes_only_the_idle_connection() {
    let dir = TempDir::new("idle");
    let server = start(&dir, |c| c.limits.idle_timeout = Duration::from_secs(1)).await;
    let mut idle = admin_connection(&server).await;
    let mut busy = admin_connection(&server).await;
    let busy_task = tokio::spawn(async move {
        for _ in 0..25 {
            exchange(&mut busy, &discover_versions(ProtocolVersion::V2_1)).await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        busy
    });
    let started = tokio::time::Instant::now();
    assert!(closed_within(&mut idle, Duration::from_secs(10)).await, "idle connection closed");
    assert!(started.elapsed() >= Duration::from_millis(500), "not long before the idle timeout");
    let mut busy = busy_task.await.expect("busy client kept being served");
    exchange(&mut busy, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_partial_message_timeout_closes_only_that_connection() {
    let dir = TempDir::new("partial");
    let server = start(&dir, |c| c.limits.partial_message_timeout = Duration::from_millis(300)).await;
    let mut slow = admin_connection(&server).await;
    let mut other = admin_connection(&server).await;
    let request = discover_versions(ProtocolVersion::V2_1);
    slow.write_all(&request[..20]).await.expect("write");
    slow.flush().await.expect("flush");
    let started = tokio::time::Instant::now();
    assert!(closed_within(&mut slow, Duration::from_secs(5)).await, "partial message closed");
    assert!(started.elapsed() < Duration::from_secs(3), "closed by the partial timeout, not the idle one");
    exchange(&mut other, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_handshake_timeout_closes_a_silent_connection() {
    let dir = TempDir::new("handshake");
    let server = start(&dir, |c| c.limits.handshake_timeout = Duration::from_millis(300)).await;
    let mut silent = tokio::net::TcpStream::connect(server.kmip_addr()).await.expect("connect");
    assert!(closed_within(&mut silent, Duration::from_secs(5)).await, "closed without a handshake");
    let mut stream = admin_connection(&server).await;
    exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_connection_cap_closes_the_extra_connection_only() {
    let dir = TempDir::new("cap");
    let server = start(&dir, |c| c.limits.max_connections = 1).await;
    let mut first = admin_connection(&server).await;
    exchange(&mut first, &discover_versions(ProtocolVersion::V2_1)).await;

    let connector = client(server.data_dir(), Some(Identity::admin(server.data_dir())), Versions::Both);
    match connect(server.kmip_addr(), &connector).await {
        Err(_) => {}
        Ok(mut extra) => assert!(closed_within(&mut extra, Duration::from_secs(5)).await, "extra connection closed"),
    }
    assert_eq!(server.stats().refused_over_limit(), 1);
    exchange(&mut first, &discover_versions(ProtocolVersion::V2_1)).await;

    // Once the first leaves, its place is free again.
    drop(first);
    let stats = server.stats().clone();
    assert!(crate::support::eventually(Duration::from_secs(5), || stats.open_connections() == 0).await);
    let mut next = admin_connection(&server).await;
    exchange(&mut next, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}
