//! The floor `kms bench --baseline` measures against: a TLS echo server
//! with the KMIP listener's TLS (the same [`ServerTls`] acceptor: mutual
//! TLS, versions, suites) on the same kind of runtime, that reads each
//! framed message (the 8-byte TTLV header and the length it announces) and
//! writes the same bytes back. No decoding, no operation, no store: what is
//! left is the cost of TLS, the socket and the runtime's wake-ups, which
//! no KMIP server can go below.

use std::sync::Arc;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tracing::debug;

use super::client::read_message;
use crate::server::tls::ServerTls;

/// Serves echo connections on `listener` until the task is dropped.
pub async fn serve(listener: TcpListener, tls: Arc<ServerTls>) -> std::io::Result<()> {
    loop {
        let (socket, peer) = listener.accept().await?;
        let _ = socket.set_nodelay(true);
        let acceptor = tls.acceptor();
        tokio::spawn(async move {
            let mut stream = match acceptor.accept(socket).await {
                Ok(stream) => stream,
                Err(e) => {
                    debug!(%peer, error = %e, "echo: TLS handshake refused");
                    return;
                }
            };
            let mut buf = Vec::with_capacity(4096);
            while read_message(&mut stream, &mut buf).await.is_ok() {
                if stream.write_all(&buf).await.is_err() {
                    break;
                }
            }
        });
    }
}
