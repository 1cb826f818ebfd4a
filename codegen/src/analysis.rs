//! What the emitter needs to know about each type beyond its declaration:
//! which types form cycles (their optionals are boxed), which cycles have no
//! optional at all (an error: the type would be infinite), the fewest bytes
//! and the fixed size of an encoding, and whether `Default` can be derived.

use crate::model::*;

/// Fills in `cyclic`, `min_len`, `fixed_len` and `default` of every type and
/// boxes the optionals that need it, in the types and in `aliases`. An error
/// names the type (by index) and what is wrong with it.
pub fn analyse<'a>(
    types: &mut [TypeEntry],
    aliases: impl Iterator<Item = &'a mut Ty>,
) -> Result<(), (TypeId, String)> {
    let n = types.len();
    // Edges: (target, through an optional).
    let mut edges: Vec<Vec<(TypeId, bool)>> = vec![Vec::new(); n];
    for (id, entry) in types.iter().enumerate() {
        for ty in entry_tys(entry) {
            collect_edges(ty, false, &mut edges[id]);
        }
    }
    // A cycle without an optional is infinite.
    if let Some(id) = (0..n).find(|&id| reaches(&edges, id, id, false)) {
        let message = format!(
            "`{}` contains itself without an optional (`*`) in between",
            types[id].xdr_name
        );
        return Err((id, message));
    }
    for (id, entry) in types.iter_mut().enumerate() {
        entry.cyclic = reaches(&edges, id, id, true);
    }
    let cyclic: Vec<bool> = types.iter().map(|t| t.cyclic).collect();
    let mut problem = None;
    for (id, entry) in types.iter_mut().enumerate() {
        let mut ok = true;
        for ty in entry_tys_mut(entry) {
            ok &= mark_boxes(ty, &cyclic);
        }
        if !ok {
            problem.get_or_insert(id);
        }
    }
    for ty in aliases {
        mark_boxes(ty, &cyclic);
    }
    if let Some(id) = problem {
        let message = format!(
            "`{}`: an optional whose value is not itself a named type cannot be part of a type cycle",
            types[id].xdr_name
        );
        return Err((id, message));
    }
    let mut min = vec![None; n];
    let mut fixed = vec![None; n];
    let mut default = vec![None; n];
    for id in 0..n {
        let m = type_min_len(types, id, &mut min);
        let f = type_fixed_len(types, id, &mut fixed);
        let d = type_default(types, id, &mut default);
        let entry = &mut types[id];
        entry.min_len = m;
        entry.fixed_len = f;
        entry.default = d;
    }
    Ok(())
}

/// Every declaration type inside a struct or union.
fn entry_tys(entry: &TypeEntry) -> Vec<&Ty> {
    match &entry.kind {
        TypeKind::Enum(_) => Vec::new(),
        TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
        TypeKind::Union(u) => u
            .cases
            .iter()
            .filter_map(|c| c.arm.as_ref())
            .chain(u.default.as_ref().and_then(|d| d.arm.as_ref()))
            .collect(),
    }
}

fn entry_tys_mut(entry: &mut TypeEntry) -> Vec<&mut Ty> {
    match &mut entry.kind {
        TypeKind::Enum(_) => Vec::new(),
        TypeKind::Struct(s) => s.fields.iter_mut().map(|f| &mut f.ty).collect(),
        TypeKind::Union(u) => u
            .cases
            .iter_mut()
            .filter_map(|c| c.arm.as_mut())
            .chain(u.default.as_mut().and_then(|d| d.arm.as_mut()))
            .collect(),
    }
}

/// The types `ty` holds without a `Vec` in between, and whether an optional
/// is on the way. (A `Vec` already puts its elements on the heap.)
fn collect_edges(ty: &Ty, optional: bool, out: &mut Vec<(TypeId, bool)>) {
    match ty {
        Ty::Named(id) => out.push((*id, optional)),
        Ty::FixedArray { elem, .. } => collect_edges(elem, optional, out),
        Ty::Option { elem, .. } => collect_edges(elem, true, out),
        _ => {}
    }
}

/// Whether `to` can be reached from `from` in one or more steps; without
/// `through_optional`, only along edges that do not pass an optional.
fn reaches(
    edges: &[Vec<(TypeId, bool)>],
    from: TypeId,
    to: TypeId,
    through_optional: bool,
) -> bool {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<TypeId> = vec![from];
    while let Some(at) = stack.pop() {
        for &(next, optional) in &edges[at] {
            if optional && !through_optional {
                continue;
            }
            if next == to {
                return true;
            }
            if !seen[next] {
                seen[next] = true;
                stack.push(next);
            }
        }
    }
    false
}

/// Boxes optionals of cyclic types. Returns false when an optional holds a
/// cyclic type inside something else (a fixed array), which is not supported.
fn mark_boxes(ty: &mut Ty, cyclic: &[bool]) -> bool {
    match ty {
        Ty::Option { elem, boxed } => {
            if let Ty::Named(id) = **elem {
                *boxed = cyclic[id];
                return true;
            }
            let mut inner = Vec::new();
            collect_edges(elem, false, &mut inner);
            let ok = inner.iter().all(|(id, optional)| *optional || !cyclic[*id]);
            mark_boxes(elem, cyclic) && ok
        }
        Ty::Array { elem, .. } | Ty::FixedArray { elem, .. } => mark_boxes(elem, cyclic),
        _ => true,
    }
}

fn ty_min_len(types: &[TypeEntry], ty: &Ty, memo: &mut Vec<Option<u64>>) -> u64 {
    match ty {
        Ty::Prim(p) => p.size(),
        Ty::Named(id) => type_min_len(types, *id, memo),
        Ty::String { .. } | Ty::Opaque { .. } | Ty::Array { .. } | Ty::Option { .. } => 4,
        Ty::FixedOpaque { len } => padded(u64::from(*len)),
        Ty::FixedArray { elem, len } => {
            u64::from(*len).saturating_mul(ty_min_len(types, elem, memo))
        }
    }
}

fn type_min_len(types: &[TypeEntry], id: TypeId, memo: &mut Vec<Option<u64>>) -> u64 {
    if let Some(v) = memo[id] {
        return v;
    }
    let v = match &types[id].kind {
        TypeKind::Enum(_) => 4,
        TypeKind::Struct(s) => s.fields.iter().fold(0u64, |acc, f| {
            acc.saturating_add(ty_min_len(types, &f.ty, memo))
        }),
        TypeKind::Union(u) => {
            let arms = u
                .cases
                .iter()
                .map(|c| c.arm.as_ref())
                .chain(u.default.as_ref().map(|d| d.arm.as_ref()));
            let mut least = u64::MAX;
            for arm in arms {
                least = least.min(arm.map_or(0, |t| ty_min_len(types, t, memo)));
            }
            4u64.saturating_add(least)
        }
    };
    memo[id] = Some(v);
    v
}

fn ty_fixed_len(types: &[TypeEntry], ty: &Ty, memo: &mut Vec<Option<Option<u64>>>) -> Option<u64> {
    match ty {
        Ty::Prim(p) => Some(p.size()),
        Ty::Named(id) => type_fixed_len(types, *id, memo),
        Ty::String { .. } | Ty::Opaque { .. } | Ty::Array { .. } | Ty::Option { .. } => None,
        Ty::FixedOpaque { len } => Some(padded(u64::from(*len))),
        Ty::FixedArray { elem, len } => {
            ty_fixed_len(types, elem, memo)?.checked_mul(u64::from(*len))
        }
    }
}

fn type_fixed_len(
    types: &[TypeEntry],
    id: TypeId,
    memo: &mut Vec<Option<Option<u64>>>,
) -> Option<u64> {
    if let Some(v) = memo[id] {
        return v;
    }
    let v = match &types[id].kind {
        TypeKind::Enum(_) => Some(4),
        TypeKind::Struct(s) => {
            let mut total = Some(0u64);
            for f in &s.fields {
                total = match (total, ty_fixed_len(types, &f.ty, memo)) {
                    (Some(a), Some(b)) => a.checked_add(b),
                    _ => None,
                };
            }
            total
        }
        TypeKind::Union(u) => {
            let arms = u
                .cases
                .iter()
                .map(|c| c.arm.as_ref())
                .chain(u.default.as_ref().map(|d| d.arm.as_ref()));
            let sizes: Vec<Option<u64>> = arms
                .map(|arm| arm.map_or(Some(0), |t| ty_fixed_len(types, t, memo)))
                .collect();
            match sizes.first() {
                Some(Some(first)) if sizes.iter().all(|s| *s == Some(*first)) => {
                    first.checked_add(4)
                }
                _ => None,
            }
        }
    };
    memo[id] = Some(v);
    v
}

/// Arrays implement `Default` only up to 32 elements.
const MAX_DEFAULT_ARRAY: u32 = 32;

fn ty_default(types: &[TypeEntry], ty: &Ty, memo: &mut Vec<Option<bool>>) -> bool {
    match ty {
        Ty::Prim(_)
        | Ty::String { .. }
        | Ty::Opaque { .. }
        | Ty::Array { .. }
        | Ty::Option { .. } => true,
        Ty::Named(id) => type_default(types, *id, memo),
        Ty::FixedOpaque { len } => *len <= MAX_DEFAULT_ARRAY,
        Ty::FixedArray { elem, len } => *len <= MAX_DEFAULT_ARRAY && ty_default(types, elem, memo),
    }
}

fn type_default(types: &[TypeEntry], id: TypeId, memo: &mut Vec<Option<bool>>) -> bool {
    if let Some(v) = memo[id] {
        return v;
    }
    let v = match &types[id].kind {
        TypeKind::Enum(_) | TypeKind::Union(_) => false,
        TypeKind::Struct(s) => s.fields.iter().all(|f| ty_default(types, &f.ty, memo)),
    };
    memo[id] = Some(v);
    v
}
