//! The HTML report: an outline snapshot of the shipped corpus's page, the
//! escaping of a hostile corpus, and, in a real browser (Chromium driven
//! through chromedriver's WebDriver protocol), what an editor sees and does.
//!
//! The browser tests need `chromium` and `chromedriver` (Debian:
//! `apt-get install -y chromium chromium-driver`). Without them they are
//! skipped with a message, unless `CLAIMCHECK_BROWSER_TESTS=1`, which
//! `.ci/run` sets: then a missing browser fails the run.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{json, Value};

#[path = "../examples/support/generate.rs"]
#[allow(dead_code)]
mod generate;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `claimcheck report --format FORMAT` of a corpus, as text.
fn report(corpus: &Path, format: &str) -> String {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args([
            "--corpus",
            corpus.to_str().unwrap(),
            "report",
            "--format",
            format,
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The page reduced to what the snapshot guards: headings, the cards with
/// their kind and id, the timelines and the sources, in page order.
fn outline(html: &str) -> String {
    let re = regex::Regex::new(
        r#"(?s)<h1>(.*?)</h1>|<p class="corpus" id="corpus">(.*?)</p>|<article class="finding kind-([a-z-]+)" id="([^"]+)"|<section class="question" id="([^"]+)"|<script type="application/json" id="source-data-([^"]+)"|<button type="button" data-kind="[^"]+">(.*?)</button>"#,
    )
    .unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let mut out = String::new();
    for c in re.captures_iter(html) {
        let line = if let Some(h) = c.get(1) {
            format!("# {}", h.as_str())
        } else if let Some(p) = c.get(2) {
            format!("corpus: {}", p.as_str())
        } else if let (Some(k), Some(id)) = (c.get(3), c.get(4)) {
            format!("card {} {}", k.as_str(), id.as_str())
        } else if let Some(q) = c.get(5) {
            format!("timeline {}", q.as_str())
        } else if let Some(s) = c.get(6) {
            format!("source {}", s.as_str())
        } else if let Some(b) = c.get(7) {
            format!("count {}", tags.replace_all(b.as_str(), ""))
        } else {
            continue;
        };
        out.push_str(&line.replace("&#x2f;", "/"));
        out.push('\n');
    }
    out
}

#[test]
fn outline_of_the_shipped_corpus() {
    let html = report(&root(), "html");
    let json: Value = serde_json::from_str(&report(&root(), "json")).unwrap();
    let cards = html.matches("<article class=\"finding").count();
    assert_eq!(cards as u64, json["corpus"]["findings"].as_u64().unwrap());
    insta::assert_snapshot!("html_outline", outline(&html));
}

#[test]
fn the_page_is_self_contained() {
    let html = report(&root(), "html");
    // Nothing is fetched: no external scripts, styles, fonts or images.
    for needle in ["<script src", "<link", "@import", "url(http", "src=\"http"] {
        assert!(!html.contains(needle), "the page loads something: {needle}");
    }
    assert!(html.contains("Content-Security-Policy"));
    // Shared data once: each source (its text, metadata and claims) is in
    // the page once, and no card copies a quote or a source's metadata.
    assert_eq!(
        html.matches("<script type=\"application/json\" id=\"source-data-")
            .count(),
        5
    );
    let json: Value = serde_json::from_str(&report(&root(), "json")).unwrap();
    let quote = json["findings"][0]["claims"][0]["quote"].as_str().unwrap();
    assert_eq!(html.matches(quote).count(), 1, "{quote}");
    assert_eq!(html.matches("\"outlet\":\"TRANSCEND Media Service\"").count(), 1);
}

/// The Markdown report shows the hostile corpus's markup as text too: a
/// renderer (GitHub, a static site, chat) finds no tag and no link in it.
#[test]
fn a_hostile_corpus_is_text_in_markdown() {
    let md = report(&root().join("tests/corpora/hostile"), "markdown");
    assert!(md.contains("&lt;"), "the hostile corpus has markup to escape");
    for needle in ["<script", "<img", "<i ", "</svg", "](javascript:"] {
        assert!(!md.contains(needle), "unescaped in Markdown: {needle}");
    }
}

#[test]
fn a_hostile_corpus_is_shown_as_text() {
    let html = report(&root().join("tests/corpora/hostile"), "html");
    // The only script that runs is the page's own; the others are inert
    // data, one per source, holding no `<` that could close them.
    assert_eq!(html.matches("<script>").count(), 1, "a script tag from the corpus");
    let data = regex::Regex::new(r#"(?s)<script type="application/json" id="source-data-[a-z0-9._-]+">(.*?)</script>"#)
        .unwrap();
    let blocks: Vec<&str> = data.captures_iter(&html).map(|c| c.get(1).unwrap().as_str()).collect();
    assert_eq!(html.matches("<script").count(), 1 + blocks.len());
    assert_eq!(blocks.len(), 2);
    for b in &blocks {
        assert!(!b.contains('<') && !b.contains('>'), "raw markup in data: {b}");
        serde_json::from_str::<Value>(b).unwrap();
    }
    // No corpus string opens a tag or an attribute.
    for needle in ["<img", "onerror=\"", "<i ", "javascript:", "</svg><script"] {
        assert!(!html.contains(needle), "unescaped: {needle}");
    }
    // In markup, escaped; in data, as JSON escapes the script reads as text.
    assert!(html.contains("&lt;script&gt;window.__pwned = &#x27;question&#x27;&lt;&#x2f;script&gt;"));
    assert!(html.contains(r"\u003cscript\u003ewindow.__pwned = 'quote'\u003c/script\u003e"));
    // The safe link is kept, and the unsafe one left out.
    assert!(html.contains(r"https://example.org/y?a=1\u0026b=\u003c2\u003e"));
}

#[test]
fn output_file_is_written_atomically_and_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let status = Command::cargo_bin("claimcheck")
        .unwrap()
        .args(["--corpus", root().to_str().unwrap(), "report", "--format", "html", "-o"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, report(&root(), "html"));
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args([
            "--corpus",
            root().to_str().unwrap(),
            "report",
            "--format",
            "html",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), written);
}

// ---- In a real browser -------------------------------------------------

/// A WebDriver session on a chromedriver this test started.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// One HTTP/1.1 request to chromedriver on localhost; the JSON body back.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open: read the headers, then the
    // body by its Content-Length (or its chunks).
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let complete = |raw: &[u8]| -> Option<String> {
        let text = String::from_utf8_lossy(raw);
        let (head, rest) = text.split_once("\r\n\r\n")?;
        let head = head.to_ascii_lowercase();
        if head.contains("transfer-encoding: chunked") {
            return rest.contains("\r\n0\r\n").then(|| dechunk(rest));
        }
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        (rest.len() >= length).then(|| rest.to_string())
    };
    let payload = loop {
        let n = s.read(&mut buf)?;
        raw.extend_from_slice(&buf[..n]);
        if let Some(p) = complete(&raw) {
            break p;
        }
        if n == 0 {
            return Err(std::io::Error::other("connection closed early"));
        }
    };
    serde_json::from_str(&payload).map_err(std::io::Error::other)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

fn found(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(program))
            .find(|p| p.is_file())
    })
}

impl Browser {
    /// Starts chromedriver and a headless Chromium, or `None` (skip) when
    /// they are not installed and the browser tests are not required.
    #[allow(clippy::print_stderr)] // a skipped browser test says why
    fn start() -> Option<Browser> {
        let required = std::env::var("CLAIMCHECK_BROWSER_TESTS").is_ok_and(|v| v == "1");
        let (Some(driver), Some(chromium)) = (
            found("chromedriver"),
            found("chromium")
                .or_else(|| found("chromium-browser"))
                .or_else(|| found("google-chrome")),
        ) else {
            assert!(
                !required,
                "CLAIMCHECK_BROWSER_TESTS=1 but chromium or chromedriver is not installed"
            );
            eprintln!(
                "skipped: chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)"
            );
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while http(port, "GET", "/status", None).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600"]
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let mut b = Browser {
            driver: child,
            port,
            session: String::new(),
        };
        let r = http(port, "POST", "/session", Some(&caps)).unwrap();
        b.session = r["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {r}"))
            .to_string();
        Some(b)
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let r = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        )
        .unwrap();
        assert!(r["value"].get("error").is_none(), "{method} {path}: {r}");
        r["value"].clone()
    }

    fn open(&self, file: &Path) {
        self.call(
            "POST",
            "/url",
            Some(json!({"url": format!("file://{}", file.display())})),
        );
    }

    fn js(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": script, "args": []})))
    }

    /// Polls a script until it returns `true` (five seconds at most): what
    /// the page draws when something comes into view is drawn a frame later.
    fn wait_for(&self, script: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if self.js(script) == json!(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    fn visible_cards(&self) -> u64 {
        self.js("return document.querySelectorAll('article.finding:not(.hidden)').length")
            .as_u64()
            .unwrap()
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        let id = e
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap()
            .to_string();
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.call("POST", &format!("/element/{id}/value"), Some(json!({"text": text})));
    }

    fn press(&self, key: &str) {
        self.call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
            ]}]})),
        );
    }

    /// Console messages at level SEVERE (errors), since the last call.
    fn console_errors(&self) -> Vec<String> {
        let log = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].to_string())
            .collect()
    }

    fn screenshot(&self, to: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        std::fs::write(to, base64_decode(b64.as_str().unwrap())).unwrap();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bits: Vec<u8> = s.bytes().filter_map(value).collect();
    bits.chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |n, &v| (n << 6) | u32::from(v)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

#[test]
fn in_a_browser_an_editor_can_judge_and_find_findings() {
    let Some(browser) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, report(&root(), "html")).unwrap();
    let json: Value = serde_json::from_str(&report(&root(), "json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    browser.open(&page);

    // Every finding is a card, and all are shown at first.
    assert_eq!(browser.visible_cards(), findings.len() as u64);
    // Each conflict shows the quotes of its claims, highlighted.
    for f in findings.iter().filter(|f| f["kind"] == "conflict") {
        let id = f["id"].as_str().unwrap();
        let marks = browser.js(&format!(
            "return Array.from(document.getElementById('{id}').querySelectorAll('blockquote mark')).map(m => m.textContent)"
        ));
        for c in f["claims"].as_array().unwrap() {
            let quote = c["quote"].as_str().unwrap();
            assert!(
                marks
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m.as_str().is_some_and(|m| m.contains(&quote[..quote.len().min(30)]))),
                "conflict {id} does not show the quote of {}",
                c["id"]
            );
        }
    }
    // The kind filter shows exactly that kind.
    browser.js(
        "const s = document.getElementById('filter-kind'); s.value = 'conflict'; s.dispatchEvent(new Event('change'));",
    );
    let conflicts = findings.iter().filter(|f| f["kind"] == "conflict").count() as u64;
    assert_eq!(browser.visible_cards(), conflicts);
    browser.js("const s = document.getElementById('filter-kind'); s.value = ''; s.dispatchEvent(new Event('change'));");
    assert_eq!(browser.visible_cards(), findings.len() as u64);
    // Typing in the search box narrows the cards to those that match.
    browser.type_into("#search", "peace treaty");
    let matching = browser.visible_cards();
    assert!(
        matching > 0 && matching < findings.len() as u64,
        "search showed {matching}"
    );
    let shown = browser.js("return document.getElementById('shown').textContent");
    assert_eq!(shown, json!(format!("{matching} of {} findings", findings.len())));
    browser.type_into("#search", "");
    browser.js("document.activeElement.blur()");
    assert_eq!(
        browser.visible_cards(),
        findings.len() as u64,
        "clearing the search shows every card again"
    );
    // j moves to the first card, and its id is addressable.
    browser.press("j");
    let current = browser.js("const c = document.querySelector('article.current'); return c && c.id");
    assert_eq!(current, findings[0]["id"]);
    // A source link shows the source's full text, with its quotes marked.
    let source = findings[0]["claims"][0]["source"].as_str().unwrap().to_string();
    browser.js(&format!("location.hash = '#source-{source}'"));
    let shown_marks = browser.js(&format!(
        "const s = document.getElementById('source-{source}'); return getComputedStyle(s).display !== 'none' && s.querySelectorAll('mark').length"
    ));
    assert!(
        shown_marks.as_u64().is_some_and(|n| n > 0),
        "source {source}: {shown_marks}"
    );
    // Timelines are drawn, one mark per claim.
    let timelines = browser.js("return document.querySelectorAll('section.question svg g.mark').length");
    assert!(timelines.as_u64().is_some_and(|n| n > 0));
    // Opened at a source's address, the page shows that source.
    browser.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}#source-{source}", page.display())})),
    );
    assert!(browser.wait_for(&format!(
        "const s = document.getElementById('source-{source}'); if (!s) return false; const r = s.getBoundingClientRect(); return getComputedStyle(s).display !== 'none' && r.top < innerHeight && r.bottom > 0"
    )));
    // Opened at a timeline's address, the page shows it drawn.
    let key = format!(
        "{}/{}",
        findings[1]["subject"].as_str().unwrap(),
        findings[1]["property"].as_str().unwrap()
    );
    browser.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}#q-{key}", page.display())})),
    );
    assert!(browser.wait_for(&format!(
        "const s = document.getElementById('q-{key}'); if (!s) return false; const r = s.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && s.querySelectorAll('svg g.mark').length > 1"
    )), "timeline {key}");
    browser.js("location.hash = ''; window.scrollTo(0, 0)");
    // Cargo makes this folder inside the build directory for tests.
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    browser.screenshot(&shot);
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

#[test]
fn in_a_browser_a_hostile_corpus_runs_no_script() {
    let Some(browser) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("hostile.html");
    std::fs::write(&page, report(&root().join("tests/corpora/hostile"), "html")).unwrap();
    browser.open(&page);
    // Hover and click everything a reader might touch.
    browser.js(
        "document.querySelectorAll('a, i, img, mark').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover')); })",
    );
    assert_eq!(browser.js("return typeof window.__pwned"), json!("undefined"));
    let text = browser.js("return document.body.textContent");
    assert!(text
        .as_str()
        .unwrap()
        .contains("<script>window.__pwned = 'quote'</script>"));
    assert_eq!(
        browser.js("return document.querySelectorAll('img, i').length"),
        json!(0)
    );
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}

/// A page too large to draw at once (a generated corpus of 4,000 claims):
/// cards and timelines are drawn as they come into view, and search and
/// sources reach what has not been drawn yet.
#[test]
fn in_a_browser_a_large_page_draws_what_comes_into_view() {
    let Some(browser) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    generate::generate(4_000, 3, &corpus);
    let page = dir.path().join("large.html");
    std::fs::write(&page, report(&corpus, "html")).unwrap();
    let json: Value = serde_json::from_str(&report(&corpus, "json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.len() > 300, "{} findings", findings.len());
    browser.open(&page);
    assert_eq!(browser.visible_cards(), findings.len() as u64);
    let drawn = |id: &str| {
        browser.js(&format!(
            "return document.getElementById('{id}').querySelectorAll('section.claim').length"
        ))
    };
    // The first card is drawn; the last is not, until it is scrolled to.
    let (first, last) = (&findings[0], findings.last().unwrap());
    let (first_id, last_id) = (first["id"].as_str().unwrap(), last["id"].as_str().unwrap());
    assert!(browser.wait_for(&format!(
        "return document.getElementById('{first_id}').querySelectorAll('section.claim').length > 0"
    )));
    assert_eq!(drawn(last_id), json!(0));
    browser.js(&format!("document.getElementById('{last_id}').scrollIntoView()"));
    assert!(browser.wait_for(&format!(
        "return document.getElementById('{last_id}').querySelectorAll('section.claim').length === {}",
        last["claims"].as_array().unwrap().len()
    )));
    let marks = browser.js(&format!(
        "return Array.from(document.getElementById('{last_id}').querySelectorAll('blockquote mark')).map(m => m.textContent)"
    ));
    for (c, m) in last["claims"].as_array().unwrap().iter().zip(marks.as_array().unwrap()) {
        assert_eq!(c["quote"], *m);
    }
    // Timelines far down are drawn when scrolled to.
    let charts = browser
        .js("return document.querySelectorAll('section.question').length")
        .as_u64()
        .unwrap();
    assert!(charts > 10);
    assert_eq!(
        browser.js(
            "return Array.from(document.querySelectorAll('section.question')).pop().querySelectorAll('svg').length"
        ),
        json!(0),
        "the last chart is not drawn before it is scrolled to"
    );
    assert!(browser.wait_for(
        "const c = Array.from(document.querySelectorAll('section.question')).pop(); c.scrollIntoView(); return c.querySelectorAll('g.mark').length > 0"
    ));
    // Search reaches cards that were never drawn: the middle card's quote.
    browser.js("window.scrollTo(0, 0)");
    let middle = &findings[findings.len() / 2];
    let quote = middle["claims"][0]["quote"].as_str().unwrap();
    browser.type_into("#search", quote);
    let shown =
        browser.js("return Array.from(document.querySelectorAll('article.finding:not(.hidden)')).map(c => c.id)");
    assert!(
        shown.as_array().unwrap().contains(&middle["id"]),
        "searching {quote:?} did not show {}",
        middle["id"]
    );
    // A source is made and shown when its link is followed.
    let source = middle["claims"][0]["source"].as_str().unwrap();
    browser.js(&format!("location.hash = '#source-{source}'"));
    assert!(browser.wait_for(&format!(
        "const s = document.getElementById('source-{source}'); return !!s && getComputedStyle(s).display !== 'none' && s.querySelectorAll('mark').length > 0"
    )));
    assert_eq!(browser.console_errors(), Vec::<String>::new());
}
