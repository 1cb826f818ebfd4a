//! Files to and from streams, keeping holes: what libvirt's
//! `virStreamSparseRecvAll` and `virStreamSparseSendAll` do with virsh's
//! file handlers.
//!
//! File I/O runs on tokio's blocking pool (`spawn_blocking`), at explicit
//! offsets (`pread`/`pwrite`), so no runtime thread waits on the disk and
//! the payload is not copied again on its way: received chunks are written
//! straight from the connection's buffer, and file data is read straight
//! into the buffers that are sent.

use super::{Stream, StreamChunk};
use crate::error::{Error, ErrorKind, Result};
use bytes::Bytes;
use std::io::SeekFrom;
use std::os::unix::fs::FileExt;
use std::sync::Arc;
use tokio::fs::File;
use tokio::io::AsyncSeekExt;

/// Most bytes gathered into one trip to the blocking pool.
const BATCH: u64 = 8 << 20;

/// Times a download yields to the connection for more data before it
/// writes what it has.
const GATHER_YIELDS: u32 = 4;

/// Bytes read from a file per trip to the blocking pool.
const READ_BLOCK: u64 = 4 << 20;

fn file_error(what: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}")).with_source(e)
}

/// A `std` handle on the same open file, for the blocking pool.
async fn std_file(file: &File) -> Result<Arc<std::fs::File>> {
    let clone = file
        .try_clone()
        .await
        .map_err(|e| file_error("cannot use the file", e))?;
    Ok(Arc::new(clone.into_std().await))
}

async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::new(ErrorKind::Io, format!("{what}: {e}")))?
        .map_err(|e| file_error(what, e))
}

impl Stream {
    /// Writes everything the daemon sends into `file` from its current
    /// position, leaving holes as holes, then finishes the stream and puts
    /// the file's position after the data. Returns the bytes the stream
    /// covered (data and holes).
    pub async fn recv_to_file(mut self, file: &mut File) -> Result<u64> {
        let start = file
            .stream_position()
            .await
            .map_err(|e| file_error("cannot seek the file", e))?;
        let out = std_file(file).await?;
        let mut offset = start;
        let mut ended_in_hole = false;
        let mut done = false;
        while !done {
            // Gather what has arrived, then write it in one trip.
            let mut batch: Vec<(u64, Bytes)> = Vec::new();
            let mut size = 0u64;
            match self.recv().await? {
                None => done = true,
                Some(chunk) => {
                    let mut next = Some(chunk);
                    while let Some(chunk) = next.take() {
                        match chunk {
                            StreamChunk::Data(data) => {
                                size += data.len() as u64;
                                let at = offset;
                                offset += data.len() as u64;
                                batch.push((at, data));
                                ended_in_hole = false;
                            }
                            StreamChunk::Hole(len) => {
                                offset += len;
                                ended_in_hole = true;
                            }
                        }
                        let mut idle = 0;
                        while next.is_none() && !done && size < BATCH {
                            match self.try_recv()? {
                                Some(Some(chunk)) => next = Some(chunk),
                                Some(None) => done = true,
                                // Let the connection read what the socket
                                // holds: one trip to the disk for many
                                // packets costs far less than one each.
                                None if idle < GATHER_YIELDS => {
                                    idle += 1;
                                    tokio::task::yield_now().await;
                                }
                                None => break,
                            }
                        }
                    }
                }
            }
            if !batch.is_empty() {
                let out = out.clone();
                blocking("cannot write the file", move || {
                    for (at, data) in &batch {
                        out.write_all_at(data, *at)?;
                    }
                    Ok(())
                })
                .await?;
            }
        }
        if ended_in_hole {
            // Writing at offsets does not extend the file over a final hole.
            let out = out.clone();
            blocking("cannot extend the file", move || {
                if out.metadata()?.len() < offset {
                    out.set_len(offset)?;
                }
                Ok(())
            })
            .await?;
        }
        self.finish().await?;
        file.seek(SeekFrom::Start(offset))
            .await
            .map_err(|e| file_error("cannot seek the file", e))?;
        Ok(offset - start)
    }

    /// Sends `file` from its current position to its end, then finishes the
    /// stream (waiting until the daemon has stored it all). On a sparse
    /// stream the file's holes (`SEEK_HOLE`/`SEEK_DATA`) travel as holes.
    /// Returns the bytes covered (data and holes).
    pub async fn send_file(mut self, file: &mut File) -> Result<u64> {
        let start = file
            .stream_position()
            .await
            .map_err(|e| file_error("cannot seek the file", e))?;
        let input = std_file(file).await?;
        let end = {
            let input = input.clone();
            blocking("cannot stat the file", move || Ok(input.metadata()?.len())).await?
        };
        let sparse = self.is_sparse();
        let mut pos = start;
        while pos < end {
            let (data_end, hole_end) = if sparse {
                let input = input.clone();
                blocking("cannot find the file's holes", move || {
                    segments(&input, pos, end)
                })
                .await?
            } else {
                (end, end)
            };
            // Read the next block while the previous one is being sent.
            let mut pending = None;
            let mut at = pos;
            while at < data_end || pending.is_some() {
                let next = (at < data_end).then(|| {
                    let want = (data_end - at).min(READ_BLOCK);
                    let input = input.clone();
                    let from = at;
                    at += want;
                    tokio::task::spawn_blocking(move || read_block(&input, from, want))
                });
                if let Some(block) = pending.take() {
                    let block: tokio::task::JoinHandle<std::io::Result<Bytes>> = block;
                    let data = block
                        .await
                        .map_err(|e| {
                            Error::new(ErrorKind::Io, format!("cannot read the file: {e}"))
                        })?
                        .map_err(|e| file_error("cannot read the file", e))?;
                    pos += data.len() as u64;
                    self.send(data).await?;
                }
                pending = next;
            }
            if hole_end > data_end {
                self.send_hole(hole_end - data_end).await?;
            }
            pos = hole_end.max(pos);
        }
        self.finish().await?;
        file.seek(SeekFrom::Start(end))
            .await
            .map_err(|e| file_error("cannot seek the file", e))?;
        Ok(end.saturating_sub(start))
    }
}

/// Reads `len` bytes at `offset` into a fresh buffer, without zeroing it
/// first.
fn read_block(file: &std::fs::File, offset: u64, len: u64) -> std::io::Result<Bytes> {
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    let mut buf: Vec<u8> = Vec::with_capacity(len);
    while buf.len() < len {
        let at = offset + buf.len() as u64;
        let want = len - buf.len();
        let spare = &mut buf.spare_capacity_mut()[..want];
        let (filled, _) = rustix::io::pread(file, spare, at)?;
        if filled.is_empty() {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let n = filled.len();
        // SAFETY: pread initialised the first `n` bytes of the spare capacity.
        unsafe { buf.set_len(buf.len() + n) };
    }
    Ok(Bytes::from(buf))
}

/// From `pos`: where the data there ends and where the hole after it ends.
fn segments(file: &std::fs::File, pos: u64, end: u64) -> std::io::Result<(u64, u64)> {
    use rustix::fs::{SeekFrom as RawSeek, seek};
    // Where data starts at or after pos (ENXIO: only a hole is left).
    let data_start = match seek(file, RawSeek::Data(pos)) {
        Ok(at) => at.min(end),
        Err(rustix::io::Errno::NXIO) => end,
        Err(e) => return Err(e.into()),
    };
    if data_start > pos {
        // A hole comes first: no data, then the hole up to data_start.
        return Ok((pos, data_start));
    }
    let hole_start = seek(file, RawSeek::Hole(pos))?.min(end);
    Ok((hole_start, hole_start))
}
