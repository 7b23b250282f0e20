// The official Infisical Node SDK (@infisical/sdk 5.0.2, unmodified) against a real kms server.
//
// tests/sdk/run.sh starts the server, seeds tests/sdk/seed.json with the kms CLI and exports
// KMS_URL, NODE_EXTRA_CA_CERTS (the data dir's dev CA; Node's fetch trusts it), CLIENT_ID,
// CLIENT_SECRET and PROJECT_ID. The SDK names projects by id only (projectId, sent as
// workspaceId). This suite writes only names that start with NODE_ (the Python suite uses PY_).
//
// Run it alone with: KMS_URL=... node --test tests/sdk/node/test_infisical_sdk.mjs

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { InfisicalSDK } from "@infisical/sdk";

const SEED = JSON.parse(readFileSync(new URL("../seed.json", import.meta.url), "utf8"));
const URL_ = process.env.KMS_URL;
const PROJECT_ID = process.env.PROJECT_ID;

const seeded = (env, path = "/") =>
  Object.fromEntries(SEED.secrets.filter((s) => s.env === env && s.path === path).map((s) => [s.key, s.value]));
const byKey = (secrets) => Object.fromEntries(secrets.map((s) => [s.secretKey, s]));
const unique = (prefix) => `NODE_${prefix}_${randomUUID().slice(0, 8).toUpperCase()}`;

// The SDK turns an HTTP error into InfisicalSDKRequestError whose message carries
// "[StatusCode=N] <server message>"; it needs the body's `message` to be a string for that.
async function rejectsWithStatus(promise, status) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, "InfisicalSDKRequestError", `not a request error: ${err.name}: ${err.message}`);
    assert.match(err.message, new RegExp(`\\[StatusCode=${status}\\]`));
    return true;
  });
}

let sdk;
before(async () => {
  sdk = new InfisicalSDK({ siteUrl: URL_ });
  await sdk.auth().universalAuth.login({ clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET });
});

test("universal auth login sets a token, and renew gives a working one", async () => {
  const own = new InfisicalSDK({ siteUrl: URL_ });
  const authed = await own
    .auth()
    .universalAuth.login({ clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET });
  assert.equal(authed, own);
  const token = own.auth().getAccessToken();
  assert.equal(typeof token, "string");
  assert.ok(token.length >= 16);
  assert.ok(!token.startsWith("st."));
  await own.auth().universalAuth.renew();
  const renewed = own.auth().getAccessToken();
  assert.equal(typeof renewed, "string");
  const s = await own.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: "API_KEY" });
  assert.equal(s.secretValue, seeded("dev").API_KEY);
});

test("login with a wrong secret is a 401 with a string message", async () => {
  const own = new InfisicalSDK({ siteUrl: URL_ });
  await rejectsWithStatus(
    own.auth().universalAuth.login({ clientId: process.env.CLIENT_ID, clientSecret: "not-the-secret" }),
    401,
  );
});

test("reads without a token, or with a forged one, are 401", async () => {
  const anon = new InfisicalSDK({ siteUrl: URL_ });
  await rejectsWithStatus(anon.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev" }), 401);
  const forged = new InfisicalSDK({ siteUrl: URL_ }).auth().accessToken(`forged-${randomUUID()}`);
  await rejectsWithStatus(forged.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev" }), 401);
});

test("listSecrets returns the seeded dev secrets", async () => {
  const res = await sdk
    .secrets()
    .listSecrets({ projectId: PROJECT_ID, environment: "dev", secretPath: "/", expandSecretReferences: false });
  assert.ok(Array.isArray(res.secrets));
  const got = byKey(res.secrets);
  for (const [key, value] of Object.entries(seeded("dev"))) {
    assert.ok(got[key], `${key} missing`);
    assert.equal(got[key].secretValue, value);
    assert.equal(got[key].environment, "dev");
    assert.equal(got[key].workspace, PROJECT_ID);
    assert.equal(got[key].type, "shared");
    assert.ok(Number.isInteger(got[key].version) && got[key].version >= 1);
  }
  assert.equal(got.NESTED, undefined, "a sub-folder's secret is not listed without recursive");
});

test("environments are isolated", async () => {
  const prod = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "prod" })).secrets);
  for (const [key, value] of Object.entries(seeded("prod"))) assert.equal(prod[key]?.secretValue, value);
  assert.equal(prod.DEV_ONLY, undefined);
  await rejectsWithStatus(
    sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "prod", secretName: "DEV_ONLY" }),
    404,
  );
});

test("getSecret by name, with and without reference expansion", async () => {
  const s = await sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: "API_KEY", secretPath: "/" });
  assert.equal(s.secretKey, "API_KEY");
  assert.equal(s.secretValue, seeded("dev").API_KEY);
  assert.equal(s.environment, "dev");
  // The SDK expands references unless told not to.
  const expanded = await sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: "DB_DSN" });
  assert.equal(expanded.secretValue, SEED.expanded.DB_DSN);
  const raw = await sdk
    .secrets()
    .getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: "DB_DSN", expandSecretReferences: false });
  assert.equal(raw.secretValue, seeded("dev").DB_DSN);
});

test("listSecrets expands references within and across environments", async () => {
  const got = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev" })).secrets);
  assert.equal(got.DB_DSN.secretValue, SEED.expanded.DB_DSN);
  assert.equal(got.PROD_DB.secretValue, SEED.expanded.PROD_DB);
});

test("includeImports and listSecretsWithImports", async () => {
  const imp = SEED.imports[0];
  const src = seeded(imp.from.env, imp.from.path);
  const res = await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: imp.env, secretPath: imp.path, includeImports: true });
  const entry = (res.imports ?? []).find((i) => i.environment === imp.from.env && i.secretPath === imp.from.path);
  assert.ok(entry, `no import of ${imp.from.env}${imp.from.path}: ${JSON.stringify(res.imports)}`);
  assert.deepEqual(Object.fromEntries(entry.secrets.map((s) => [s.secretKey, s.secretValue])), src);
  const without = await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: imp.env, secretPath: imp.path });
  assert.ok(!without.imports || without.imports.length === 0);
  // The SDK merges the imported secrets in; local ones win.
  const merged = byKey(await sdk.secrets().listSecretsWithImports({ projectId: PROJECT_ID, environment: imp.env, secretPath: imp.path }));
  for (const [key, value] of Object.entries(src)) assert.equal(merged[key]?.secretValue, value);
  for (const [key, value] of Object.entries(seeded(imp.env, imp.path))) assert.equal(merged[key]?.secretValue, value);
});

test("attachToProcessEnv puts the secrets into process.env", async () => {
  delete process.env.API_KEY;
  await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "prod", attachToProcessEnv: true });
  assert.equal(process.env.API_KEY, seeded("prod").API_KEY);
  delete process.env.API_KEY;
});

test("create, update (value, comment, rename) and delete a secret", async () => {
  const name = unique("CYCLE");
  const created = await sdk.secrets().createSecret(name, {
    projectId: PROJECT_ID,
    environment: "dev",
    secretValue: "first value",
    secretComment: "made by the node suite",
  });
  // create/update/delete return the whole body, {secret}.
  assert.equal(created.secret.secretKey, name);
  assert.equal(created.secret.secretValue, "first value");
  assert.equal(created.secret.secretComment, "made by the node suite");
  assert.equal(created.secret.version, 1);

  const updated = await sdk.secrets().updateSecret(name, { projectId: PROJECT_ID, environment: "dev", secretValue: "second value" });
  assert.equal(updated.secret.secretValue, "second value");
  assert.equal(updated.secret.version, 2);
  assert.equal(updated.secret.secretComment, "made by the node suite");

  const commented = await sdk
    .secrets()
    .updateSecret(name, { projectId: PROJECT_ID, environment: "dev", secretComment: "comment changed" });
  assert.equal(commented.secret.secretComment, "comment changed");
  assert.equal(commented.secret.secretValue, "second value");

  const renamedTo = unique("RENAMED");
  const renamed = await sdk
    .secrets()
    .updateSecret(name, { projectId: PROJECT_ID, environment: "dev", newSecretName: renamedTo });
  assert.equal(renamed.secret.secretKey, renamedTo);
  assert.equal(renamed.secret.secretValue, "second value");
  await rejectsWithStatus(sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: name }), 404);

  const listed = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev" })).secrets);
  assert.equal(listed[renamedTo].secretValue, "second value");

  const deleted = await sdk.secrets().deleteSecret(renamedTo, { projectId: PROJECT_ID, environment: "dev", secretPath: "/" });
  assert.equal(deleted.secret.secretKey, renamedTo);
  await rejectsWithStatus(sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: renamedTo }), 404);
});

test("a past version can be read", async () => {
  const name = unique("VERSIONS");
  await sdk.secrets().createSecret(name, { projectId: PROJECT_ID, environment: "dev", secretValue: "v-one" });
  await sdk.secrets().updateSecret(name, { projectId: PROJECT_ID, environment: "dev", secretValue: "v-two" });
  const now = await sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: name });
  assert.deepEqual([now.secretValue, now.version], ["v-two", 2]);
  const v1 = await sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: name, version: 1 });
  assert.deepEqual([v1.secretValue, v1.version], ["v-one", 1]);
  await sdk.secrets().deleteSecret(name, { projectId: PROJECT_ID, environment: "dev" });
});

test("a secret written in prod stays out of dev", async () => {
  const name = unique("PROD_WRITE");
  const made = await sdk.secrets().createSecret(name, { projectId: PROJECT_ID, environment: "prod", secretValue: "prod only" });
  assert.equal(made.secret.environment, "prod");
  const dev = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev" })).secrets);
  assert.equal(dev[name], undefined);
  await rejectsWithStatus(sdk.secrets().getSecret({ projectId: PROJECT_ID, environment: "dev", secretName: name }), 404);
  await sdk.secrets().deleteSecret(name, { projectId: PROJECT_ID, environment: "prod" });
});

test("folders: create, list, and secrets inside them (recursive listing)", async () => {
  const folder = `node-${randomUUID().slice(0, 8)}`;
  const made = await sdk.folders().create({ projectId: PROJECT_ID, environment: "dev", name: folder, path: "/", description: "node suite" });
  assert.equal(made.name, folder);
  assert.ok(made.id);
  const names = (await sdk.folders().listFolders({ projectId: PROJECT_ID, environment: "dev", path: "/" })).map((f) => f.name);
  assert.ok(names.includes(folder), `folder list: ${names}`);
  assert.ok(names.includes("seeded"));
  const prodNames = (await sdk.folders().listFolders({ projectId: PROJECT_ID, environment: "prod", path: "/" })).map((f) => f.name);
  assert.ok(!prodNames.includes(folder));

  const name = unique("IN_FOLDER");
  const path = `/${folder}`;
  const created = await sdk.secrets().createSecret(name, { projectId: PROJECT_ID, environment: "dev", secretPath: path, secretValue: "in a folder" });
  assert.equal(created.secret.secretValue, "in a folder");
  const here = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev", secretPath: path })).secrets);
  assert.equal(here[name].secretValue, "in a folder");
  assert.equal(here.API_KEY, undefined);
  const top = byKey((await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev", secretPath: "/" })).secrets);
  assert.equal(top[name], undefined);
  const all = (await sdk.secrets().listSecrets({ projectId: PROJECT_ID, environment: "dev", secretPath: "/", recursive: true })).secrets;
  const found = all.filter((s) => s.secretKey === name);
  assert.equal(found.length, 1);
  assert.equal(found[0].secretPath, path);
  assert.equal(found[0].secretValue, "in a folder");
  await sdk.secrets().deleteSecret(name, { projectId: PROJECT_ID, environment: "dev", secretPath: path });
});
