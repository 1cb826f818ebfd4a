//! The `…LookupByUUIDString` functions, which libvirt answers on the client
//! side: the string is parsed and looked up by UUID.

use super::{Domain, Network, NwFilter, Secret, StoragePool, Uuid};
use crate::Client;
use crate::error::{Error, ErrorKind, Result};

fn parse(uuid: &str) -> Result<Uuid> {
    uuid.parse()
        .map_err(|e: super::ParseUuidError| Error::new(ErrorKind::InvalidArgument, e.to_string()))
}

impl Client {
    /// Calls `virDomainLookupByUUIDString`: the domain of this UUID, in
    /// libvirt's string form. A malformed string is
    /// [`ErrorKind::InvalidArgument`].
    pub async fn domain_lookup_by_uuid_string(&self, uuid: &str) -> Result<Domain> {
        self.domain_lookup_by_uuid(&parse(uuid)?).await
    }

    /// Calls `virNetworkLookupByUUIDString`: the network of this UUID.
    pub async fn network_lookup_by_uuid_string(&self, uuid: &str) -> Result<Network> {
        self.network_lookup_by_uuid(&parse(uuid)?).await
    }

    /// Calls `virStoragePoolLookupByUUIDString`: the pool of this UUID.
    pub async fn storage_pool_lookup_by_uuid_string(&self, uuid: &str) -> Result<StoragePool> {
        self.storage_pool_lookup_by_uuid(&parse(uuid)?).await
    }

    /// Calls `virSecretLookupByUUIDString`: the secret of this UUID.
    pub async fn secret_lookup_by_uuid_string(&self, uuid: &str) -> Result<Secret> {
        self.secret_lookup_by_uuid(&parse(uuid)?).await
    }

    /// Calls `virNWFilterLookupByUUIDString`: the network filter of this UUID.
    pub async fn nwfilter_lookup_by_uuid_string(&self, uuid: &str) -> Result<NwFilter> {
        self.nwfilter_lookup_by_uuid(&parse(uuid)?).await
    }
}
