//! Coarse classes of [`ErrorNumber`]s, for callers that care whether
//! something was missing, unsupported, refused, ... rather than which code
//! exactly. Hand-written: libvirt's API description does not group codes.

use super::ErrorNumber;

impl ErrorNumber {
    /// `true` if the error says that a named object the caller referred to
    /// does not exist (the header's "… not found" / "not present" codes for
    /// managed objects).
    ///
    /// Members: [`NoDomain`](Self::NoDomain), [`NoNetwork`](Self::NoNetwork),
    /// [`NoStoragePool`](Self::NoStoragePool),
    /// [`NoStorageVol`](Self::NoStorageVol),
    /// [`NoNodeDevice`](Self::NoNodeDevice),
    /// [`NoInterface`](Self::NoInterface) (libvirt raises it for "interface
    /// not found" despite the header comment),
    /// [`NoNwfilter`](Self::NoNwfilter), [`NoSecret`](Self::NoSecret),
    /// [`NoDomainSnapshot`](Self::NoDomainSnapshot),
    /// [`NoDomainMetadata`](Self::NoDomainMetadata),
    /// [`NoServer`](Self::NoServer), [`NoClient`](Self::NoClient),
    /// [`DeviceMissing`](Self::DeviceMissing),
    /// [`NoNwfilterBinding`](Self::NoNwfilterBinding),
    /// [`NoDomainCheckpoint`](Self::NoDomainCheckpoint),
    /// [`NoDomainBackup`](Self::NoDomainBackup),
    /// [`NoNetworkPort`](Self::NoNetworkPort) and
    /// [`NoNetworkMetadata`](Self::NoNetworkMetadata).
    ///
    /// Not included: the `War…` warnings (a driver failed to start), the
    /// legacy "missing … information" config codes (`NoKernel`, `NoRoot`,
    /// `NoSource`, `NoTarget`, `NoName`, `NoOs`, `NoDevice`),
    /// [`NoSecurityModel`](Self::NoSecurityModel) (host configuration) and
    /// [`NoHostname`](Self::NoHostname) (guest data unavailable).
    #[must_use]
    pub const fn is_not_found(self) -> bool {
        matches!(
            self,
            Self::NoDomain
                | Self::NoNetwork
                | Self::NoStoragePool
                | Self::NoStorageVol
                | Self::NoNodeDevice
                | Self::NoInterface
                | Self::NoNwfilter
                | Self::NoSecret
                | Self::NoDomainSnapshot
                | Self::NoDomainMetadata
                | Self::NoServer
                | Self::NoClient
                | Self::DeviceMissing
                | Self::NoNwfilterBinding
                | Self::NoDomainCheckpoint
                | Self::NoDomainBackup
                | Self::NoNetworkPort
                | Self::NoNetworkMetadata
        )
    }

    /// `true` if the driver or hypervisor does not support what was asked.
    ///
    /// Members: [`NoSupport`](Self::NoSupport) ("no support for this
    /// function"), [`CallFailed`](Self::CallFailed) ("not supported by the
    /// drivers", deprecated), [`ConfigUnsupported`](Self::ConfigUnsupported)
    /// ("unsupported configuration construct"),
    /// [`ArgumentUnsupported`](Self::ArgumentUnsupported) ("valid API use but
    /// unsupported by the given driver") and
    /// [`OperationUnsupported`](Self::OperationUnsupported).
    #[must_use]
    pub const fn is_unsupported(self) -> bool {
        matches!(
            self,
            Self::NoSupport
                | Self::CallFailed
                | Self::ConfigUnsupported
                | Self::ArgumentUnsupported
                | Self::OperationUnsupported
        )
    }

    /// `true` if input supplied by the caller was rejected as malformed.
    ///
    /// Members: [`InvalidArg`](Self::InvalidArg) ("invalid function
    /// argument"), [`InvalidMac`](Self::InvalidMac),
    /// [`XmlError`](Self::XmlError) (XML "not well formed or broken"),
    /// [`XmlDetail`](Self::XmlDetail) and
    /// [`XmlInvalidSchema`](Self::XmlInvalidSchema).
    ///
    /// Not included: the `Invalid<Object>` codes ("invalid … object", a bad
    /// handle), [`OperationInvalid`](Self::OperationInvalid) (valid request,
    /// wrong object state) and the `…Unsupported` codes (see
    /// [`is_unsupported`](Self::is_unsupported)).
    #[must_use]
    pub const fn is_invalid_argument(self) -> bool {
        matches!(
            self,
            Self::InvalidArg
                | Self::InvalidMac
                | Self::XmlError
                | Self::XmlDetail
                | Self::XmlInvalidSchema
        )
    }

    /// `true` if an authenticated caller was refused permission.
    ///
    /// Members: [`AccessDenied`](Self::AccessDenied) ("operation on the
    /// object/resource was denied", access control) and
    /// [`OperationDenied`](Self::OperationDenied) ("operation forbidden on
    /// read-only connections"). Failed authentication is reported by
    /// [`is_auth_failure`](Self::is_auth_failure) instead.
    #[must_use]
    pub const fn is_access_denied(self) -> bool {
        matches!(self, Self::AccessDenied | Self::OperationDenied)
    }

    /// `true` if authenticating the connection did not succeed.
    ///
    /// Members: [`AuthFailed`](Self::AuthFailed),
    /// [`AuthCancelled`](Self::AuthCancelled) and
    /// [`AuthUnavailable`](Self::AuthUnavailable).
    #[must_use]
    pub const fn is_auth_failure(self) -> bool {
        matches!(
            self,
            Self::AuthFailed | Self::AuthCancelled | Self::AuthUnavailable
        )
    }

    /// `true` for the `VIR_WAR_*` codes (a driver failed to start).
    #[must_use]
    pub const fn is_warning_code(self) -> bool {
        matches!(
            self,
            Self::WarNoNetwork
                | Self::WarNoStorage
                | Self::WarNoNode
                | Self::WarNoInterface
                | Self::WarNoNwfilter
                | Self::WarNoSecret
        )
    }
}
