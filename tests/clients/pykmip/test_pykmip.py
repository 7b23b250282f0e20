"""PyKMIP 0.11 against the server over mutual TLS, at KMIP 1.0, 1.2, 1.4 and 2.0.

Usage: test_pykmip.py HOST PORT CA CERT KEY. Prints PASS/FAIL per check and
a last line "pykmip: N passed, M failed"; exits 1 on any failure.
"""
import sys
from kmip.pie.client import ProxyKmipClient
from kmip.pie import objects
from kmip.core import enums
from kmip.pie.exceptions import KmipOperationFailure
host, port, ca, cert, key = sys.argv[1:6]
ok = fail = 0
def check(name, fn):
    global ok, fail
    try:
        fn(); ok += 1; print("PASS", name)
    except Exception as e:
        fail += 1; print("FAIL", name, repr(e))
for ver in [enums.KMIPVersion.KMIP_1_0, enums.KMIPVersion.KMIP_1_2, enums.KMIPVersion.KMIP_1_4, enums.KMIPVersion.KMIP_2_0]:
    v = ver.name
    c = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca, kmip_version=ver)
    c.open()
    state = {}
    def create():
        state['id'] = c.create(enums.CryptographicAlgorithm.AES, 256, name="pyk-"+v)
        assert state['id']
    check(v+" create", create)
    def get():
        k = c.get(state['id']); assert len(k.value) == 32, len(k.value)
    check(v+" get", get)
    def attrs():
        # PyKMIP 0.11 cannot decode every attribute of 1.3+ (Random Number
        # Generator) and 2.0 (Short Unique Identifier), so from 1.4 on the
        # attributes are asked for by name; at 1.0 and 1.2, all of them.
        newer = ver in (enums.KMIPVersion.KMIP_1_4, enums.KMIPVersion.KMIP_2_0)
        wanted = ["State", "Cryptographic Algorithm"] if newer else None
        uid, got = c.get_attributes(state['id'], wanted)
        assert uid == state['id'], uid
        names = [a.attribute_name.value for a in got]
        assert "State" in names and "Cryptographic Algorithm" in names, names
        listed = c.get_attribute_list(state['id'])
        assert "State" in listed and "Cryptographic Length" in listed, listed
    check(v+" get attributes and attribute list", attrs)
    def locate():
        ids = c.locate(attributes=[__import__('kmip').core.factories.attributes.AttributeFactory().create_attribute(enums.AttributeType.NAME, "pyk-"+v)])
        assert ids == [state['id']], ids
    check(v+" locate", locate)
    check(v+" activate", lambda: c.activate(state['id']))
    def destroy_active():
        try:
            c.destroy(state['id'])
        except KmipOperationFailure:
            return
        raise AssertionError("destroyed an active key")
    check(v+" destroy active fails", destroy_active)
    check(v+" revoke", lambda: c.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, state['id']))
    check(v+" destroy", lambda: c.destroy(state['id']))
    def secret():
        s = objects.SecretData(b"pyk-secret-bytes", enums.SecretDataType.PASSWORD)
        i = c.register(s); assert c.get(i).value == b"pyk-secret-bytes"
    check(v+" secret data", secret)
    def opaque():
        o = objects.OpaqueObject(b"\x01\x02opaque", enums.OpaqueDataType.NONE)
        i = c.register(o); assert c.get(i).value == b"\x01\x02opaque"
    check(v+" opaque", opaque)
    def sym():
        k = objects.SymmetricKey(enums.CryptographicAlgorithm.AES, 128, bytes(range(16)))
        i = c.register(k); assert c.get(i).value == bytes(range(16))
    check(v+" register symmetric", sym)
    def unknown():
        try:
            c.get("no-such-id")
        except KmipOperationFailure as e:
            assert e.reason in (enums.ResultReason.ITEM_NOT_FOUND, enums.ResultReason.OBJECT_NOT_FOUND), e.reason
            return
        raise AssertionError("got an unknown id")
    check(v+" unknown id", unknown)
    c.close()

# Refusals: PyKMIP's TLS connection without a client certificate, and with
# a certificate from a CA the server does not trust, gets no KMIP answer.
import datetime, os, ssl, socket, tempfile
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

def foreign_identity(directory):
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "foreign CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "admin")]))
            .issuer_name(ca_name).public_key(leaf_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .sign(ca_key, hashes.SHA256()))
    cert_path = os.path.join(directory, "foreign.pem")
    key_path = os.path.join(directory, "foreign.key")
    with open(cert_path, "wb") as f:
        f.write(leaf.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return cert_path, key_path

def refused(cert_file, key_file):
    client = ProxyKmipClient(hostname=host, port=int(port), cert=cert_file, key=key_file, ca=ca,
                             kmip_version=enums.KMIPVersion.KMIP_1_2)
    try:
        client.open()
        client.create(enums.CryptographicAlgorithm.AES, 256)
    except Exception:
        return
    finally:
        try:
            client.close()
        except Exception:
            pass
    raise AssertionError("the server answered")

with tempfile.TemporaryDirectory() as directory:
    foreign_cert, foreign_key = foreign_identity(directory)
    check("refused: a certificate from a foreign CA", lambda: refused(foreign_cert, foreign_key))
check("refused: no client certificate", lambda: refused(None, None))

def control():
    # The same probe with the trusted certificate is answered, so the
    # refusals above are the server's doing, not the probe's.
    try:
        refused(cert, key)
    except AssertionError:
        return
    raise AssertionError("the probe fails even with a trusted certificate")
check("control: the trusted certificate is answered", control)

def no_tls11():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(ca)
    context.load_cert_chain(cert, key)
    try:
        context.minimum_version = ssl.TLSVersion.TLSv1_1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    except (ValueError, ssl.SSLError):
        raise AssertionError("this Python cannot offer TLS 1.1")
    try:
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="localhost"):
                pass
    except (ssl.SSLError, OSError):
        return
    raise AssertionError("a TLS 1.1 handshake succeeded")
check("refused: TLS 1.1", no_tls11)

print(f"pykmip: {ok} passed, {fail} failed")
sys.exit(1 if fail else 0)
