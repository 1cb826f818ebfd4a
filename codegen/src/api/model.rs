//! The enum and flags types to generate, resolved from the raw XML: numbers
//! computed, kinds decided, sentinels dropped, aliases found, Rust names
//! given and checked for clashes.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::classify::{self, Kind};
use super::exceptions;
use super::naming;
use super::xml::{RawApi, RawType, RawValue};
use crate::error::{Error, Location};

/// Everything generated from a set of API XML files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiModel {
    /// Types in file order, then by Rust name.
    pub types: Vec<ApiType>,
}

/// One C enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiType {
    /// `virDomainState`
    pub c_name: String,
    /// `DomainState`
    pub rust_name: String,
    /// Enum or flags.
    pub kind: Kind,
    /// The header, without `.h`.
    pub header: String,
    /// The API XML file it is described in (file name only).
    pub source: String,
    /// The libvirt release that introduced it.
    pub since: String,
    /// Its documentation, as in the file.
    pub info: Option<String>,
    /// The values that get a variant (enum) or constant (flags), by number
    /// then C name. For flags this includes zero values and equal values.
    pub values: Vec<ApiValue>,
    /// Enum values that repeat another value's number: associated constants.
    pub aliases: Vec<ApiAlias>,
    /// The sentinels left out, by C name.
    pub sentinels: Vec<String>,
}

/// One value of an [`ApiType`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiValue {
    /// `VIR_DOMAIN_RUNNING`
    pub c_name: String,
    /// `Running` (enum variant) or `RUNNING` (flag constant).
    pub rust_name: String,
    /// The number: an `i32` for enums, a `u32` for flags.
    pub number: i64,
    /// The value it is defined as, when the header names one.
    pub defined_as: Option<String>,
    /// The libvirt release that introduced it.
    pub since: String,
    /// Its documentation, as in the file.
    pub info: Option<String>,
}

/// An enum value with the number of another: `VIR_DOMAIN_QEMU_AGENT_COMMAND_MIN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiAlias {
    /// The value itself.
    pub value: ApiValue,
    /// The Rust variant it stands for.
    pub target: String,
}

impl ApiModel {
    /// `(enum types, flags types, values)`: values count variants, flags and
    /// aliases, not sentinels.
    pub fn counts(&self) -> (usize, usize, usize) {
        let enums = self.types.iter().filter(|t| t.kind == Kind::Enum).count();
        let values = self
            .types
            .iter()
            .map(|t| t.values.len() + t.aliases.len())
            .sum();
        (enums, self.types.len() - enums, values)
    }
}

/// Builds the model of the files, given as `(file name, what it holds)` in
/// the order their types are to be emitted.
pub fn resolve(files: &[(String, RawApi)]) -> Result<ApiModel, Error> {
    let mut types_by_name: HashMap<&str, (&str, &RawType)> = HashMap::new();
    let mut values_by_name: HashMap<&str, &RawValue> = HashMap::new();
    let mut values_by_type: HashMap<&str, Vec<&RawValue>> = HashMap::new();
    for (source, api) in files {
        for t in &api.types {
            if types_by_name.insert(&t.name, (source, t)).is_some() {
                return Err(semantic(
                    &t.location,
                    format!("enum type `{}` described twice", t.name),
                ));
            }
        }
        for v in &api.values {
            if values_by_name.insert(&v.name, v).is_some() {
                return Err(semantic(
                    &v.location,
                    format!("enum value `{}` described twice", v.name),
                ));
            }
            values_by_type.entry(&v.type_name).or_default().push(v);
        }
    }
    for v in files.iter().flat_map(|(_, api)| &api.values) {
        if !types_by_name.contains_key(v.type_name.as_str()) {
            return Err(semantic(
                &v.location,
                format!(
                    "`{}` is of type `{}`, which no file describes",
                    v.name, v.type_name
                ),
            ));
        }
    }
    let numbers = Numbers {
        values: &values_by_name,
    };

    let mut types = Vec::new();
    let mut rust_names: HashMap<String, String> = HashMap::new();
    for (source, api) in files {
        let mut of_file = Vec::new();
        for t in &api.types {
            let values = values_by_type
                .get(t.name.as_str())
                .map_or(&[][..], Vec::as_slice);
            let ty = resolve_type(source, t, values, &numbers)?;
            if let Some(other) = rust_names.insert(ty.rust_name.clone(), t.name.clone()) {
                return Err(semantic(
                    &t.location,
                    format!(
                        "`{}` and `{other}` would both be `{}`",
                        t.name, ty.rust_name
                    ),
                ));
            }
            if crate::names::is_reserved_type_name(&ty.rust_name) {
                return Err(semantic(
                    &t.location,
                    format!(
                        "`{}` would be `{}`, a name std's prelude uses",
                        t.name, ty.rust_name
                    ),
                ));
            }
            of_file.push(ty);
        }
        of_file.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
        types.extend(of_file);
    }
    Ok(ApiModel { types })
}

fn resolve_type(
    source: &str,
    t: &RawType,
    values: &[&RawValue],
    numbers: &Numbers<'_>,
) -> Result<ApiType, Error> {
    if values.is_empty() {
        return Err(semantic(
            &t.location,
            format!("enum type `{}` has no values", t.name),
        ));
    }
    // Numbers, then what is not a value.
    let mut numbered = Vec::with_capacity(values.len());
    for v in values {
        numbered.push((*v, numbers.of(v)?));
    }
    numbered.retain(|(v, _)| !exceptions::is_not_a_value(&v.name));
    let mut sentinels = Vec::new();
    let all: Vec<i64> = numbered.iter().map(|&(_, n)| n).collect();
    numbered.retain(|&(v, n)| {
        let others = numbered_others(&all, n);
        let sentinel = classify::is_sentinel(&v.name, n, others);
        if sentinel {
            sentinels.push(v.name.clone());
        }
        !sentinel
    });
    sentinels.sort();
    numbered.sort_by(|(a, x), (b, y)| x.cmp(y).then_with(|| a.name.cmp(&b.name)));

    let bits = numbered.iter().any(|(v, _)| numbers.written_as_bits(v));
    let kind = classify::kind(&t.name, bits).map_err(|m| semantic(&t.location, m))?;

    let names: Vec<&str> = numbered.iter().map(|(v, _)| v.name.as_str()).collect();
    let prefix = match exceptions::prefix(&t.name) {
        Some(p) => p.to_owned(),
        None => naming::value_prefix(&t.name, &names),
    };
    let (values, aliases) = match kind {
        Kind::Enum => enum_values(t, &numbered, &prefix)?,
        Kind::Flags => (flag_values(t, &numbered, &prefix)?, Vec::new()),
    };
    Ok(ApiType {
        c_name: t.name.clone(),
        rust_name: naming::type_name(&t.name),
        kind,
        header: t.header.clone(),
        source: source.to_owned(),
        since: t.since.clone(),
        info: t.info.clone(),
        values,
        aliases,
        sentinels,
    })
}

/// `all` without one occurrence of `n`.
fn numbered_others(all: &[i64], n: i64) -> impl Iterator<Item = i64> + '_ {
    let mut skipped = false;
    all.iter().copied().filter(move |&o| {
        if o == n && !skipped {
            skipped = true;
            false
        } else {
            true
        }
    })
}

fn api_value(v: &RawValue, rust_name: String, number: i64) -> ApiValue {
    ApiValue {
        c_name: v.name.clone(),
        rust_name,
        number,
        defined_as: v.value.parse::<i64>().is_err().then(|| v.value.clone()),
        since: v.since.clone(),
        info: v.info.clone(),
    }
}

fn enum_values(
    t: &RawType,
    numbered: &[(&RawValue, i64)],
    prefix: &str,
) -> Result<(Vec<ApiValue>, Vec<ApiAlias>), Error> {
    let in_type: HashSet<&str> = numbered.iter().map(|(v, _)| v.name.as_str()).collect();
    // An alias is listed as one, or defined as another value of its type.
    let alias_of = |v: &RawValue| -> Option<String> {
        exceptions::alias_target(&v.name)
            .map(str::to_owned)
            .or_else(|| in_type.contains(v.value.as_str()).then(|| v.value.clone()))
    };
    let mut values = Vec::new();
    let mut by_number: BTreeMap<i64, usize> = BTreeMap::new();
    let mut by_c_name: HashMap<&str, usize> = HashMap::new();
    let mut pending_aliases = Vec::new();
    for &(v, n) in numbered {
        if i32::try_from(n).is_err() {
            return Err(semantic(
                &v.location,
                format!("`{}` = {n} does not fit an `int`", v.name),
            ));
        }
        if let Some(target) = alias_of(v) {
            pending_aliases.push((v, n, target));
            continue;
        }
        if let Some(&i) = by_number.get(&n) {
            let other: &ApiValue = &values[i];
            return Err(semantic(
                &v.location,
                format!(
                    "`{}` and `{}` of `{}` are both {n}: say which is the alias in ALIASES \
                     in codegen/src/api/exceptions.rs",
                    other.c_name, v.name, t.name
                ),
            ));
        }
        by_number.insert(n, values.len());
        by_c_name.insert(&v.name, values.len());
        let rust = naming::variant(naming::strip(&v.name, prefix));
        values.push(api_value(v, rust, n));
    }
    check_unique(
        t,
        values.iter().map(|v| (&v.c_name, &v.rust_name)),
        &["Other"],
    )?;

    let mut aliases = Vec::new();
    for (v, n, target) in pending_aliases {
        let target_value = by_c_name.get(target.as_str()).map(|&i| &values[i]);
        let Some(target_value) = target_value.filter(|tv| tv.number == n) else {
            return Err(semantic(
                &v.location,
                format!(
                    "`{}` is taken for an alias of `{target}`, which is not a value of `{}` with the same number",
                    v.name, t.name
                ),
            ));
        };
        let rust = naming::constant(naming::strip(&v.name, prefix));
        aliases.push(ApiAlias {
            target: target_value.rust_name.clone(),
            value: api_value(v, rust, n),
        });
    }
    check_unique(
        t,
        aliases
            .iter()
            .map(|a| (&a.value.c_name, &a.value.rust_name)),
        &[],
    )?;
    Ok((values, aliases))
}

fn flag_values(
    t: &RawType,
    numbered: &[(&RawValue, i64)],
    prefix: &str,
) -> Result<Vec<ApiValue>, Error> {
    let mut values = Vec::new();
    for &(v, n) in numbered {
        if u32::try_from(n).is_err() {
            return Err(semantic(
                &v.location,
                format!("flag `{}` = {n} does not fit an `unsigned int`", v.name),
            ));
        }
        let rust = naming::constant(naming::strip(&v.name, prefix));
        values.push(api_value(v, rust, n));
    }
    check_unique(t, values.iter().map(|v| (&v.c_name, &v.rust_name)), &[])?;
    Ok(values)
}

/// Fails when two values get one Rust name, or one gets a `reserved` name.
fn check_unique<'a>(
    t: &RawType,
    names: impl Iterator<Item = (&'a String, &'a String)>,
    reserved: &[&str],
) -> Result<(), Error> {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (c, rust) in names {
        if reserved.contains(&rust.as_str()) {
            return Err(semantic(
                &t.location,
                format!(
                    "`{c}` of `{}` would be `{rust}`, a name the generated code uses",
                    t.name
                ),
            ));
        }
        if let Some(other) = seen.insert(rust, c) {
            return Err(semantic(
                &t.location,
                format!("`{other}` and `{c}` of `{}` would both be `{rust}`", t.name),
            ));
        }
    }
    Ok(())
}

/// Numbers of values, following names to the values they are defined as.
struct Numbers<'a> {
    values: &'a HashMap<&'a str, &'a RawValue>,
}

impl Numbers<'_> {
    /// How deep one value may be defined through others.
    const MAX_DEPTH: usize = 8;

    fn of(&self, v: &RawValue) -> Result<i64, Error> {
        let mut current = v;
        for _ in 0..Self::MAX_DEPTH {
            if let Ok(n) = current.value.parse::<i64>() {
                return Ok(n);
            }
            current = self.values.get(current.value.as_str()).ok_or_else(|| {
                semantic(
                    &v.location,
                    format!(
                        "`{}` is defined as `{}`, which is neither a number nor a known value",
                        v.name, current.value
                    ),
                )
            })?;
        }
        Err(semantic(
            &v.location,
            format!("`{}` is defined through too many values (a cycle?)", v.name),
        ))
    }

    /// Whether `v`, or the value it is defined as, is written `1 << n`.
    fn written_as_bits(&self, v: &RawValue) -> bool {
        let mut current = v;
        for _ in 0..Self::MAX_DEPTH {
            if current.bitshift {
                return true;
            }
            match self.values.get(current.value.as_str()) {
                Some(next) => current = next,
                None => return false,
            }
        }
        false
    }
}

fn semantic(at: &Location, message: impl Into<String>) -> Error {
    Error::semantic(at.clone(), message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::xml;

    fn model(text: &str) -> Result<ApiModel, Error> {
        let api = xml::read("t.xml", text)?;
        resolve(&[("t.xml".to_owned(), api)])
    }

    fn ty<'a>(m: &'a ApiModel, name: &str) -> &'a ApiType {
        m.types.iter().find(|t| t.c_name == name).unwrap()
    }

    fn value(name: &str, ty: &str, value: &str, extra: &str) -> String {
        format!(
            "<enum name='{name}' file='h' value='{value}' type='{ty}' version='1.0.0' {extra}/>\n"
        )
    }

    fn typedef(name: &str) -> String {
        format!("<typedef name='{name}' file='h' type='enum' version='1.0.0'/>\n")
    }

    #[test]
    fn enums_lose_sentinels_and_shared_prefixes() {
        let text = [
            typedef("virDomainState"),
            value("VIR_DOMAIN_NOSTATE", "virDomainState", "0", ""),
            value(
                "VIR_DOMAIN_RUNNING",
                "virDomainState",
                "1",
                "info='running'",
            ),
            value("VIR_DOMAIN_LAST", "virDomainState", "2", ""),
        ]
        .concat();
        let m = model(&format!("<api>{text}</api>")).unwrap();
        let t = ty(&m, "virDomainState");
        assert_eq!(t.rust_name, "DomainState");
        assert_eq!(t.kind, Kind::Enum);
        let names: Vec<_> = t
            .values
            .iter()
            .map(|v| (v.rust_name.as_str(), v.number))
            .collect();
        assert_eq!(names, [("Nostate", 0), ("Running", 1)]);
        assert_eq!(t.sentinels, ["VIR_DOMAIN_LAST"]);
        assert_eq!(m.counts(), (1, 0, 2));
    }

    #[test]
    fn flags_follow_bitshifts_through_other_values() {
        let text = [
            typedef("virDomainModificationImpact"),
            value(
                "VIR_DOMAIN_AFFECT_CURRENT",
                "virDomainModificationImpact",
                "0",
                "",
            ),
            value(
                "VIR_DOMAIN_AFFECT_LIVE",
                "virDomainModificationImpact",
                "1",
                "value_bitshift='0'",
            ),
            typedef("virDomainXMLFlags"),
            value(
                "VIR_DOMAIN_XML_SECURE",
                "virDomainXMLFlags",
                "1",
                "value_bitshift='0'",
            ),
            typedef("virDomainSnapshotXMLFlags"),
            value(
                "VIR_DOMAIN_SNAPSHOT_XML_SECURE",
                "virDomainSnapshotXMLFlags",
                "VIR_DOMAIN_XML_SECURE",
                "",
            ),
        ]
        .concat();
        let m = model(&format!("<api>{text}</api>")).unwrap();
        let impact = ty(&m, "virDomainModificationImpact");
        assert_eq!(impact.kind, Kind::Flags);
        let names: Vec<_> = impact.values.iter().map(|v| v.rust_name.as_str()).collect();
        assert_eq!(names, ["CURRENT", "LIVE"]);
        let snapshot = ty(&m, "virDomainSnapshotXMLFlags");
        assert_eq!(snapshot.kind, Kind::Flags);
        assert_eq!(snapshot.rust_name, "DomainSnapshotXmlFlags");
        assert_eq!(snapshot.values[0].rust_name, "SECURE");
        assert_eq!(snapshot.values[0].number, 1);
        assert_eq!(
            snapshot.values[0].defined_as.as_deref(),
            Some("VIR_DOMAIN_XML_SECURE")
        );
    }

    #[test]
    fn aliases_become_constants() {
        let text = [
            typedef("virT"),
            value("VIR_T_NR", "virT", "2", ""),
            value("VIR_T_A", "virT", "0", ""),
            value("VIR_T_B", "virT", "1", ""),
            value("VIR_T_FIRST", "virT", "VIR_T_A", ""),
            value("VIR_T_LAST", "virT", "VIR_T_NR", ""),
        ]
        .concat();
        let m = model(&format!("<api>{text}</api>")).unwrap();
        let t = ty(&m, "virT");
        let names: Vec<_> = t.values.iter().map(|v| v.rust_name.as_str()).collect();
        // VIR_T_LAST is not greater than VIR_T_NR: not a sentinel here.
        assert_eq!(names, ["A", "B", "Nr"]);
        let aliases: Vec<_> = t
            .aliases
            .iter()
            .map(|a| (a.value.rust_name.as_str(), a.target.as_str()))
            .collect();
        assert_eq!(aliases, [("FIRST", "A"), ("LAST", "Nr")]);
    }

    #[test]
    fn equal_values_without_an_alias_are_an_error() {
        let text = [
            typedef("virT"),
            value("VIR_T_A", "virT", "0", ""),
            value("VIR_T_B", "virT", "0", ""),
        ]
        .concat();
        let err = model(&format!("<api>{text}</api>")).unwrap_err();
        assert!(err.message().contains("ALIASES"), "{err}");
    }

    #[test]
    fn unreviewed_disagreement_is_an_error() {
        let text = [typedef("virTFlags"), value("VIR_T_A", "virTFlags", "1", "")].concat();
        let err = model(&format!("<api>{text}</api>")).unwrap_err();
        assert!(err.message().contains("REVIEWED_KINDS"), "{err}");
        assert_eq!(err.location(), Some(&Location::new("t.xml", 1)));
    }

    #[test]
    fn unknown_types_and_values_are_errors() {
        let err = model(&format!("<api>{}</api>", value("VIR_T_A", "virT", "0", ""))).unwrap_err();
        assert!(err.message().contains("no file describes"), "{err}");
        let text = [typedef("virT"), value("VIR_T_A", "virT", "VIR_NOPE", "")].concat();
        let err = model(&format!("<api>{text}</api>")).unwrap_err();
        assert!(err.message().contains("VIR_NOPE"), "{err}");
    }

    #[test]
    fn other_is_reserved_for_unknown_values() {
        let text = [
            typedef("virT"),
            value("VIR_T_OTHER", "virT", "0", ""),
            value("VIR_T_A", "virT", "1", ""),
        ]
        .concat();
        let err = model(&format!("<api>{text}</api>")).unwrap_err();
        assert!(err.message().contains("`Other`"), "{err}");
    }

    #[test]
    fn out_of_range_numbers_are_errors() {
        let text = [typedef("virT"), value("VIR_T_A", "virT", "4294967296", "")].concat();
        assert!(model(&format!("<api>{text}</api>")).is_err());
        let text = [
            typedef("virTFlags"),
            value("VIR_T_A", "virTFlags", "-1", "value_bitshift='0'"),
        ]
        .concat();
        assert!(model(&format!("<api>{text}</api>")).is_err());
    }
}
