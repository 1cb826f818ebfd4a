//! Bad input is an error with a kind, a `file:line` and a message naming the
//! problem, never a panic.

use std::path::Path;

use virtwire_codegen::{Config, Error, ErrorKind, ProgramSpec};

fn spec(module: &'static str) -> ProgramSpec<'static> {
    ProgramSpec {
        module,
        path: format!("{module}.x").into(),
        type_prefix: "t_",
        ..Default::default()
    }
}

fn generate(source: &str) -> Result<(), Error> {
    Config::new()
        .program_source(spec("t"), source)
        .generate()
        .map(drop)
}

fn error(source: &str) -> Error {
    generate(source).expect_err("the input should be refused")
}

#[track_caller]
fn assert_error(source: &str, kind: ErrorKind, text: &str) {
    let e = error(source);
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.to_string(), text);
}

#[test]
fn unknown_constant_names_it_with_file_and_line() {
    let e = error("const A = 1;\n\nstruct t_s {\n    int a[NOPE];\n};\n");
    assert_eq!(e.kind(), ErrorKind::Semantic);
    assert_eq!(
        e.location().map(|l| (l.file.as_str(), l.line)),
        Some(("t.x", 4))
    );
    assert_eq!(e.message(), "unknown constant `NOPE`");
    assert_eq!(e.to_string(), "t.x:4: unknown constant `NOPE`");
    assert_error(
        "const A = B;",
        ErrorKind::Semantic,
        "t.x:1: unknown constant `B`",
    );
    assert_error(
        "union t_u switch (int k) { case NOPE: void; };",
        ErrorKind::Semantic,
        "t.x:1: unknown constant `NOPE`",
    );
}

#[test]
fn syntax_errors_carry_the_line() {
    assert_error(
        "const A = 1;\nstruct t_s {\n  int a\n};\n",
        ErrorKind::Syntax,
        "t.x:4: expected `;`, found `}`",
    );
    assert_error(
        "struct t_s { int a; }\nconst B = 2;",
        ErrorKind::Syntax,
        "t.x:2: expected `;`, found `const`",
    );
    assert_error(
        "\n\nenum t_e { };",
        ErrorKind::Syntax,
        "t.x:3: expected a name, found `}`",
    );
    assert_error("/* open", ErrorKind::Syntax, "t.x:1: unterminated comment");
    assert_error(
        "const A = 1;\nconst B = @;",
        ErrorKind::Syntax,
        "t.x:2: unexpected character `@`",
    );
    assert_error(
        "struct t_s { quadruple q; };",
        ErrorKind::Syntax,
        "t.x:1: `quadruple` is not supported",
    );
    assert_error(
        "struct t_s { struct { int a; } x; };",
        ErrorKind::Syntax,
        "t.x:1: inline `struct` definitions are not supported",
    );
    assert_error(
        "struct t_s { void; };",
        ErrorKind::Syntax,
        "t.x:1: a struct field cannot be void",
    );
}

#[test]
fn semantic_errors() {
    assert_error(
        "struct t_s { t_nope x; };",
        ErrorKind::Semantic,
        "t.x:1: unknown type `t_nope`",
    );
    assert_error(
        "const A = 1;\nstruct t_s { A x; };",
        ErrorKind::Semantic,
        "t.x:2: `A` is a constant, not a type",
    );
    assert_error(
        "struct t_s { int a; };\nconst B = t_s;",
        ErrorKind::Semantic,
        "t.x:2: `t_s` is a type, not a constant",
    );
    assert_error(
        "const A = 1;\nstruct A { int a; };",
        ErrorKind::Semantic,
        "t.x:2: `A` is already defined at t.x:1",
    );
    assert_error(
        "const A = B;\nconst B = A;",
        ErrorKind::Semantic,
        "t.x:1: constant `B` is defined in terms of itself",
    );
    assert_error(
        "typedef t_b t_a;\ntypedef t_a t_b;",
        ErrorKind::Semantic,
        "t.x:2: typedef `t_a` is defined in terms of itself",
    );
    assert_error(
        "struct t_s { int a<-1>; };",
        ErrorKind::Semantic,
        "t.x:1: size `-1` = -1 is not in 0..=4294967295",
    );
    assert_error(
        "const lower = 1;",
        ErrorKind::Semantic,
        "t.x:1: constant `lower` is not upper case",
    );
    assert_error(
        "enum t_e { A = 1, B = 1 };",
        ErrorKind::Semantic,
        "t.x:1: `B` has the same value (1) as `A`",
    );
    assert_error(
        "enum t_e { A = 0x80000000 };",
        ErrorKind::Semantic,
        "t.x:1: enum value A = 2147483648 does not fit an int",
    );
    assert_error(
        "union t_u switch (int k) {\ncase 1: int a;\ncase 1: int b;\n};",
        ErrorKind::Semantic,
        "t.x:3: case `1` has the same value (1) as case `1`",
    );
    assert_error(
        "union t_u switch (hyper k) { case 1: int a; };",
        ErrorKind::Semantic,
        "t.x:1: the discriminant of union `t_u` must be an int, unsigned int or enum",
    );
    assert_error(
        "enum t_e { E_A = 0 };\nunion t_u switch (t_e k) { case 5: int a; };",
        ErrorKind::Semantic,
        "t.x:2: case `5` = 5 is not a member of the discriminant's enum",
    );
    assert_error(
        "union t_u switch (int k) { case 1: int a; case X_DEFAULT: int b; case X_OTHER: void; default: void; };\n\
         const X_DEFAULT = 2; const X_OTHER = 3;",
        ErrorKind::Semantic,
        "t.x:1: case `X_DEFAULT` and the default arm both become the Rust variant `Default`",
    );
}

#[test]
fn recursion_needs_an_optional() {
    assert_error(
        "struct t_a { int n; t_b b; };\nstruct t_b { t_a a[2]; };",
        ErrorKind::Semantic,
        "t.x:1: `t_a` contains itself without an optional (`*`) in between",
    );
    assert_error(
        "typedef t_a t_pair[2];\nstruct t_a { t_pair *p; };",
        ErrorKind::Semantic,
        "t.x:2: `t_a`: an optional whose value is not itself a named type cannot be part of a type cycle",
    );
    // Through an optional or a variable array it is fine.
    generate("struct t_a { t_a *next; t_a kids<>; };").unwrap();
}

#[test]
fn rust_name_collisions_are_reported() {
    assert_error(
        "struct t_a_b { int x; };\nstruct t_aB { int y; };",
        ErrorKind::Semantic,
        "t.x:2: type `t_aB` becomes the Rust name `AB`, already taken by type `t_a_b` (at t.x:1)",
    );
    assert_error(
        "struct t_s { int fooBar; int foo_bar; };",
        ErrorKind::Semantic,
        "t.x:1: fields `foo_bar` and `fooBar` both become `foo_bar` in Rust",
    );
    assert_error(
        "enum t_e { E_A_B = 1, E_aB = 2, E_C = 3 };",
        ErrorKind::Semantic,
        "t.x:1: `E_aB` and `E_A_B` both become the Rust variant `AB`",
    );
    // Prelude names keep their prefix instead of colliding.
    generate("struct t_string { int a; };\nstruct t_option { int b; };").unwrap();
}

#[test]
fn later_programs_see_earlier_ones_not_the_reverse() {
    let first = "const FIRST_MAX = 4;\nstruct t_first { int a<SECOND_MAX>; };";
    let second = "const SECOND_MAX = 8;";
    let e = Config::new()
        .program_source(spec("first"), first)
        .program_source(spec("second"), second)
        .generate()
        .unwrap_err();
    assert_eq!(e.to_string(), "first.x:2: unknown constant `SECOND_MAX`");

    let second = "struct t_second { t_first f; int b<FIRST_MAX>; };";
    let first = "const FIRST_MAX = 4;\nstruct t_first { int a; };";
    let files = Config::new()
        .program_source(spec("first"), first)
        .program_source(spec("second"), second)
        .generate()
        .unwrap();
    assert!(files[1].code.contains("pub f: super::first::First,"));
    assert!(
        files[1]
            .code
            .contains("crate::xdr::decode_array::<i32>(src, super::first::FIRST_MAX)")
    );

    let e = Config::new()
        .program_source(spec("first"), "struct t_x { int a; };")
        .program_source(spec("second"), "struct t_x { int b; };")
        .generate()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "second.x:1: `t_x` is already defined at first.x:1"
    );
}

#[test]
fn configuration_errors() {
    let with_procs = |source: &str| {
        let spec = ProgramSpec {
            proc_enum: Some("t_procedure"),
            proc_prefix: Some("T_PROC_"),
            program_const: Some("T_PROGRAM"),
            version_const: Some("T_VERSION"),
            ..spec("t")
        };
        Config::new()
            .program_source(spec, source)
            .generate()
            .map(drop)
            .unwrap_err()
    };
    let e = with_procs("const T_PROGRAM = 1; const T_VERSION = 1;");
    assert_eq!(
        (e.kind(), e.to_string()),
        (
            ErrorKind::Config,
            "t.x: there is no enum `t_procedure`".to_owned()
        )
    );
    let e = with_procs("const T_PROGRAM = 1; enum t_procedure { T_PROC_A = 1 };");
    assert_eq!(e.to_string(), "t.x: there is no constant `T_VERSION`");
    let e =
        with_procs("const T_PROGRAM = 1; const T_VERSION = 1; enum t_procedure { OTHER_A = 1 };");
    assert_eq!(
        e.to_string(),
        "t.x:1: procedure `OTHER_A` does not start with `T_PROC_`"
    );
    let e = with_procs(
        "const T_PROGRAM = 1; const T_VERSION = 1;\nenum t_procedure {\n/** @priority: urgent */\nT_PROC_A = 1 };",
    );
    assert_eq!(
        e.to_string(),
        "t.x:4: `@priority: urgent` is neither low nor high"
    );
    let e = with_procs(
        "typedef int t_a_args;\nconst T_PROGRAM = 1; const T_VERSION = 1;\nenum t_procedure { T_PROC_A = 1 };",
    );
    assert_eq!(
        e.to_string(),
        "t.x:3: payload `t_a_args` must be a struct, not a typedef"
    );

    let half = ProgramSpec {
        proc_enum: Some("t_procedure"),
        ..spec("t")
    };
    let e = Config::new()
        .program_source(half, "")
        .generate()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
    let e = Config::new()
        .program_source(spec("Bad-Name"), "")
        .generate()
        .unwrap_err();
    assert_eq!(e.to_string(), "`Bad-Name` is not usable as a module name");
    let e = Config::new()
        .program_source(spec("t"), "")
        .program_source(spec("t"), "")
        .generate()
        .unwrap_err();
    assert_eq!(e.to_string(), "two programs use the module name `t`");
}

#[test]
fn missing_files_are_io_errors() {
    let e = Config::new()
        .program(spec("definitely_missing"))
        .generate()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(
        e.to_string()
            .starts_with("cannot read definitely_missing.x: "),
        "{e}"
    );
    assert!(std::error::Error::source(&e).is_some());
}

/// Mangled versions of real input: every outcome is `Ok` or `Err`.
#[test]
fn mangled_input_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut sources = Vec::new();
    for case in std::fs::read_dir(&dir).unwrap() {
        let case = case.unwrap().path();
        for file in std::fs::read_dir(&case).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "x") {
                sources.push(std::fs::read_to_string(file).unwrap());
            }
        }
    }
    sources.sort();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let alphabet: Vec<char> = "{}()[]<>;,=*:- \n/*%abc_XYZ0123xint unsigned void case default"
        .chars()
        .collect();
    for source in &sources {
        let chars: Vec<char> = source.chars().collect();
        // Every truncation at a line boundary.
        for (i, _) in source.match_indices('\n') {
            let _ = generate(&source[..i]);
        }
        // Random edits.
        for _ in 0..300 {
            let mut text = chars.clone();
            for _ in 0..1 + next(4) {
                let at = next(text.len().max(1));
                match next(3) {
                    0 if !text.is_empty() => {
                        text.remove(at.min(text.len() - 1));
                    }
                    1 => text.insert(at.min(text.len()), alphabet[next(alphabet.len())]),
                    _ if !text.is_empty() => {
                        let last = text.len() - 1;
                        text[at.min(last)] = alphabet[next(alphabet.len())];
                    }
                    _ => {}
                }
            }
            let text: String = text.into_iter().collect();
            let _ = generate(&text);
        }
    }
}
