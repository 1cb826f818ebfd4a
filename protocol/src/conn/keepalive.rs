//! Client-side keepalive, as libvirt's `virKeepAlive` does it: after
//! `interval` without any incoming message send a PING, and give up after
//! `count` pings in a row go unanswered.

use std::time::{Duration, Instant};

/// Keepalive settings (libvirt's `virConnectSetKeepAlive`; virsh uses 5 s and 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepaliveConfig {
    /// Idle time before a ping.
    pub interval: Duration,
    /// Unanswered pings before the connection is declared dead.
    pub count: u32,
}

impl Default for KeepaliveConfig {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(5),
            count: 6,
        }
    }
}

#[derive(Debug)]
pub(super) enum Action {
    None,
    Ping,
    Dead,
}

#[derive(Debug)]
pub(super) struct Keepalive {
    config: Option<KeepaliveConfig>,
    last_received: Instant,
    unanswered: u32,
    paused: bool,
}

impl Keepalive {
    pub(super) fn new(config: Option<KeepaliveConfig>, now: Instant) -> Self {
        Self {
            config,
            last_received: now,
            unanswered: 0,
            paused: false,
        }
    }

    pub(super) fn received(&mut self, now: Instant) {
        self.last_received = now;
        self.unanswered = 0;
    }

    /// While reading is paused for a slow stream consumer, the daemon's
    /// answers sit unread: silence then says nothing about the peer.
    pub(super) fn set_paused(&mut self, paused: bool, now: Instant) {
        if self.paused != paused {
            self.paused = paused;
            self.received(now);
        }
    }

    pub(super) fn is_paused(&self) -> bool {
        self.paused
    }

    pub(super) fn deadline(&self) -> Option<Instant> {
        let config = self.config?;
        if self.paused {
            return None;
        }
        Some(self.last_received + config.interval * (self.unanswered + 1))
    }

    pub(super) fn on_timeout(&mut self, now: Instant) -> Action {
        let (Some(config), Some(deadline)) = (self.config, self.deadline()) else {
            return Action::None;
        };
        if now < deadline {
            Action::None
        } else if self.unanswered >= config.count {
            Action::Dead
        } else {
            self.unanswered += 1;
            Action::Ping
        }
    }
}
