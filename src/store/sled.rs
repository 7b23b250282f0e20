//! The sled store (placeholder).

use async_trait::async_trait;

use super::{IndexKey, Store, StoreError, StoredObject, WriteBatch};

/// A store that keeps everything in sled (placeholder until implemented).
#[derive(Debug, Default)]
pub struct SledStore;

#[async_trait]
impl Store for SledStore {
    async fn get(&self, _id: &str) -> Result<Option<StoredObject>, StoreError> {
        Err(StoreError::Backend("not implemented".into()))
    }
    async fn commit(&self, _batch: WriteBatch) -> Result<(), StoreError> {
        Err(StoreError::Backend("not implemented".into()))
    }
    async fn find(&self, _key: &IndexKey) -> Result<Vec<String>, StoreError> {
        Err(StoreError::Backend("not implemented".into()))
    }
    async fn all_ids(&self) -> Result<Vec<String>, StoreError> {
        Err(StoreError::Backend("not implemented".into()))
    }
    async fn count(&self) -> Result<u64, StoreError> {
        Err(StoreError::Backend("not implemented".into()))
    }
}
