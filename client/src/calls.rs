//! The generated `Calls` traits, implemented for [`Client`]: a typed method
//! for every procedure of the remote, qemu and lxc programs.
//!
//! Where a handle method on [`Client`] has the same name as a raw call
//! (`domain_lookup_by_name` returns a [`crate::Domain`], the raw one a
//! `remote::NonnullDomain`), Rust picks the handle method; [`Client::raw`]
//! reaches the raw one: `client.raw().domain_lookup_by_name(name)`.

use crate::client::Client;
use crate::error::{Error, Result};
use crate::stream::Stream;
use virtwire_protocol::conn::Fd;
use virtwire_protocol::{Procedure, lxc, qemu, remote};

/// A [`Client`] seen through the raw generated layer only (see
/// [`Client::raw`]): every `Calls` method, none of the handle methods that
/// share their names.
#[derive(Debug)]
#[repr(transparent)]
pub struct Raw(Client);

impl Client {
    /// The raw generated layer of this client, for the calls whose names
    /// a handle method of [`Client`] also uses. Its futures borrow the
    /// client, as the handle methods' do.
    pub fn raw(&self) -> &Raw {
        // SAFETY: `Raw` is a `repr(transparent)` wrapper of `Client`, so
        // the two have the same layout and a reference to one is a valid
        // reference to the other, for the same lifetime.
        unsafe { &*(self as *const Client).cast::<Raw>() }
    }
}

macro_rules! impl_calls {
    ($($program:ident),*) => {$(
        impl $program::Calls for Raw {
            type Error = Error;
            type Stream = Stream;

            async fn call_procedure<P: Procedure>(&self, args: P::Borrowed<'_>) -> Result<P::Ret> {
                self.0.call_args::<P, _>(&args).await
            }

            async fn call_stream_procedure<P: Procedure>(
                &self,
                args: P::Borrowed<'_>,
            ) -> Result<(P::Ret, Stream)> {
                let sparse = P::borrowed_is_sparse(&args);
                self.0.open_stream::<P, _>(&args, sparse).await
            }

            async fn call_procedure_with_fds<P: Procedure>(
                &self,
                args: P::Borrowed<'_>,
                fds: Vec<Fd>,
            ) -> Result<(P::Ret, Vec<Fd>)> {
                self.0.call_with_fds::<P, _>(&args, fds).await
            }
        }

        impl $program::Calls for Client {
            type Error = Error;
            type Stream = Stream;

            async fn call_procedure<P: Procedure>(&self, args: P::Borrowed<'_>) -> Result<P::Ret> {
                self.call_args::<P, _>(&args).await
            }

            async fn call_stream_procedure<P: Procedure>(
                &self,
                args: P::Borrowed<'_>,
            ) -> Result<(P::Ret, Stream)> {
                let sparse = P::borrowed_is_sparse(&args);
                self.open_stream::<P, _>(&args, sparse).await
            }

            async fn call_procedure_with_fds<P: Procedure>(
                &self,
                args: P::Borrowed<'_>,
                fds: Vec<Fd>,
            ) -> Result<(P::Ret, Vec<Fd>)> {
                self.call_with_fds::<P, _>(&args, fds).await
            }
        }
    )*};
}

impl_calls!(remote, qemu, lxc);
