//! The typed-parameter calls whose counts come from elsewhere than the
//! generated two-step (`nparams` 0, then that many): CPU statistics in
//! strides per CPU, scheduler parameters counted by
//! `virDomainGetSchedulerType`, and the domain statistics records.

use virtwire_protocol::api::{
    ConnectGetAllDomainStatsFlags, DomainModificationImpact, DomainStatsTypes, TypedParameterFlags,
};
use virtwire_protocol::remote::{self, procs};

use super::{Domain, DomainStatsRecord, TypedParams};
use crate::Client;
use crate::error::{Error, ErrorKind, Result};

/// `REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX`: the most CPUs one
/// `virDomainGetCPUStats` call may ask for.
const CPU_STATS_NCPUS_MAX: u32 = 128;
/// `REMOTE_DOMAIN_GET_CPU_STATS_MAX`: the most parameters one reply holds.
const CPU_STATS_MAX: u32 = 2048;
/// `REMOTE_NODE_CPU_STATS_MAX`: the most parameters per CPU.
const CPU_STATS_NPARAMS_MAX: u32 = 16;

impl Domain {
    /// Calls `virDomainGetCPUStats`: the CPU statistics of `ncpus` host
    /// CPUs from `start_cpu`, one [`TypedParams`] per CPU (`cpu_time`, and
    /// `vcpu_time` where the driver knows it); or, with `start_cpu` -1 and
    /// `ncpus` 1, one with the domain's total (`cpu_time`, `user_time`,
    /// `system_time`), as [`get_cpu_stats_total`](Self::get_cpu_stats_total)
    /// returns.
    ///
    /// Procedure `REMOTE_PROC_DOMAIN_GET_CPU_STATS`. Asks for the number of
    /// statistics per CPU first, as libvirt's documentation tells callers
    /// to, then for the statistics, in requests of at most 128 CPUs (the
    /// daemon's limit); sets `VIR_TYPED_PARAM_STRING_OKAY`, as libvirt's
    /// client does. CPUs past the host's last are left out, so the list may
    /// be shorter than `ncpus`. The domain must be running.
    pub async fn get_cpu_stats(
        &self,
        start_cpu: i32,
        ncpus: u32,
        flags: TypedParameterFlags,
    ) -> Result<Vec<TypedParams>> {
        if ncpus == 0 {
            return Ok(Vec::new());
        }
        let flags = flags | TypedParameterFlags::STRING_OKAY;
        let count = self.cpu_stats_call(0, start_cpu, 1, flags).await?.nparams;
        let nparams = u32::try_from(count).map_err(|_| {
            Error::new(
                ErrorKind::Protocol,
                format!("virDomainGetCPUStats: the daemon counts {count} statistics"),
            )
        })?;
        if nparams == 0 {
            return Ok(Vec::new());
        }
        if start_cpu < 0 {
            // The total: one set (the daemon refuses `ncpus` other than 1).
            let reply = self
                .cpu_stats_call(nparams, start_cpu, ncpus, flags)
                .await?;
            return split_cpu_stats(reply);
        }
        let per_call =
            (CPU_STATS_MAX / nparams.min(CPU_STATS_NPARAMS_MAX)).min(CPU_STATS_NCPUS_MAX);
        let mut out = Vec::new();
        let mut done = 0u32;
        while done < ncpus {
            let n = per_call.min(ncpus - done);
            let first = i32::try_from(i64::from(start_cpu) + i64::from(done)).map_err(|_| {
                Error::new(ErrorKind::InvalidArgument, "start_cpu + ncpus overflows")
            })?;
            let reply = self.cpu_stats_call(nparams, first, n, flags).await?;
            let got = split_cpu_stats(reply)?;
            let short = got.len() < n as usize;
            out.extend(got);
            if short {
                // Past the host's last CPU.
                break;
            }
            done += n;
        }
        Ok(out)
    }

    /// Calls `virDomainGetCPUStats` with `start_cpu` -1 and `ncpus` 1: the
    /// domain's total CPU statistics (`cpu_time`, `user_time`,
    /// `system_time`, in nanoseconds), what libvirt-python's
    /// `getCPUStats(True)` returns.
    ///
    /// Procedure `REMOTE_PROC_DOMAIN_GET_CPU_STATS`, asked for the count
    /// first; sets `VIR_TYPED_PARAM_STRING_OKAY`. The domain must be
    /// running.
    pub async fn get_cpu_stats_total(&self, flags: TypedParameterFlags) -> Result<TypedParams> {
        Ok(self
            .get_cpu_stats(-1, 1, flags)
            .await?
            .into_iter()
            .next()
            .unwrap_or_default())
    }

    /// Calls `virDomainGetCPUStats` for every host CPU: the number of CPUs
    /// first (`ncpus` 0), then [`get_cpu_stats`](Self::get_cpu_stats) from
    /// CPU 0 — what libvirt-python's `getCPUStats(False)` returns.
    ///
    /// Procedure `REMOTE_PROC_DOMAIN_GET_CPU_STATS`; sets
    /// `VIR_TYPED_PARAM_STRING_OKAY`. The domain must be running.
    pub async fn get_cpu_stats_per_cpu(
        &self,
        flags: TypedParameterFlags,
    ) -> Result<Vec<TypedParams>> {
        let flags = flags | TypedParameterFlags::STRING_OKAY;
        let cpus = self.cpu_stats_call(0, 0, 0, flags).await?.nparams;
        let cpus = u32::try_from(cpus).map_err(|_| {
            Error::new(
                ErrorKind::Protocol,
                format!("virDomainGetCPUStats: the daemon counts {cpus} CPUs"),
            )
        })?;
        self.get_cpu_stats(0, cpus, flags).await
    }

    async fn cpu_stats_call(
        &self,
        nparams: u32,
        start_cpu: i32,
        ncpus: u32,
        flags: TypedParameterFlags,
    ) -> Result<remote::DomainGetCpuStatsRet> {
        let args = remote::DomainGetCpuStatsArgs {
            dom: self.wire().clone(),
            nparams,
            start_cpu,
            ncpus,
            flags: flags.bits(),
        };
        self.client().call::<procs::DomainGetCpuStats>(&args).await
    }

    /// Calls `virDomainGetSchedulerParameters`: the scheduler's parameters
    /// (`weight`, `cpu_shares`, `vcpu_quota`, ... by hypervisor) of the
    /// domain's current state.
    ///
    /// Procedure `REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS`, after
    /// `REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE` for the count, as libvirt's
    /// documentation tells callers to. Like the C function, it does not set
    /// `VIR_TYPED_PARAM_STRING_OKAY`.
    pub async fn get_scheduler_parameters(&self) -> Result<TypedParams> {
        let nparams = self.get_scheduler_type().await?.nparams;
        if nparams <= 0 {
            return Ok(TypedParams::new());
        }
        let args = remote::DomainGetSchedulerParametersArgs {
            dom: self.wire().clone(),
            nparams,
        };
        let reply = self
            .client()
            .call::<procs::DomainGetSchedulerParameters>(&args)
            .await?;
        Ok(TypedParams::from_wire(reply.params))
    }

    /// Calls `virDomainGetSchedulerParametersFlags`: the scheduler's
    /// parameters of the live or persistent state (`flags`).
    ///
    /// Procedure `REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS`, after
    /// `REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE` for the count; sets
    /// `VIR_TYPED_PARAM_STRING_OKAY`, as libvirt's client does.
    pub async fn get_scheduler_parameters_flags(
        &self,
        flags: DomainModificationImpact,
    ) -> Result<TypedParams> {
        let nparams = self.get_scheduler_type().await?.nparams;
        if nparams <= 0 {
            return Ok(TypedParams::new());
        }
        let args = remote::DomainGetSchedulerParametersFlagsArgs {
            dom: self.wire().clone(),
            nparams,
            flags: flags.bits() | TypedParameterFlags::STRING_OKAY.bits(),
        };
        let reply = self
            .client()
            .call::<procs::DomainGetSchedulerParametersFlags>(&args)
            .await?;
        Ok(TypedParams::from_wire(reply.params))
    }
}

/// A `virDomainGetCPUStats` reply's parameters, split into the strides of
/// `nparams` per CPU that the daemon sends (it leaves out the CPUs past
/// the host's last).
fn split_cpu_stats(reply: remote::DomainGetCpuStatsRet) -> Result<Vec<TypedParams>> {
    let stride = usize::try_from(reply.nparams).unwrap_or(0);
    if reply.params.is_empty() {
        return Ok(Vec::new());
    }
    if stride == 0 || reply.params.len() % stride != 0 {
        return Err(Error::new(
            ErrorKind::Protocol,
            format!(
                "virDomainGetCPUStats: {} statistics do not make strides of {}",
                reply.params.len(),
                reply.nparams
            ),
        ));
    }
    let mut params = reply.params.into_iter();
    let mut out = Vec::new();
    loop {
        let cpu: Vec<remote::TypedParam> = params.by_ref().take(stride).collect();
        if cpu.is_empty() {
            break;
        }
        out.push(TypedParams::from_wire(cpu));
    }
    Ok(out)
}

impl Client {
    /// Calls `virConnectGetAllDomainStats`: the statistics groups `stats`
    /// (empty: every group the driver has) of every domain that `flags`
    /// selects (empty: all), one [`DomainStatsRecord`] per domain.
    ///
    /// Procedure `REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS` with no
    /// domains.
    pub async fn get_all_domain_stats(
        &self,
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<DomainStatsRecord>> {
        self.domain_stats(Vec::new(), stats, flags).await
    }

    /// Calls `virDomainListGetStats`: the statistics groups `stats` of the
    /// domains `doms`, one [`DomainStatsRecord`] per domain in that order.
    /// `flags` may only hold `BACKING`, `NOWAIT` and `ENFORCE_STATS`.
    ///
    /// Procedure `REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS` with the
    /// domains. As the C function, it refuses an empty `doms` (the daemon
    /// would read it as "all domains") with an
    /// [`ErrorKind::InvalidArgument`] error.
    pub async fn domain_list_get_stats(
        &self,
        doms: &[Domain],
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<DomainStatsRecord>> {
        if doms.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "virDomainListGetStats: doms must contain at least one domain",
            ));
        }
        let wire = doms.iter().map(|d| d.wire().clone()).collect();
        self.domain_stats(wire, stats, flags).await
    }

    async fn domain_stats(
        &self,
        doms: Vec<remote::NonnullDomain>,
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<DomainStatsRecord>> {
        let args = remote::ConnectGetAllDomainStatsArgs {
            doms,
            stats: stats.bits(),
            flags: flags.bits(),
        };
        let reply = self.call::<procs::ConnectGetAllDomainStats>(&args).await?;
        Ok(reply
            .ret_stats
            .into_iter()
            .map(|record| DomainStatsRecord {
                domain: Domain::from_wire(self.clone(), record.dom),
                params: TypedParams::from_wire(record.params),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use virtwire_protocol::remote::TypedParamValue as W;

    fn param(field: &str, value: u64) -> remote::TypedParam {
        remote::TypedParam {
            field: field.into(),
            value: W::Ullong(value),
        }
    }

    #[test]
    fn cpu_stats_split_into_strides() {
        let reply = remote::DomainGetCpuStatsRet {
            params: vec![
                param("cpu_time", 1),
                param("vcpu_time", 2),
                param("cpu_time", 3),
                param("vcpu_time", 4),
            ],
            nparams: 2,
        };
        let cpus = split_cpu_stats(reply).unwrap();
        assert_eq!(cpus.len(), 2);
        assert_eq!(cpus[1].get_u64("cpu_time"), Some(3));
        assert_eq!(cpus[1].get_u64("vcpu_time"), Some(4));

        let empty = remote::DomainGetCpuStatsRet {
            params: Vec::new(),
            nparams: 2,
        };
        assert!(split_cpu_stats(empty).unwrap().is_empty());

        // A list that is not whole strides breaks the protocol.
        let ragged = remote::DomainGetCpuStatsRet {
            params: vec![
                param("cpu_time", 1),
                param("vcpu_time", 2),
                param("cpu_time", 3),
            ],
            nparams: 2,
        };
        let err = split_cpu_stats(ragged).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Protocol, "{err}");
    }
}
