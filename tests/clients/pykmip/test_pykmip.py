"""PyKMIP 0.11 as a real client of the server over mutual TLS.

Runs the same scenarios at KMIP 1.0, 1.2, 1.4 and 2.0 (one connection per
version), with cryptographic operations (sign, encrypt, MAC, derive, wrap,
RNG, hash; checked against local computations) from 1.2 on, then checks
that connections the server must refuse are refused: no client
certificate, a certificate from a foreign CA, TLS 1.1.

Usage:
    test_pykmip.py --host HOST --port PORT --ca CA.pem --cert CERT.pem --key KEY.pem

Prints one line per check, "PASS name", "FAIL name: why" or
"SKIP name: reason" (something PyKMIP 0.11 itself cannot express at that
version), and a last line "pykmip: N passed, M failed, K skipped".
Exits 1 if any check failed.
"""

import argparse
import datetime
import hashlib
import hmac
import logging
import os
import socket
import ssl
import sys
import tempfile
import threading
import traceback
import uuid
import warnings

from cryptography import x509
from cryptography.hazmat.primitives import hashes, keywrap, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID
from kmip.core import enums
from kmip.core import exceptions as core_exceptions
from kmip.core import objects as cobjects
from kmip.core import primitives, utils
from kmip.core.factories.attributes import AttributeFactory
from kmip.core.messages import contents, messages, payloads
from kmip.pie import objects
from kmip.pie.client import ProxyKmipClient
from kmip.pie.exceptions import KmipOperationFailure
from kmip.services.kmip_protocol import RequestLengthMismatch

VERSIONS = [
    enums.KMIPVersion.KMIP_1_0,
    enums.KMIPVersion.KMIP_1_2,
    enums.KMIPVersion.KMIP_1_4,
    enums.KMIPVersion.KMIP_2_0,
]
VERSION_NUMBERS = {
    enums.KMIPVersion.KMIP_1_0: (1, 0),
    enums.KMIPVersion.KMIP_1_2: (1, 2),
    enums.KMIPVersion.KMIP_1_4: (1, 4),
    enums.KMIPVersion.KMIP_2_0: (2, 0),
}
# Seconds a connection may stay silent before a check gives up on it.
TIMEOUT = 15

ATTRIBUTES = AttributeFactory()

# An empty PyKMIP configuration file, so that no ~/.pykmip/pykmip.conf or
# /etc/pykmip/pykmip.conf fills in what a check leaves out (a certificate
# for the "no certificate" probe, say). Set by main().
CONFIG_FILE = None


class Skip(Exception):
    """Raised by a check that PyKMIP 0.11 cannot express at this version."""


class Suite:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, name, fn):
        """Runs fn(); its return value, if any, is shown after PASS."""
        try:
            note = fn()
        except Skip as e:
            self.skipped += 1
            print(f"SKIP {name}: {e}", flush=True)
            return False
        except Exception as e:  # every failure is reported, none is fatal
            self.failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
            for line in traceback.format_exc().rstrip().splitlines():
                print(f"    {line}", flush=True)
            return False
        self.passed += 1
        print(f"PASS {name}" + (f" ({note})" if note else ""), flush=True)
        return True

    def skip(self, name, reason):
        self.skipped += 1
        print(f"SKIP {name}: {reason}", flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_failure(fn, reasons, what):
    """fn() must fail with a KMIP failure whose Result Reason is in reasons;
    returns that reason's name."""
    try:
        fn()
    except KmipOperationFailure as e:
        expect(e.reason in reasons, f"{what}: Result Reason {e.reason} (message {e.message!r}), expected one of {reasons}")
        return f"{e.reason.name}: {e.message}"
    raise AssertionError(f"{what} succeeded")


def new_client(args, version, cert=None, key=None):
    client = ProxyKmipClient(
        hostname=args.host,
        port=args.port,
        cert=args.cert if cert is None else cert,
        key=args.key if key is None else key,
        ca=args.ca,
        kmip_version=version,
        config_file=CONFIG_FILE,
    )
    client.proxy.timeout = TIMEOUT
    return client


def send_batch(proxy, items):
    """Sends a request message holding items (PyKMIP RequestBatchItems) on
    the proxy's connection; the decoded ResponseMessage."""
    request = proxy._build_request_message(None, items)
    return proxy._send_and_receive_message(request)


def item(operation, payload, number):
    return messages.RequestBatchItem(
        operation=contents.Operation(operation),
        unique_batch_item_id=contents.UniqueBatchItemID(bytes([number])),
        request_payload=payload,
    )


def name_attribute(name):
    return ATTRIBUTES.create_attribute(enums.AttributeType.NAME, name)


def attribute_values(attributes):
    """{attribute name: [values]} from PyKMIP Attribute objects."""
    out = {}
    for a in attributes:
        value = a.attribute_value
        if isinstance(value, cobjects.Attribute):
            value = value.attribute_value
        if hasattr(value, "name_value"):
            value = value.name_value.value
        elif hasattr(value, "value"):
            value = value.value
        out.setdefault(a.attribute_name.value, []).append(value)
    return out


def state_of(client, uid):
    _, got = client.get_attributes(uid, ["State"])
    values = attribute_values(got).get("State", [])
    expect(len(values) == 1, f"Get Attributes State: {values}")
    return values[0]


# Raw requests -------------------------------------------------------------
#
# PyKMIP 0.11 has no payload classes for RNG Retrieve, Hash or MAC Verify,
# and cannot decode a wrapped key (its Key Value reader wants a structure,
# a wrapped Key Value is a Byte String): those requests are encoded with
# PyKMIP's own primitives and their answers decoded here.


class FieldsPayload(payloads.RequestPayload):
    """A Request Payload holding the given PyKMIP primitives or structures,
    in order (None entries are left out)."""

    def __init__(self, fields):
        super().__init__()
        self.fields = [f for f in fields if f is not None]

    def write(self, ostream, kmip_version=enums.KMIPVersion.KMIP_1_0):
        local = utils.BytearrayStream()
        for field in self.fields:
            field.write(local, kmip_version=kmip_version)
        self.length = local.length()
        super().write(ostream, kmip_version=kmip_version)
        ostream.write(local.buffer)


def parse_ttlv(data):
    """[(Tags or tag number, value)] of TTLV bytes; a structure's value is
    such a list, enumerations and integers are ints."""
    out = []
    i = 0
    while i + 8 <= len(data):
        tag = int.from_bytes(data[i : i + 3], "big")
        kind = data[i + 3]
        length = int.from_bytes(data[i + 4 : i + 8], "big")
        raw = bytes(data[i + 8 : i + 8 + length])
        if kind == 0x01:
            value = parse_ttlv(raw)
        elif kind in (0x02, 0x05):
            value = int.from_bytes(raw[:4], "big", signed=kind == 0x02)
        elif kind in (0x03, 0x09):
            value = int.from_bytes(raw, "big", signed=True)
        elif kind == 0x06:
            value = raw != bytes(8)
        elif kind == 0x07:
            value = raw.decode("utf-8")
        else:
            value = raw
        try:
            tag = enums.Tags(tag)
        except ValueError:
            pass
        out.append((tag, value))
        i += 8 + (length + 7) // 8 * 8
    return out


def ttlv_child(items, tag):
    """The value of the first item with that tag, or None."""
    return next((value for t, value in items if t == tag), None)


def send_raw(proxy, operation, payload):
    """Sends one batch item on the proxy's connection and decodes the
    answer here: its Response Payload items. A failed item raises
    KmipOperationFailure, as the ProxyKmipClient calls do."""
    request = proxy._build_request_message(None, [item(operation, payload, 1)])
    proxy._send_message(request)
    message = parse_ttlv(proxy._receive_message().buffer)
    response = ttlv_child(message, enums.Tags.RESPONSE_MESSAGE)
    expect(response is not None, f"no Response Message in {message}")
    answer = ttlv_child(response, enums.Tags.BATCH_ITEM)
    expect(answer is not None, f"no Batch Item in {response}")
    status = enums.ResultStatus(ttlv_child(answer, enums.Tags.RESULT_STATUS))
    if status != enums.ResultStatus.SUCCESS:
        reason = ttlv_child(answer, enums.Tags.RESULT_REASON)
        raise KmipOperationFailure(
            status, reason and enums.ResultReason(reason), ttlv_child(answer, enums.Tags.RESULT_MESSAGE)
        )
    answered = ttlv_child(answer, enums.Tags.OPERATION)
    expect(answered == operation.value, f"answered operation {answered}, asked {operation.value}")
    payload = ttlv_child(answer, enums.Tags.RESPONSE_PAYLOAD)
    expect(payload is not None, "no Response Payload")
    return payload


def crypto_parameters(client, **values):
    """A Cryptographic Parameters structure, built by PyKMIP."""
    return client._build_cryptographic_parameters(values)


def active_key(client, managed):
    """Registers managed (a PyKMIP managed object) and activates it; its
    Unique Identifier."""
    uid = client.register(managed)
    expect(uid, "no Unique Identifier")
    client.activate(uid)
    return uid


def crypto_section(suite, client, version, token):
    """Cryptographic operations, KMIP 1.2 and later: a 1.0 connection only
    checks that Encrypt is refused."""
    v = "KMIP %d.%d" % VERSION_NUMBERS[version]
    major, minor = VERSION_NUMBERS[version]
    proxy = client.proxy
    prefix = f"pykmip-{token}-{major}.{minor}"

    if (major, minor) < (1, 2):

        def encrypt_refused():
            return expect_failure(
                lambda: client.encrypt(
                    b"x" * 16,
                    f"{prefix}-no-such-key",
                    {"cryptographic_algorithm": enums.CryptographicAlgorithm.AES},
                ),
                {enums.ResultReason.OPERATION_NOT_SUPPORTED},
                "Encrypt at KMIP 1.0",
            )

        suite.check(f"{v} encrypt is not a 1.0 operation", encrypt_refused)
        return

    def rsa_sign_verify():
        public_id, private_id = client.create_key_pair(
            enums.CryptographicAlgorithm.RSA,
            2048,
            public_name=f"{prefix}-rsa-public",
            public_usage_mask=[enums.CryptographicUsageMask.VERIFY],
            private_name=f"{prefix}-rsa-private",
            private_usage_mask=[enums.CryptographicUsageMask.SIGN],
        )
        expect(public_id and private_id and public_id != private_id, f"ids {public_id!r} {private_id!r}")
        client.activate(public_id)
        client.activate(private_id)
        message = b"pykmip signed message " + token.encode()
        public = client.get(public_id)
        expect(isinstance(public, objects.PublicKey), f"the public key is a {type(public).__name__}")
        expect(
            public.key_format_type in (enums.KeyFormatType.PKCS_1, enums.KeyFormatType.X_509),
            f"public key format {public.key_format_type}",
        )
        # load_der_public_key reads SubjectPublicKeyInfo (X.509) and PKCS#1
        # RSAPublicKey DER alike.
        local = serialization.load_der_public_key(public.value)
        expect(local.key_size == 2048, f"public key of {local.key_size} bits")
        notes = []
        for padding, local_padding in [
            (enums.PaddingMethod.PKCS1v15, asym_padding.PKCS1v15()),
            (
                enums.PaddingMethod.PSS,
                asym_padding.PSS(mgf=asym_padding.MGF1(hashes.SHA256()), salt_length=asym_padding.PSS.AUTO),
            ),
        ]:
            params = {
                "cryptographic_algorithm": enums.CryptographicAlgorithm.RSA,
                "padding_method": padding,
                "hashing_algorithm": enums.HashingAlgorithm.SHA_256,
            }
            signature = client.sign(message, private_id, params)
            expect(len(signature) == 256, f"{padding.name}: a {len(signature)}-byte signature")
            # Raises InvalidSignature if the server's signature is wrong.
            local.verify(signature, message, local_padding, hashes.SHA256())
            valid = client.signature_verify(message, signature, public_id, params)
            expect(valid == enums.ValidityIndicator.VALID, f"{padding.name}: Signature Verify said {valid}")
            invalid = client.signature_verify(message + b"!", signature, public_id, params)
            expect(
                invalid == enums.ValidityIndicator.INVALID,
                f"{padding.name}: Signature Verify of a modified message said {invalid}",
            )
            notes.append(padding.name)
        return f"{' and '.join(notes)} signatures verified by the server and locally, {public.key_format_type.name}"

    suite.check(f"{v} RSA-2048 key pair: sign and signature verify", rsa_sign_verify)

    aes_value = hashlib.sha256(b"pykmip aes " + token.encode() + bytes([major, minor])).digest()
    state = {}

    def register_aes():
        state["aes"] = active_key(
            client,
            objects.SymmetricKey(
                enums.CryptographicAlgorithm.AES,
                256,
                aes_value,
                masks=[enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT],
                name=f"{prefix}-crypto-aes",
            ),
        )
        expect(state_of(client, state["aes"]) == enums.State.ACTIVE, "not Active after Activate")
        return state["aes"]

    if suite.check(f"{v} register and activate a known AES-256 key", register_aes):
        aes_id = state["aes"]
        plaintext = b"pykmip plaintext, not a block multiple " + token.encode()

        def aes_gcm():
            if (major, minor) < (1, 4):
                # The Authenticated Encryption Tag is a KMIP 1.4 field: below
                # 1.4 the server refuses authenticated encryption rather than
                # give out ciphertext that could never be authenticated.
                return expect_failure(
                    lambda: client.encrypt(
                        plaintext,
                        uid=aes_id,
                        cryptographic_parameters={
                            "cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
                            "block_cipher_mode": enums.BlockCipherMode.GCM,
                        },
                        iv_counter_nonce=bytes(range(12)),
                    ),
                    [enums.ResultReason.FEATURE_NOT_SUPPORTED],
                    "GCM below KMIP 1.4",
                )
            iv = bytes(range(12))
            aad = b"pykmip aad"
            params = crypto_parameters(
                client,
                cryptographic_algorithm=enums.CryptographicAlgorithm.AES,
                block_cipher_mode=enums.BlockCipherMode.GCM,
                tag_length=16,
            )
            # ProxyKmipClient.encrypt returns no tag: the proxy's payloads
            # carry it.
            response = send_batch(
                proxy,
                [
                    item(
                        enums.Operation.ENCRYPT,
                        payloads.EncryptRequestPayload(
                            unique_identifier=aes_id,
                            cryptographic_parameters=params,
                            data=plaintext,
                            iv_counter_nonce=iv,
                            auth_additional_data=aad,
                        ),
                        1,
                    )
                ],
            )
            answer = response.batch_items[0]
            expect(
                answer.result_status.value == enums.ResultStatus.SUCCESS,
                f"Encrypt: {answer.result_reason and answer.result_reason.value} "
                f"{answer.result_message and answer.result_message.value}",
            )
            encrypted = answer.response_payload
            expect(encrypted.auth_tag is not None, "no Authenticated Encryption Tag")
            expected = AESGCM(aes_value).encrypt(iv, plaintext, aad)
            expect(
                encrypted.data + encrypted.auth_tag == expected,
                f"ciphertext+tag {(encrypted.data + encrypted.auth_tag).hex()}, expected {expected.hex()}",
            )

            def decrypt(tag):
                response = send_batch(
                    proxy,
                    [
                        item(
                            enums.Operation.DECRYPT,
                            payloads.DecryptRequestPayload(
                                unique_identifier=aes_id,
                                cryptographic_parameters=params,
                                data=encrypted.data,
                                iv_counter_nonce=iv,
                                auth_additional_data=aad,
                                auth_tag=tag,
                            ),
                            1,
                        )
                    ],
                )
                return response.batch_items[0]

            answer = decrypt(encrypted.auth_tag)
            expect(
                answer.result_status.value == enums.ResultStatus.SUCCESS,
                f"Decrypt: {answer.result_reason and answer.result_reason.value} "
                f"{answer.result_message and answer.result_message.value}",
            )
            expect(answer.response_payload.data == plaintext, f"Decrypt gave {answer.response_payload.data!r}")
            forged = bytes([encrypted.auth_tag[0] ^ 1]) + encrypted.auth_tag[1:]
            answer = decrypt(forged)
            expect(
                answer.result_status.value == enums.ResultStatus.OPERATION_FAILED,
                f"Decrypt with a modified tag: {answer.result_status.value}",
            )
            return f"matches AESGCM; a modified tag: {answer.result_reason and answer.result_reason.value.name}"

        suite.check(f"{v} AES-256-GCM encrypt/decrypt with a given IV and AAD", aes_gcm)

        cbc = {
            "cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
            "block_cipher_mode": enums.BlockCipherMode.CBC,
            "padding_method": enums.PaddingMethod.PKCS5,
        }

        def local_cbc(iv, data):
            padder = sym_padding.PKCS7(128).padder()
            encryptor = Cipher(algorithms.AES(aes_value), modes.CBC(iv)).encryptor()
            return encryptor.update(padder.update(data) + padder.finalize()) + encryptor.finalize()

        def aes_cbc():
            iv = bytes(range(16, 32))
            data, returned_iv = client.encrypt(plaintext, aes_id, cbc, iv_counter_nonce=iv)
            expected = local_cbc(iv, plaintext)
            expect(data == expected, f"ciphertext {data.hex()}, expected {expected.hex()}")
            expect(returned_iv in (None, iv), f"the server returned the IV {returned_iv!r}, another than the given")
            back = client.decrypt(data, aes_id, cbc, iv_counter_nonce=iv)
            expect(back == plaintext, f"Decrypt gave {back!r}")
            return f"{len(data)} bytes, matches AES-CBC + PKCS#7"

        suite.check(f"{v} AES-256-CBC PKCS5 encrypt/decrypt with a given IV", aes_cbc)

        def aes_cbc_server_iv():
            data, iv = client.encrypt(plaintext, aes_id, cbc)
            expect(iv is not None and len(iv) == 16, f"IV returned: {iv!r}")
            expect(data == local_cbc(iv, plaintext), "ciphertext is not AES-CBC under the returned IV")
            back = client.decrypt(data, aes_id, cbc, iv_counter_nonce=iv)
            expect(back == plaintext, f"Decrypt gave {back!r}")
            again, other_iv = client.encrypt(plaintext, aes_id, cbc)
            expect(other_iv != iv and again != data, "two Encrypts without an IV got the same IV")
            return f"IV {iv.hex()}"

        suite.check(f"{v} AES-256-CBC encrypt without an IV: the server returns one", aes_cbc_server_iv)

    hmac_value = hashlib.sha256(b"pykmip hmac " + token.encode() + bytes([major, minor])).digest()

    def hmac_sha256():
        uid = active_key(
            client,
            objects.SymmetricKey(
                enums.CryptographicAlgorithm.HMAC_SHA256,
                256,
                hmac_value,
                masks=[enums.CryptographicUsageMask.MAC_GENERATE, enums.CryptographicUsageMask.MAC_VERIFY],
                name=f"{prefix}-hmac",
            ),
        )
        data = b"pykmip mac data " + token.encode()
        got_uid, mac = client.mac(data, uid, algorithm=enums.CryptographicAlgorithm.HMAC_SHA256)
        expect(got_uid == uid, f"Unique Identifier {got_uid}")
        expected = hmac.new(hmac_value, data, hashlib.sha256).digest()
        expect(mac == expected, f"MAC {mac.hex()}, expected {expected.hex()}")
        state["hmac"] = (uid, data, mac)
        return "matches hmac.new(sha256)"

    if suite.check(f"{v} HMAC-SHA256 MAC", hmac_sha256):

        def mac_verify():
            # PyKMIP 0.11 has no MAC Verify call or payload.
            uid, data, mac = state["hmac"]
            params = crypto_parameters(client, cryptographic_algorithm=enums.CryptographicAlgorithm.HMAC_SHA256)

            def verify(data, mac):
                payload = send_raw(
                    proxy,
                    enums.Operation.MAC_VERIFY,
                    FieldsPayload(
                        [
                            primitives.TextString(uid, tag=enums.Tags.UNIQUE_IDENTIFIER),
                            params,
                            primitives.ByteString(data, tag=enums.Tags.DATA),
                            primitives.ByteString(mac, tag=enums.Tags.MAC_DATA),
                        ]
                    ),
                )
                expect(ttlv_child(payload, enums.Tags.UNIQUE_IDENTIFIER) == uid, f"Unique Identifier in {payload}")
                return enums.ValidityIndicator(ttlv_child(payload, enums.Tags.VALIDITY_INDICATOR))

            valid = verify(data, mac)
            expect(valid == enums.ValidityIndicator.VALID, f"MAC Verify of the right MAC: {valid}")
            invalid = verify(data + b"!", mac)
            expect(invalid == enums.ValidityIndicator.INVALID, f"MAC Verify of a modified message: {invalid}")

        suite.check(f"{v} HMAC-SHA256 MAC Verify", mac_verify)

    def derive_pbkdf2():
        password = b"pykmip derivation secret " + token.encode()
        base_id = active_key(
            client,
            objects.SecretData(
                password,
                enums.SecretDataType.PASSWORD,
                masks=[enums.CryptographicUsageMask.DERIVE_KEY],
                name=f"{prefix}-pbkdf2-base",
            ),
        )
        salt = b"pykmip salt " + token.encode()
        derived_id = client.derive_key(
            enums.ObjectType.SYMMETRIC_KEY,
            [base_id],
            enums.DerivationMethod.PBKDF2,
            {
                "cryptographic_parameters": {"hashing_algorithm": enums.HashingAlgorithm.SHA_256},
                "salt": salt,
                "iteration_count": 1000,
            },
            cryptographic_length=128,
            cryptographic_algorithm=enums.CryptographicAlgorithm.AES,
            cryptographic_usage_mask=[enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT],
        )
        expect(derived_id and derived_id != base_id, f"derived id {derived_id!r}")
        derived = client.get(derived_id)
        expect(isinstance(derived, objects.SymmetricKey), f"a {type(derived).__name__}")
        expect(derived.cryptographic_algorithm == enums.CryptographicAlgorithm.AES, derived.cryptographic_algorithm)
        expect(derived.cryptographic_length == 128, derived.cryptographic_length)
        expected = hashlib.pbkdf2_hmac("sha256", password, salt, 1000, 16)
        expect(derived.value == expected, f"derived {derived.value.hex()}, expected {expected.hex()}")
        return "matches hashlib.pbkdf2_hmac"

    suite.check(f"{v} derive key: PBKDF2-HMAC-SHA256", derive_pbkdf2)

    def wrapped_get(mode, unwrap, target_value, target, target_tag):
        """Get of target (a managed object holding target_value) wrapped by
        a known AES-256 KEK with mode; unwrap(kek, wrapped) undoes it."""

        def run():
            kek_value = hashlib.sha256(b"pykmip kek " + token.encode() + bytes([major, minor, mode.value])).digest()
            kek_id = active_key(
                client,
                objects.SymmetricKey(
                    enums.CryptographicAlgorithm.AES,
                    256,
                    kek_value,
                    masks=[enums.CryptographicUsageMask.WRAP_KEY, enums.CryptographicUsageMask.UNWRAP_KEY],
                    name=f"{prefix}-kek-{mode.name.lower()}",
                ),
            )
            target_id = client.register(target)
            spec = client._build_key_wrapping_specification(
                {
                    "wrapping_method": enums.WrappingMethod.ENCRYPT,
                    "encryption_key_information": {
                        "unique_identifier": kek_id,
                        "cryptographic_parameters": {"block_cipher_mode": mode},
                    },
                }
            )
            # Sent with PyKMIP's Get payload; the answer is decoded here:
            # client.get fails on a wrapped Key Value, a Byte String, as
            # PyKMIP 0.11 reads Key Value only as a structure (ReadValueError
            # "Tried to read Base.type: expected 1, received 8").
            payload = send_raw(
                proxy,
                enums.Operation.GET,
                payloads.GetRequestPayload(unique_identifier=target_id, key_wrapping_specification=spec),
            )
            expect(ttlv_child(payload, enums.Tags.UNIQUE_IDENTIFIER) == target_id, f"Unique Identifier in {payload}")
            key = ttlv_child(payload, target_tag)
            expect(key is not None, f"no {target_tag.name} in {payload}")
            block = ttlv_child(key, enums.Tags.KEY_BLOCK)
            wrapping = ttlv_child(block, enums.Tags.KEY_WRAPPING_DATA)
            expect(wrapping is not None, "no Key Wrapping Data")
            expect(
                ttlv_child(wrapping, enums.Tags.WRAPPING_METHOD) == enums.WrappingMethod.ENCRYPT.value,
                f"Wrapping Method {ttlv_child(wrapping, enums.Tags.WRAPPING_METHOD)}",
            )
            info = ttlv_child(wrapping, enums.Tags.ENCRYPTION_KEY_INFORMATION)
            expect(
                info is not None and ttlv_child(info, enums.Tags.UNIQUE_IDENTIFIER) == kek_id,
                f"Encryption Key Information {info}",
            )
            wrapped = ttlv_child(block, enums.Tags.KEY_VALUE)
            expect(isinstance(wrapped, bytes), f"Key Value is not a Byte String: {wrapped!r}")
            expect(wrapped != target_value, "the key came back in the clear")
            unwrapped = unwrap(kek_value, wrapped)
            expect(unwrapped == target_value, f"unwrapped {unwrapped.hex()}, expected {target_value.hex()}")
            return f"{len(wrapped)} wrapped bytes"

        return run

    wrapped_key = os.urandom(16)
    suite.check(
        f"{v} get an AES key wrapped with AES key wrap (RFC 3394)",
        wrapped_get(
            enums.BlockCipherMode.NIST_KEY_WRAP,
            keywrap.aes_key_unwrap,
            wrapped_key,
            objects.SymmetricKey(
                enums.CryptographicAlgorithm.AES,
                128,
                wrapped_key,
                masks=[enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT],
                name=f"{prefix}-wrapped-key",
            ),
            enums.Tags.SYMMETRIC_KEY,
        ),
    )
    # 20 bytes, not a multiple of 8: only the padded variant wraps them.
    wrapped_secret = os.urandom(20)
    suite.check(
        f"{v} get secret data wrapped with AES key wrap with padding (RFC 5649)",
        wrapped_get(
            enums.BlockCipherMode.AES_KEY_WRAP_PADDING,
            keywrap.aes_key_unwrap_with_padding,
            wrapped_secret,
            objects.SecretData(wrapped_secret, enums.SecretDataType.SEED, name=f"{prefix}-wrapped-secret"),
            enums.Tags.SECRET_DATA,
        ),
    )

    def rng_retrieve():
        # PyKMIP 0.11 has no RNG Retrieve call or payload.
        def retrieve():
            payload = send_raw(
                proxy,
                enums.Operation.RNG_RETRIEVE,
                FieldsPayload([primitives.Integer(32, tag=enums.Tags.DATA_LENGTH)]),
            )
            data = ttlv_child(payload, enums.Tags.DATA)
            expect(isinstance(data, bytes) and len(data) == 32, f"Data {data!r}")
            return data

        first, second = retrieve(), retrieve()
        expect(first != second, "two RNG Retrieves gave the same 32 bytes")
        expect(first != bytes(32), "32 zero bytes")
        return "32 bytes twice, different"

    suite.check(f"{v} RNG Retrieve", rng_retrieve)

    def hash_sha256():
        # PyKMIP 0.11 has no Hash call or payload.
        data = b"pykmip hash data " + token.encode()
        payload = send_raw(
            proxy,
            enums.Operation.HASH,
            FieldsPayload(
                [
                    crypto_parameters(client, hashing_algorithm=enums.HashingAlgorithm.SHA_256),
                    primitives.ByteString(data, tag=enums.Tags.DATA),
                ]
            ),
        )
        digest = ttlv_child(payload, enums.Tags.DATA)
        expected = hashlib.sha256(data).digest()
        expect(digest == expected, f"digest {digest!r}, expected {expected.hex()}")
        return "matches hashlib.sha256"

    suite.check(f"{v} Hash SHA-256", hash_sha256)


def version_suite(suite, args, version, token):
    v = "KMIP %d.%d" % VERSION_NUMBERS[version]
    major, minor = VERSION_NUMBERS[version]
    client = new_client(args, version)
    if not suite.check(f"{v} connect", client.open):
        return
    proxy = client.proxy
    state = {}
    key_name = f"pykmip-{token}-{major}.{minor}-aes"

    def discover_versions():
        if (major, minor) == (1, 0):
            # Discover Versions is a KMIP 1.1 operation: a 1.0 request for
            # it must fail as unsupported. PyKMIP's discover_versions()
            # cannot read a failed answer (it dereferences the missing
            # payload), so the request goes out as a plain batch item.
            response = send_batch(
                proxy, [item(enums.Operation.DISCOVER_VERSIONS, payloads.DiscoverVersionsRequestPayload(), 1)]
            )
            expect(len(response.batch_items) == 1, f"{len(response.batch_items)} batch items")
            answer = response.batch_items[0]
            expect(
                answer.result_status.value == enums.ResultStatus.OPERATION_FAILED
                and answer.result_reason.value == enums.ResultReason.OPERATION_NOT_SUPPORTED,
                f"{answer.result_status.value} {answer.result_reason and answer.result_reason.value}",
            )
            return "not a 1.0 operation: Operation Not Supported"
        result = proxy.discover_versions()
        expect(result.result_status.value == enums.ResultStatus.SUCCESS, f"status {result.result_status.value}")
        offered = [(p.major, p.minor) for p in result.protocol_versions]
        for wanted in [(2, 0), (1, 4), (1, 2), (1, 0)]:
            expect(wanted in offered, f"{wanted} missing from {offered}")
        expect(offered == sorted(offered, reverse=True), f"not newest first: {offered}")
        # With a list, only the versions both speak come back.
        asked = [contents.ProtocolVersion(1, 2), contents.ProtocolVersion(9, 9)]
        result = proxy.discover_versions(protocol_versions=asked)
        expect(result.result_status.value == enums.ResultStatus.SUCCESS, f"status {result.result_status.value}")
        filtered = [(p.major, p.minor) for p in result.protocol_versions]
        expect(filtered == [(1, 2)], f"asked 1.2 and 9.9, got {filtered}")
        return "offered " + " ".join("%d.%d" % p for p in offered)

    suite.check(f"{v} discover versions", discover_versions)

    def query():
        result = proxy.query(
            query_functions=[
                enums.QueryFunction.QUERY_OPERATIONS,
                enums.QueryFunction.QUERY_OBJECTS,
                enums.QueryFunction.QUERY_SERVER_INFORMATION,
            ]
        )
        expect(result.result_status.value == enums.ResultStatus.SUCCESS, f"status {result.result_status.value}")
        ops = set(result.operations or [])
        needed = {
            enums.Operation.CREATE,
            enums.Operation.REGISTER,
            enums.Operation.LOCATE,
            enums.Operation.GET,
            enums.Operation.GET_ATTRIBUTES,
            enums.Operation.GET_ATTRIBUTE_LIST,
            enums.Operation.ACTIVATE,
            enums.Operation.REVOKE,
            enums.Operation.DESTROY,
            enums.Operation.QUERY,
        }
        expect(needed <= ops, f"missing operations {needed - ops}")
        # Only operations the request's version defines are listed.
        expect((enums.Operation.DISCOVER_VERSIONS in ops) == ((major, minor) >= (1, 1)), "Discover Versions listing")
        expect((enums.Operation.SET_ATTRIBUTE in ops) == (major >= 2), "Set Attribute listing")
        types = set(result.object_types or [])
        needed_types = {enums.ObjectType.SYMMETRIC_KEY, enums.ObjectType.SECRET_DATA, enums.ObjectType.OPAQUE_DATA}
        expect(needed_types <= types, f"missing object types {needed_types - types}")
        expect(result.vendor_identification, "no Vendor Identification")
        return f"{len(ops)} operations, {len(types)} object types, vendor {result.vendor_identification!r}"

    suite.check(f"{v} query operations and objects", query)

    def create():
        state["id"] = client.create(enums.CryptographicAlgorithm.AES, 256, name=key_name)
        expect(state["id"], "no Unique Identifier")
        return state["id"]

    if not suite.check(f"{v} create AES-256", create):
        client.close()
        return
    uid = state["id"]

    def get():
        key = client.get(uid)
        expect(isinstance(key, objects.SymmetricKey), f"a {type(key).__name__}")
        expect(len(key.value) == 32, f"{len(key.value)} bytes")
        expect(key.cryptographic_algorithm == enums.CryptographicAlgorithm.AES, key.cryptographic_algorithm)
        expect(key.cryptographic_length == 256, key.cryptographic_length)
        return "32 bytes"

    suite.check(f"{v} get", get)

    def get_attributes_named():
        wanted = ["State", "Cryptographic Algorithm", "Cryptographic Length", "Name", "Object Type"]
        got_uid, got = client.get_attributes(uid, wanted)
        expect(got_uid == uid, f"Unique Identifier {got_uid}")
        values = attribute_values(got)
        expect(values.get("State") == [enums.State.PRE_ACTIVE], f"State {values.get('State')}")
        expect(
            values.get("Cryptographic Algorithm") == [enums.CryptographicAlgorithm.AES],
            f"Cryptographic Algorithm {values.get('Cryptographic Algorithm')}",
        )
        expect(values.get("Cryptographic Length") == [256], f"Cryptographic Length {values.get('Cryptographic Length')}")
        expect(values.get("Name") == [key_name], f"Name {values.get('Name')}")
        expect(values.get("Object Type") == [enums.ObjectType.SYMMETRIC_KEY], f"Object Type {values.get('Object Type')}")

    suite.check(f"{v} get attributes (by name)", get_attributes_named)

    def get_attributes_all():
        try:
            got_uid, got = client.get_attributes(uid)
        except Exception as e:
            # PyKMIP 0.11 knows no value type for attributes newer than 1.2
            # (Random Number Generator, 1.3) or 2.0's Short Unique
            # Identifier, and aborts decoding the whole response.
            text = str(e)
            if "RANDOM_NUMBER_GENERATOR" in text or "SHORT_UNIQUE_IDENTIFIER" in text:
                raise Skip(f"PyKMIP 0.11 cannot decode every attribute the server holds: {type(e).__name__}: {text}")
            raise
        expect(got_uid == uid, f"Unique Identifier {got_uid}")
        values = attribute_values(got)
        for name in ["Unique Identifier", "Object Type", "State", "Cryptographic Length", "Initial Date", "Name"]:
            expect(name in values, f"{name} missing from {sorted(values)}")
        return f"{len(got)} attributes"

    suite.check(f"{v} get attributes (all)", get_attributes_all)

    def get_attribute_list():
        listed = client.get_attribute_list(uid)
        for name in ["Unique Identifier", "Object Type", "State", "Cryptographic Algorithm", "Cryptographic Length"]:
            expect(name in listed, f"{name} missing from {listed}")
        expect(len(listed) == len(set(listed)), f"duplicates in {listed}")
        return f"{len(listed)} names"

    suite.check(f"{v} get attribute list", get_attribute_list)

    def locate():
        ids = client.locate(attributes=[name_attribute(key_name)])
        expect(ids == [uid], f"located {ids}, expected [{uid}]")
        ids = client.locate(attributes=[name_attribute(f"pykmip-{token}-no-such-name")])
        expect(ids == [], f"an unused name located {ids}")

    suite.check(f"{v} locate by name", locate)

    def batch_create_get():
        # Create + Get in one message; the Get names no object, so it acts
        # on the ID Placeholder the Create set.
        template = cobjects.TemplateAttribute(
            attributes=[
                ATTRIBUTES.create_attribute(
                    enums.AttributeType.CRYPTOGRAPHIC_ALGORITHM, enums.CryptographicAlgorithm.AES
                ),
                ATTRIBUTES.create_attribute(enums.AttributeType.CRYPTOGRAPHIC_LENGTH, 256),
                ATTRIBUTES.create_attribute(
                    enums.AttributeType.CRYPTOGRAPHIC_USAGE_MASK,
                    [enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT],
                ),
            ]
        )
        response = send_batch(
            proxy,
            [
                item(
                    enums.Operation.CREATE,
                    payloads.CreateRequestPayload(object_type=enums.ObjectType.SYMMETRIC_KEY, template_attribute=template),
                    1,
                ),
                item(enums.Operation.GET, payloads.GetRequestPayload(), 2),
            ],
        )
        answers = response.batch_items
        expect(len(answers) == 2, f"{len(answers)} batch items")
        for n, answer in enumerate(answers, 1):
            expect(
                answer.result_status.value == enums.ResultStatus.SUCCESS,
                f"item {n}: {answer.result_status.value} {answer.result_reason and answer.result_reason.value} "
                f"{answer.result_message and answer.result_message.value}",
            )
            expect(answer.unique_batch_item_id.value == bytes([n]), f"item {n}: batch item id")
        created = answers[0].response_payload.unique_identifier
        got = answers[1].response_payload
        expect(got.unique_identifier == created, f"Get answered {got.unique_identifier}, Create made {created}")
        material = got.secret.key_block.key_value.key_material.value
        expect(len(material) == 32, f"{len(material)} bytes")
        return created

    suite.check(f"{v} batch: Create + Get (ID Placeholder)", batch_create_get)

    def batch_mode():
        # KMIPProxy's batch mode queues items (batch=True); PyKMIP 0.11 has
        # no public call to send the queue, so it goes out with the proxy's
        # own message builder.
        proxy.batch_items = []
        proxy.query(batch=True, query_functions=[enums.QueryFunction.QUERY_OPERATIONS])
        if (major, minor) >= (1, 1):
            proxy.discover_versions(batch=True)
            second = "Discover Versions"
        else:
            proxy.query(batch=True, query_functions=[enums.QueryFunction.QUERY_OBJECTS])
            second = "Query objects (Discover Versions is not 1.0)"
        items, proxy.batch_items = proxy.batch_items, []
        for n, queued in enumerate(items, 1):
            queued.unique_batch_item_id = contents.UniqueBatchItemID(bytes([n]))
        results = proxy._process_batch_items(send_batch(proxy, items))
        expect(len(results) == 2, f"{len(results)} results")
        for n, result in enumerate(results, 1):
            expect(result.result_status.value == enums.ResultStatus.SUCCESS, f"item {n}: {result.result_status.value}")
        expect(enums.Operation.QUERY in (results[0].operations or []), "Query lists no Query")
        if (major, minor) >= (1, 1):
            expect(results[1].protocol_versions, "no protocol versions")
        else:
            expect(results[1].object_types, "no object types")
        return f"Query + {second}"

    suite.check(f"{v} batch mode: two items", batch_mode)

    def set_attribute():
        if major < 2:
            try:
                client.set_attribute(uid, attribute_name="Contact Information", attribute_value="x")
            except core_exceptions.VersionNotSupported as e:
                raise Skip(f"PyKMIP refuses to send it: {e} (a 2.0 operation)") from e
            raise AssertionError("PyKMIP sent a 2.0 operation at 1.x")
        contact = f"pykmip-{token}-contact"
        got = client.set_attribute(uid, attribute_name="Contact Information", attribute_value=contact)
        expect(got == uid, f"Unique Identifier {got}")
        _, attrs = client.get_attributes(uid, ["Contact Information"])
        values = attribute_values(attrs).get("Contact Information")
        expect(values == [contact], f"Contact Information {values}")
        # Set again: the single instance is replaced.
        client.set_attribute(uid, attribute_name="Contact Information", attribute_value=contact + "-2")
        _, attrs = client.get_attributes(uid, ["Contact Information"])
        values = attribute_values(attrs).get("Contact Information")
        expect(values == [contact + "-2"], f"Contact Information after a second Set {values}")

    suite.check(f"{v} set attribute", set_attribute)

    def activate():
        got = client.activate(uid)
        expect(got is None, f"activate returned {got!r}")
        state_now = state_of(client, uid)
        expect(state_now == enums.State.ACTIVE, f"State {state_now}")

    suite.check(f"{v} activate", activate)

    def destroy_active():
        note = expect_failure(
            lambda: client.destroy(uid),
            {enums.ResultReason.PERMISSION_DENIED, enums.ResultReason.WRONG_KEY_LIFECYCLE_STATE},
            "Destroy of an Active key",
        )
        state_now = state_of(client, uid)
        expect(state_now == enums.State.ACTIVE, f"State after the refused Destroy: {state_now}")
        return note

    suite.check(f"{v} destroy of an active key fails", destroy_active)

    def revoke():
        client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid, revocation_message="pykmip suite")
        state_now = state_of(client, uid)
        expect(state_now == enums.State.DEACTIVATED, f"State {state_now}")

    suite.check(f"{v} revoke", revoke)

    def destroy():
        client.destroy(uid)
        note = expect_failure(
            lambda: client.get(uid),
            {
                enums.ResultReason.ITEM_NOT_FOUND,
                enums.ResultReason.OBJECT_NOT_FOUND,
                enums.ResultReason.OBJECT_DESTROYED,
                enums.ResultReason.PERMISSION_DENIED,
                enums.ResultReason.WRONG_KEY_LIFECYCLE_STATE,
            },
            "Get after Destroy",
        )
        return f"Get afterwards: {note}"

    suite.check(f"{v} destroy", destroy)

    def register_and_get(kind, managed, check_value):
        def run():
            uid = client.register(managed)
            expect(uid, "no Unique Identifier")
            got = client.get(uid)
            expect(type(got) is type(managed), f"got a {type(got).__name__}")
            check_value(got)
            # PyKMIP adds a default Name to every Register ("Secret Data",
            # "Opaque Object", ...): this object's own name finds only it.
            ids = client.locate(attributes=[name_attribute(managed.names[0])])
            expect(ids == [uid], f"located {ids}, expected [{uid}]")
            return uid

        suite.check(f"{v} register and get {kind}", run)

    secret_value = b"pykmip secret \x00\x01\xff " + token.encode()
    secret = objects.SecretData(
        secret_value,
        enums.SecretDataType.PASSWORD,
        masks=[enums.CryptographicUsageMask.DERIVE_KEY],
        name=f"pykmip-{token}-{major}.{minor}-secret",
    )

    def check_secret(got):
        expect(got.value == secret_value, f"value {got.value!r}")
        expect(got.data_type == enums.SecretDataType.PASSWORD, f"type {got.data_type}")

    register_and_get("secret data", secret, check_secret)

    opaque_value = bytes(range(256)) + token.encode()
    opaque = objects.OpaqueObject(
        opaque_value, enums.OpaqueDataType.NONE, name=f"pykmip-{token}-{major}.{minor}-opaque"
    )

    def check_opaque(got):
        expect(got.value == opaque_value, f"value {got.value!r}")
        expect(got.opaque_type == enums.OpaqueDataType.NONE, f"type {got.opaque_type}")

    register_and_get("opaque object", opaque, check_opaque)

    key_value = os.urandom(16)
    symmetric = objects.SymmetricKey(
        enums.CryptographicAlgorithm.AES,
        128,
        key_value,
        masks=[enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT],
        name=f"pykmip-{token}-{major}.{minor}-registered",
    )

    def check_symmetric(got):
        expect(got.value == key_value, "key bytes differ")
        expect(got.cryptographic_algorithm == enums.CryptographicAlgorithm.AES, got.cryptographic_algorithm)
        expect(got.cryptographic_length == 128, got.cryptographic_length)

    register_and_get("symmetric key", symmetric, check_symmetric)

    def unknown_id():
        missing = f"pykmip-{token}-no-such-id"
        notes = [
            expect_failure(
                lambda: client.get(missing),
                {enums.ResultReason.ITEM_NOT_FOUND, enums.ResultReason.OBJECT_NOT_FOUND},
                "Get of an unknown id",
            ),
            expect_failure(
                lambda: client.activate(missing),
                {enums.ResultReason.ITEM_NOT_FOUND, enums.ResultReason.OBJECT_NOT_FOUND},
                "Activate of an unknown id",
            ),
        ]
        # The connection is still usable afterwards.
        result = proxy.query(query_functions=[enums.QueryFunction.QUERY_OBJECTS])
        expect(result.result_status.value == enums.ResultStatus.SUCCESS, "Query after the failures")
        return notes[0]

    suite.check(f"{v} unknown id fails cleanly", unknown_id)
    crypto_section(suite, client, version, token)
    client.close()


# Refusals ---------------------------------------------------------------


def foreign_identity(directory):
    """A CA the server does not know and a client certificate from it, with
    the same subject as the trusted admin certificate."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kms development CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "admin")]))
        .issuer_name(ca_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert_path = os.path.join(directory, "foreign.pem")
    key_path = os.path.join(directory, "foreign.key")
    with open(cert_path, "wb") as f:
        f.write(leaf.public_bytes(serialization.Encoding.PEM))
        f.write(ca_cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(
            leaf_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    return cert_path, key_path


# What a refused connection looks like to the client: a TLS alert, a reset
# or a close before any KMIP answer.
REFUSED = (ssl.SSLError, ConnectionError, EOFError, RequestLengthMismatch)


def probe(args, cert, key):
    """Opens PyKMIP's connection with cert/key (None for no certificate)
    and sends a Query: (the Query result, None), or (None, the exception).
    A KMIP answer of any status counts as answered."""
    client = ProxyKmipClient(
        hostname=args.host,
        port=args.port,
        cert=cert,
        key=key,
        ca=args.ca,
        kmip_version=enums.KMIPVersion.KMIP_1_2,
        config_file=CONFIG_FILE,
    )
    client.proxy.timeout = TIMEOUT
    expect((client.proxy.certfile, client.proxy.keyfile) == (cert, key), "PyKMIP chose another certificate")
    try:
        client.open()
        result = client.proxy.query(query_functions=[enums.QueryFunction.QUERY_OPERATIONS])
        return result, None
    except Exception as e:
        return None, e
    finally:
        try:
            client.close()
        except Exception:
            pass


def expect_refused(args, cert, key):
    result, error = probe(args, cert, key)
    if error is None:
        raise AssertionError(f"the server answered: {result.result_status.value}")
    if isinstance(error, (socket.timeout, TimeoutError)):
        raise AssertionError(f"no answer and no close within {TIMEOUT}s: {error!r}")
    if not isinstance(error, REFUSED):
        raise AssertionError(f"not a refusal: {type(error).__name__}: {error}")
    return f"{type(error).__name__}: {error}"


def first_client_bytes(context, count):
    """The first bytes the context sends (its ClientHello), caught on a
    local socket that closes without answering."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(TIMEOUT)
    caught = {}

    def accept():
        try:
            peer, _ = listener.accept()
        except OSError:
            return
        with peer:
            peer.settimeout(TIMEOUT)
            data = b""
            while len(data) < count:
                chunk = peer.recv(count - len(data))
                if not chunk:
                    break
                data += chunk
            caught["hello"] = data

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        with socket.create_connection(listener.getsockname(), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname="localhost"):
                pass
    except (ssl.SSLError, OSError):
        pass
    finally:
        thread.join(TIMEOUT)
        listener.close()
    return caught.get("hello", b"")


def tls11_refused(args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_verify_locations(args.ca)
        context.load_cert_chain(args.cert, args.key)
        try:
            context.minimum_version = ssl.TLSVersion.TLSv1_1
            context.maximum_version = ssl.TLSVersion.TLSv1_1
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
        except (ValueError, ssl.SSLError) as e:
            raise Skip(f"this Python/OpenSSL cannot offer TLS 1.1: {e}") from e
    # The ClientHello must really offer TLS 1.1 (record type 22, handshake
    # type 1, client_version 3.2), else a local refusal would pass as the
    # server's.
    hello = first_client_bytes(context, 11)
    if len(hello) < 11 or hello[0] != 0x16 or hello[5] != 0x01:
        raise Skip(f"this Python/OpenSSL sends no TLS 1.1 ClientHello ({hello.hex()})")
    expect(hello[9:11] == b"\x03\x02", f"ClientHello version {hello[9:11].hex()}, not 0302")
    try:
        with socket.create_connection((args.host, args.port), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname="localhost") as tls:
                version = tls.version()
                # A handshake the server completed: does it answer KMIP?
                raise AssertionError(f"the TLS 1.1 handshake completed ({version})")
    except (ssl.SSLError, ConnectionError) as e:
        return f"{type(e).__name__}: {e}"
    except (socket.timeout, TimeoutError) as e:
        raise AssertionError(f"no answer and no close within {TIMEOUT}s") from e


def refusals(suite, args):
    with tempfile.TemporaryDirectory() as directory:
        foreign_cert, foreign_key = foreign_identity(directory)
        suite.check(
            "refused: a certificate from a foreign CA", lambda: expect_refused(args, foreign_cert, foreign_key)
        )
    suite.check("refused: no client certificate", lambda: expect_refused(args, None, None))

    def control():
        # The same probe with the trusted certificate is answered, so the
        # refusals above are the server's doing, not the probe's.
        result, error = probe(args, args.cert, args.key)
        expect(error is None, f"the probe fails with the trusted certificate: {error!r}")
        expect(result.result_status.value == enums.ResultStatus.SUCCESS, f"status {result.result_status.value}")

    suite.check("control: the same probe with the trusted certificate is answered", control)
    suite.check("refused: TLS 1.1", lambda: tls11_refused(args))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True, help="the CA that signed the server certificate (PEM)")
    parser.add_argument("--cert", required=True, help="a client certificate the server trusts (PEM)")
    parser.add_argument("--key", required=True, help="its private key (PEM)")
    args = parser.parse_args()
    # PyKMIP logs a warning per client when it finds no pykmip.conf, and
    # errors the checks report themselves.
    logging.disable(logging.CRITICAL)
    for path in (args.ca, args.cert, args.key):
        if not os.path.isfile(path):
            parser.error(f"{path}: no such file")

    import kmip

    print(f"pykmip {kmip.__version__}, Python {sys.version.split()[0]}, {ssl.OPENSSL_VERSION}", flush=True)
    suite = Suite()
    token = uuid.uuid4().hex[:8]
    global CONFIG_FILE
    with tempfile.TemporaryDirectory() as directory:
        CONFIG_FILE = os.path.join(directory, "pykmip.conf")
        open(CONFIG_FILE, "w").close()
        for version in VERSIONS:
            version_suite(suite, args, version, token)
        refusals(suite, args)
    print(f"pykmip: {suite.passed} passed, {suite.failed} failed, {suite.skipped} skipped", flush=True)
    return 1 if suite.failed else 0


if __name__ == "__main__":
    sys.exit(main())
