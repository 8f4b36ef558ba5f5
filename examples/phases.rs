#![allow(clippy::print_stdout)]
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let t = std::time::Instant::now();
    let loaded = claimcheck::load::load(&dir);
    println!("load {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let f = claimcheck::compare::findings(&loaded.corpus);
    println!("findings {:?} {}", t.elapsed(), f.len());
    let t = std::time::Instant::now();
    let a = claimcheck::compare::analyse(&loaded.corpus);
    println!("analyse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut out = Vec::new();
    claimcheck::report::json(&loaded.corpus, &a, &Default::default(), &Default::default(), &mut out).unwrap();
    println!("json {:?} {}", t.elapsed(), out.len());
    let t = std::time::Instant::now();
    drop(a);
    drop(f);
    drop(loaded);
    println!("drop {:?}", t.elapsed());
}
