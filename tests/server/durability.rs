//! Restart loses nothing: objects created over KMIP are all there after the
//! server stops and starts again on the same data dir (the sled store).

use bytes::Bytes;
use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::RequestBatchItem;
use kmip_ttlv::{Tag, Ttlv, Value};

use crate::support::{TempDir, admin_connection, exchange, payload, request, start};

fn create(name: &str) -> RequestBatchItem {
    RequestBatchItem::new(
        Operation::CREATE,
        payload(&format!(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
               <Name><NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
               </Attributes>"#
        )),
    )
}

fn by_id(operation: Operation, id: &str) -> RequestBatchItem {
    RequestBatchItem::new(operation, payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)))
}

fn key_material(payload: &Ttlv) -> Bytes {
    payload
        .child(Tag::SYMMETRIC_KEY)
        .and_then(|k| k.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .and_then(|m| m.value.as_bytes())
        .cloned()
        .expect("key material")
}

#[tokio::test(flavor = "multi_thread")]
async fn objects_survive_a_restart() {
    let dir = TempDir::new("restart");
    let mut created: Vec<(String, Bytes)> = Vec::new();
    {
        let server = start(&dir, |_| {}).await;
        let mut stream = admin_connection(&server).await;
        for n in 0..20 {
            // Create, activate and get in one message (ID Placeholder).
            let items = vec![
                create(&format!("restart-{n}")),
                RequestBatchItem::new(Operation::ACTIVATE, payload("")),
                RequestBatchItem::new(Operation::GET, payload("")),
            ];
            let response = exchange(&mut stream, &request(items)).await;
            assert!(response.batch_items.iter().all(|i| i.result_status == ResultStatus::SUCCESS), "{response:?}");
            let got = response.batch_items[2].response_payload.as_ref().expect("payload");
            let id = got.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id").to_owned();
            created.push((id, key_material(got)));
        }
        server.shutdown().await.expect("shutdown");
    }
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    for (n, (id, material)) in created.iter().enumerate() {
        let response = exchange(&mut stream, &request(vec![by_id(Operation::GET, id)])).await;
        let item = &response.batch_items[0];
        assert_eq!(item.result_status, ResultStatus::SUCCESS, "{id}: {item:?}");
        assert_eq!(&key_material(item.response_payload.as_ref().expect("payload")), material, "{id}: same key");
        // Its state and name came back too.
        let locate = payload(&format!(
            r#"<Attributes><Name><NameValue type="TextString" value="restart-{n}"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
               <State type="Enumeration" value="Active"/></Attributes>"#
        ));
        let response = exchange(&mut stream, &request(vec![RequestBatchItem::new(Operation::LOCATE, locate)])).await;
        let found: Vec<&Value> = response.batch_items[0]
            .response_payload
            .iter()
            .flat_map(|p| p.children_with(Tag::UNIQUE_IDENTIFIER))
            .map(|u| &u.value)
            .collect();
        assert_eq!(found, vec![&Value::TextString(id.clone())]);
    }
    server.shutdown().await.expect("shutdown");
}
