//! The generated `Calls` traits, implemented for [`Client`]: a typed method
//! for every procedure of the remote, qemu and lxc programs.

use crate::client::Client;
use crate::error::{Error, Result};
use crate::stream::Stream;
use virtwire_protocol::conn::Fd;
use virtwire_protocol::{Procedure, lxc, qemu, remote};

macro_rules! impl_calls {
    ($($program:ident),*) => {$(
        impl $program::Calls for Client {
            type Error = Error;
            type Stream = Stream;

            async fn call_procedure<P: Procedure>(&self, args: P::Args) -> Result<P::Ret> {
                self.call::<P>(&args).await
            }

            async fn call_stream_procedure<P: Procedure>(
                &self,
                args: P::Args,
            ) -> Result<(P::Ret, Stream)> {
                self.open_stream::<P>(&args).await
            }

            async fn call_procedure_with_fds<P: Procedure>(
                &self,
                args: P::Args,
                fds: Vec<Fd>,
            ) -> Result<(P::Ret, Vec<Fd>)> {
                self.call_with_fds::<P>(&args, fds).await
            }
        }
    )*};
}

impl_calls!(remote, qemu, lxc);
