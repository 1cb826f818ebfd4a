//! The generated `Calls` traits, implemented for [`Client`]: a typed method
//! for every procedure of the remote, qemu and lxc programs.

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use std::future::Future;
use virtwire_protocol::{Procedure, lxc, qemu, remote};

macro_rules! impl_calls {
    ($($program:ident),*) => {$(
        impl $program::Calls for Client {
            type Error = Error;

            async fn call_procedure<P: Procedure>(&self, args: P::Args) -> Result<P::Ret> {
                self.call::<P>(&args).await
            }

            fn call_stream_procedure<P: Procedure>(
                &self,
                _args: P::Args,
            ) -> impl Future<Output = Result<P::Ret>> + Send {
                std::future::ready(Err(stream_unsupported(P::INFO.method)))
            }
        }
    )*};
}

impl_calls!(remote, qemu, lxc);

pub(crate) fn stream_unsupported(method: &str) -> Error {
    Error::new(
        ErrorKind::Unsupported,
        format!("{method} opens a data stream; streams are not supported yet"),
    )
}
