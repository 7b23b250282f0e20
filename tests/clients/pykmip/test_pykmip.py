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
print(f"pykmip: {ok} passed, {fail} failed")
sys.exit(1 if fail else 0)
