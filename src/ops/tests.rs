//! Operation tests with the in-memory store and a fixed clock. Requests are
//! written in the KMIP XML encoding, as the OASIS test cases are.

use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::ResponseMessage;
use kmip_ttlv::{Tag, Ttlv, Value, xml};

use super::Peer;
use super::test_kms::{NOW, failed, harness, text, uid};

harness!();

impl Harness {
    async fn create_aes(&self, version: &str, name: &str) -> String {
        let attrs = if version.starts_with('2') {
            format!(
                r#"<Attributes><CryptographicAlgorithm type="Enumeration" value="AES"/>
                   <CryptographicLength type="Integer" value="256"/>
                   <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
                   <Name><NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name></Attributes>"#
            )
        } else {
            format!(
                r#"<TemplateAttribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="AES"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="256"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Usage Mask"/><AttributeValue type="Integer" value="Encrypt Decrypt"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="Name"/><AttributeValue><NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/></AttributeValue></Attribute>
                 </TemplateAttribute>"#
            )
        };
        let payload = self
            .ok(
                version,
                &format!(
                    r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
                       <ObjectType type="Enumeration" value="SymmetricKey"/>{attrs}</RequestPayload>"#
                ),
            )
            .await;
        text(&payload, Tag::UNIQUE_IDENTIFIER)
    }
}

#[tokio::test]
async fn create_then_get_returns_a_raw_aes_key() {
    let h = Harness::new();
    let id = h.create_aes("2.1", "k1").await;
    let payload = h
        .ok(
            "2.1",
            &format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
        )
        .await;
    let block = payload.child(Tag::SYMMETRIC_KEY).and_then(|k| k.child(Tag::KEY_BLOCK)).expect("key block");
    let material = block.child(Tag::KEY_VALUE).and_then(|v| v.child(Tag::KEY_MATERIAL)).expect("material");
    assert_eq!(material.value.as_bytes().map(|b| b.len()), Some(32));
    assert_eq!(block.child(Tag::CRYPTOGRAPHIC_LENGTH).map(|l| &l.value), Some(&Value::Integer(256)));
}

#[tokio::test]
async fn transparent_symmetric_key_format() {
    let h = Harness::new();
    let id = h.create_aes("1.4", "k").await;
    let payload = h
        .ok(
            "1.4",
            &format!(
                r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}<KeyFormatType type="Enumeration" value="TransparentSymmetricKey"/></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let block = payload.child(Tag::SYMMETRIC_KEY).and_then(|k| k.child(Tag::KEY_BLOCK)).expect("key block");
    let key = block.child(Tag::KEY_VALUE).and_then(|v| v.child(Tag::KEY_MATERIAL)).and_then(|m| m.child(Tag::KEY));
    assert_eq!(key.and_then(|k| k.value.as_bytes()).map(|b| b.len()), Some(32));
    let err = h
        .one("1.4", &format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}<KeyFormatType type="Enumeration" value="PKCS_8"/></RequestPayload>"#, uid(&id)))
        .await;
    failed(&err, ResultReason::KEY_FORMAT_TYPE_NOT_SUPPORTED);
}

#[tokio::test]
async fn lifecycle_states_and_dates() {
    let h = Harness::new();
    let id = h.create_aes("2.1", "k").await;
    let state =
        |p: &Ttlv| p.child(Tag::ATTRIBUTES).and_then(|a| a.child(Tag::STATE)).and_then(|s| s.value.as_enumeration());
    let get_state = format!(
        r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}<AttributeReference type="Enumeration" value="State"/></RequestPayload>"#,
        uid(&id)
    );
    assert_eq!(state(&h.ok("2.1", &get_state).await), Some(1));
    h.clock.advance(10);
    h.ok(
        "2.1",
        &format!(r#"<Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
    )
    .await;
    assert_eq!(state(&h.ok("2.1", &get_state).await), Some(2));
    // An Active key cannot be destroyed: 2.1 says Wrong Key Lifecycle State, 1.4 Permission Denied.
    let destroy =
        format!(r#"<Operation type="Enumeration" value="Destroy"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
    failed(&h.one("2.1", &destroy).await, ResultReason::WRONG_KEY_LIFECYCLE_STATE);
    failed(&h.one("1.4", &destroy).await, ResultReason::PERMISSION_DENIED);
    // Activating twice is a state error too.
    let activate =
        format!(r#"<Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
    failed(&h.one("2.1", &activate).await, ResultReason::WRONG_KEY_LIFECYCLE_STATE);
    h.ok(
        "2.1",
        &format!(
            r#"<Operation type="Enumeration" value="Revoke"/><RequestPayload>{}<RevocationReason><RevocationReasonCode type="Enumeration" value="CessationOfOperation"/></RevocationReason></RequestPayload>"#,
            uid(&id)
        ),
    )
    .await;
    assert_eq!(state(&h.ok("2.1", &get_state).await), Some(3));
    h.ok("2.1", &destroy).await;
    assert_eq!(state(&h.ok("2.1", &get_state).await), Some(5));
    // The metadata stays; the key material is gone.
    let get = format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
    failed(&h.one("2.1", &get).await, ResultReason::OBJECT_DESTROYED);
    let dates = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}</RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let attributes = dates.child(Tag::ATTRIBUTES).expect("attributes");
    assert_eq!(attributes.child(Tag::ACTIVATION_DATE).map(|d| &d.value), Some(&Value::DateTime(NOW + 10)));
    assert!(attributes.child(Tag::DEACTIVATION_DATE).is_some());
    assert!(attributes.child(Tag::DESTROY_DATE).is_some());
}

#[tokio::test]
async fn unknown_ids_are_item_not_found_in_1x_and_object_not_found_in_2x() {
    let h = Harness::new();
    let get = format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid("nope"));
    failed(&h.one("1.2", &get).await, ResultReason::ITEM_NOT_FOUND);
    failed(&h.one("2.0", &get).await, ResultReason::OBJECT_NOT_FOUND);
}

#[tokio::test]
async fn id_placeholder_chains_create_activate_get() {
    let h = Harness::new();
    let response = h
        .send(
            "1.4",
            "",
            r#"<BatchItem><Operation type="Enumeration" value="Create"/><RequestPayload>
                 <ObjectType type="Enumeration" value="SymmetricKey"/><TemplateAttribute>
                 <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="AES"/></Attribute>
                 <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="128"/></Attribute>
               </TemplateAttribute></RequestPayload></BatchItem>
               <BatchItem><Operation type="Enumeration" value="Activate"/><RequestPayload/></BatchItem>
               <BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload/></BatchItem>"#,
        )
        .await;
    let statuses: Vec<ResultStatus> = response.batch_items.iter().map(|i| i.result_status).collect();
    assert_eq!(statuses, [ResultStatus::SUCCESS; 3], "{response:?}");
    let created = text(response.batch_items[0].response_payload.as_ref().expect("payload"), Tag::UNIQUE_IDENTIFIER);
    let got = text(response.batch_items[2].response_payload.as_ref().expect("payload"), Tag::UNIQUE_IDENTIFIER);
    assert_eq!(created, got);
}

#[tokio::test]
async fn batch_undo_rolls_back_and_stop_stops() {
    let h = Harness::new();
    let id = h.create_aes("2.1", "u").await;
    let items = format!(
        r#"<BatchItem><Operation type="Enumeration" value="Activate"/><UniqueBatchItemID type="ByteString" value="01"/><RequestPayload>{id}</RequestPayload></BatchItem>
           <BatchItem><Operation type="Enumeration" value="Check"/><UniqueBatchItemID type="ByteString" value="02"/><RequestPayload>{id}<CryptographicUsageMask type="Integer" value="Sign"/></RequestPayload></BatchItem>
           <BatchItem><Operation type="Enumeration" value="Get"/><UniqueBatchItemID type="ByteString" value="03"/><RequestPayload>{id}</RequestPayload></BatchItem>"#,
        id = uid(&id)
    );
    let undo = h.send("2.1", r#"<BatchErrorContinuationOption type="Enumeration" value="Undo"/>"#, &items).await;
    assert_eq!(undo.batch_items.len(), 2);
    assert_eq!(undo.batch_items[0].result_status, ResultStatus::OPERATION_UNDONE);
    assert_eq!(undo.batch_items[0].unique_batch_item_id.as_deref(), Some(&[1u8][..]));
    failed(&undo.batch_items[1], ResultReason::INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK);
    // The Activate was undone: the key is still Pre-Active, so activating works.
    h.ok(
        "2.1",
        &format!(r#"<Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
    )
    .await;
    // Stop (the default): the third item gets no response.
    let stop = h.send("2.1", "", &items.replace("Activate", "Get")).await;
    assert_eq!(stop.batch_items.len(), 2);
    // Continue: all three answered.
    let cont = h
        .send(
            "2.1",
            r#"<BatchErrorContinuationOption type="Enumeration" value="Continue"/>"#,
            &items.replace("Activate", "Get"),
        )
        .await;
    assert_eq!(cont.batch_items.len(), 3);
    assert_eq!(cont.batch_items[2].result_status, ResultStatus::SUCCESS);
}

#[tokio::test]
async fn maximum_response_size_refuses_a_large_answer() {
    let h = Harness::new();
    let query = r#"<BatchItem><Operation type="Enumeration" value="Query"/><RequestPayload>
        <QueryFunction type="Enumeration" value="QueryOperations"/><QueryFunction type="Enumeration" value="QueryObjects"/></RequestPayload></BatchItem>"#;
    let small = h.send("1.4", r#"<MaximumResponseSize type="Integer" value="256"/>"#, query).await;
    failed(&small.batch_items[0], ResultReason::RESPONSE_TOO_LARGE);
    let large = h.send("1.4", r#"<MaximumResponseSize type="Integer" value="4096"/>"#, query).await;
    assert_eq!(large.batch_items[0].result_status, ResultStatus::SUCCESS);
}

#[tokio::test]
async fn query_answers_in_the_request_version() {
    let h = Harness::new();
    let query = |version: &'static str| {
        let h = &h;
        async move {
            let payload = h
                .ok(
                    version,
                    r#"<Operation type="Enumeration" value="Query"/><RequestPayload>
                       <QueryFunction type="Enumeration" value="QueryObjects"/></RequestPayload>"#,
                )
                .await;
            payload.children().expect("types").iter().filter_map(|t| t.value.as_enumeration()).collect::<Vec<_>>()
        }
    };
    assert!(!query("1.1").await.contains(&0x09));
    assert!(query("1.4").await.contains(&0x09));
    assert!(!query("1.4").await.contains(&0x0A));
    assert!(query("2.1").await.contains(&0x0A));
    assert!(!query("2.1").await.contains(&0x06), "no Template in 2.x");
    let capabilities = h
        .ok(
            "1.4",
            r#"<Operation type="Enumeration" value="Query"/><RequestPayload>
               <QueryFunction type="Enumeration" value="QueryCapabilities"/></RequestPayload>"#,
        )
        .await;
    let streaming = capabilities
        .child(Tag::CAPABILITY_INFORMATION)
        .and_then(|c| c.child(Tag::STREAMING_CAPABILITY))
        .and_then(|s| s.value.as_boolean());
    assert_eq!(streaming, Some(true), "Init/Final Indicator streaming is supported");
}

#[tokio::test]
async fn versions_gate_attributes_and_operations() {
    let h = Harness::new();
    let id = h.create_aes("1.0", "old").await;
    let payload = h
        .ok(
            "1.0",
            &format!(
                r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}</RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let names: Vec<String> = payload.children_with(Tag::ATTRIBUTE).map(|a| text(a, Tag::ATTRIBUTE_NAME)).collect();
    for later in [
        "Fresh",
        "Original Creation Date",
        "Random Number Generator",
        "Sensitive",
        "Extractable",
        "Short Unique Identifier",
    ] {
        assert!(!names.iter().any(|n| n == later), "{later} must not reach a 1.0 client: {names:?}");
    }
    assert!(names.iter().any(|n| n == "Initial Date"));
    // A 2.0 operation in a 1.4 request is not supported.
    let set =
        format!(r#"<Operation type="Enumeration" value="SetAttribute"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
    failed(&h.one("1.4", &set).await, ResultReason::OPERATION_NOT_SUPPORTED);
}

#[tokio::test]
async fn attribute_changes_follow_the_rules() {
    let h = Harness::new();
    let id = h.create_aes("2.1", "a").await;
    let modify = |body: &str| {
        format!(
            r#"<Operation type="Enumeration" value="ModifyAttribute"/><RequestPayload>{}<NewAttribute>{body}</NewAttribute></RequestPayload>"#,
            uid(&id)
        )
    };
    failed(
        &h.one("2.1", &modify(r#"<State type="Enumeration" value="Active"/>"#)).await,
        ResultReason::ATTRIBUTE_READ_ONLY,
    );
    let add = |body: &str| {
        format!(
            r#"<Operation type="Enumeration" value="AddAttribute"/><RequestPayload>{}<NewAttribute>{body}</NewAttribute></RequestPayload>"#,
            uid(&id)
        )
    };
    h.ok("2.1", &add(r#"<Description type="TextString" value="first"/>"#)).await;
    failed(
        &h.one("2.1", &add(r#"<Description type="TextString" value="second"/>"#)).await,
        ResultReason::ATTRIBUTE_SINGLE_VALUED,
    );
    let name = r#"<Name><NameValue type="TextString" value="a"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>"#;
    failed(&h.one("2.1", &add(name)).await, ResultReason::NON_UNIQUE_NAME_ATTRIBUTE);
    h.ok("2.1", &modify(r#"<Description type="TextString" value="changed"/>"#)).await;
    // Activation Date may change only while Pre-Active.
    h.ok(
        "2.1",
        &format!(r#"<Operation type="Enumeration" value="Activate"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
    )
    .await;
    failed(
        &h.one("2.1", &modify(r#"<ActivationDate type="DateTime" value="2030-01-01T00:00:00Z"/>"#)).await,
        ResultReason::WRONG_KEY_LIFECYCLE_STATE,
    );
    // Vendor attributes: add, modify, delete.
    let vendor = |v: &str| {
        format!(
            r#"<Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="ID"/><AttributeValue type="TextString" value="{v}"/></Attribute>"#
        )
    };
    h.ok("2.1", &add(&vendor("1"))).await;
    h.ok("2.1", &modify(&vendor("2"))).await;
    h.ok(
        "2.1",
        &format!(
            r#"<Operation type="Enumeration" value="DeleteAttribute"/><RequestPayload>{}<AttributeReference><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="ID"/></AttributeReference></RequestPayload>"#,
            uid(&id)
        ),
    )
    .await;
}

#[tokio::test]
async fn kmip_1_custom_attributes_echo_in_responses() {
    let h = Harness::new();
    let id = h.create_aes("1.4", "c").await;
    let payload = h
        .ok(
            "1.4",
            &format!(
                r#"<Operation type="Enumeration" value="AddAttribute"/><RequestPayload>{}<Attribute>
                   <AttributeName type="TextString" value="x-Product"/><AttributeValue type="TextString" value="vSphere"/></Attribute></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let attribute = payload.child(Tag::ATTRIBUTE).expect("echoed attribute");
    assert_eq!(text(attribute, Tag::ATTRIBUTE_NAME), "x-Product");
    // Reading an x- attribute that was never set: Success, no attribute.
    let read = h
        .ok(
            "1.1",
            &format!(
                r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}<AttributeName type="TextString" value="x-Vendor"/></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    assert!(read.child(Tag::ATTRIBUTE).is_none());
}

#[tokio::test]
async fn locate_by_name_type_group_and_state_filters() {
    let h = Harness::new();
    let a = h.create_aes("2.1", "alpha").await;
    let b = h.create_aes("2.1", "beta").await;
    let locate = |attrs: &str, extra: &str| {
        format!(
            r#"<Operation type="Enumeration" value="Locate"/><RequestPayload>{extra}<Attributes>{attrs}</Attributes></RequestPayload>"#
        )
    };
    let found = |p: &Ttlv| {
        p.children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|u| u.value.as_text()).map(str::to_owned).collect::<Vec<_>>()
    };
    let by_name = r#"<Name><NameValue type="TextString" value="alpha"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>"#;
    assert_eq!(found(&h.ok("2.1", &locate(by_name, "")).await), vec![a.clone()]);
    let all_keys = r#"<ObjectType type="Enumeration" value="SymmetricKey"/>"#;
    let mut both = found(&h.ok("2.1", &locate(all_keys, "")).await);
    both.sort();
    let mut expected = vec![a.clone(), b.clone()];
    expected.sort();
    assert_eq!(both, expected);
    // Paging with Maximum Items reports Located Items.
    let page = h.ok("2.1", &locate(all_keys, r#"<MaximumItems type="Integer" value="1"/>"#)).await;
    assert_eq!(found(&page).len(), 1);
    assert_eq!(page.child(Tag::LOCATED_ITEMS).map(|l| &l.value), Some(&Value::Integer(2)));
    // Destroyed objects are not on-line.
    h.ok(
        "2.1",
        &format!(r#"<Operation type="Enumeration" value="Destroy"/><RequestPayload>{}</RequestPayload>"#, uid(&b)),
    )
    .await;
    assert_eq!(found(&h.ok("2.1", &locate(all_keys, "")).await), vec![a.clone()]);
    let destroyed =
        h.ok("2.1", &locate(all_keys, r#"<StorageStatusMask type="Integer" value="DestroyedStorage"/>"#)).await;
    assert_eq!(found(&destroyed), vec![b]);
    // Usage mask filters match when every asked bit is set.
    let mask = r#"<CryptographicUsageMask type="Integer" value="Encrypt"/>"#;
    assert_eq!(found(&h.ok("2.1", &locate(mask, "")).await), vec![a.clone()]);
    let sign = r#"<CryptographicUsageMask type="Integer" value="Sign"/>"#;
    assert!(found(&h.ok("2.1", &locate(sign, "")).await).is_empty());
}

#[tokio::test]
async fn register_secret_data_and_opaque_objects() {
    let h = Harness::new();
    let secret = h
        .ok(
            "1.4",
            r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
               <ObjectType type="Enumeration" value="SecretData"/><TemplateAttribute/>
               <SecretData><SecretDataType type="Enumeration" value="Password"/><KeyBlock>
               <KeyFormatType type="Enumeration" value="Opaque"/><KeyValue><KeyMaterial type="ByteString" value="73656372657421"/></KeyValue>
               </KeyBlock></SecretData></RequestPayload>"#,
        )
        .await;
    let id = text(&secret, Tag::UNIQUE_IDENTIFIER);
    let got = h
        .ok(
            "1.4",
            &format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
        )
        .await;
    let material = got
        .child(Tag::SECRET_DATA)
        .and_then(|s| s.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .and_then(|m| m.value.as_bytes())
        .expect("secret bytes");
    assert_eq!(&material[..], b"secret!");
    let opaque = h
        .ok(
            "2.1",
            r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
               <ObjectType type="Enumeration" value="OpaqueObject"/><Attributes/>
               <OpaqueObject><OpaqueDataType type="Enumeration" value="0x80000001"/><OpaqueDataValue type="ByteString" value="0102"/></OpaqueObject>
               </RequestPayload>"#,
        )
        .await;
    assert!(opaque.child(Tag::UNIQUE_IDENTIFIER).is_some());
}

#[tokio::test]
async fn malformed_and_mismatched_messages() {
    let h = Harness::new();
    // Batch Count disagrees with the items: the whole message is refused.
    let tree = xml::from_str(
        r#"<RequestMessage><RequestHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="2"/>
           <ProtocolVersionMinor type="Integer" value="1"/></ProtocolVersion><BatchCount type="Integer" value="2"/></RequestHeader>
           <BatchItem><Operation type="Enumeration" value="Query"/><RequestPayload/></BatchItem></RequestMessage>"#,
    )
    .expect("xml");
    let response = h.kms.process(&h.peer, &tree).await;
    assert_eq!(response.batch_items[0].operation, None);
    failed(&response.batch_items[0], ResultReason::INVALID_MESSAGE);
    // Undecodable bytes with a readable header: Invalid Message in that version.
    let mut bytes = kmip_ttlv::wire::to_vec(&tree).expect("encodes");
    let last = bytes.len() - 1;
    bytes[last] = 0xFF; // non-zero padding
    let answer = h.kms.handle_message(&h.peer, bytes.into()).await;
    let answer =
        ResponseMessage::from_ttlv(&kmip_ttlv::wire::decode_slice(&answer, &Default::default()).expect("ttlv"))
            .expect("response");
    assert_eq!(answer.header.protocol_version, kmip_ttlv::ProtocolVersion::V2_1);
    failed(&answer.batch_items[0], ResultReason::INVALID_MESSAGE);
    // An operation the server does not implement.
    failed(
        &h.one("2.1", r#"<Operation type="Enumeration" value="GetConstraints"/><RequestPayload/>"#).await,
        ResultReason::OPERATION_NOT_SUPPORTED,
    );
}

#[tokio::test]
async fn discover_versions_negotiates() {
    let h = Harness::new();
    let all = h.ok("1.1", r#"<Operation type="Enumeration" value="DiscoverVersions"/><RequestPayload/>"#).await;
    assert_eq!(all.children_with(Tag::PROTOCOL_VERSION).count(), 7);
    let some = h
        .ok(
            "1.1",
            r#"<Operation type="Enumeration" value="DiscoverVersions"/><RequestPayload>
               <ProtocolVersion><ProtocolVersionMajor type="Integer" value="1"/><ProtocolVersionMinor type="Integer" value="2"/></ProtocolVersion>
               <ProtocolVersion><ProtocolVersionMajor type="Integer" value="3"/><ProtocolVersionMinor type="Integer" value="0"/></ProtocolVersion>
               </RequestPayload>"#,
        )
        .await;
    assert_eq!(some.children_with(Tag::PROTOCOL_VERSION).count(), 1);
}

#[tokio::test]
async fn kmip_1_templates_lend_their_attributes() {
    let h = Harness::new();
    h.ok(
        "1.2",
        r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
           <ObjectType type="Enumeration" value="Template"/>
           <TemplateAttribute><Attribute><AttributeName type="TextString" value="Name"/><AttributeValue>
             <NameValue type="TextString" value="aes-128"/><NameType type="Enumeration" value="UninterpretedTextString"/></AttributeValue></Attribute></TemplateAttribute>
           <Template>
             <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="AES"/></Attribute>
             <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="128"/></Attribute>
           </Template></RequestPayload>"#,
    )
    .await;
    let created = h
        .ok(
            "1.2",
            r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/>
               <TemplateAttribute><Name><NameValue type="TextString" value="aes-128"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
               <Attribute><AttributeName type="TextString" value="Cryptographic Usage Mask"/><AttributeValue type="Integer" value="Encrypt"/></Attribute>
               </TemplateAttribute></RequestPayload>"#,
        )
        .await;
    let id = text(&created, Tag::UNIQUE_IDENTIFIER);
    let got = h
        .ok(
            "1.2",
            &format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
        )
        .await;
    let block = got.child(Tag::SYMMETRIC_KEY).and_then(|k| k.child(Tag::KEY_BLOCK)).expect("key block");
    assert_eq!(block.child(Tag::CRYPTOGRAPHIC_LENGTH).map(|l| &l.value), Some(&Value::Integer(128)));
    // A template that does not exist is reported.
    let missing = h
        .one(
            "1.2",
            r#"<Operation type="Enumeration" value="Create"/><RequestPayload><ObjectType type="Enumeration" value="SymmetricKey"/>
               <TemplateAttribute><Name><NameValue type="TextString" value="nope"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name></TemplateAttribute>
               </RequestPayload>"#,
        )
        .await;
    failed(&missing, ResultReason::ITEM_NOT_FOUND);
}

#[tokio::test]
async fn an_activation_date_that_passes_activates_the_key() {
    let h = Harness::new();
    let created = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Create"/><RequestPayload><ObjectType type="Enumeration" value="SymmetricKey"/>
                   <Attributes><CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                   <ActivationDate type="DateTime" value="0x{:016X}"/></Attributes></RequestPayload>"#,
                NOW + 100
            ),
        )
        .await;
    let id = text(&created, Tag::UNIQUE_IDENTIFIER);
    let state = format!(
        r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}<AttributeReference type="Enumeration" value="State"/></RequestPayload>"#,
        uid(&id)
    );
    let read =
        |p: Ttlv| p.child(Tag::ATTRIBUTES).and_then(|a| a.child(Tag::STATE)).and_then(|s| s.value.as_enumeration());
    assert_eq!(read(h.ok("2.1", &state).await), Some(1));
    h.clock.advance(100);
    assert_eq!(read(h.ok("2.1", &state).await), Some(2));
}

#[tokio::test]
async fn poll_and_cancel_as_a_synchronous_server() {
    let h = Harness::new();
    let body = r#"<RequestPayload><AsynchronousCorrelationValue type="ByteString" value="0102"/></RequestPayload>"#;
    failed(
        &h.one("1.4", &format!(r#"<Operation type="Enumeration" value="Poll"/>{body}"#)).await,
        ResultReason::ITEM_NOT_FOUND,
    );
    failed(
        &h.one("2.1", &format!(r#"<Operation type="Enumeration" value="Poll"/>{body}"#)).await,
        ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE,
    );
    let cancel = h.ok("2.1", &format!(r#"<Operation type="Enumeration" value="Cancel"/>{body}"#)).await;
    assert_eq!(cancel.child(Tag::CANCELLATION_RESULT).map(|c| &c.value), Some(&Value::Enumeration(5)));
}

/// The correlation value of a streaming response.
fn correlation(payload: &Ttlv) -> String {
    hex::encode(payload.child(Tag::CORRELATION_VALUE).and_then(|c| c.value.as_bytes()).expect("a Correlation Value"))
}

#[tokio::test]
async fn streaming_sign_equals_one_shot_and_belongs_to_its_opener() {
    let h = Harness::new();
    let pair = h
        .ok(
            "2.1",
            r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
               <CommonAttributes><CryptographicAlgorithm type="Enumeration" value="EC"/>
               <CryptographicLength type="Integer" value="256"/>
               <ActivationDate type="DateTime" value="2020-01-01T00:00:00+00:00"/></CommonAttributes>
               <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="Sign"/></PrivateKeyAttributes>
               <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="Verify"/></PublicKeyAttributes>
               </RequestPayload>"#,
        )
        .await;
    let private = text(&pair, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
    let public = text(&pair, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER);
    // Sign "0102" + "0304" in two pieces.
    let first = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Sign"/><RequestPayload>{}
                   <Data type="ByteString" value="0102"/><InitIndicator type="Boolean" value="true"/></RequestPayload>"#,
                uid(&private)
            ),
        )
        .await;
    assert!(first.child(Tag::SIGNATURE_DATA).is_none(), "no signature before the Final request");
    let corr = correlation(&first);
    // Another identity cannot continue the stream: it gets the answer an
    // unknown correlation value gets.
    let other = Peer::named("other");
    let text_request = |corr: &str, last: bool| {
        format!(
            r#"<RequestMessage><RequestHeader><ProtocolVersion><ProtocolVersionMajor type="Integer" value="2"/>
               <ProtocolVersionMinor type="Integer" value="1"/></ProtocolVersion><BatchCount type="Integer" value="1"/>
               </RequestHeader><BatchItem><Operation type="Enumeration" value="Sign"/><RequestPayload>
               <Data type="ByteString" value="0304"/><CorrelationValue type="ByteString" value="{corr}"/>
               <FinalIndicator type="Boolean" value="{last}"/></RequestPayload></BatchItem></RequestMessage>"#
        )
    };
    let stolen = h.kms.process(&other, &xml::from_str(&text_request(&corr, true)).expect("xml")).await;
    failed(&stolen.batch_items[0], ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE);
    let unknown = h.kms.process(&h.peer, &xml::from_str(&text_request("00ff", true)).expect("xml")).await;
    failed(&unknown.batch_items[0], ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE);
    // The opener finishes it.
    let last = h.kms.process(&h.peer, &xml::from_str(&text_request(&corr, true)).expect("xml")).await;
    let last = last.batch_items[0].response_payload.clone().expect("a signature");
    let signature = hex::encode(last.child(Tag::SIGNATURE_DATA).and_then(|s| s.value.as_bytes()).expect("signature"));
    // The signature is over the whole message: it verifies one-shot.
    let verified = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="SignatureVerify"/><RequestPayload>{}
                   <Data type="ByteString" value="01020304"/><SignatureData type="ByteString" value="{signature}"/>
                   </RequestPayload>"#,
                uid(&public)
            ),
        )
        .await;
    assert_eq!(verified.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration()), Some(1));
    // The stream is closed.
    let again = h.kms.process(&h.peer, &xml::from_str(&text_request(&corr, true)).expect("xml")).await;
    failed(&again.batch_items[0], ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE);
}

#[test]
fn operation_versions_match_the_spec_table() {
    let values = Operation::info().values;
    for version in kmip_ttlv::ProtocolVersion::KNOWN {
        for op in 0..0x50u32 {
            let listed = values.iter().any(|v| {
                v.value == op && v.first_version <= version && v.removed_in.is_none_or(|removed| version < removed)
            });
            assert_eq!(super::defined_in(Operation(op), version), listed, "{op:#x} in {version}");
        }
    }
    assert!(super::defined_in(Operation::EXPORT, kmip_ttlv::ProtocolVersion::V1_4));
    assert!(!super::defined_in(Operation::EXPORT, kmip_ttlv::ProtocolVersion::V1_3));
}

#[test]
fn correlation_values_are_prefix_dash_number() {
    for n in [0u64, 7, 10, 12345, u64::MAX] {
        assert_eq!(super::correlation_value("AB12", n), format!("AB12-{n}"));
    }
}

#[tokio::test]
async fn an_undone_streaming_piece_closes_its_stream() {
    let h = Harness::new();
    let params =
        r#"<CryptographicParameters><HashingAlgorithm type="Enumeration" value="SHA_256"/></CryptographicParameters>"#;
    // A Hash stream of SHA-256 opened with "0102": its Correlation Value.
    let open = || async {
        let first = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Hash"/><RequestPayload>{params}
                       <Data type="ByteString" value="0102"/><InitIndicator type="Boolean" value="true"/></RequestPayload>"#
                ),
            )
            .await;
        correlation(&first)
    };
    let corr = open().await;
    let piece = |last: bool| {
        format!(
            r#"<BatchItem><Operation type="Enumeration" value="Hash"/><RequestPayload>
               <Data type="ByteString" value="0304"/><CorrelationValue type="ByteString" value="{corr}"/>
               <FinalIndicator type="Boolean" value="{last}"/></RequestPayload></BatchItem>"#
        )
    };
    // The piece is taken, then the batch is undone by a failing item.
    let undone = h
        .send(
            "2.1",
            r#"<BatchErrorContinuationOption type="Enumeration" value="Undo"/>"#,
            &format!(
                r#"{}<BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
                piece(false),
                uid("missing")
            ),
        )
        .await;
    assert_eq!(undone.batch_items[0].result_status, ResultStatus::OPERATION_UNDONE);
    // The stream is closed rather than left one piece ahead: sending the
    // piece again cannot hash 0304 twice.
    let again = h.send("2.1", "", &piece(true)).await;
    failed(&again.batch_items[0], ResultReason::INVALID_ASYNCHRONOUS_CORRELATION_VALUE);

    // A committed piece keeps the stream, and the hash covers every piece once.
    let corr = open().await;
    let last = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Hash"/><RequestPayload>
                   <Data type="ByteString" value="0304"/><CorrelationValue type="ByteString" value="{corr}"/>
                   <FinalIndicator type="Boolean" value="true"/></RequestPayload>"#
            ),
        )
        .await;
    let digest = last.child(Tag::DATA).and_then(|d| d.value.as_bytes()).expect("a digest");
    assert_eq!(hex::encode(digest), "9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
}

#[tokio::test]
async fn streamed_encryption_counts_against_usage_limits_piece_by_piece() {
    let h = Harness::new();
    let created = h
        .ok(
            "2.1",
            r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
               <CryptographicUsageMask type="Integer" value="Encrypt"/>
               <ActivationDate type="DateTime" value="2020-01-01T00:00:00+00:00"/>
               <UsageLimits><UsageLimitsTotal type="LongInteger" value="8"/>
               <UsageLimitsUnit type="Enumeration" value="Byte"/></UsageLimits></Attributes></RequestPayload>"#,
        )
        .await;
    let id = text(&created, Tag::UNIQUE_IDENTIFIER);
    let first = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>{}
                   <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
                   <Data type="ByteString" value="01020304"/><InitIndicator type="Boolean" value="true"/></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let corr = correlation(&first);
    let piece = |data: &str, last: bool| {
        format!(
            r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>
               <Data type="ByteString" value="{data}"/><CorrelationValue type="ByteString" value="{corr}"/>
               <FinalIndicator type="Boolean" value="{last}"/></RequestPayload>"#
        )
    };
    h.ok("2.1", &piece("05060708", false)).await;
    // 8 bytes used: the next byte is beyond the limit.
    h.fails("2.1", &piece("09", true), ResultReason::PERMISSION_DENIED).await;
    let left = h
        .ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                   <AttributeReference type="Enumeration" value="UsageLimits"/></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
    let count = left
        .child(Tag::ATTRIBUTES)
        .and_then(|a| a.child(Tag::USAGE_LIMITS))
        .and_then(|u| u.child(Tag::USAGE_LIMITS_COUNT))
        .and_then(|c| c.value.as_long_integer());
    assert_eq!(count, Some(0));
}
