//! Files to and from streams, keeping holes: what libvirt's
//! `virStreamSparseRecvAll` and `virStreamSparseSendAll` do with virsh's
//! file handlers.

use super::{Stream, StreamChunk};
use crate::error::{Error, ErrorKind, Result};
use bytes::BytesMut;
use std::io::SeekFrom;
use tokio::fs::File;
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
use virtwire_protocol::frame::STREAM_CHUNK;

fn file_error(what: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}")).with_source(e)
}

impl Stream {
    /// Writes everything the daemon sends into `file` from its current
    /// position, seeking over holes so they stay holes, then finishes the
    /// stream. Returns the bytes the stream covered (data and holes).
    pub async fn recv_to_file(mut self, file: &mut File) -> Result<u64> {
        let mut total = 0u64;
        let mut trailing_hole = false;
        while let Some(chunk) = self.recv().await? {
            match chunk {
                StreamChunk::Data(data) => {
                    file.write_all(&data)
                        .await
                        .map_err(|e| file_error("cannot write the file", e))?;
                    total += data.len() as u64;
                    trailing_hole = false;
                }
                StreamChunk::Hole(len) => {
                    let offset = i64::try_from(len).map_err(|_| {
                        Error::new(ErrorKind::Protocol, format!("hole of {len} bytes"))
                    })?;
                    file.seek(SeekFrom::Current(offset))
                        .await
                        .map_err(|e| file_error("cannot seek the file", e))?;
                    total += len;
                    trailing_hole = true;
                }
            }
        }
        file.flush()
            .await
            .map_err(|e| file_error("cannot write the file", e))?;
        if trailing_hole {
            // A seek alone does not extend the file over a final hole.
            let end = file
                .stream_position()
                .await
                .map_err(|e| file_error("cannot seek the file", e))?;
            file.set_len(end)
                .await
                .map_err(|e| file_error("cannot extend the file", e))?;
        }
        self.finish().await?;
        Ok(total)
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
        let end = file
            .metadata()
            .await
            .map_err(|e| file_error("cannot stat the file", e))?
            .len();
        let mut pos = start;
        while pos < end {
            let (data_end, hole_end) = if self.is_sparse() {
                segments(file, pos, end)?
            } else {
                (end, end)
            };
            if data_end > pos {
                file.seek(SeekFrom::Start(pos))
                    .await
                    .map_err(|e| file_error("cannot seek the file", e))?;
                let mut left = data_end - pos;
                while left > 0 {
                    let want = usize::try_from(left)
                        .unwrap_or(usize::MAX)
                        .min(STREAM_CHUNK);
                    let mut buf = BytesMut::zeroed(want);
                    file.read_exact(&mut buf)
                        .await
                        .map_err(|e| file_error("cannot read the file", e))?;
                    self.send(buf.freeze()).await?;
                    left -= want as u64;
                }
            }
            if hole_end > data_end {
                self.send_hole(hole_end - data_end).await?;
            }
            pos = hole_end;
        }
        self.finish().await?;
        Ok(end.saturating_sub(start))
    }
}

/// From `pos`: where the data there ends and where the hole after it ends.
fn segments(file: &File, pos: u64, end: u64) -> Result<(u64, u64)> {
    use rustix::fs::{SeekFrom as RawSeek, seek};
    // Where data starts at or after pos (ENXIO: only a hole is left).
    let data_start = match seek(file, RawSeek::Data(pos)) {
        Ok(at) => at.min(end),
        Err(rustix::io::Errno::NXIO) => end,
        Err(e) => return Err(file_error("cannot find the file's data", e.into())),
    };
    if data_start > pos {
        // A hole comes first: no data, then the hole up to data_start.
        return Ok((pos, data_start));
    }
    let hole_start = match seek(file, RawSeek::Hole(pos)) {
        Ok(at) => at.min(end),
        Err(e) => return Err(file_error("cannot find the file's holes", e.into())),
    };
    Ok((hole_start, hole_start))
}
