//! `kms bench` against a real server over mutual TLS: every operation of
//! the load generator prepares its keys and runs without a failure, in
//! both attribute generations, with pipelining and batches; and a refused
//! workload is an error, not a report.

use std::time::Duration;

use kmip_ttlv::ProtocolVersion;
use kms::bench::{self, Mix, Settings, Stop, Target};

use crate::support::{TempDir, start};

fn settings(server: &kms::server::RunningServer, mix: &str, version: ProtocolVersion) -> Settings {
    let certs = server.data_dir().join("certs");
    Settings {
        target: Target {
            addr: server.kmip_addr().to_string(),
            server_name: "localhost".into(),
            ca: certs.join("ca.pem"),
            cert: certs.join("admin.pem"),
            key: certs.join("admin.key"),
        },
        version,
        connections: 2,
        pipeline: 1,
        batch: 1,
        stop: Stop::Requests(40),
        warmup: Duration::ZERO,
        mix: mix.parse::<Mix>().expect("a mix"),
        size: 256,
        alg: None,
        existing: None,
        server_pid: Some(std::process::id()),
        progress: false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_runs_without_failures_in_both_generations() {
    let dir = TempDir::new("bench-ops");
    let server = start(&dir, |_| {}).await;
    let mix = "get=1,locate=1,create=1,encrypt=1,decrypt=1,sign=1,verify=1,rsa-decrypt=1,mac=1,rng=1";
    for version in [ProtocolVersion::V2_1, ProtocolVersion::V1_4] {
        // One connection: its messages follow the schedule exactly.
        let mut one = settings(&server, mix, version);
        one.connections = 1;
        let report = bench::run(&one).await.expect("the run");
        assert_eq!(report.messages, 40, "{report}");
        assert_eq!(report.operations, 40, "{report}");
        assert_eq!(report.error_count(), 0, "{report}");
        assert_eq!(report.by_operation.len(), 10, "every operation of the mix ran: {report}");
        assert!(report.by_operation.values().all(|count| *count == 4), "the mix's proportions: {report}");
        assert!(report.latency_us.p50 > 0.0 && report.latency_us.p50 <= report.latency_us.p99, "{report}");
        assert!(report.server_rss_kib_after.is_some_and(|kib| kib > 0), "{report}");
    }
    server.shutdown().await.expect("shuts down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_and_locate_pick_among_existing_objects() {
    let dir = TempDir::new("bench-existing");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["bulk-seed", "--data-dir", dir.path().to_str().expect("path"), "--count", "30", "--quiet"])
        .args(["--name-prefix", "seeded-"])
        .output()
        .expect("kms runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let server = start(&dir, |_| {}).await;
    let mut run = settings(&server, "get=1,locate=1", ProtocolVersion::V2_1);
    run.connections = 1;
    run.stop = Stop::Requests(120);
    run.existing = Some(bench::Existing { prefix: "seeded-".into(), count: 30 });
    let report = bench::run(&run).await.expect("the run");
    assert_eq!(report.error_count(), 0, "{report}");
    assert_eq!(report.by_operation.get("get"), Some(&60), "{report}");
    assert_eq!(report.by_operation.get("locate"), Some(&60), "{report}");
    // The bench made no key of its own: the store holds the seeded ones.
    assert_eq!(server.kms().store().count().await.expect("count"), 30 + hierarchy_records(&server).await);

    // Names the store does not have stop the preparation.
    run.existing = Some(bench::Existing { prefix: "seeded-".into(), count: 31 });
    let refused = bench::run(&run).await.expect_err("seeded-30 does not exist");
    assert!(refused.contains("seeded-30"), "{refused}");
    server.shutdown().await.expect("shuts down");
}

/// The store records that are the key hierarchy's, not objects.
async fn hierarchy_records(server: &kms::server::RunningServer) -> u64 {
    let ids = server.kms().store().all_ids().await.expect("ids");
    ids.iter().filter(|id| kms::keys::is_hierarchy_record(id)).count() as u64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelines_and_batches_count_every_item_and_failures_by_reason() {
    let dir = TempDir::new("bench-pipeline");
    let server = start(&dir, |_| {}).await;
    let mut pipelined = settings(&server, "encrypt=3,get=1", ProtocolVersion::V2_1);
    pipelined.pipeline = 8;
    pipelined.batch = 5;
    pipelined.stop = Stop::Requests(64);
    let report = bench::run(&pipelined).await.expect("the run");
    assert_eq!((report.messages, report.operations), (64, 320), "{report}");
    assert_eq!(report.error_count(), 0, "{report}");
    assert_eq!(report.by_operation.get("encrypt"), Some(&240), "{report}");

    // A duration run measures for about that long.
    let mut timed = settings(&server, "get", ProtocolVersion::V2_1);
    timed.stop = Stop::Duration(Duration::from_millis(300));
    let report = bench::run(&timed).await.expect("the run");
    assert!(report.seconds >= 0.3 && report.operations > 0, "{report}");

    // GCM does not exist in KMIP 1.2: the preparation's trial request
    // fails, and the run is an error naming the reason.
    let refused = bench::run(&settings(&server, "encrypt", ProtocolVersion::V1_2)).await.expect_err("refused");
    assert!(refused.contains("encrypt") && refused.contains("FeatureNotSupported"), "{refused}");
    server.shutdown().await.expect("shuts down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_baseline_echoes_the_same_messages_over_the_servers_tls() {
    let dir = TempDir::new("bench-baseline");
    let server = start(&dir, |_| {}).await;
    let config = kms::config::Config::new(server.data_dir());
    let tls = kms::server::tls::ServerTls::load(config.tls_settings()).expect("the server's TLS files");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let echo = listener.local_addr().expect("an address").to_string();
    let echo_task = tokio::spawn(bench::echo::serve(listener, std::sync::Arc::new(tls)));

    let mut run = settings(&server, "encrypt", ProtocolVersion::V2_1);
    run.pipeline = 4;
    run.stop = Stop::Requests(30);
    let (kmip, floor) = bench::run_with_baseline(&run, &echo).await.expect("both runs");
    assert_eq!((kmip.messages, floor.messages), (30, 30), "{kmip}\n{floor}");
    assert_eq!(kmip.error_count() + floor.error_count(), 0, "{kmip}\n{floor}");
    assert!(floor.server_rss_kib_after.is_none(), "the floor has no server process to read");

    // The echo's TLS is the KMIP port's: a client without a certificate
    // is refused.
    let anonymous = crate::support::client(server.data_dir(), None, crate::support::Versions::Tls12);
    let refused = crate::support::connect(echo.parse().expect("an address"), &anonymous).await;
    assert!(refused.is_err(), "TLS 1.2 without a client certificate must fail the handshake");
    echo_task.abort();
    server.shutdown().await.expect("shuts down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hold_opens_uses_and_keeps_every_connection() {
    let dir = TempDir::new("bench-hold");
    let server = start(&dir, |_| {}).await;
    let mut hold = settings(&server, "rng", ProtocolVersion::V2_1);
    hold.stop = Stop::Duration(Duration::from_secs(3));
    let report = bench::hold::hold(&hold, 200).await.expect("the hold");
    assert_eq!(report.connections, 200);
    assert_eq!(report.alive_after, 200, "every connection answered after the hold: {report}");
    assert!(report.held_seconds >= 3.0, "{report}");
    assert!(report.server_rss_held_kib.is_some() && report.per_connection_bytes().is_some(), "{report}");
    assert!(bench::hold::hold(&hold, 0).await.is_err(), "zero connections is refused");
    server.shutdown().await.expect("shuts down");
    // A server that is gone cannot be held: an error, not a report.
    hold.stop = Stop::Duration(Duration::from_millis(10));
    assert!(bench::hold::hold(&hold, 3).await.is_err(), "a stopped server cannot be held");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_stops_answering_ends_the_run_with_an_error_not_a_hang() {
    let dir = TempDir::new("bench-silent");
    let server = start(&dir, |_| {}).await;
    // A TLS server with the same PKI that reads requests and never answers.
    let config = kms::config::Config::new(server.data_dir());
    let tls = kms::server::tls::ServerTls::load(config.tls_settings()).expect("the server's TLS");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let silent = listener.local_addr().expect("address").to_string();
    let acceptor = tls.acceptor();
    let silent_server = tokio::spawn(async move {
        let mut held = tokio::task::JoinSet::new();
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            held.spawn(async move {
                if let Ok(mut stream) = acceptor.accept(socket).await {
                    let mut sink = vec![0u8; 4096];
                    while tokio::io::AsyncReadExt::read(&mut stream, &mut sink).await.is_ok_and(|n| n > 0) {}
                }
            });
        }
    });
    let mut run = settings(&server, "rng", ProtocolVersion::V2_1);
    run.stop = Stop::Duration(Duration::from_millis(300));
    // The KMIP run answers; the "floor" never does.
    let started = std::time::Instant::now();
    let result = bench::run_with_baseline(&run, &silent).await;
    let error = result.expect_err("an unanswered run is an error");
    assert!(error.contains("unanswered"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(60), "it ended: {:?}", started.elapsed());
    silent_server.abort();
    server.shutdown().await.expect("shuts down");
}
