//! Compiles the generator's golden outputs (`codegen/tests/golden/*/expected*.rs`)
//! against the real runtime and round-trips every type they define, so the
//! forms libvirt's own files do not use (defaults, void arms, recursion,
//! `bool`, `float`, ...) are exercised too.
//!
//! The generated code refers to `crate::xdr` and the procedure types at the
//! crate root, so this test crate re-exports them there.

// The golden modules are compiled to prove that they compile; not every item
// in them is used.
#![allow(dead_code)]

use virtwire_protocol::xdr::{Bytes, DecodeError, Gen, Generate, TypeCheck, from_bytes, to_bytes};
pub use virtwire_protocol::{
    BodyPart, Event, FdPassing, Priority, Procedure, ProcedureInfo, ProcedureKind, StreamDirection,
    conn,
};

/// The runtime, where the generated code expects it.
mod xdr {
    pub use virtwire_protocol::xdr::*;
}

macro_rules! golden {
    ($case:literal, $file:literal) => {
        include!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../codegen/tests/golden/",
            $case,
            "/",
            $file
        ));
    };
}

mod consts_enums_typedefs {
    pub mod input {
        golden!("consts_enums_typedefs", "expected.rs");
    }
}
mod all_forms {
    pub mod input {
        golden!("all_forms", "expected.rs");
    }
}
mod unions {
    pub mod input {
        golden!("unions", "expected.rs");
    }
}
mod recursive {
    pub mod input {
        golden!("recursive", "expected.rs");
    }
}
mod procedures {
    pub mod input {
        golden!("procedures", "expected.rs");
    }
}
mod cross_file {
    pub mod base {
        golden!("cross_file", "expected_base.rs");
    }
    pub mod input {
        golden!("cross_file", "expected.rs");
    }
}

#[test]
fn golden_types_round_trip() {
    let all: &[(&str, &[TypeCheck])] = &[
        (
            "consts_enums_typedefs",
            consts_enums_typedefs::input::ALL_TYPES,
        ),
        ("all_forms", all_forms::input::ALL_TYPES),
        ("unions", unions::input::ALL_TYPES),
        ("recursive", recursive::input::ALL_TYPES),
        ("procedures", procedures::input::ALL_TYPES),
        ("cross_file/base", cross_file::base::ALL_TYPES),
        ("cross_file/input", cross_file::input::ALL_TYPES),
    ];
    for (case, types) in all {
        assert!(!types.is_empty(), "{case}");
        for (name, check) in *types {
            for seed in 0..256 {
                let result = std::panic::catch_unwind(|| check(seed));
                assert!(result.is_ok(), "{case}: {name} failed with seed {seed}");
            }
        }
    }
}

#[test]
fn constants() {
    use consts_enums_typedefs::input::*;
    assert_eq!(T_DECIMAL, 4194304u32);
    assert_eq!(T_HEX, 0x20008086u32);
    assert_eq!(T_OCTAL, 493u32);
    assert_eq!(T_NEGATIVE, -5i32);
    assert_eq!(T_ALIAS, T_DECIMAL);
    assert_eq!(T_UUID_LEN, 16);
    assert_eq!(T_MEMBER, 3);
    assert_eq!(T_BIG, u32::MAX);
    assert_eq!(Color::Green as i32, 0x20008086);
    assert_eq!(
        Counted::ALL,
        &[
            Counted::Zero,
            Counted::One,
            Counted::Ten,
            Counted::Eleven,
            Counted::Minus
        ]
    );
    assert_eq!(
        [
            Counted::One as i32,
            Counted::Eleven as i32,
            Counted::Minus as i32
        ],
        [1, 11, -1]
    );
    assert_eq!(Speed::V1g as i32, 1000);
    assert_eq!(Single::TSingleOnly as i32, 7);
    let uuid: Uuid = [0; 16];
    let _: UuidAgain = uuid;
}

#[test]
fn typedef_bounds_hold_at_every_use() {
    use consts_enums_typedefs::input::*;
    let long: virtwire_protocol::xdr::XdrString = "n".repeat(T_ALIAS as usize + 1).into();
    let mut uses = Uses {
        name: long.clone(),
        maybe: None,
        uuid: [0; 16],
        blob: Bytes::new(),
        again: [0; 16],
        numbers: vec![],
        paint: Color::Red,
        names: vec![],
        maybes: vec![],
    };
    assert!(to_bytes(&uses).is_err());
    uses.name = "ok".into();
    uses.maybes = vec![None, Some(long)];
    assert!(to_bytes(&uses).is_err());
    uses.maybes = vec![None, None, None];
    assert!(to_bytes(&uses).is_err(), "maybes<2>");
    uses.maybes = vec![];
    uses.names = vec!["a".into(); 5];
    assert!(to_bytes(&uses).is_err(), "t_names is <4>");
    uses.names.pop();
    assert!(from_bytes::<Uses>(to_bytes(&uses).unwrap()).is_ok());
}

#[test]
fn scalar_and_form_encodings() {
    use all_forms::input::*;
    let scalars = Scalars::generate(&mut Gen::new(3));
    // 14 fields: hyper, unsigned hyper and double take 8 bytes, the rest 4.
    assert_eq!(to_bytes(&scalars).unwrap().len(), 11 * 4 + 3 * 8);
    let mut forms = Forms::generate(&mut Gen::new(1));
    forms.odd = [1, 2, 3, 4, 5];
    forms.model = [0; 32];
    let bytes = to_bytes(&forms).unwrap();
    assert!(from_bytes::<Forms>(bytes).is_ok());
    // `opaque odd[5]` pads to 8 and `char model[32]` takes 128 bytes.
    assert_eq!(
        <Forms as virtwire_protocol::xdr::Decode>::MIN_LEN,
        12 + 4 * 3
            + 4
            + 4
            + 4
            + 16
            + 8
            + 4
            + 4
            + 128
            + 4
            + 8
            + 4
            + 8
            + 4
            + 8
            + 4
            + 4
            + 4
            + 4
            + 4
            + 4
            + 4
            + 4
            + 4
            + 4
    );
    assert_eq!(
        Small::default(),
        Small { a: 0 },
        "Default is derived for plain structs"
    );
    let big = BigArray { many: [7; 33] };
    assert_eq!(
        from_bytes::<BigArray>(to_bytes(&big).unwrap()).unwrap(),
        big
    );
    forms.r#type = 1;
    forms.callback_id = 2;
}

#[test]
fn union_encodings() {
    use unions::input::*;
    let v = Value::HyperToo(-2);
    assert_eq!(
        to_bytes(&v).unwrap().as_ref(),
        &[0, 0, 0, 3, 255, 255, 255, 255, 255, 255, 255, 254]
    );
    assert_eq!(to_bytes(&Value::Nothing).unwrap().as_ref(), &[0, 0, 0, 4]);
    let other = Value::Default {
        discriminant: 99,
        value: Bytes::from_static(b"ab"),
    };
    let bytes = to_bytes(&other).unwrap();
    assert_eq!(bytes.as_ref(), &[0, 0, 0, 99, 0, 0, 0, 2, b'a', b'b', 0, 0]);
    assert_eq!(from_bytes::<Value>(bytes).unwrap(), other);
    assert_eq!(
        from_bytes::<Value>(Bytes::from_static(&[0, 0, 0, 5, 0, 0, 0, 11])),
        Err(DecodeError::OverBound { len: 11, max: 10 })
    );
    assert_eq!(
        from_bytes::<Numbered>(Bytes::from_static(&[0, 0, 0, 7])).unwrap(),
        Numbered::Case7
    );
    assert_eq!(
        from_bytes::<Numbered>(Bytes::from_static(&[255, 0, 0, 0])).unwrap(),
        Numbered::Default(0xff00_0000)
    );
    assert_eq!(
        to_bytes(&Signed::CaseMinus1(0)).unwrap().as_ref(),
        &[255, 255, 255, 255, 0, 0, 0, 0]
    );
    assert_eq!(
        from_bytes::<ByShape>(Bytes::from_static(&[0, 0, 0, 2])),
        Err(DecodeError::UnknownDiscriminant {
            type_name: "u_by_shape",
            value: 2
        })
    );
    assert_eq!(
        from_bytes::<EveryShape>(Bytes::from_static(&[0, 0, 0, 3])),
        Err(DecodeError::UnknownDiscriminant {
            type_name: "u_shape",
            value: 3
        })
    );
    let else_ = ShapeOrElse::Default {
        discriminant: Shape::Circle,
        value: 4,
    };
    assert_eq!(
        from_bytes::<ShapeOrElse>(to_bytes(&else_).unwrap()).unwrap(),
        else_
    );
    assert_eq!(
        to_bytes(&EveryShape::Square(5)).unwrap().as_ref(),
        &[0, 0, 0, 1, 0, 0, 0, 5]
    );
}

#[test]
fn recursive_types_are_boxed() {
    use recursive::input::*;
    let list = Node {
        v: 1,
        next: Some(Box::new(Node { v: 2, next: None })),
    };
    let bytes = to_bytes(&list).unwrap();
    assert_eq!(
        bytes.as_ref(),
        &[0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0]
    );
    assert_eq!(from_bytes::<Node>(bytes).unwrap(), list);
    let dir = Dir {
        name: "a".into(),
        entries: vec![Dir {
            name: "b".into(),
            entries: vec![],
        }],
    };
    assert_eq!(from_bytes::<Dir>(to_bytes(&dir).unwrap()).unwrap(), dir);
    let expr = Expr::Case1(Some(Box::new(Pair {
        left: Expr::Case0(1),
        right: Expr::Case1(None),
    })));
    assert_eq!(from_bytes::<Expr>(to_bytes(&expr).unwrap()).unwrap(), expr);
    // A long list decodes (the decoder recurses once per element).
    let mut long = Node { v: 0, next: None };
    for v in 1..200 {
        long = Node {
            v,
            next: Some(Box::new(long)),
        };
    }
    assert_eq!(from_bytes::<Node>(to_bytes(&long).unwrap()).unwrap(), long);
}

#[test]
fn procedure_table() {
    use procedures::input::{self as p, procs};
    assert_eq!((p::PROGRAM, p::VERSION), (0x50524f47, 2));
    let numbers: Vec<i32> = p::PROCEDURES.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    let open = p::procedure(1).unwrap();
    assert_eq!(
        (open.args, open.ret, open.priority),
        (Some("p_open_args"), None, Priority::High)
    );
    let download = <procs::ThingDownload as Procedure>::INFO;
    assert_eq!(download.stream, Some(StreamDirection::Read));
    assert_eq!(download.sparse_flag, Some("P_DOWNLOAD_SPARSE"));
    assert_eq!(
        <procs::ThingUpload as Procedure>::INFO.stream,
        Some(StreamDirection::Write)
    );
    let changed = <procs::EventChanged as Event>::INFO;
    assert_eq!(
        (changed.kind, changed.message),
        (ProcedureKind::Message, Some("p_event_changed_msg"))
    );
    assert_eq!(p::procedure(6).unwrap().name, "P_PROC_PING");
    assert_eq!(p::procedure(3).unwrap().priority, Priority::Low);
    assert_eq!(
        p::roundtrip_body(2, BodyPart::Args, Bytes::new()),
        Some(Ok(true))
    );
    assert_eq!(p::roundtrip_body(8, BodyPart::Args, Bytes::new()), None);
    let args = p::OpenArgs {
        name: "x".into(),
        flags: 1,
    };
    assert_eq!(
        p::roundtrip_body(1, BodyPart::Args, to_bytes(&args).unwrap()),
        Some(Ok(true))
    );
    assert_eq!(
        p::ProcedureNumber::try_from(7),
        Ok(p::ProcedureNumber::EventChanged)
    );
}

#[test]
fn cross_file_references() {
    use cross_file::{base, input};
    assert_eq!(input::INPUT_LIST_MAX, base::BASE_NAME_MAX);
    let listing = input::Listing {
        objects: vec![base::Object {
            name: "o".into(),
            uuid: [1; 16],
        }],
        comment: Some("c".into()),
        mode: base::Mode::On,
        uuid: [2; 16],
    };
    assert_eq!(
        from_bytes::<input::Listing>(to_bytes(&listing).unwrap()).unwrap(),
        listing
    );
    let by_mode = input::ByMode::On(base::Object::default());
    assert_eq!(
        from_bytes::<input::ByMode>(to_bytes(&by_mode).unwrap()).unwrap(),
        by_mode
    );
}
