//! The client side of `kms bench`: mutual TLS, the preparation exchange,
//! and the per-connection load loops.

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use bytes::Bytes;
use kmip_ttlv::{Tag, Ttlv, wire};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::workload::{self, Alg, ECDSA, GCM, OAEP, Op, PKCS1, Requests, first_payload};
use super::{Settings, Shared, Tally, Target};

/// The largest response read (a Locate of many ids, a big RNG).
const MAX_RESPONSE: usize = 64 << 20;

/// A TLS client for `target`: TLS 1.2 and 1.3, the CA, the client certificate.
pub(super) fn connector(target: &Target) -> Result<TlsConnector, String> {
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(&target.ca).map_err(|e| format!("{}: {e}", target.ca.display()))?;
    for cert in certs {
        let cert = cert.map_err(|e| format!("{}: {e}", target.ca.display()))?;
        roots.add(cert).map_err(|e| format!("{}: {e}", target.ca.display()))?;
    }
    let chain = CertificateDer::pem_file_iter(&target.cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("{}: {e}", target.cert.display()))?;
    let key = PrivateKeyDer::from_pem_file(&target.key).map_err(|e| format!("{}: {e}", target.key.display()))?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_client_auth_cert(chain, key)
        .map_err(|e| format!("the client certificate: {e}"))?;
    Ok(TlsConnector::from(Arc::new(config)))
}

/// How long a connection and its handshake may take.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A connection with its handshake done.
pub(super) async fn connect(target: &Target, connector: &TlsConnector) -> Result<TlsStream<TcpStream>, String> {
    let connecting = async {
        let tcp = TcpStream::connect(&target.addr).await.map_err(|e| format!("connecting to {}: {e}", target.addr))?;
        let _ = tcp.set_nodelay(true);
        let name = ServerName::try_from(target.server_name.clone()).map_err(|e| format!("server name: {e}"))?;
        connector.connect(name, tcp).await.map_err(|e| format!("TLS handshake with {}: {e}", target.addr))
    };
    tokio::time::timeout(CONNECT_TIMEOUT, connecting)
        .await
        .map_err(|_| format!("connecting to {}: no TLS session within {} s", target.addr, CONNECT_TIMEOUT.as_secs()))?
}

/// The request message of every operation of the mix, in schedule order.
pub(super) struct Prepared {
    /// The messages, in the order they are sent (repeated cyclically).
    pub(super) schedule: Vec<(Op, Bytes)>,
    /// Batch items per message.
    pub(super) batch: u64,
    /// Check each response's results (false against the echo baseline,
    /// which sends the requests back).
    pub(super) check: bool,
}

/// Reads one whole message (header and body).
pub(super) async fn read_message<S: AsyncRead + Unpin>(stream: &mut S, buf: &mut Vec<u8>) -> Result<(), String> {
    buf.resize(8, 0);
    stream.read_exact(&mut buf[..8]).await.map_err(|e| format!("reading a response: {e}"))?;
    let length = u32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]]) as usize;
    if length > MAX_RESPONSE {
        return Err(format!("a response of {length} bytes"));
    }
    buf.resize(8 + length, 0);
    stream.read_exact(&mut buf[8..]).await.map_err(|e| format!("reading a response: {e}"))?;
    Ok(())
}

/// Sends `item` alone and returns the decoded response.
async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    requests: Requests,
    item: &str,
) -> Result<Ttlv, String> {
    let message = requests.message(item, 1)?;
    stream.write_all(&message).await.map_err(|e| format!("sending a request: {e}"))?;
    let mut buf = Vec::new();
    read_message(stream, &mut buf).await?;
    wire::decode_slice(&buf, &Default::default()).map_err(|e| format!("decoding a response: {e}"))
}

/// Sends `item` and returns its payload, or why it failed.
async fn ok<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    requests: Requests,
    item: &str,
    what: &str,
) -> Result<Ttlv, String> {
    let response = exchange(stream, requests, item).await?;
    first_payload(&response).cloned().map_err(|e| format!("preparing ({what}): {e}"))
}

fn text(payload: &Ttlv, tag: Tag) -> Result<String, String> {
    payload
        .child(tag)
        .and_then(|t| t.value.as_text())
        .map(str::to_owned)
        .ok_or_else(|| format!("no {tag:?} in the response"))
}

fn bytes(payload: &Ttlv, tag: Tag) -> Result<Vec<u8>, String> {
    payload
        .child(tag)
        .and_then(|t| t.value.as_bytes())
        .map(|b| b.to_vec())
        .ok_or_else(|| format!("no {tag:?} in the response"))
}

/// Makes the keys the mix needs and encodes every request once.
pub(super) async fn prepare(settings: &Settings, connector: &TlsConnector) -> Result<Prepared, String> {
    let mut stream = connect(&settings.target, connector).await?;
    let s = &mut stream;
    let requests = Requests { version: settings.version };
    let data = vec![0x5a_u8; settings.size];
    let name = format!("kms-bench-{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
    // Keys made on demand and shared by the operations that use them.
    let mut aes: Option<String> = None;
    let mut rsa: Option<(String, String)> = None;
    let mut ec: Option<(String, String)> = None;
    let mut hmac: Option<String> = None;

    async fn symmetric<S: AsyncRead + AsyncWrite + Unpin>(
        s: &mut S,
        requests: Requests,
        hmac: bool,
        name: Option<&str>,
    ) -> Result<String, String> {
        let payload = ok(s, requests, &requests.create(hmac, name), "Create").await?;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER)?;
        // Keys made without an Activation Date are Pre-Active; Activate
        // fails harmlessly on servers that made them Active.
        let _ = exchange(s, requests, &requests.activate(&id)).await?;
        Ok(id)
    }
    async fn pair<S: AsyncRead + AsyncWrite + Unpin>(
        s: &mut S,
        requests: Requests,
        rsa: bool,
    ) -> Result<(String, String), String> {
        let payload = ok(s, requests, &requests.create_key_pair(rsa), "Create Key Pair").await?;
        let private = text(&payload, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER)?;
        let public = text(&payload, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER)?;
        let _ = exchange(s, requests, &requests.activate(&private)).await?;
        let _ = exchange(s, requests, &requests.activate(&public)).await?;
        Ok((private, public))
    }

    let rsa_alg = settings.alg == Some(Alg::Rsa2048);
    let wants = |wanted: Op| settings.mix.0.iter().any(|(op, _)| *op == wanted);
    let existing = match &settings.existing {
        Some(existing) if wants(Op::Get) || wants(Op::Locate) => {
            Some(existing_objects(s, requests, existing, wants(Op::Get)).await?)
        }
        _ => None,
    };
    // Each operation's messages: one, or one per existing object.
    let mut items: Vec<(Op, Vec<Bytes>)> = Vec::new();
    for (op, _) in &settings.mix.0 {
        if let (Some(objects), Op::Get | Op::Locate) = (&existing, op) {
            let item =
                |(name, id): &(String, String)| if *op == Op::Get { requests.get(id) } else { requests.locate(name) };
            if let Some(first) = objects.first() {
                ok(s, requests, &item(first), op.name()).await?;
            }
            let messages =
                objects.iter().map(|o| requests.message(&item(o), settings.batch)).collect::<Result<_, _>>()?;
            items.push((*op, messages));
            continue;
        }
        let item = match op {
            Op::Get | Op::Locate | Op::Encrypt | Op::Decrypt if !(rsa_alg && matches!(op, Op::Encrypt)) => {
                let id = match &aes {
                    Some(id) => id.clone(),
                    None => aes.insert(symmetric(s, requests, false, Some(&name)).await?).clone(),
                };
                match op {
                    Op::Get => requests.get(&id),
                    Op::Locate => requests.locate(&name),
                    Op::Encrypt => requests.encrypt(&id, GCM, &data),
                    _ => {
                        let encrypted = ok(s, requests, &requests.encrypt(&id, GCM, &data), "Encrypt").await?;
                        let ciphertext = bytes(&encrypted, Tag::DATA)?;
                        let iv = bytes(&encrypted, Tag::IV_COUNTER_NONCE)?;
                        let tag = bytes(&encrypted, Tag::AUTHENTICATED_ENCRYPTION_TAG)?;
                        let extra = format!(
                            r#"<IVCounterNonce type="ByteString" value="{}"/><AuthenticatedEncryptionTag type="ByteString" value="{}"/>"#,
                            workload::hex(&iv),
                            workload::hex(&tag)
                        );
                        requests.decrypt(&id, GCM, &ciphertext, &extra)
                    }
                }
            }
            Op::Encrypt | Op::RsaDecrypt => {
                let (private, public) = match &rsa {
                    Some(ids) => ids.clone(),
                    None => rsa.insert(pair(s, requests, true).await?).clone(),
                };
                // OAEP SHA-256 with a 2048-bit key takes at most 190 bytes.
                let plaintext = if *op == Op::Encrypt { &data[..data.len().min(190)] } else { &[0x11; 32][..] };
                let encrypt = requests.encrypt(&public, OAEP, plaintext);
                if *op == Op::Encrypt {
                    encrypt
                } else {
                    let encrypted = ok(s, requests, &encrypt, "RSA Encrypt").await?;
                    requests.decrypt(&private, OAEP, &bytes(&encrypted, Tag::DATA)?, "")
                }
            }
            Op::Sign | Op::Verify => {
                let (ids, parameters) = if rsa_alg {
                    let ids = match &rsa {
                        Some(ids) => ids.clone(),
                        None => rsa.insert(pair(s, requests, true).await?).clone(),
                    };
                    (ids, PKCS1)
                } else {
                    let ids = match &ec {
                        Some(ids) => ids.clone(),
                        None => ec.insert(pair(s, requests, false).await?).clone(),
                    };
                    (ids, ECDSA)
                };
                let sign = requests.sign(&ids.0, parameters, &data);
                if *op == Op::Sign {
                    sign
                } else {
                    let signed = ok(s, requests, &sign, "Sign").await?;
                    requests.verify(&ids.1, parameters, &data, &bytes(&signed, Tag::SIGNATURE_DATA)?)
                }
            }
            Op::Mac => {
                let id = match &hmac {
                    Some(id) => id.clone(),
                    None => hmac.insert(symmetric(s, requests, true, None).await?).clone(),
                };
                requests.mac(&id, &data)
            }
            Op::Create => requests.create(false, None),
            Op::Rng => requests.rng(settings.size),
            // Covered by the first arm's guard.
            Op::Get | Op::Locate | Op::Decrypt => unreachable_op(*op)?,
        };
        // One try of each, so a workload the server refuses stops here.
        ok(s, requests, &item, op.name()).await?;
        items.push((*op, vec![requests.message(&item, settings.batch)?]));
    }
    let _ = stream.shutdown().await;
    // The mix's order, repeated until every message has had its turn.
    let rounds = items.iter().map(|(_, messages)| messages.len()).max().unwrap_or(1);
    let order = settings.mix.schedule();
    let mut schedule = Vec::with_capacity(rounds * order.len());
    for round in 0..rounds {
        for op in &order {
            if let Some((_, messages)) = items.iter().find(|(o, _)| o == op) {
                schedule.push((*op, messages[round % messages.len()].clone()));
            }
        }
    }
    Ok(Prepared { schedule, batch: settings.batch as u64, check: true })
}

/// The objects of `existing` a run picks ([`workload::Existing::sample`]):
/// (name, id) pairs; the ids (found by Locate by Name, a hundred names per
/// message) only if `ids`, else empty. With the ids, each object is also
/// got once (a hundred per message): a key's first Get also writes it, to
/// mark it no longer Fresh (KMIP 2.1 §4.26), and the run measures Get's
/// reads, the same for every store size, not first Gets that the small
/// store's warm-up used up and the large store's did not.
async fn existing_objects<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    requests: Requests,
    existing: &workload::Existing,
    ids: bool,
) -> Result<Vec<(String, String)>, String> {
    let seed = uuid::Uuid::new_v4().as_u64_pair().0;
    let names: Vec<String> = existing.sample(seed).into_iter().map(|i| existing.name(i)).collect();
    if !ids {
        return Ok(names.into_iter().map(|name| (name, String::new())).collect());
    }
    let mut out: Vec<(String, String)> = Vec::with_capacity(names.len());
    for chunk in names.chunks(100) {
        let locates: Vec<String> = chunk.iter().map(|name| requests.locate(name)).collect();
        let response = exchange_all(stream, requests, &locates).await?;
        for (name, answer) in chunk.iter().zip(response.children_with(Tag::BATCH_ITEM)) {
            let payload = workload::item_payload(answer).map_err(|e| format!("preparing (Locate {name:?}): {e}"))?;
            let found: Vec<&str> =
                payload.children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|t| t.value.as_text()).collect();
            match found.as_slice() {
                [id] => out.push((name.clone(), (*id).to_owned())),
                _ => {
                    return Err(format!(
                        "{} objects are named {name:?}; --existing-prefix and --existing-count must describe \
                         objects named PREFIX0 to PREFIX(COUNT-1), one each (kms bulk-seed names them so)",
                        found.len()
                    ));
                }
            }
        }
        let gets: Vec<String> = out[out.len() - chunk.len()..].iter().map(|(_, id)| requests.get(id)).collect();
        let response = exchange_all(stream, requests, &gets).await?;
        for answer in response.children_with(Tag::BATCH_ITEM) {
            workload::item_payload(answer).map_err(|e| format!("preparing (Get): {e}"))?;
        }
    }
    Ok(out)
}

/// Sends one message of `items` and returns the decoded response, which
/// must answer each of them.
async fn exchange_all<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    requests: Requests,
    items: &[String],
) -> Result<Ttlv, String> {
    stream.write_all(&requests.message_of(items)?).await.map_err(|e| format!("sending a request: {e}"))?;
    let mut buf = Vec::new();
    read_message(stream, &mut buf).await?;
    let response = wire::decode_slice(&buf, &Default::default()).map_err(|e| format!("decoding a response: {e}"))?;
    let answered = response.children_with(Tag::BATCH_ITEM).count();
    if answered != items.len() {
        return Err(format!("{answered} answers to {} requests", items.len()));
    }
    Ok(response)
}

fn unreachable_op(op: Op) -> Result<String, String> {
    Err(format!("no request for {op}"))
}

/// Takes one message from the `--requests` budget; false when it is spent.
fn claim(shared: &Shared) -> bool {
    shared.budget.fetch_sub(1, Ordering::Relaxed) > 0
}

/// Counts one answered message.
fn record(tally: &mut Tally, shared: &Shared, op: Op, prepared: &Prepared, sent: Instant, response: &[u8]) {
    let batch = prepared.batch;
    let nanos = u64::try_from(sent.elapsed().as_nanos()).unwrap_or(u64::MAX).max(1);
    let _ = tally.histogram.record(nanos);
    tally.messages += 1;
    tally.operations += batch;
    *tally.by_operation.entry(op).or_default() += batch;
    let failed = if prepared.check { scan(response, &mut tally.errors) } else { 0 };
    shared.answered.fetch_add(batch, Ordering::Relaxed);
    if failed > 0 {
        shared.failed.fetch_add(failed, Ordering::Relaxed);
    }
}

/// Runs the load on one connection until the run stops.
pub(super) async fn drive(
    stream: TlsStream<TcpStream>,
    prepared: &Prepared,
    shared: &Shared,
    pipeline: usize,
    index: usize,
) -> Result<Tally, String> {
    if pipeline == 1 {
        drive_one(stream, prepared, shared, index).await
    } else {
        drive_pipelined(stream, prepared, shared, pipeline, index).await
    }
}

/// One message in flight: write, read, repeat.
async fn drive_one(
    mut stream: TlsStream<TcpStream>,
    prepared: &Prepared,
    shared: &Shared,
    index: usize,
) -> Result<Tally, String> {
    let mut tally = Tally::new()?;
    let mut buf = Vec::with_capacity(4096);
    let mut next = index;
    while !shared.stopped.load(Ordering::Relaxed) {
        let measuring = shared.measuring.load(Ordering::Relaxed);
        if measuring && !claim(shared) {
            break;
        }
        let (op, message) = &prepared.schedule[next % prepared.schedule.len()];
        next += 1;
        let sent = Instant::now();
        stream.write_all(message).await.map_err(|e| format!("sending: {e}"))?;
        read_message(&mut stream, &mut buf).await?;
        if measuring && !shared.stopped.load(Ordering::Relaxed) {
            record(&mut tally, shared, *op, prepared, sent, &buf);
        }
    }
    let _ = stream.shutdown().await;
    Ok(tally)
}

/// Up to `pipeline` messages in flight: a writer sends while permits
/// last, the reader matches responses to sends in order.
async fn drive_pipelined(
    stream: TlsStream<TcpStream>,
    prepared: &Prepared,
    shared: &Shared,
    pipeline: usize,
    index: usize,
) -> Result<Tally, String> {
    let (mut reader, mut writer) = tokio::io::split(stream);
    let permits = Semaphore::new(pipeline);
    // (operation, time sent, sent while measuring), in send order.
    let in_flight: Mutex<VecDeque<(Op, Instant, bool)>> = Mutex::new(VecDeque::with_capacity(pipeline));
    let done_sending = std::sync::atomic::AtomicBool::new(false);
    // Wakes the reader when something is in flight or the writer is done.
    let sent = tokio::sync::Notify::new();
    let write = async {
        let mut next = index;
        loop {
            let Ok(permit) = permits.acquire().await else { break };
            permit.forget();
            if shared.stopped.load(Ordering::Relaxed) {
                break;
            }
            let measuring = shared.measuring.load(Ordering::Relaxed);
            if measuring && !claim(shared) {
                break;
            }
            let (op, message) = &prepared.schedule[next % prepared.schedule.len()];
            next += 1;
            in_flight.lock().unwrap_or_else(PoisonError::into_inner).push_back((*op, Instant::now(), measuring));
            sent.notify_one();
            writer.write_all(message).await.map_err(|e| format!("sending: {e}"))?;
        }
        done_sending.store(true, Ordering::SeqCst);
        sent.notify_one();
        Ok::<(), String>(())
    };
    let read = async {
        let result = read_responses(&mut reader, prepared, shared, &permits, &in_flight, &done_sending, &sent).await;
        if result.is_err() {
            // The writer may wait for a permit that will never come.
            permits.close();
        }
        result
    };
    let (written, tally) = tokio::join!(write, read);
    written?;
    tally
}

/// The reading half of [`drive_pipelined`].
async fn read_responses<R: AsyncRead + Unpin>(
    reader: &mut R,
    prepared: &Prepared,
    shared: &Shared,
    permits: &Semaphore,
    in_flight: &Mutex<VecDeque<(Op, Instant, bool)>>,
    done_sending: &std::sync::atomic::AtomicBool,
    sent: &tokio::sync::Notify,
) -> Result<Tally, String> {
    {
        let mut tally = Tally::new()?;
        let mut buf = Vec::with_capacity(4096);
        loop {
            let front = in_flight.lock().unwrap_or_else(PoisonError::into_inner).front().copied();
            let Some((op, sent_at, measuring)) = front else {
                if done_sending.load(Ordering::SeqCst) {
                    break;
                }
                sent.notified().await;
                continue;
            };
            read_message(reader, &mut buf).await?;
            in_flight.lock().unwrap_or_else(PoisonError::into_inner).pop_front();
            permits.add_permits(1);
            if measuring && !shared.stopped.load(Ordering::Relaxed) {
                record(&mut tally, shared, op, prepared, sent_at, &buf);
            }
        }
        Ok(tally)
    }
}

/// The failed batch items of a response message, counted into `errors`
/// by Result Reason, by walking the TTLV headers (no decoding into a
/// tree). A response that cannot be walked counts as one General Failure.
pub(super) fn scan(message: &[u8], errors: &mut std::collections::BTreeMap<u32, u64>) -> u64 {
    const GENERAL_FAILURE: u32 = 0x100;
    let mut failed = 0;
    let Some(items) = children(message, 0) else {
        *errors.entry(GENERAL_FAILURE).or_default() += 1;
        return 1;
    };
    for (tag, value) in items {
        if tag != Tag::BATCH_ITEM.value() {
            continue;
        }
        let mut status = None;
        let mut reason = GENERAL_FAILURE;
        for (tag, field) in children(value, 0).into_iter().flatten() {
            let enumeration = || field.get(..4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
            if tag == Tag::RESULT_STATUS.value() {
                status = enumeration();
            } else if tag == Tag::RESULT_REASON.value() {
                reason = enumeration().unwrap_or(GENERAL_FAILURE);
            }
        }
        if status != Some(0) {
            *errors.entry(reason).or_default() += 1;
            failed += 1;
        }
    }
    failed
}

/// The (tag, value) items inside the structure at `offset` of `buf`, if
/// it is one and is well formed.
fn children(buf: &[u8], offset: usize) -> Option<Vec<(u32, &[u8])>> {
    let header = buf.get(offset..offset + 8)?;
    if header[3] != 0x01 {
        return None;
    }
    let length = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
    let body = buf.get(offset + 8..offset + 8 + length)?;
    let mut out = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let h = body.get(at..at + 8)?;
        let tag = u32::from_be_bytes([0, h[0], h[1], h[2]]);
        let length = u32::from_be_bytes([h[4], h[5], h[6], h[7]]) as usize;
        let padded = length.div_ceil(8) * 8;
        if h[3] == 0x01 {
            out.push((tag, body.get(at..at + 8 + length)?));
        } else {
            out.push((tag, body.get(at + 8..at + 8 + length)?));
        }
        at += 8 + if h[3] == 0x01 { length } else { padded };
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_counts_failed_items_by_reason() {
        let text = r#"<ResponseMessage><ResponseHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="2"/><ProtocolVersionMinor type="Integer" value="1"/></ProtocolVersion><TimeStamp type="DateTime" value="2026-01-01T00:00:00+00:00"/><BatchCount type="Integer" value="2"/></ResponseHeader>
            <BatchItem><Operation type="Enumeration" value="Get"/><ResultStatus type="Enumeration" value="Success"/></BatchItem>
            <BatchItem><Operation type="Enumeration" value="Get"/><ResultStatus type="Enumeration" value="OperationFailed"/><ResultReason type="Enumeration" value="ItemNotFound"/></BatchItem></ResponseMessage>"#;
        let bytes = wire::to_vec(&kmip_ttlv::xml::from_str(text).expect("xml")).expect("encodes");
        let mut errors = std::collections::BTreeMap::new();
        assert_eq!(scan(&bytes, &mut errors), 1);
        assert_eq!(errors.get(&1), Some(&1));
        assert_eq!(scan(&bytes[..20], &mut errors), 1, "a cut message is a failure");
        assert_eq!(errors.get(&0x100), Some(&1));
    }
}
