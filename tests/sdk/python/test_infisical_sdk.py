"""The official Infisical Python SDK (infisicalsdk 1.0.17, unmodified) against a real kms server.

tests/sdk/run.sh starts the server, seeds tests/sdk/seed.json with the kms CLI and exports:
KMS_URL (https://127.0.0.1:PORT), REQUESTS_CA_BUNDLE (the data dir's dev CA, which `requests`
trusts), CLIENT_ID / CLIENT_SECRET (a machine identity attached to the project as member),
PROJECT_ID and PROJECT_SLUG. Every assertion is on what the SDK returns after parsing the
server's answer with its own models, so a missing required field fails here as it would in a
user's program. The suite writes only names that start with PY_ (the Node suite uses NODE_), so
both can share one server.

Run it alone with: KMS_URL=... CLIENT_ID=... python3 -m pytest -q tests/sdk/python
"""

import json
import os
import pathlib
import uuid

import pytest
from infisical_sdk import InfisicalSDKClient
from infisical_sdk.api_types import BaseSecret, ListSecretsResponse, MachineIdentityLoginResponse
from infisical_sdk.infisical_requests import APIError

SEED = json.loads((pathlib.Path(__file__).resolve().parent.parent / "seed.json").read_text())
URL = os.environ["KMS_URL"]
PROJECT_ID = os.environ["PROJECT_ID"]
PROJECT_SLUG = os.environ.get("PROJECT_SLUG", SEED["project"]["slug"])


def seeded(env, path="/"):
    """The seeded secrets of one environment and path, as {key: raw value}."""
    return {s["key"]: s["value"] for s in SEED["secrets"] if s["env"] == env and s["path"] == path}


def new_client():
    # cache_ttl=None: every call reaches the server (the SDK caches reads for 60 s by default).
    return InfisicalSDKClient(host=URL, cache_ttl=None)


@pytest.fixture(scope="module")
def client():
    c = new_client()
    c.auth.universal_auth.login(os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"])
    yield c
    c.close()


def unique(prefix):
    return f"PY_{prefix}_{uuid.uuid4().hex[:8].upper()}"


def by_key(secrets):
    return {s.secretKey: s for s in secrets}


# --- Universal Auth --------------------------------------------------------------------------


def test_login_returns_the_four_fields():
    c = new_client()
    login = c.auth.universal_auth.login(os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"])
    assert isinstance(login, MachineIdentityLoginResponse)
    assert login.tokenType == "Bearer"
    assert isinstance(login.accessToken, str) and len(login.accessToken) >= 16
    assert not login.accessToken.startswith("st."), "the Infisical CLI would take it for a service token"
    assert isinstance(login.expiresIn, int) and login.expiresIn >= 0
    assert isinstance(login.accessTokenMaxTTL, int) and login.accessTokenMaxTTL > 0
    assert c.get_token() == login.accessToken
    c.close()


def test_login_with_a_wrong_secret_is_401():
    c = new_client()
    with pytest.raises(APIError) as caught:
        c.auth.universal_auth.login(os.environ["CLIENT_ID"], "not-the-secret")
    assert caught.value.status_code == 401
    body = caught.value.response
    assert body["statusCode"] == 401
    assert isinstance(body["message"], str) and body["message"]
    assert body["reqId"].startswith("req-")
    assert "error" in body
    c.close()


def test_without_a_token_reads_are_401():
    c = new_client()
    with pytest.raises(APIError) as caught:
        c.secrets.list_secrets(environment_slug="dev", secret_path="/", project_id=PROJECT_ID)
    assert caught.value.status_code == 401
    c.close()


def test_a_forged_token_is_401():
    c = InfisicalSDKClient(host=URL, token="forged-" + uuid.uuid4().hex, cache_ttl=None)
    with pytest.raises(APIError) as caught:
        c.secrets.get_secret_by_name(
            secret_name="DB_URL", environment_slug="dev", secret_path="/", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 401
    c.close()


# --- Reading seeded secrets ------------------------------------------------------------------


def test_list_secrets_returns_the_seeded_dev_secrets(client):
    listed = client.secrets.list_secrets(
        environment_slug="dev", secret_path="/", project_id=PROJECT_ID, expand_secret_references=False
    )
    assert isinstance(listed, ListSecretsResponse)
    got = by_key(listed.secrets)
    for key, value in seeded("dev").items():
        assert key in got, f"{key} missing from the dev listing"
        s = got[key]
        assert isinstance(s, BaseSecret)
        assert s.secretValue == value
        assert s.environment == "dev"
        assert s.workspace == PROJECT_ID
        assert s.type == "shared"
        assert isinstance(s.version, int) and s.version >= 1
        assert s.id and s._id == s.id
        assert s.secretPath in (None, "/")
    # A secret of a sub-folder is not listed at / without recursive.
    assert "NESTED" not in got


def test_list_secrets_by_project_slug(client):
    listed = client.secrets.list_secrets(
        environment_slug="prod", secret_path="/", project_slug=PROJECT_SLUG, expand_secret_references=False
    )
    got = {s.secretKey: s.secretValue for s in listed.secrets}
    for key, value in seeded("prod").items():
        assert got.get(key) == value


def test_environments_are_isolated(client):
    prod = by_key(
        client.secrets.list_secrets(environment_slug="prod", secret_path="/", project_id=PROJECT_ID).secrets
    )
    assert prod["DB_URL"].secretValue == seeded("prod")["DB_URL"]
    assert prod["DB_URL"].environment == "prod"
    assert "DEV_ONLY" not in prod
    with pytest.raises(APIError) as caught:
        client.secrets.get_secret_by_name(
            secret_name="DEV_ONLY", environment_slug="prod", secret_path="/", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 404


def test_get_secret_by_name(client):
    s = client.secrets.get_secret_by_name(
        secret_name="API_KEY", environment_slug="dev", secret_path="/", project_id=PROJECT_ID
    )
    assert isinstance(s, BaseSecret)
    assert s.secretKey == "API_KEY"
    assert s.secretValue == seeded("dev")["API_KEY"]
    assert s.environment == "dev"
    assert s.workspace == PROJECT_ID
    assert s.secretValueHidden is False


def test_get_a_missing_secret_is_404(client):
    with pytest.raises(APIError) as caught:
        client.secrets.get_secret_by_name(
            secret_name="PY_NO_SUCH_SECRET", environment_slug="dev", secret_path="/", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 404
    assert caught.value.response["statusCode"] == 404


def test_expand_secret_references(client):
    expanded = by_key(
        client.secrets.list_secrets(
            environment_slug="dev", secret_path="/", project_id=PROJECT_ID, expand_secret_references=True
        ).secrets
    )
    raw = by_key(
        client.secrets.list_secrets(
            environment_slug="dev", secret_path="/", project_id=PROJECT_ID, expand_secret_references=False
        ).secrets
    )
    assert raw["DB_DSN"].secretValue == seeded("dev")["DB_DSN"]
    assert expanded["DB_DSN"].secretValue == SEED["expanded"]["DB_DSN"]
    one = client.secrets.get_secret_by_name(
        secret_name="DB_DSN", environment_slug="dev", secret_path="/", project_id=PROJECT_ID,
        expand_secret_references=True,
    )
    assert one.secretValue == SEED["expanded"]["DB_DSN"]


def test_expand_a_reference_to_another_environment(client):
    expanded = by_key(
        client.secrets.list_secrets(
            environment_slug="dev", secret_path="/", project_id=PROJECT_ID, expand_secret_references=True
        ).secrets
    )
    assert expanded["PROD_DB"].secretValue == SEED["expanded"]["PROD_DB"]


def test_include_imports(client):
    imp = SEED["imports"][0]
    src = seeded(imp["from"]["env"], imp["from"]["path"])
    listed = client.secrets.list_secrets(
        environment_slug=imp["env"], secret_path=imp["path"], project_id=PROJECT_ID, include_imports=True
    )
    assert "API_KEY" in by_key(listed.secrets)
    assert not set(src) & set(by_key(listed.secrets)), "imported secrets come in `imports`, not `secrets`"
    entries = [i for i in listed.imports if i.environment == imp["from"]["env"] and i.secretPath == imp["from"]["path"]]
    assert len(entries) == 1, listed.imports
    # The SDK leaves an import's secrets as plain dicts.
    got = {s["secretKey"]: s["secretValue"] for s in entries[0].secrets}
    assert got == src
    without = client.secrets.list_secrets(
        environment_slug=imp["env"], secret_path=imp["path"], project_id=PROJECT_ID, include_imports=False
    )
    assert without.imports == []


def test_seeded_secret_in_a_folder(client):
    listed = client.secrets.list_secrets(environment_slug="dev", secret_path="/seeded", project_id=PROJECT_ID)
    got = by_key(listed.secrets)
    assert got["NESTED"].secretValue == seeded("dev", "/seeded")["NESTED"]
    assert got["NESTED"].secretPath in (None, "/seeded")
    assert "API_KEY" not in got


# --- Writing ----------------------------------------------------------------------------------


def test_create_update_delete_cycle(client):
    name = unique("CYCLE")
    created = client.secrets.create_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
        secret_value="first value", secret_comment="made by the python suite",
    )
    assert isinstance(created, BaseSecret)
    assert created.secretKey == name
    assert created.secretValue == "first value"
    assert created.secretComment == "made by the python suite"
    assert created.version == 1
    assert created.environment == "dev"
    assert created.workspace == PROJECT_ID

    fetched = client.secrets.get_secret_by_name(
        secret_name=name, environment_slug="dev", secret_path="/", project_id=PROJECT_ID
    )
    assert fetched.secretValue == "first value"
    assert fetched.id == created.id

    updated = client.secrets.update_secret_by_name(
        current_secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
        secret_value="second value",
    )
    assert updated.secretValue == "second value"
    assert updated.version == 2
    assert updated.secretComment == "made by the python suite", "an update without a comment keeps it"

    updated = client.secrets.update_secret_by_name(
        current_secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
        secret_comment="comment changed",
    )
    assert updated.secretComment == "comment changed"
    assert updated.secretValue == "second value", "an update without a value keeps it"
    assert updated.version >= 2

    listed = by_key(client.secrets.list_secrets(environment_slug="dev", secret_path="/", project_id=PROJECT_ID).secrets)
    assert listed[name].secretValue == "second value"
    assert listed[name].secretComment == "comment changed"

    deleted = client.secrets.delete_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID
    )
    assert isinstance(deleted, BaseSecret)
    assert deleted.secretKey == name
    with pytest.raises(APIError) as caught:
        client.secrets.get_secret_by_name(
            secret_name=name, environment_slug="dev", secret_path="/", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 404
    listed = by_key(client.secrets.list_secrets(environment_slug="dev", secret_path="/", project_id=PROJECT_ID).secrets)
    assert name not in listed


def test_a_past_version_can_be_read(client):
    name = unique("VERSIONS")
    client.secrets.create_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID, secret_value="v-one"
    )
    client.secrets.update_secret_by_name(
        current_secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
        secret_value="v-two",
    )
    current = client.secrets.get_secret_by_name(
        secret_name=name, environment_slug="dev", secret_path="/", project_id=PROJECT_ID
    )
    assert (current.secretValue, current.version) == ("v-two", 2)
    first = client.secrets.get_secret_by_name(
        secret_name=name, environment_slug="dev", secret_path="/", project_id=PROJECT_ID, version="1"
    )
    assert (first.secretValue, first.version) == ("v-one", 1)
    client.secrets.delete_secret_by_name(secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID)


def test_rename_with_new_secret_name(client):
    name, renamed = unique("OLD"), unique("NEW")
    client.secrets.create_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID, secret_value="keep me"
    )
    out = client.secrets.update_secret_by_name(
        current_secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
        new_secret_name=renamed,
    )
    assert out.secretKey == renamed
    assert out.secretValue == "keep me"
    listed = by_key(client.secrets.list_secrets(environment_slug="dev", secret_path="/", project_id=PROJECT_ID).secrets)
    assert renamed in listed and name not in listed
    client.secrets.delete_secret_by_name(
        secret_name=renamed, secret_path="/", environment_slug="dev", project_id=PROJECT_ID
    )


def test_a_secret_created_in_dev_is_not_in_prod(client):
    name = unique("DEV_WRITE")
    client.secrets.create_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="dev", project_id=PROJECT_ID, secret_value="dev side"
    )
    prod = by_key(client.secrets.list_secrets(environment_slug="prod", secret_path="/", project_id=PROJECT_ID).secrets)
    assert name not in prod
    with pytest.raises(APIError) as caught:
        client.secrets.get_secret_by_name(
            secret_name=name, environment_slug="prod", secret_path="/", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 404
    # The same name in prod is a separate secret with its own value and version.
    p = client.secrets.create_secret_by_name(
        secret_name=name, secret_path="/", environment_slug="prod", project_id=PROJECT_ID, secret_value="prod side"
    )
    assert (p.environment, p.version, p.secretValue) == ("prod", 1, "prod side")
    d = client.secrets.get_secret_by_name(secret_name=name, environment_slug="dev", secret_path="/", project_id=PROJECT_ID)
    assert d.secretValue == "dev side"
    for env in ("dev", "prod"):
        client.secrets.delete_secret_by_name(secret_name=name, secret_path="/", environment_slug=env, project_id=PROJECT_ID)


def test_creating_an_existing_secret_is_refused(client):
    with pytest.raises(APIError) as caught:
        client.secrets.create_secret_by_name(
            secret_name="API_KEY", secret_path="/", environment_slug="dev", project_id=PROJECT_ID,
            secret_value="overwrite attempt",
        )
    assert 400 <= caught.value.status_code < 500
    s = client.secrets.get_secret_by_name(secret_name="API_KEY", environment_slug="dev", secret_path="/", project_id=PROJECT_ID)
    assert s.secretValue == seeded("dev")["API_KEY"]


# --- Folders ----------------------------------------------------------------------------------


def test_folders_create_list_and_recursive_listing(client):
    folder = "py-" + uuid.uuid4().hex[:8]
    made = client.folders.create_folder(name=folder, environment_slug="dev", project_id=PROJECT_ID, path="/")
    assert made.name == folder
    assert made.id and made.envId and made.createdAt and made.updatedAt
    assert made.path in ("/" + folder, "/"), made.path

    listed = client.folders.list_folders(project_id=PROJECT_ID, environment_slug="dev", path="/")
    names = {f.name for f in listed.folders}
    assert folder in names
    assert "seeded" in names
    prod_names = {f.name for f in client.folders.list_folders(project_id=PROJECT_ID, environment_slug="prod", path="/").folders}
    assert folder not in prod_names, "a folder made in dev is not in prod"

    sub = client.folders.create_folder(name="inner", environment_slug="dev", project_id=PROJECT_ID, path="/" + folder)
    assert sub.name == "inner"
    inner = {f.name for f in client.folders.list_folders(project_id=PROJECT_ID, environment_slug="dev", path="/" + folder).folders}
    assert inner == {"inner"}
    # recursive=True lists every folder below, each with its path from the listed one.
    deep = client.folders.list_folders(project_id=PROJECT_ID, environment_slug="dev", path="/", recursive=True).folders
    relative = {f.relativePath for f in deep}
    assert f"/{folder}" in relative and f"/{folder}/inner" in relative, relative
    shallow = client.folders.list_folders(project_id=PROJECT_ID, environment_slug="dev", path="/").folders
    assert "inner" not in {f.name for f in shallow}

    name = unique("IN_FOLDER")
    path = f"/{folder}/inner"
    created = client.secrets.create_secret_by_name(
        secret_name=name, secret_path=path, environment_slug="dev", project_id=PROJECT_ID, secret_value="deep"
    )
    assert created.secretValue == "deep"
    here = by_key(client.secrets.list_secrets(environment_slug="dev", secret_path=path, project_id=PROJECT_ID).secrets)
    assert here[name].secretValue == "deep"
    assert here[name].secretPath in (None, path)

    flat = by_key(client.secrets.list_secrets(environment_slug="dev", secret_path="/", project_id=PROJECT_ID).secrets)
    assert name not in flat

    deep = client.secrets.list_secrets(
        environment_slug="dev", secret_path="/", project_id=PROJECT_ID, recursive=True
    ).secrets
    found = [s for s in deep if s.secretKey == name]
    assert len(found) == 1 and found[0].secretValue == "deep"
    assert found[0].secretPath == path
    nested = [s for s in deep if s.secretKey == "NESTED"]
    assert len(nested) == 1 and nested[0].secretPath == "/seeded"
    assert "API_KEY" in {s.secretKey for s in deep if s.secretPath in (None, "/")}

    got = client.secrets.get_secret_by_name(secret_name=name, environment_slug="dev", secret_path=path, project_id=PROJECT_ID)
    assert got.secretValue == "deep"
    client.secrets.delete_secret_by_name(secret_name=name, secret_path=path, environment_slug="dev", project_id=PROJECT_ID)


def test_a_missing_folder_lists_nothing(client):
    # Infisical answers an empty list for a path with no folder; a 404 is what a
    # single-secret read gets. Either way no secret of another path may leak in.
    try:
        listed = client.secrets.list_secrets(
            environment_slug="dev", secret_path="/py-no-such-folder", project_id=PROJECT_ID
        )
    except APIError as caught:
        assert caught.status_code == 404
    else:
        assert listed.secrets == []
    with pytest.raises(APIError) as caught:
        client.secrets.get_secret_by_name(
            secret_name="API_KEY", environment_slug="dev", secret_path="/py-no-such-folder", project_id=PROJECT_ID
        )
    assert caught.value.status_code == 404


def test_folder_get_rename_and_delete(client):
    folder = "py-" + uuid.uuid4().hex[:8]
    made = client.folders.create_folder(
        name=folder, environment_slug="prod", project_id=PROJECT_ID, path="/", description="python suite"
    )
    # GET /api/v2/folders/:id: the SDK requires path, projectId and environment{envId,envName,envSlug}.
    got = client.folders.get_folder_by_id(made.id)
    assert got.id == made.id
    assert got.name == folder
    assert got.projectId == PROJECT_ID
    assert got.environment.envSlug == "prod"
    assert got.envId == made.envId

    renamed = folder + "-renamed"
    up = client.folders.update_folder(
        folder_id=made.id, name=renamed, environment_slug="prod", project_id=PROJECT_ID, path="/"
    )
    assert up.id == made.id and up.name == renamed
    names = {f.name for f in client.folders.list_folders(project_id=PROJECT_ID, environment_slug="prod", path="/").folders}
    assert renamed in names and folder not in names

    gone = client.folders.delete_folder(
        folder_id_or_name=made.id, environment_slug="prod", project_id=PROJECT_ID, path="/"
    )
    assert gone.id == made.id
    names = {f.name for f in client.folders.list_folders(project_id=PROJECT_ID, environment_slug="prod", path="/").folders}
    assert renamed not in names
