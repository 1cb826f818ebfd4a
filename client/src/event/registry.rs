//! Event registrations with the daemon, shared by local subscribers.
//!
//! libvirt's remote driver registers each (event, object filter) once with
//! the daemon however many local callbacks want it, and deregisters with the
//! last of them; so does this. Registering runs on its own task, so a caller
//! that gives up half way leaves no registration behind: the stream it
//! would have received is dropped, which deregisters.

use super::family::{Family, Registration};
use super::fanout::Fanout;
use super::guard::OnDrop;
use super::queue::EventQueue;
use super::{DecodeEvent, EventStream};
use crate::client::{Client, ClientInner};
use crate::driver::{CallResult, Command, ReplySender};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, Weak};
use tokio::sync::{Mutex, oneshot};
use virtwire_protocol::conn::{CallFrame, Route, RouteKey};
use virtwire_protocol::xdr::{self, Encode};

/// Events a subscriber may fall behind by before the oldest are dropped.
pub const DEFAULT_EVENT_QUEUE: usize = 1024;

/// What identifies a registration: the family and its register arguments
/// (event id and filter), encoded.
type Key = (&'static str, Vec<u8>);

/// One registration with the daemon.
#[derive(Debug)]
struct Registered {
    fanout: Fanout,
    route: RouteKey,
}

/// The registrations of one connection.
#[derive(Debug)]
pub(crate) struct Registrations {
    map: Mutex<HashMap<Key, Registered>>,
    /// Each subscriber's queue size.
    pub(crate) capacity: usize,
}

impl Default for Registrations {
    fn default() -> Self {
        Self::new(DEFAULT_EVENT_QUEUE)
    }
}

impl Registrations {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            map: Mutex::default(),
            capacity: capacity.max(1),
        }
    }
}

impl Client {
    /// Subscribes to `event_id` of `family` with register arguments `args`.
    pub(crate) async fn subscribe<T, A>(
        &self,
        family: &'static Family,
        event_id: i32,
        args: A,
    ) -> Result<EventStream<T>>
    where
        T: DecodeEvent + 'static,
        A: Encode + Send + 'static,
    {
        let client = self.clone();
        // Its own task: see the module docs.
        tokio::spawn(async move { client.register(family, event_id, args).await })
            .await
            .map_err(|e| {
                Error::new(
                    crate::ErrorKind::Connection,
                    format!("event registration failed: {e}"),
                )
            })?
    }

    async fn register<T: DecodeEvent, A: Encode>(
        &self,
        family: &'static Family,
        event_id: i32,
        args: A,
    ) -> Result<EventStream<T>> {
        let method = family.register.method;
        let Some(event) = family.event_procedure(event_id) else {
            return Err(Error::new(
                crate::ErrorKind::InvalidArgument,
                format!("{method}: unknown event id {event_id}"),
            ));
        };
        let encoded = xdr::to_bytes(&args).map_err(|e| Error::encode(method, e))?;
        let key: Key = (family.name, encoded.to_vec());
        let registrations = self.inner.events.clone();
        let queue = Arc::new(EventQueue::new(registrations.capacity));
        let mut map = registrations.map.lock().await;
        if let Some(existing) = map.get(&key) {
            existing.fanout.add(queue.clone());
            if !existing.fanout.prune() {
                return Ok(self.stream(queue, key));
            }
            // Its last subscriber left and the deregistration is under way.
            map.remove(&key);
        }
        let fanout = Fanout::default();
        fanout.add(queue.clone());
        let route = Route {
            program: family.program(),
            procedure: event.number,
            with_callback_id: family.carries_callback_id(),
        };
        let info = family.register;
        let frame = CallFrame::encode(info.program, info.version, info.number, &args)
            .map_err(|e| Error::encode(method, e))?;
        let (tx, rx) = oneshot::channel::<CallResult>();
        let command = Command::Subscribe {
            frame,
            reply: ReplySender(tx),
            route,
            sink: fanout.clone(),
        };
        let (_, reply) = self.send_command(info, command, rx).await?;
        let callback_id = if route.with_callback_id {
            Some(xdr::from_bytes::<i32>(reply.body).map_err(|e| Error::decode(method, e))?)
        } else {
            None
        };
        let route = RouteKey {
            program: route.program,
            procedure: route.procedure,
            callback_id,
        };
        tracing::debug!(
            family = family.name,
            event_id,
            ?callback_id,
            "events registered"
        );
        map.insert(key.clone(), Registered { fanout, route });
        Ok(self.stream(queue, key))
    }

    /// A subscriber's stream, whose drop deregisters when it is the last.
    fn stream<T: DecodeEvent>(
        &self,
        queue: Arc<EventQueue<virtwire_protocol::frame::Frame>>,
        key: Key,
    ) -> EventStream<T> {
        let weak = Arc::downgrade(&self.inner);
        EventStream::new(queue, OnDrop::new(move || release(weak, key)))
    }
}

/// After a subscriber left: deregisters when nobody else listens.
fn release(weak: Weak<ClientInner>, key: Key) {
    let Some(inner) = weak.upgrade() else {
        return;
    };
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        // No runtime to deregister from: the connection's end will do it.
        return;
    };
    let client = Client { inner };
    runtime.spawn(async move {
        let registrations = client.inner.events.clone();
        let mut map = registrations.map.lock().await;
        let Some(registered) = map.get(&key) else {
            return;
        };
        if !registered.fanout.prune() {
            return;
        }
        let Some(registered) = map.remove(&key) else {
            return;
        };
        drop(map);
        let family = super::family::FAMILIES
            .iter()
            .find(|f| f.name == key.0)
            .copied();
        let _ = client
            .inner
            .commands
            .send(Box::new(Command::Unsubscribe(registered.route)))
            .await;
        let Some(family) = family else {
            return;
        };
        let result = match (family.registration, registered.route.callback_id) {
            (Registration::Void, _) => client.call_raw(family.deregister, &()).await,
            (_, Some(id)) => client.call_raw(family.deregister, &id).await,
            (_, None) => return,
        };
        if let Err(e) = result {
            if !e.is_closed() {
                tracing::debug!(family = family.name, error = %e, "event deregistration failed");
            }
        }
    });
}
